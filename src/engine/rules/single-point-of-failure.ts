import { applyFailure } from '../analysis/failure';
import { evaluateJourney } from '../analysis/journeys';
import { countOf, redundancy } from '../graph';
import { listOf, placement, spreadFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

/**
 * Found by graph analysis, not by kind: every component on a journey's route is taken away in turn,
 * and the journey re-walked. A component whose loss breaks a journey, that runs in one failure
 * domain and has no failover partner, is a single point of failure.
 */
export const singlePointOfFailure: Rule = {
  id: 'single-point-of-failure',
  title: 'Single point of failure on a journey',
  severity: 'critical',
  autoFixable: true,
  category: 'topology',
  rationale:
    'One instance, or several in one zone, with nothing to take over: when it goes (a host failure, a bad deploy, a zone event), the journey goes with it and stays down until someone rebuilds it. A single instance carries only the 99.5% instance-level SLA.',
  fix: 'Run it in at least two zones (instances behind the load balancer, a Multi-AZ standby, a cache replica with automatic failover), or give it a failover partner through a replication connection.',
  sources: ['AWS Well-Architected REL10-BP01', 'AWS Well-Architected REL11-BP02', 'Azure WAF RE:05', 'Azure WAF RE:03', 'docs/reliability-reference.md HA-001'],
  // The component's own placement and partners, and the journeys whose routes pass through it.
  ...componentRule(['journeys'], (context) => {
    const { graph } = context;
    const plans = context.plans();
    const healthy = applyFailure(graph, {});
    const onRoutes = new Uint8Array(graph.components.length);
    for (let p = 0; p < plans.length; p += 1) {
      const relevant = plans[p]!.relevant;
      for (let k = 0; k < relevant.length; k += 1) onRoutes[relevant[k]!] = 1;
    }
    return (i) => {
      if (!onRoutes[i]) return NO_RESULTS;
      const kind = graph.kinds[i]!;
      if (kind.capabilities.entryPoint || kind.capabilities.external) return NO_RESULTS;
      if (redundancy(graph, i) >= 2 || countOf(graph.partners, i) > 0) return NO_RESULTS;
      const broken = plans.filter((plan) => plan.inRelevant[i] && evaluateJourney(graph, plan, healthy, i).up === false);
      if (broken.length === 0) return NO_RESULTS;
      const names = broken.map((plan) => plan.journey.name);
      const name = context.name(i);
      return [
        {
          components: [graph.components[i]!.id],
          message: `${name} runs as ${placement(graph, i)} with no failover partner; losing it breaks ${listOf(names)}.`,
          fix: `Run ${name} in at least two zones, or add a failover partner (a replication connection to a standby).`,
          autoFix: spreadFix(graph, i),
          details: { journeys: broken.map((plan) => plan.journey.id) },
        },
      ];
    };
  }),
};
