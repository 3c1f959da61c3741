import { formatPercent } from '../analysis/availability';
import { redundancy, type DesignGraph } from '../graph';
import type { Rule, RuleResult } from './types';

/**
 * A term is a provider ceiling when nothing inside its region raises it: a global service, or one
 * already running in several zones, whose published SLA is the most the provider commits to.
 */
function isCeiling(graph: DesignGraph, i: number): boolean {
  if (graph.kinds[i]!.capabilities.external) return false;
  return redundancy(graph, i) >= 2;
}

/**
 * A journey's estimated availability (series product of its hard dependencies, failover partners
 * after their failover time) below its target. When the shortfall disappears once the terms that are
 * already at the provider's ceiling (global services, multi-zone services) are left out: info
 * (docs/reliability-reference.md HA-005).
 */
export const availabilityBelowTarget: Rule = {
  id: 'availability-below-target',
  title: 'A journey\'s estimated availability is below its target',
  severity: 'high',
  autoFixable: false,
  category: 'availability',
  rationale:
    'Availability multiplies along a request path: six components at 99.95% each give 99.7%, not 99.95%. A journey whose dependencies cannot add up to the promised figure will miss it in an ordinary month, before anything unusual happens.',
  fix: 'Remove serial hops from the request path, make dependencies soft (a queue, a cache-aside read), spread components over zones, or fail over to a second region.',
  sources: ['AWS Well-Architected REL11-BP07', 'Azure WAF RE:04', 'Azure WAF reliability/metrics.md (composite SLOs)', 'docs/reliability-reference.md §4, HA-005'],
  check: (context) => {
    const { graph } = context;
    const results: RuleResult[] = [];
    for (const journey of context.journeys()) {
      if (journey.percent === null) {
        results.push({
          components: [journey.from],
          message: `${journey.name} cannot work at all: ${journey.explanation}`,
          fix: 'Connect the journey\'s entry to every component it needs, over sync or async connections.',
          details: { journey: journey.id },
        });
        continue;
      }
      if (journey.meetsTarget !== false) continue;
      const series = journey.terms.filter((t) => t.role !== 'unknown');
      let withoutCeilings = 1;
      for (const term of series) {
        const i = graph.indexById.get(term.component)!;
        if (!isCeiling(graph, i)) withoutCeilings *= term.percent! / 100;
      }
      const ceilingOnly = withoutCeilings * 100 + 1e-9 >= journey.target;
      const weakest = [...series].sort((a, b) => a.percent! - b.percent!).slice(0, 3);
      results.push({
        components: series.map((t) => t.component),
        severity: ceilingOnly ? 'info' : undefined,
        message: `${journey.name} is estimated at ${formatPercent(journey.percent)} (${journey.downtimeMinutesPerMonth} min of downtime a month) against a ${formatPercent(journey.target)} target${ceilingOnly ? '; the shortfall is the published SLAs of services that already run in several zones or globally, a ceiling only a second region or a shorter path raises' : `; weakest: ${weakest.map((t) => `${t.name} ${formatPercent(t.percent!)}`).join(', ')}`}.`,
        details: { journey: journey.id, percent: journey.percent, target: journey.target, explanation: journey.explanation },
      });
    }
    return results;
  },
};
