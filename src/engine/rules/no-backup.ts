import { backupOf, backupTargets } from '../analysis/recovery';
import { setPropsFix } from './helpers';
import type { Rule, RuleResult } from './types';

export const noBackup: Rule = {
  id: 'no-backup',
  title: 'A store without backups, or object storage without versioning',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  category: 'data',
  rationale:
    'Standbys and replicas copy mistakes as faithfully as data: a bad migration, a deleted tenant, ransomware. Only backups (or object versions) go back in time, and without them the data is one command away from gone.',
  fix: 'Turn on automated backups with point-in-time recovery and a retention that outlasts the time to notice corruption; turn on versioning for buckets.',
  sources: ['AWS Well-Architected REL09-BP01', 'AWS Well-Architected REL09-BP03', 'Checkov CKV_AWS_133', 'Checkov CKV_AWS_21', 'Trivy AVD-AWS-0077', 'Trivy AVD-AWS-0090', 'docs/reliability-reference.md HA-016, HA-020'],
  check: (context) => {
    const { graph } = context;
    const results: RuleResult[] = [];
    graph.components.forEach((component, i) => {
      const kind = graph.kinds[i]!;
      const props = graph.props[i]!;
      const role = kind.capabilities.dataRole;
      const needsBackups = kind.capabilities.backupable && (role === 'records' || (role === 'cache' && props.durable === true));
      if (needsBackups && backupOf(graph, i)?.enabled !== true && backupTargets(graph, i).length === 0) {
        results.push({
          components: [component.id],
          message: `${context.name(i)} has no backups: a corruption or a deletion cannot be undone.`,
          autoFix: setPropsFix(graph, i, `Turn on backups with point-in-time recovery for ${context.name(i)}`, { backup: { enabled: true, pitr: true, retentionDays: 14 } }),
        });
      }
      if (role === 'files' && props.versioning !== true) {
        results.push({
          components: [component.id],
          message: `${context.name(i)} has no versioning: an overwrite or a deletion is permanent.`,
          fix: `Turn on versioning for ${context.name(i)}, with a lifecycle rule for old versions.`,
          autoFix: setPropsFix(graph, i, `Turn on versioning for ${context.name(i)}`, { versioning: true }),
        });
      }
    });
    return results;
  },
};
