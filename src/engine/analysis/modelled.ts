import { displayName } from '../../model';
import { isGlobal, type DesignGraph } from '../graph';
import { ASSUMPTIONS, SECONDS_PER_MONTH, type Assumption } from './assumptions';
import type { JourneyOutcome, JourneyPlan } from './journeys';
import { modelInputs, type Rate, type RateAssumption, type DurationAssumption } from './rates';
import { uniqueAssumptions, zoneLossDisruption } from './recovery';
import type { FailureScenario, ScenarioIndex } from './scenarios';

/**
 * The modelled availability of each journey: expected downtime a month from the failure scenarios,
 * each at its rate (events a year) and lasting as long as this design takes to recover from it, or
 * until the provider ends the incident, whichever is sooner. Built from the scenarios' journey
 * outcomes: no journey is walked again here.
 */

export type ContributorKind = 'instance' | 'zone' | 'region' | 'service' | 'external' | 'deployment' | 'corruption';

/** One failure scenario's share of a journey's expected downtime. */
export interface Contributor {
  /** `zone:primary/a`, `region:primary`, `instance:web`, `component:cdn`, `external:erp`, `deployment:web`, `corruption:db`. */
  scenario: string;
  kind: ContributorKind;
  title: string;
  /** The components whose failure costs the journey this time. */
  components: string[];
  /** Expected minutes a month, and at the low and high ends of the rates. */
  minutesPerMonth: number;
  lowMinutesPerMonth: number;
  highMinutesPerMonth: number;
}

export interface ModelledAvailability {
  /** Percent, from the expected rates. */
  availability: number;
  downtimeMinutesPerMonth: number;
  /** Percent at the high rates (the pessimistic end) and at the low rates (the optimistic end). */
  low: number;
  high: number;
  nines: number;
  meetsTarget: boolean;
  /** The scenarios that cost the journey most, largest first. */
  contributors: Contributor[];
  assumptions: Assumption[];
}

/** Contributors kept per journey: enough to say what caps it, few enough for a report. */
export const MAX_CONTRIBUTORS = 10;


const MINUTES_PER_MONTH = SECONDS_PER_MONTH / 60;

interface Tally {
  expected: number;
  low: number;
  high: number;
  contributors: Map<string, Contributor>;
  /** The same contributors, in the order they came. */
  list: Contributor[];
  assumptions: Assumption[];
}

const NO_ASSUMPTIONS: readonly Assumption[] = Object.freeze([]);

/**
 * Adds `rate` events a year of `seconds` each (times the share of requests hit) to a journey's tally,
 * with the assumptions behind it: `assumptions`, then `more`. Two lists, not one spread into a new
 * array at each call: a spread is the iteration protocol inlined at every call site, and the
 * functions below that call this grew optimised code that took 100 ms or more to compile, paid in
 * every process on its first few analyses.
 */
function add(tally: Tally, scenario: string, kind: ContributorKind, title: string, components: readonly string[], rate: Rate, seconds: number, share: number, assumptions: readonly Assumption[], more: readonly Assumption[]): void {
  if (!(seconds > 0) || rate.high <= 0) return;
  // Events a year -> events a month, seconds -> minutes.
  const perEvent = (seconds / 60) * share;
  const expected = (rate.expected / 12) * perEvent;
  const low = (rate.low / 12) * perEvent;
  const high = (rate.high / 12) * perEvent;
  tally.expected += expected;
  tally.low += low;
  tally.high += high;
  let contributor = tally.contributors.get(scenario);
  if (!contributor) {
    contributor = { scenario, kind, title, components: [], minutesPerMonth: 0, lowMinutesPerMonth: 0, highMinutesPerMonth: 0 };
    tally.contributors.set(scenario, contributor);
    tally.list.push(contributor);
  }
  contributor.minutesPerMonth += expected;
  contributor.lowMinutesPerMonth += low;
  contributor.highMinutesPerMonth += high;
  // Indexed, and pushed one at a time: a spread into push grows the list by a count the engine
  // cannot foresee, and the optimised code gave up on it.
  for (let k = 0; k < components.length; k += 1) if (!contributor.components.includes(components[k]!)) contributor.components.push(components[k]!);
  for (let k = 0; k < assumptions.length; k += 1) tally.assumptions.push(assumptions[k]!);
  for (let k = 0; k < more.length; k += 1) tally.assumptions.push(more[k]!);
}

const outageOf = (outcome: JourneyOutcome): number => outcome.rtoSeconds ?? Number.POSITIVE_INFINITY;

/** Whether a component's own loss costs the journey time: it breaks it, or sends it to a failover partner. */
const costs = (outcome: JourneyOutcome): boolean => !outcome.up || outcome.servedByFailover;

function nines(availability: number): number {
  return availability >= 1 ? Number.POSITIVE_INFINITY : Number((-Math.log10(1 - availability)).toFixed(2));
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The modelled availability of every journey of the design, in plan order. */
export function modelledAvailability(graph: DesignGraph, plans: readonly JourneyPlan[], index: ScenarioIndex): ModelledAvailability[] {
  return modelledAvailabilityOf(graph, plans, index, () => true) as ModelledAvailability[];
}

/** The modelled availability of the journeys `wanted` says, in plan order (undefined for the others): a journey's figure reads only its own outcomes. */
export function modelledAvailabilityOf(graph: DesignGraph, plans: readonly JourneyPlan[], index: ScenarioIndex, wanted: (p: number) => boolean): (ModelledAvailability | undefined)[] {
  const inputs = modelInputs(graph);
  const { rates, durations } = inputs;
  // Indexed loops and lists filled by push, no for-of, spreads, destructuring or array callbacks, here
  // and in the functions below: those are inlined into the optimised code of these functions (the
  // iteration protocol, the builtin and its callback), which V8 compiles in each process's first
  // analyses at a cost the engine's CPU time counts. And a list made by .map has another elements
  // kind when the code that made it was optimised than when it was not: the code that read `want`
  // was optimised again when it changed.
  const tallies: Tally[] = [];
  const planById = new Map<string, number>();
  const want: boolean[] = [];
  // The components each journey cannot lose without waiting (broken or failed over), from the
  // component scenarios, ascending (as index.onRoutes is).
  const critical: number[][] = [];
  for (let p = 0; p < plans.length; p += 1) {
    tallies.push({ expected: 0, low: 0, high: 0, contributors: new Map(), list: [], assumptions: [ASSUMPTIONS.modelledDowntime, ASSUMPTIONS.month] });
    planById.set(plans[p]!.journey.id, p);
    want.push(wanted(p));
    critical.push([]);
  }
  const onRoutes = index.onRoutes;
  for (let k = 0; k < onRoutes.length; k += 1) {
    const i = onRoutes[k]!;
    const s = index.componentScenario[i]!;
    if (s < 0) continue;
    const journeys = index.scenarios[s]!.journeys;
    for (let o = 0; o < journeys.length; o += 1) {
      const p = planById.get(journeys[o]!.id)!;
      const list = critical[p]!;
      if (want[p] && costs(journeys[o]!) && list[list.length - 1] !== i) list.push(i);
    }
  }
  const componentRate = (i: number, fallback: RateAssumption): RateAssumption => inputs.components.get(graph.components[i]!.id)?.rate ?? fallback;
  const componentDuration = (i: number, fallback: DurationAssumption): DurationAssumption => inputs.components.get(graph.components[i]!.id)?.duration ?? fallback;

  // In the order of the scenarios (the tallies are sums): the zones' and regions', then each kind of
  // component scenario by component. Only components on a journey's route have scenarios that list
  // journeys, so the others, most of a large design, are not visited.
  for (let s = 0; s < index.places; s += 1) tallyScenario(index.scenarios[s]!);
  const lists = [index.componentScenario, index.releaseScenario, index.corruptionScenario];
  for (let l = 0; l < lists.length; l += 1) {
    const list = lists[l]!;
    for (let k = 0; k < onRoutes.length; k += 1) if (list[onRoutes[k]!]! >= 0) tallyScenario(index.scenarios[list[onRoutes[k]!]!]!);
  }

  function tallyScenario(scenario: FailureScenario): void {
    if (scenario.journeys.length === 0) return;
    switch (scenario.kind) {
      case 'zone':
        zoneOrRegion(scenario, rates.zoneIncident, durations.zoneIncident, 'zone');
        break;
      case 'region':
        zoneOrRegion(scenario, rates.regionIncident, durations.regionIncident, 'region');
        break;
      case 'component':
      case 'external':
        componentLoss(scenario);
        break;
      case 'deployment':
        release(scenario);
        break;
      case 'corruption':
        corruption(scenario);
        break;
    }
  }

  function zoneOrRegion(scenario: FailureScenario, rate: RateAssumption, duration: DurationAssumption, kind: 'zone' | 'region'): void {
    let region: string;
    let zone: string | undefined;
    if (kind === 'zone') {
      // `region/zone`.
      const key = scenario.failure.zones![0] as string;
      const slash = key.indexOf('/');
      region = slash < 0 ? key : key.slice(0, slash);
      if (slash >= 0) {
        const rest = key.slice(slash + 1);
        zone = rest.indexOf('/') < 0 ? rest : rest.slice(0, rest.indexOf('/'));
      }
    } else region = scenario.failure.regions![0]!;
    const lost = zone !== undefined ? new Set<string>().add(zone) : undefined;
    const given = [rate.assumption, duration.assumption];
    const journeys = scenario.journeys;
    for (let p = 0; p < journeys.length; p += 1) {
      if (!want[p]) continue;
      const outcome = journeys[p]!;
      const broken = costs(outcome);
      let seconds = 0;
      let assumptions: readonly Assumption[] = NO_ASSUMPTIONS;
      if (broken) {
        seconds = Math.min(outageOf(outcome), duration.seconds);
        assumptions = outcome.assumptions;
      }
      // What the failure touches, asked of the few components each journey depends on (not of every component down).
      const candidates = critical[p]!;
      const hit: string[] = [];
      for (let k = 0; k < candidates.length; k += 1) {
        const i = candidates[k]!;
        if (graph.components[i]!.region !== region || (zone !== undefined && !graph.instanceZones[i]!.includes(zone))) continue;
        hit.push(graph.components[i]!.id);
        // Up without a failover: only components the journey depends on disrupt it while they fail over
        // inside the region (a redundant route's or a standby region's zone loss costs nothing).
        if (broken || !lost) continue;
        const estimate = zoneLossDisruption(graph, i, lost);
        // Behind a load balancer only the lost zone's share of requests fails until it is evicted;
        // a promotion (standby, cluster, replica) stops every request until it completes.
        const zones = graph.instanceZones[i]!.length;
        const share = graph.traits[i]!.zonalFailover === 'load-balanced' && zones > 0 ? 1 / zones : 1;
        if ((estimate.seconds ?? 0) * share > seconds) {
          seconds = (estimate.seconds ?? 0) * share;
          assumptions = estimate.assumptions;
        }
      }
      add(tallies[p]!, scenario.id, kind, scenario.title, hit, rate.rate, seconds, 1, given, assumptions);
    }
  }

  function componentLoss(scenario: FailureScenario): void {
    const i = graph.indexById.get(scenario.failure.components![0]!)!;
    const id = graph.components[i]!.id;
    const kind = graph.kinds[i]!;
    const traits = graph.traits[i]!;
    const journeys = scenario.journeys;
    for (let o = 0; o < journeys.length; o += 1) {
      const outcome = journeys[o]!;
      const p = planById.get(outcome.id)!;
      if (!want[p] || !costs(outcome)) continue;
      const tally = tallies[p]!;
      const outage = outageOf(outcome);
      // The service itself fails: a provider's managed or global service, a vendor's system, or a
      // stateful service the team runs. A team's own code fails by releases, instances, zones and regions.
      let service: { rate: RateAssumption; duration: DurationAssumption } | undefined;
      if (kind.capabilities.external) service = { rate: componentRate(i, rates.externalIncident), duration: componentDuration(i, durations.externalIncident) };
      else if (traits.operator === 'provider') service = { rate: componentRate(i, isGlobal(graph, i) ? rates.globalServiceIncident : rates.regionalServiceIncident), duration: componentDuration(i, durations.serviceIncident) };
      else if (!kind.capabilities.deployable) service = { rate: componentRate(i, rates.selfOperatedIncident), duration: componentDuration(i, durations.serviceIncident) };
      else if (inputs.components.has(id)) service = { rate: componentRate(i, rates.selfOperatedIncident), duration: componentDuration(i, durations.serviceIncident) };
      if (service) {
        add(tally, scenario.id, kind.capabilities.external ? 'external' : 'service', scenario.title, [id], service.rate.rate, Math.min(outage, service.duration.seconds), 1, [service.rate.assumption, service.duration.assumption], outcome.assumptions);
      }
      // An instance fails under it: absorbed by the others after a health check or a promotion, or,
      // for a single instance, down until it is replaced.
      if (!(kind.capabilities.instances || kind.capabilities.deployable) || traits.zoneRedundant || graph.components[i]!.region === undefined) continue;
      const instance = rates.instanceFailure;
      const cap = durations.instanceIncident;
      let seconds: number;
      let assumptions: readonly Assumption[];
      let more: readonly Assumption[];
      if (traits.instanceUnits >= 2 && traits.zonalFailover !== 'none' && traits.zonalFailover !== 'independent' && traits.zonalFailover !== 'service') {
        // Every instance fails at the rate, each costing its share of traffic (load-balanced), or only the
        // primary's failures cost a promotion (standby, cluster, replica): either way one disruption per rate.
        const primary = graph.instanceZones[i]![0];
        const lost = new Set<string>();
        if (primary !== undefined) lost.add(primary);
        const estimate = zoneLossDisruption(graph, i, lost);
        seconds = estimate.seconds ?? 0;
        assumptions = [instance.assumption];
        more = estimate.assumptions;
      } else {
        seconds = Math.min(outage, cap.seconds);
        assumptions = [instance.assumption, cap.assumption];
        more = outcome.assumptions;
      }
      add(tally, `instance:${id}`, 'instance', `An instance of ${displayName(graph.components[i]!)} fails`, [id], instance.rate, seconds, 1, assumptions, more);
    }
  }

  function release(scenario: FailureScenario): void {
    const changeFailure = rates.changeFailureRate.rate;
    const perYear = inputs.deploymentsPerMonth.value * 12;
    const rate: Rate = { low: (perYear * changeFailure.low) / 100, expected: (perYear * changeFailure.expected) / 100, high: (perYear * changeFailure.high) / 100 };
    const journeys = scenario.journeys;
    for (let o = 0; o < journeys.length; o += 1) {
      const outcome = journeys[o]!;
      const p = planById.get(outcome.id)!;
      if (!want[p] || outcome.up) continue;
      add(tallies[p]!, scenario.id, 'deployment', scenario.title, scenario.downComponents, rate, outageOf(outcome), scenario.affectedShare ?? 1, [rates.changeFailureRate.assumption, inputs.deploymentsPerMonth.assumption], outcome.assumptions);
    }
  }

  function corruption(scenario: FailureScenario): void {
    const cap = durations.corruptionRepair;
    const journeys = scenario.journeys;
    for (let o = 0; o < journeys.length; o += 1) {
      const outcome = journeys[o]!;
      const p = planById.get(outcome.id)!;
      if (!want[p] || outcome.up) continue;
      add(tallies[p]!, scenario.id, 'corruption', scenario.title, scenario.downComponents, rates.dataCorruption.rate, Math.min(outageOf(outcome), cap.seconds), 1, [rates.dataCorruption.assumption, cap.assumption], outcome.assumptions);
    }
  }

  // The figures, in this loop rather than a function of their own: V8 optimised such a function (hot,
  // once a journey) and inlined it here as well, compiling it twice.
  const figures: (ModelledAvailability | undefined)[] = [];
  for (let p = 0; p < plans.length; p += 1) {
    if (!want[p]) {
      figures.push(undefined);
      continue;
    }
    const tally = tallies[p]!;
    const target = plans[p]!.journey.target ?? graph.tier.availability;
    const expected = availabilityOf(tally.expected);
    // Rounded in place: the tally is not read again.
    const all = tally.list.sort(byCost);
    const contributors: Contributor[] = [];
    for (let k = 0; k < all.length && k < MAX_CONTRIBUTORS; k += 1) {
      const c = all[k]!;
      c.minutesPerMonth = round(c.minutesPerMonth, 2);
      c.lowMinutesPerMonth = round(c.lowMinutesPerMonth, 2);
      c.highMinutesPerMonth = round(c.highMinutesPerMonth, 2);
      contributors.push(c);
    }
    const percent = round(expected * 100, 6);
    figures.push({
      availability: percent,
      downtimeMinutesPerMonth: round(tally.expected, 2),
      low: round(availabilityOf(tally.high) * 100, 6),
      high: round(availabilityOf(tally.low) * 100, 6),
      nines: nines(expected),
      meetsTarget: percent + 1e-9 >= target,
      contributors,
      assumptions: uniqueAssumptions(tally.assumptions),
    });
  }
  return figures;
}

/** Downtime cannot exceed the month: a journey down all the time is 0%, not less. */
const availabilityOf = (minutes: number) => Math.max(0, 1 - minutes / MINUTES_PER_MONTH);

const byCost = (a: Contributor, b: Contributor) => b.minutesPerMonth - a.minutesPerMonth || (a.scenario < b.scenario ? -1 : 1);

