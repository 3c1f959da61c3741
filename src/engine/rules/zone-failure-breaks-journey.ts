import { formatDuration } from '../../model';
import { downOnRoutes, listOf } from './helpers';
import type { Rule, RuleResult } from './types';

/** Each zone of each region is failed in turn (every instance placed there is lost) and the journeys re-walked. */
export const zoneFailureBreaksJourney: Rule = {
  id: 'zone-failure-breaks-journey',
  title: 'Losing one zone breaks a journey',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  autoFixable: false,
  category: 'topology',
  rationale:
    'Availability zones are the failure domain a region is built to survive: power, cooling and network events take out one zone at a time, several times a year across a provider. A design that loses a journey with one zone is single-zone where it matters.',
  fix: 'Spread every component on the journey over at least two zones (three for quorum systems), and turn on Multi-AZ for the database, the cache and the load balancer.',
  sources: ['AWS Well-Architected REL10-BP01', 'AWS Resilience Hub (AZ disruption type)', 'Azure WAF RE:05', 'docs/reliability-reference.md HA-002'],
  check: (context) => {
    const { graph, tier } = context;
    const results: RuleResult[] = [];
    const plansById = new Map(context.plans().map((plan) => [plan.journey.id, plan]));
    const scenarios = context.scenarios();
    for (let s = 0; s < scenarios.length; s += 1) {
      const scenario = scenarios[s]!;
      // The zone and region scenarios come first (scenarioIndex): the loop ends at the first of the
      // others instead of reading tens of thousands of component scenarios, which made the check a hot
      // loop the optimising compiler compiled (and, as new scenario shapes came, compiled again).
      if (scenario.kind !== 'zone' && scenario.kind !== 'region') break;
      if (scenario.kind !== 'zone') continue;
      const broken = scenario.journeys.filter((j) => !j.up);
      const slow = scenario.journeys.filter((j) => j.up && j.rtoSeconds !== null && j.rtoSeconds > tier.rtoSeconds);
      if (broken.length === 0 && slow.length === 0) continue;
      const inOrder = downOnRoutes(graph, plansById, [...broken, ...slow], scenario.downComponents);
      const components = inOrder.map((i) => graph.components[i]!.id);
      const names = inOrder.map(context.name);
      const zone = scenario.failure.zones![0] as string;
      const [regionId, zoneName] = zone.split('/');
      const region = graph.regionsById.get(regionId!);
      const where = `zone ${zoneName} of ${region?.name ?? regionId}`;
      const message = broken.length > 0
        ? `Losing ${where} breaks ${listOf(broken.map((j) => j.name))}: ${listOf(names)} ${names.length === 1 ? 'runs' : 'run'} only there. Estimated recovery: ${scenario.rtoSeconds === null ? 'unbounded' : formatDuration(scenario.rtoSeconds)}.`
        : `Losing ${where} keeps ${listOf(slow.map((j) => j.name))} down for about ${formatDuration(Math.max(...slow.map((j) => j.rtoSeconds ?? 0)))}, beyond the ${formatDuration(tier.rtoSeconds)} RTO.`;
      results.push({
        components,
        message,
        fix: `Spread ${listOf(names) || 'the components of the journey'} over at least two zones.`,
        details: { zone, journeys: broken.map((j) => j.id), rtoSeconds: scenario.rtoSeconds },
      });
    }
    return results;
  },
};
