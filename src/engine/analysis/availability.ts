import { AWS_SLA, type SlaFigure } from '../../catalog';
import { displayName } from '../../model';
import type { DesignGraph } from '../graph';
import { ASSUMPTIONS, SECONDS_PER_MONTH, type Assumption } from './assumptions';
import { applyFailure, type FailureState } from './failure';
import { evaluateJourney, journeyPlans, walk, type JourneyPlan } from './journeys';
import { failoverTime } from './recovery';

/** One factor of a journey's availability, as shown when the estimate is opened. */
export interface AvailabilityTerm {
  component: string;
  name: string;
  /**
   * series: its loss breaks the journey, so its availability multiplies in.
   * failover: its loss is covered by a failover partner after the failover time.
   * unknown: on the path, but no published figure: left out of the product and reported.
   */
  role: 'series' | 'failover' | 'unknown';
  /** Percent, for series and failover terms. */
  percent?: number;
  /** The figure used and where it comes from. */
  sla?: SlaFigure;
  /** For failover terms: the partner and the time it takes over. */
  partner?: string;
  failoverSeconds?: number;
  note: string;
}

export interface JourneyAvailability {
  id: string;
  name: string;
  from: string;
  /** Estimated availability in percent over the known terms; null when the journey cannot work at all. */
  percent: number | null;
  /** -log10(1 - availability): 3 for 99.9%. */
  nines: number | null;
  downtimeMinutesPerMonth: number | null;
  /** The journey's target in percent (its own, or the tier's). */
  target: number;
  meetsTarget: boolean | null;
  /** false when some terms are unknown: then `percent` is an upper bound. */
  complete: boolean;
  terms: AvailabilityTerm[];
  /** Needed components reached only through a queue: outside the request-path product. */
  deferred: string[];
  /** The product written out: `100% (dns) × 99.9% (cdn) × ... = 99.78%`. */
  explanation: string;
  assumptions: Assumption[];
}

/** Percent with up to 4 decimals, trailing zeros dropped: 99.95, 99.7801. */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(4))}%`;
}

/**
 * A component's availability figure: its kind's published SLA as configured; for instances with
 * no SLA of their own (pods, self-hosted databases), the instance-level compute SLA in parallel over
 * the zones that hold an instance (same-zone instances count once), capped at the Region-Level SLA.
 */
export function componentSla(graph: DesignGraph, i: number): SlaFigure | undefined {
  const component = graph.components[i]!;
  const kind = graph.kinds[i]!;
  const figure = kind.slaOf(component, { provider: graph.design.provider, design: graph.design, zones: graph.zones[i]! });
  if (figure) return figure;
  // Self-hosted stores (a database or cache on Kubernetes) run on the cluster's instances.
  const selfHostedStore = graph.traits[i]!.operator === 'team' && kind.capabilities.replicable === true;
  const runsOnInstances = kind.capabilities.instances || kind.capabilities.deployable || selfHostedStore;
  if (graph.design.provider !== 'aws' || !runsOnInstances || component.region === undefined) return undefined;
  const zones = graph.instanceZones[i]!.length;
  const single = AWS_SLA.computeInstance.percent / 100;
  const parallel = 1 - Math.pow(1 - single, zones);
  const capped = zones >= 2 ? Math.min(parallel, AWS_SLA.computeRegion.percent / 100) : single;
  return {
    percent: Number((capped * 100).toFixed(6)),
    service: zones >= 2 ? `${zones} zones of instances, each ${AWS_SLA.computeInstance.percent}%, capped at the Region-Level SLA` : 'One zone of instances: the Instance-Level SLA',
    source: AWS_SLA.computeRegion.source,
    asOf: AWS_SLA.computeRegion.asOf,
    verified: false,
    note: 'Derived: no SLA of its own; instances in different zones counted as independent, same-zone ones not (docs/reliability-reference.md §4.1).',
  };
}

function nines(availability: number): number {
  if (availability >= 1) return Number.POSITIVE_INFINITY;
  return Number((-Math.log10(1 - availability)).toFixed(2));
}

/**
 * A journey's estimated availability from the published SLAs (docs/reliability-reference.md §4):
 * each component whose single loss breaks the journey multiplies in (series); a component whose
 * loss a failover partner covers contributes the partner-pair unavailability, bounded by the
 * failover time per incident; components on redundant routes drop out; unknown figures are reported,
 * never taken as 100%.
 */
export function journeyAvailability(graph: DesignGraph, plan: JourneyPlan, healthy: FailureState = applyFailure(graph, {})): JourneyAvailability {
  const journey = plan.journey;
  const target = journey.target ?? graph.tier.availability;
  const baseline = evaluateJourney(graph, plan, healthy);
  const reached = walk(graph, plan, healthy.down);
  const terms: AvailabilityTerm[] = [];
  const assumptions: Assumption[] = [ASSUMPTIONS.month, ASSUMPTIONS.independentZones];
  if (!baseline.up) {
    return {
      id: journey.id,
      name: journey.name,
      from: journey.from,
      percent: null,
      nines: null,
      downtimeMinutesPerMonth: null,
      target,
      meetsTarget: false,
      complete: true,
      terms,
      deferred: baseline.deferred,
      explanation: `The journey cannot work: ${baseline.missing.join(', ')} cannot be reached from ${journey.from}.`,
      assumptions,
    };
  }
  let availability = 1;
  // Only components on the synchronous request path count (async hops are deferred work).
  for (const i of plan.relevant) {
    if (i === plan.from || reached[i] !== 1) continue;
    const outcome = evaluateJourney(graph, plan, healthy, i);
    if (outcome.up && !outcome.servedByFailover) continue;
    const component = graph.components[i]!;
    const sla = componentSla(graph, i);
    const name = displayName(component);
    if (!sla) {
      const why = graph.kinds[i]!.capabilities.external ? 'no vendor SLA entered (`sla` prop)' : 'no published SLA for it as configured';
      terms.push({ component: component.id, name, role: 'unknown', note: `${why}: left out of the product, so the estimate is an upper bound` });
      continue;
    }
    const a = sla.percent / 100;
    if (!outcome.up) {
      availability *= a;
      terms.push({ component: component.id, name, role: 'series', percent: sla.percent, sla, note: `its loss breaks the journey; ${sla.service} (${sla.source}${sla.asOf ? `, ${sla.asOf}` : ''})` });
      continue;
    }
    // Covered by a failover partner: at most one incident a month costs the failover time.
    const failover = outcome.failovers[0]!;
    const partnerIndex = graph.indexById.get(failover.partner)!;
    const neededIndex = graph.indexById.get(failover.component)!;
    const time = failoverTime(graph, neededIndex, partnerIndex);
    const partnerSla = componentSla(graph, partnerIndex);
    const uPartner = partnerSla ? 1 - partnerSla.percent / 100 : 1 - a;
    const u = Math.min(1 - a, (time.seconds ?? 0) / SECONDS_PER_MONTH) + (1 - a) * uPartner;
    const percent = (1 - u) * 100;
    availability *= 1 - u;
    assumptions.push(...time.assumptions, ASSUMPTIONS.oneIncidentPerMonth);
    terms.push({
      component: component.id,
      name,
      role: 'failover',
      percent: Number(percent.toFixed(6)),
      sla,
      partner: failover.partner,
      failoverSeconds: time.seconds ?? undefined,
      note: `its loss (${sla.percent}%, ${sla.service}) fails over to ${failover.partner} in about ${time.seconds} s`,
    });
  }
  const percent = availability * 100;
  const known = terms.filter((t) => t.role !== 'unknown');
  const unknown = terms.filter((t) => t.role === 'unknown');
  const product = known.length > 0 ? known.map((t) => `${formatPercent(t.percent!)} (${t.component}${t.role === 'failover' ? `, fails over to ${t.partner}` : ''})`).join(' × ') : 'no terms';
  let explanation = `${product} = ${formatPercent(percent)}`;
  if (unknown.length > 0) explanation += `; unknown, left out: ${unknown.map((t) => t.component).join(', ')}`;
  if (baseline.deferred.length > 0) explanation += `; reached through a queue, outside the request path: ${baseline.deferred.join(', ')}`;
  const meets = percent + 1e-9 >= target;
  return {
    id: journey.id,
    name: journey.name,
    from: journey.from,
    percent: Number(percent.toFixed(6)),
    nines: nines(availability),
    downtimeMinutesPerMonth: Number((((1 - availability) * SECONDS_PER_MONTH) / 60).toFixed(2)),
    target,
    meetsTarget: unknown.length > 0 && meets ? null : meets,
    complete: unknown.length === 0,
    terms,
    deferred: baseline.deferred,
    explanation,
    assumptions: dedupe(assumptions),
  };
}

function dedupe(list: Assumption[]): Assumption[] {
  const seen = new Map<string, Assumption>();
  for (const a of list) seen.set(a.id, a);
  return [...seen.values()];
}

/** Availability of every journey of the design, in design order. */
export function journeysAvailability(graph: DesignGraph): JourneyAvailability[] {
  const healthy = applyFailure(graph, {});
  return journeyPlans(graph).map((plan) => journeyAvailability(graph, plan, healthy));
}
