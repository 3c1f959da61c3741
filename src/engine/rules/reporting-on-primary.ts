import { connectionIdAt, entriesOf, target } from '../graph';
import { remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule, RuleResult } from './types';

export const reportingOnPrimary: Rule = {
  id: 'reporting-on-primary',
  title: 'Reporting reads served by the primary database',
  severity: 'medium',
  autoFixable: true,
  category: 'data',
  rationale:
    'Month-end reports and dashboards run long scans that compete with timesheets and approvals for the primary\'s CPU, memory and locks. The classic professional-services outage is the finance report that stalls everyone else\'s writes.',
  fix: 'Serve reporting from a read replica or a data warehouse fed from the primary, never from the writer.',
  sources: ['AWS Well-Architected REL10-BP03 (bulkheads)', 'docs/reliability-reference.md HA-015'],
  // The reporting component's own workload, and the databases it calls.
  ...componentRule(['sync-targets'], (context) => {
    const { graph } = context;
    return (i) => {
      if (graph.traits[i]!.workload !== 'reporting') return NO_RESULTS;
      const component = graph.components[i]!;
      const results: RuleResult[] = [];
      for (const c of entriesOf(graph.out.sync, i)) {
        const db = target(graph, c);
        const data = graph.traits[db]!.data;
        if (data?.role !== 'records' || data.readScaling === true) continue;
        const addReplica = remedyFix(graph, db, 'read-replica', `Add a read replica to ${context.name(db)}`);
        results.push({
          components: [component.id, graph.components[db]!.id],
          connections: [connectionIdAt(graph, c)],
          message: `${context.name(i)} runs its reports against ${context.name(db)}, which has no read replica: long reads compete with every user's writes.`,
          fix: `Add a read replica to ${context.name(db)} and point ${context.name(i)} at it, or feed a data warehouse.`,
          autoFix: addReplica,
        });
      }
      return results;
    };
  }),
};
