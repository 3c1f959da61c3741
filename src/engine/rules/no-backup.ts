import { aloneIds } from '../graph';
import { backupTargets } from '../analysis/recovery';
import { remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule, RuleResult } from './types';

export const noBackup: Rule = {
  id: 'no-backup',
  title: 'A store without backups, or object storage without versioning',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'data',
  rationale:
    'Standbys and replicas copy mistakes as faithfully as data: a bad migration, a deleted tenant, ransomware. Only backups (or object versions) go back in time, and without them the data is one command away from gone.',
  fix: 'Turn on automated backups with point-in-time recovery and a retention that outlasts the time to notice corruption; turn on versioning for buckets.',
  sources: ['AWS Well-Architected REL09-BP01', 'AWS Well-Architected REL09-BP03', 'Checkov CKV_AWS_133', 'Checkov CKV_AWS_21', 'Trivy AVD-AWS-0077', 'Trivy AVD-AWS-0090', 'docs/reliability-reference.md HA-016, HA-020'],
  // The store's own settings, and whether it sends backups to a vault.
  ...componentRule(['backup-targets'], (context) => {
    const { graph } = context;
    return (i) => {
      const data = graph.traits[i]!.data;
      if (!data?.irreplaceable) return NO_RESULTS;
      const results: RuleResult[] = [];
      // Stores with backup settings are judged by them; object stores by their versions.
      if (data.backup && !data.backup.enabled && backupTargets(graph, i).length === 0) {
        results.push({
          components: aloneIds(graph, i),
          message: `${context.name(i)} has no backups: a corruption or a deletion cannot be undone.`,
          autoFix: remedyFix(graph, i, 'backups', `Turn on backups with point-in-time recovery for ${context.name(i)}`),
        });
      }
      if (data.versioned === false) {
        results.push({
          components: aloneIds(graph, i),
          message: `${context.name(i)} has no versioning: an overwrite or a deletion is permanent.`,
          fix: `Turn on versioning for ${context.name(i)}, with a lifecycle rule for old versions.`,
          autoFix: remedyFix(graph, i, 'versioning', `Turn on versioning for ${context.name(i)}`),
        });
      }
      return results;
    };
  }),
};
