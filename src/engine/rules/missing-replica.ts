import { aloneIds } from '../graph';
import { spreadFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule, RuleResult } from './types';

export const missingReplica: Rule = {
  id: 'missing-replica',
  title: 'A database without a standby, or a durable cache without a replica',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'data',
  rationale:
    'A single database instance fails with its host or its zone, and coming back means a restore measured in hours, losing whatever was written since the last backup. A standby in another zone takes over in one to two minutes with nothing lost (RDS Multi-AZ: 99.95% against 99.5% for a single instance).',
  fix: 'Turn on Multi-AZ (or run a cluster with a standby in another zone); for a cache that holds data kept nowhere else, add a replica with automatic failover.',
  sources: ['Checkov CKV_AWS_157', 'Checkov CKV2_AWS_50', 'AWS RDS SLA', 'AWS Well-Architected REL10-BP01', 'docs/reliability-reference.md HA-013, HA-014'],
  // The store's own settings and zones only.
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      const traits = graph.traits[i]!;
      const data = traits.data;
      if (!graph.kinds[i]!.capabilities.replicable || !data) return NO_RESULTS;
      const results: RuleResult[] = [];
      if (data.role === 'records' && traits.zonalFailover === 'none') {
        results.push({
          components: aloneIds(graph, i),
          message: `${context.name(i)} is a single database instance with no standby${(data.readReplicas ?? 0) > 0 ? ' (read replicas need a manual promotion and lag behind)' : ''}.`,
          fix: `Set ${context.name(i)}'s high availability to Multi-AZ, with the standby in another zone.`,
          autoFix: spreadFix(graph, i),
        });
      }
      if (data.role === 'cache' && data.irreplaceable && (graph.instanceZones[i]!.length < 2 || traits.zonalFailover === 'none')) {
        results.push({
          components: aloneIds(graph, i),
          message: `${context.name(i)} holds data kept nowhere else but has no replica in another zone with automatic failover.`,
          fix: `Give ${context.name(i)} a replica in another zone and turn on automatic failover.`,
          autoFix: spreadFix(graph, i),
        });
      }
      return results;
    };
  }),
};
