import { remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const keyValueWithoutPitr: Rule = {
  id: 'key-value-without-pitr',
  title: 'A managed store that offers point-in-time recovery, without it',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'data',
  rationale:
    'Global tables and multi-region writes copy a bad write or a mass delete to every replica within seconds; only continuous backups go back to the second before it. Managed key-value and document stores offer them with one setting (DynamoDB point-in-time recovery, Cosmos DB continuous backup, Firestore PITR), so leaving them off trades minutes of recovery point for a day or more of lost records.',
  fix: 'Turn on point-in-time recovery (continuous backups) and keep it for the longest time it may take to notice corruption (DynamoDB keeps up to 35 days).',
  sources: ['AWS Well-Architected REL09-BP01', 'Checkov CKV_AWS_28', 'Trivy AVD-AWS-0024', 'Azure Cosmos DB documentation, "Continuous backup with point-in-time restore"'],
  // The store's own settings only.
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      const data = graph.traits[i]!.data;
      if (data?.role !== 'records' || !data.irreplaceable || data.pitrAvailable !== true || data.backup?.pitr) return NO_RESULTS;
      return [
        {
          components: [graph.components[i]!.id],
          message: `${context.name(i)} has no point-in-time recovery: a bad write or a delete, copied to every replica at once, can only be undone back to the last ${data.backup?.enabled ? 'snapshot' : 'backup, and there is none'}.`,
          autoFix: remedyFix(graph, i, 'point-in-time-recovery', `Turn on point-in-time recovery for ${context.name(i)}`),
        },
      ];
    };
  }),
};
