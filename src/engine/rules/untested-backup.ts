import { backupOf } from '../analysis/recovery';
import { byTier, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const untestedBackup: Rule = {
  id: 'untested-backup',
  title: 'Backups whose restore was never tested, or not recently',
  severity: 'high',
  autoFixable: false,
  category: 'data',
  rationale:
    'An untested backup is a hope, not a recovery capability: restores fail on missing permissions, expired keys, a forgotten extension, or simply take ten times longer than anyone assumed. Only a recent end-to-end restore says the RTO and RPO are real.',
  fix: 'Schedule automated restore tests (AWS Backup restore testing, or a job that restores to a scratch instance and runs checks) and record the date on the component.',
  sources: ['AWS Well-Architected REL09-BP04', 'Azure WAF RE:09', 'docs/reliability-reference.md HA-017'],
  // The store's own backup settings, against the tier (a change to the tier is analysed in full).
  ...componentRule([], (context) => {
    const { graph } = context;
    const maxDays = byTier(context.tierClass, { standard: 90, premium: 60, 'mission-critical': 30 });
    return (i) => {
      const backup = backupOf(graph, i);
      if (backup?.enabled !== true) return NO_RESULTS;
      const days = backup.restoreTestedDays;
      if (typeof days === 'number' && days <= maxDays) return NO_RESULTS;
      return [
        {
          components: [graph.components[i]!.id],
          message:
            typeof days === 'number'
              ? `${context.name(i)}'s backups were last restored ${days} days ago; this tier expects a tested restore every ${maxDays} days.`
              : `${context.name(i)}'s backups have never been restored in a test.`,
          fix: `Restore ${context.name(i)} from its backups into a scratch environment, check the data, and record the date; automate it every ${maxDays} days or sooner.`,
          details: { restoreTestedDays: days ?? null, maxDays },
        },
      ];
    };
  }),
};
