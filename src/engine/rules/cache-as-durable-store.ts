import { componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const cacheAsDurableStore: Rule = {
  id: 'cache-as-durable-store',
  title: 'A cache holds the only copy of data',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  autoFixable: false,
  category: 'data',
  rationale:
    'Caches are evicted under memory pressure, flushed on failover and emptied on restart. Data that lives only there (carts, counters, sessions that must not be lost) disappears the first time the cache does what caches do.',
  fix: 'Write through to the database and treat the cache as rebuildable; if it must hold the data, make it durable: append-only persistence, snapshots and a replica with automatic failover.',
  sources: ['AWS Well-Architected REL09-BP01', 'Checkov CKV_AWS_134', 'Trivy AVD-AWS-0050', 'KICS 8fdb08a0-a868-4fdf-9c27-ccab0237f1ab', 'docs/reliability-reference.md HA-012'],
  // A cache's own settings only.
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      const data = graph.traits[i]!.data;
      if (data?.role !== 'cache' || !data.irreplaceable) return NO_RESULTS;
      const persisted = data.persistence !== 'none' && data.persistence !== undefined;
      const backedUp = data.backup?.enabled === true;
      if (persisted && backedUp) return NO_RESULTS;
      const missing = [!persisted ? 'no persistence' : undefined, !backedUp ? 'no backups' : undefined].filter(Boolean).join(' and ');
      return [
        {
          components: [graph.components[i]!.id],
          message: `${context.name(i)} holds data kept nowhere else, with ${missing}: a restart or failover can lose it.`,
          details: { persistence: data.persistence === 'log' ? 'append-only' : (data.persistence ?? 'none'), backups: backedUp },
        },
      ];
    };
  }),
};
