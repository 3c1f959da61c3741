import { formatModelled, formatPercent } from '../format';
import type { Contributor } from '../analysis/modelled';
import { isGlobal } from '../graph';
import { journeyRule, listOf, NO_RESULTS } from './helpers';
import type { Rule, RuleContext } from './types';

/** What reduces each kind of contributor, worded for the design at hand. */
const REMEDY: Readonly<Record<Contributor['kind'], string>> = {
  region: 'fail over to a second region (warm standby or active-active) so a region incident costs the failover time instead of the incident',
  service: 'give the service a failover partner in another region, or take it off the request path',
  zone: 'spread what runs in one zone over two or more zones',
  instance: 'run more than one instance (a standby, replicas behind health checks)',
  deployment: 'release progressively (canary or blue-green) with automated rollback',
  external: 'call the external system through a queue so its outages delay work instead of stopping the journey',
  corruption: 'keep point-in-time recovery and practise restores, so corrupted data is back sooner',
};

/** A contributor no change inside this design reduces: a global service that every route shares. */
function outsideReach(context: RuleContext, contributor: Contributor): boolean {
  if (contributor.kind !== 'service' || contributor.components.length !== 1) return false;
  const i = context.graph.indexById.get(contributor.components[0]!);
  return i !== undefined && isGlobal(context.graph, i);
}

const minutes = (value: number) => `${Number(value.toFixed(1))} min`;

/**
 * A journey's modelled availability (expected downtime from failure scenarios at their rates) below
 * its target. The message names what costs the most minutes and what reduces each; when the global
 * services every route shares alone use up the target's budget, it is informational: no change inside
 * the design meets it (docs/reliability-reference.md HA-005).
 */
export const availabilityBelowTarget: Rule = {
  id: 'availability-below-target',
  title: "A journey's modelled availability is below its target",
  severity: 'high',
  autoFixable: false,
  category: 'availability',
  rationale:
    'Downtime adds up along a request path: every component a journey cannot do without brings its failures, and each lasts as long as the design takes to recover from it. A journey whose expected downtime exceeds what the target allows will miss it in an ordinary year, before anything unusual happens.',
  fix: 'Work down the largest contributors: a second region for region and regional-service incidents, zones for zone incidents, progressive delivery for bad releases, queues for external systems.',
  sources: ['AWS Well-Architected REL11-BP07', 'Azure WAF RE:04', 'Azure WAF reliability/metrics.md (composite SLOs)', 'docs/reliability-reference.md §4, §5, HA-005'],
  // Each journey's figures, and whether the services named in them are global.
  ...journeyRule(isGlobal, (context) => (journey) => {
    if (journey.floorStatus === 'cannot-work' || !journey.modelled) {
      return [
        {
          components: [journey.from],
          message: `${journey.name} cannot work at all: ${journey.explanation}`,
          fix: "Connect the journey's entry to every component it needs, over sync or async connections.",
          details: { journey: journey.id },
        },
      ];
    }
    const modelled = journey.modelled;
    if (modelled.meetsTarget) return NO_RESULTS;
    const allowed = ((100 - journey.target) / 100) * 730 * 60;
    const shared = modelled.contributors.filter((c) => outsideReach(context, c));
    const sharedMinutes = shared.reduce((sum, c) => sum + c.minutesPerMonth, 0);
    // The global services alone use up the target's budget: nothing else the design changes meets it.
    const onlyShared = sharedMinutes > allowed;
    const top = modelled.contributors.slice(0, 3);
    const shown = formatModelled(modelled.availability, modelled.low, modelled.high);
    const floor = journey.percent !== null ? `The SLA floor (what the providers commit to) is ${formatPercent(journey.percent)}.` : `The SLA floor is unknown (${journey.floorReason}).`;
    // Array.from, not spreads: a spread is a loop in this function's own bytecode, and with them this
    // once-per-journey check ran hot enough for TurboFan to compile it (about 21 kB of code).
    const components = Array.from(new Set(top.flatMap((c) => c.components)));
    const order = context.graph.indexById;
    components.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const remedies = Array.from(new Set(top.filter((c) => !outsideReach(context, c)).map((c) => REMEDY[c.kind]))).join('; ');
    return [
      {
        components,
        severity: onlyShared ? 'info' : undefined,
        message:
          `${journey.name} is modelled at ${shown.value} (from ${shown.low} to ${shown.high}), ` +
          `${minutes(modelled.downtimeMinutesPerMonth)} of expected downtime a month against the ${minutes(allowed)} a ${formatPercent(journey.target)} target allows. ` +
          `Most of it: ${listOf(top.map((c) => `${c.title.replace(/\.$/, '')} (${minutes(c.minutesPerMonth)})`))}.` +
          (onlyShared ? ` The global services every route shares (${listOf(shared.map((c) => c.components[0]!))}) alone use up the target's budget: no change inside this design meets it.` : '') +
          ` ${floor}`,
        fix: onlyShared
          ? 'Accept it and say so in the target, take the global service off the request path, or give it an alternative (a second DNS or CDN provider).'
          : `${remedies.charAt(0).toUpperCase()}${remedies.slice(1)}.`,
        details: {
          journey: journey.id,
          percent: modelled.availability,
          low: modelled.low,
          high: modelled.high,
          floor: journey.percent,
          target: journey.target,
          contributors: top.map((c) => `${c.scenario}: ${c.minutesPerMonth} min/month`),
        },
      },
    ];
  }),
};
