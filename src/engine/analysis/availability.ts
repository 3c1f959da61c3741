import { isSlaFigure, type SlaFigure } from '../../catalog';
import { displayName } from '../../model';
import { formatPercent } from '../format';
import type { DesignGraph } from '../graph';
import { ASSUMPTIONS, SECONDS_PER_MONTH, type Assumption } from './assumptions';
import { applyFailure, type FailureState } from './failure';
import { evaluateJourney, journeyPlans, walk, type JourneyOutcome, type JourneyPlan } from './journeys';
import { modelledAvailability, modelledAvailabilityOf, type ModelledAvailability } from './modelled';
import { scenarioIndex, type ScenarioIndex } from './scenarios';

/** One factor of a journey's SLA floor, as shown when the figure is opened. */
export interface AvailabilityTerm {
  component: string;
  name: string;
  /**
   * series: its loss breaks the journey, so its SLA multiplies in.
   * failover: its loss is covered by a failover partner; the floor still counts its own SLA.
   * unknown: on the path, with no published SLA: the floor cannot be stated.
   */
  role: 'series' | 'failover' | 'unknown';
  /** Percent, for series and failover terms. */
  percent?: number;
  /** The figure used and where it comes from. */
  sla?: SlaFigure;
  /** For failover terms: the partner that takes over. */
  partner?: string;
  note: string;
}

/** Whether the floor could be stated, and why not when it could not. */
export type FloorStatus = 'known' | 'unknown' | 'cannot-work';

export interface JourneyAvailability {
  id: string;
  name: string;
  from: string;
  /**
   * The SLA floor in percent: the product of the published SLAs of everything the journey cannot do
   * without, what the providers commit to (with service credits), not a forecast. Null when the
   * journey cannot work at all, or when some term has no published SLA (`floorStatus` says which).
   */
  percent: number | null;
  /** -log10(1 - floor): 3 for 99.9%. */
  nines: number | null;
  downtimeMinutesPerMonth: number | null;
  floorStatus: FloorStatus;
  /** Why the floor is unknown: the components with no published SLA and the reason for each. */
  floorReason?: string;
  /** The floor over the terms that have an SLA, when some do not: an upper bound of the floor, for reference. */
  knownTermsPercent?: number;
  /** The journey's target in percent (its own, or the tier's). */
  target: number;
  /** The modelled availability against the target (the headline verdict); false when it cannot work. */
  meetsTarget: boolean;
  /** The SLA floor against the target; null when the floor is unknown. */
  floorMeetsTarget: boolean | null;
  /** false when some terms have no published SLA. */
  complete: boolean;
  terms: AvailabilityTerm[];
  /** Needed components reached only through a queue: outside the request path. */
  deferred: string[];
  /** The product written out: `100% (dns) × 99.9% (cdn) × ... = 99.78%`. */
  explanation: string;
  /** The headline figure: expected availability from failure scenarios; null when the journey cannot work. */
  modelled: ModelledAvailability | null;
  /** Sources of the floor (the SLA assumption); the modelled figure carries its own. */
  assumptions: Assumption[];
}

/** A component's published SLA as configured, or why it has none. */
export function componentSla(graph: DesignGraph, i: number): SlaFigure | { unknown: string } {
  return graph.kinds[i]!.slaAnswerOf(graph.components[i]!, { provider: graph.design.provider, design: graph.design, zones: graph.zones[i]! });
}

function nines(availability: number): number {
  if (availability >= 1) return Number.POSITIVE_INFINITY;
  return Number((-Math.log10(1 - availability)).toFixed(2));
}

const source = (sla: SlaFigure) => `${sla.service} (${sla.source}${sla.asOf ? `, ${sla.asOf}` : ''})`;

/**
 * A term of a journey's floor. Every field named, the absent ones undefined (which JSON leaves out):
 * every term has one shape, so the code that reads them is not optimised again for a second one.
 */
function term(component: string, name: string, role: AvailabilityTerm['role'], sla: SlaFigure | undefined, partner: string | undefined, note: string): AvailabilityTerm {
  return { component, name, role, percent: sla?.percent, sla, partner, note };
}

/** The outcome for journey `id` among a scenario's (a loop: .find inlined its callback into the caller). */
function outcomeOf(outcomes: readonly JourneyOutcome[], id: string): JourneyOutcome | undefined {
  for (let k = 0; k < outcomes.length; k += 1) if (outcomes[k]!.id === id) return outcomes[k];
  return undefined;
}

/**
 * A journey's SLA floor (docs/reliability-reference.md §4): each component whose loss breaks the journey, or
 * sends it to a failover partner, multiplies in with its own published SLA; components on redundant
 * routes drop out. A term with no published SLA makes the floor unknown, never 100%. The component
 * scenarios already evaluated each such loss, so the terms come from them without walking again.
 * The explanation's lists are written as the terms come, not filtered and mapped from them after:
 * those callbacks were inlined into this function's optimised code, and made it larger.
 */
function journeyFloor(graph: DesignGraph, plan: JourneyPlan, index: ScenarioIndex, healthy: FailureState, modelled: ModelledAvailability | null, buffer: Uint8Array): JourneyAvailability {
  const journey = plan.journey;
  const target = journey.target ?? graph.tier.availability;
  const baseline = evaluateJourney(graph, plan, healthy);
  const terms: AvailabilityTerm[] = [];
  const assumptions: Assumption[] = [ASSUMPTIONS.slaFloor, ASSUMPTIONS.month, ASSUMPTIONS.independentZones];
  if (!baseline.up) {
    return {
      id: journey.id,
      name: journey.name,
      from: journey.from,
      percent: null,
      nines: null,
      downtimeMinutesPerMonth: null,
      floorStatus: 'cannot-work',
      floorReason: undefined,
      knownTermsPercent: undefined,
      target,
      meetsTarget: false,
      floorMeetsTarget: false,
      complete: true,
      terms,
      deferred: baseline.deferred,
      explanation: `The journey cannot work: ${baseline.missing.join(', ')} cannot be reached from ${journey.from}.`,
      modelled: null,
      assumptions,
    };
  }
  const reached = walk(graph, plan, healthy.down, -1, buffer);
  let availability = 1;
  // The product of the known terms, the unknown ones with their notes, and why each is unknown.
  let product = '';
  let unknown = '';
  let reasons = '';
  // Only components on the synchronous request path count (async hops are deferred work).
  const relevant = plan.relevant;
  for (let k = 0; k < relevant.length; k += 1) {
    const i = relevant[k]!;
    if (i === plan.from || reached[i] !== 1) continue;
    const s = index.componentScenario[i]!;
    if (s < 0) continue;
    const outcome = outcomeOf(index.scenarios[s]!.journeys, journey.id);
    if (!outcome || (outcome.up && !outcome.servedByFailover)) continue;
    const component = graph.components[i]!;
    const name = displayName(component);
    const sla = componentSla(graph, i);
    if (!isSlaFigure(sla)) {
      terms.push(term(component.id, name, 'unknown', undefined, undefined, sla.unknown));
      unknown += `${unknown === '' ? '' : '; '}${component.id} (${sla.unknown})`;
      reasons += `${reasons === '' ? '' : '; '}${name}: ${sla.unknown}`;
      continue;
    }
    availability *= sla.percent / 100;
    const partner = outcome.up ? outcome.failovers[0]!.partner : undefined;
    if (partner === undefined) terms.push(term(component.id, name, 'series', sla, undefined, `its loss breaks the journey; ${source(sla)}`));
    else terms.push(term(component.id, name, 'failover', sla, partner, `fails over to ${partner}, but the floor counts its own SLA: ${source(sla)}`));
    product += `${product === '' ? '' : ' × '}${formatPercent(sla.percent)} (${component.id}${partner !== undefined ? `, fails over to ${partner}` : ''})`;
  }
  if (product === '') product = 'no terms';
  const percent = Number((availability * 100).toFixed(6));
  let explanation: string;
  const floorKnown = unknown === '';
  if (!floorKnown) {
    explanation = `SLA floor unknown: no published SLA for ${unknown}. Known terms: ${product}`;
  } else {
    explanation = `SLA floor: ${product} = ${formatPercent(percent)}`;
  }
  if (baseline.deferred.length > 0) explanation += `; reached through a queue, outside the request path: ${baseline.deferred.join(', ')}`;
  return {
    id: journey.id,
    name: journey.name,
    from: journey.from,
    percent: floorKnown ? percent : null,
    nines: floorKnown ? nines(availability) : null,
    downtimeMinutesPerMonth: floorKnown ? Number((((1 - availability) * SECONDS_PER_MONTH) / 60).toFixed(2)) : null,
    floorStatus: floorKnown ? 'known' : 'unknown',
    floorReason: floorKnown ? undefined : reasons,
    knownTermsPercent: floorKnown ? undefined : percent,
    target,
    meetsTarget: modelled?.meetsTarget ?? false,
    floorMeetsTarget: floorKnown ? percent + 1e-9 >= target : null,
    complete: floorKnown,
    terms,
    deferred: baseline.deferred,
    explanation,
    modelled,
    assumptions,
  };
}

/**
 * What the journeys of a design after a change can take from before it (analysis/change.ts answers):
 * a journey whose plan and every input of its outcomes are unchanged (EarlierScenarios.journeyUnchanged)
 * has every outcome as before, and its figures read nothing else but its relevant components' SLAs
 * and answers, which that covers.
 */
export interface EarlierJourneys {
  /** The journey at plan index p before the change, when nothing its figures read has changed. */
  unchanged(p: number): JourneyAvailability | undefined;
}

/** Both figures for every journey of the design, in design order; unchanged ones from `earlier` when given. */
export function journeysAvailability(graph: DesignGraph, earlier?: EarlierJourneys): JourneyAvailability[] {
  const healthy = applyFailure(graph, {});
  const plans = journeyPlans(graph);
  const index = scenarioIndex(graph);
  const kept = plans.map((_, p) => earlier?.unchanged(p));
  const modelled = earlier ? modelledAvailabilityOf(graph, plans, index, (p) => kept[p] === undefined) : modelledAvailability(graph, plans, index);
  // One walk buffer for every journey, cleared over its relevant set after use.
  const buffer = new Uint8Array(graph.components.length);
  // A callback, not a loop: a loop made this function hot enough for V8 to optimise it, inlining
  // journeyPlans, whose lists (made by .map) then had another elements kind, and every function that
  // reads the plans was optimised again (scenarioIndex, the rules).
  return plans.map((plan, p) => {
    const before = kept[p];
    if (before) return before;
    const floor = journeyFloor(graph, plan, index, healthy, modelled[p]!, buffer);
    for (let k = 0; k < plan.relevant.length; k += 1) buffer[plan.relevant[k]!] = 0;
    return floor;
  });
}
