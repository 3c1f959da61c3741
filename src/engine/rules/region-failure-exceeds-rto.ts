import { formatDuration } from '../../model';
import { downOnRoutes, listOf } from './helpers';
import type { Rule, RuleResult } from './types';

/** The primary (and every active) region is failed in turn; journeys must work again within the tier's RTO. */
export const regionFailureExceedsRto: Rule = {
  id: 'region-failure-exceeds-rto',
  title: 'A region failure outlasts the RTO',
  severity: 'medium',
  escalation: { premium: 'high', 'mission-critical': 'critical' },
  autoFixable: false,
  category: 'recovery',
  rationale:
    'Region-wide outages are rare but real, and they last hours. Without a second region (or with a recovery strategy too slow for the target), the journeys are down for as long as the provider takes, and the tier\'s RTO is a promise the design cannot keep.',
  fix: 'Pick a DR strategy that fits the RTO: pilot light or warm standby in a second region (cross-region database replica, replicated object storage, failover DNS records), or relax the stated target.',
  sources: ['AWS Well-Architected REL13-BP01', 'AWS Well-Architected REL13-BP02', 'AWS Resilience Hub (Region disruption type)', 'AWS whitepaper "Disaster Recovery of Workloads on AWS"', 'docs/reliability-reference.md HA-004'],
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
      if (scenario.kind !== 'region') continue;
      const regionId = scenario.failure.regions![0]!;
      const region = graph.regionsById.get(regionId)!;
      if (region.role === 'secondary') continue;
      const late = scenario.journeys.filter((j) => j.rtoSeconds === null || j.rtoSeconds > tier.rtoSeconds);
      if (late.length === 0) continue;
      const worst = late.some((j) => j.rtoSeconds === null) ? null : Math.max(...late.map((j) => j.rtoSeconds!));
      const components = downOnRoutes(graph, plansById, late, scenario.downComponents).map((i) => graph.components[i]!.id);
      const single = graph.design.regions.length < 2;
      const how = worst === null
        ? single
          ? 'the design has no other region and nothing to recover from outside it, so recovery waits for the provider (unbounded)'
          : 'nothing outside the region can take over or be restored from (unbounded)'
        : `the estimated recovery is ${formatDuration(worst)}`;
      results.push({
        components,
        message: `Losing region ${region.name ?? region.id} (${region.location}) leaves ${listOf(late.map((j) => j.name))} down beyond the ${formatDuration(tier.rtoSeconds)} RTO: ${how}.`,
        details: { region: regionId, rtoSeconds: worst, targetSeconds: tier.rtoSeconds, journeys: late.map((j) => j.id) },
      });
    }
    return results;
  },
};
