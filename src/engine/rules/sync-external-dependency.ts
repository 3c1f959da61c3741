import { connectionIdAt, entriesOf, target } from '../graph';
import { requestPath, componentRule, NO_RESULTS } from './helpers';
import type { Rule, RuleResult } from './types';

export const syncExternalDependency: Rule = {
  id: 'sync-external-dependency',
  title: 'A journey waits on an external system',
  severity: 'high',
  autoFixable: false,
  category: 'integration',
  rationale:
    'ERPs, CRMs and payroll systems have their own maintenance windows, throttles and outages, often the lowest availability in the whole picture. Called synchronously from a journey, their availability multiplies straight into yours and their slowness holds your threads.',
  fix: 'Publish to a queue (with a transactional outbox if the write must be consistent) and let a worker pool call the external system with retries, idempotency keys and a dead-letter queue; show "pending sync" in the UI.',
  sources: ['AWS Well-Architected REL04-BP02', 'AWS Well-Architected REL05-BP01', 'AWS Well-Architected REL05-BP04', 'Azure WAF RE:07', 'docs/reliability-reference.md HA-010'],
  // The caller's place on the request paths, the external systems it calls, and the journeys through both.
  ...componentRule(['sync-targets', 'journeys'], (context) => {
    const { graph } = context;
    const onPath = requestPath(context);
    return (i) => {
      if (!onPath[i]) return NO_RESULTS;
      const component = graph.components[i]!;
      const results: RuleResult[] = [];
      for (const c of entriesOf(graph.out.sync, i)) {
        const x = target(graph, c);
        if (!graph.kinds[x]!.capabilities.external || graph.kinds[x]!.capabilities.entryPoint) continue;
        const journeys = context.plans().filter((plan) => plan.inRelevant[i] && plan.inRelevant[x]).map((plan) => plan.journey.name);
        results.push({
          components: [component.id, graph.components[x]!.id],
          connections: [connectionIdAt(graph, c)],
          message: `${context.name(i)} calls ${context.name(x)} synchronously on the request path${journeys.length > 0 ? ` of ${journeys.join(', ')}` : ''}: when ${context.name(x)} is slow or down, so are they.`,
          fix: `Put a queue between ${context.name(i)} and ${context.name(x)}, with a worker pool that calls ${context.name(x)} with retries and a dead-letter queue.`,
        });
      }
      return results;
    };
  }),
};
