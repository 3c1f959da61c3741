import { remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const noHealthChecks: Rule = {
  id: 'no-health-checks',
  title: 'A load balancer or service without health checks',
  severity: 'high',
  autoFixable: true,
  category: 'operations',
  rationale:
    'Without health checks a hung or half-started instance keeps receiving its share of traffic, failover never triggers, and self-healing has nothing to act on: every user on that instance sees errors until someone notices.',
  fix: 'Turn on health checks (target group checks on a /healthz path that checks what the instance needs; readiness and liveness probes on pods).',
  sources: ['Checkov CKV_AWS_261', 'Checkov CKV2_AWS_15', 'AWS Well-Architected REL11-BP01', 'AWS Well-Architected REL11-BP03', 'docs/reliability-reference.md HA-023'],
  // The component's own settings only.
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      if (graph.traits[i]!.healthChecks !== false) return NO_RESULTS;
      return [
        {
          components: [graph.components[i]!.id],
          message: `${context.name(i)} has no health checks: failed instances keep receiving traffic.`,
          autoFix: remedyFix(graph, i, 'health-checks', `Turn on health checks for ${context.name(i)}`),
        },
      ];
    };
  }),
};
