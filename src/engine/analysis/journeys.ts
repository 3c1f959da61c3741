import type { Design, Journey } from '../../model';
import { graphOf, type Adjacency, type DesignGraph } from '../graph';
import { applyFailure, checkFailure, type Failure, type FailureState } from './failure';
import { failoverTime, latest, restoreTime, zoneLossDisruption, type Estimate } from './recovery';
import type { Assumption } from './assumptions';

/**
 * How a journey travels, decided here once (docs/design-format.md says "reachable over connections"):
 * - A journey is a request someone waits for. It travels over `sync` connections, and over `async`
 *   ones too: a component behind a queue is still reached, but later. Needed components reached only
 *   through an async hop are reported as `deferred`, and they are left out of the request-path
 *   availability product (docs/reliability-reference.md §4.3: async paths do not lower request-path availability).
 * - `replication` and `backup` connections carry data, not requests: they never carry a journey.
 *   A `replication` from X to Y makes Y the failover partner of X: a needed X that is down or
 *   unreachable is served by Y if Y is reachable, after the failover time.
 */
export interface JourneyPlan {
  readonly journey: Journey;
  readonly from: number;
  readonly needed: readonly number[];
  /** Components that lie on some route from `from` to a needed component or its partner. */
  readonly relevant: readonly number[];
  /** Membership of `relevant`, for O(1) checks during a walk. */
  readonly inRelevant: Uint8Array;
  /**
   * The connections a walk follows, restricted to the relevant set: for each relevant component, the
   * relevant targets of its sync connections, then of its async ones, in connection order. An entry
   * point that fans out to thousands of components is scanned once here, not once per walk.
   */
  readonly next: ReadonlyMap<number, RelevantNext>;
}

/** A relevant component's relevant targets, over sync and over async connections. */
export interface RelevantNext {
  readonly sync: readonly number[];
  readonly async: readonly number[];
}

// Neither frozen (readonly by type): a frozen object or list has a shape of its own, and the walks'
// reads of a component's next, which mostly meet the lists made below, met two and were compiled again.
const NO_TARGETS: readonly number[] = [];
const NO_NEXT: RelevantNext = { sync: NO_TARGETS, async: NO_TARGETS };

/** The relevant targets of component i's connections in `list`. */
function relevantTargets(graph: DesignGraph, list: Adjacency, i: number, inRelevant: Uint8Array): readonly number[] {
  let targets: number[] | undefined;
  for (let k = list.start[i]!, end = list.start[i + 1]!; k < end; k += 1) {
    const t = graph.connectionTo[list.items[k]!]!;
    if (inRelevant[t]) (targets ??= []).push(t);
  }
  return targets ?? NO_TARGETS;
}

function relevantNext(graph: DesignGraph, relevant: readonly number[], inRelevant: Uint8Array): Map<number, RelevantNext> {
  const next = new Map<number, RelevantNext>();
  for (let k = 0; k < relevant.length; k += 1) {
    const i = relevant[k]!;
    const sync = relevantTargets(graph, graph.out.sync, i, inRelevant);
    const async = relevantTargets(graph, graph.out.async, i, inRelevant);
    next.set(i, sync.length === 0 && async.length === 0 ? NO_NEXT : { sync, async });
  }
  return next;
}

/** One journey under one failure. */
export interface JourneyOutcome {
  id: string;
  name: string;
  /** The journey works (possibly after failover, possibly deferred). */
  up: boolean;
  /** Some needed component is served by its failover partner. */
  servedByFailover: boolean;
  /** Estimated seconds until the journey works again: 0 when unaffected; null when unbounded. */
  rtoSeconds: number | null;
  /** Needed components that are neither reachable nor replaced by a partner. */
  missing: string[];
  /** Needed components served by a partner, as `needed -> partner`. */
  failovers: { component: string; partner: string }[];
  /** Needed components reached only through an async connection. */
  deferred: string[];
  assumptions: Assumption[];
}

const plansCache = new WeakMap<DesignGraph, JourneyPlan[]>();

/**
 * Marks what `start` reaches over sync and async connections (forward) or what reaches `start`
 * (backward), listing each index it marks in `marked` (emptied first), for the caller to clear.
 */
function sweep(graph: DesignGraph, starts: readonly number[], forward: boolean, mark: Uint8Array, stack: number[], marked: number[]): void {
  stack.length = 0;
  marked.length = 0;
  for (let k = 0; k < starts.length; k += 1) {
    const s = starts[k]!;
    if (mark[s]) continue;
    mark[s] = 1;
    stack.push(s);
    marked.push(s);
  }
  const adjacency = forward ? graph.out : graph.in;
  const ends = forward ? graph.connectionTo : graph.connectionFrom;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let mode = 0; mode < 2; mode += 1) {
      const list = mode === 0 ? adjacency.sync : adjacency.async;
      for (let k = list.start[i]!, end = list.start[i + 1]!; k < end; k += 1) {
        const next = ends[list.items[k]!]!;
        if (!mark[next]) {
          mark[next] = 1;
          stack.push(next);
          marked.push(next);
        }
      }
    }
  }
}

/**
 * Journey plans of a graph, built once: O(J·(V+E)) in the worst case, far less on real designs.
 * A plan reads only the journey and the connection indexes: a graph that kept an earlier graph's
 * connection indexes (buildGraph) and has the same journeys has the earlier graph's plans.
 */
export function journeyPlans(graph: DesignGraph, earlier?: DesignGraph): JourneyPlan[] {
  let plans = plansCache.get(graph);
  if (plans) return plans;
  // The walks' buffer made with the plans, not by the first walk: in the optimised code of
  // evaluateJourney, making it for the next analysis's graph was a branch never taken before, and
  // V8 threw the code away there.
  scratch(graph);
  if (earlier !== undefined && earlier.out === graph.out && earlier.in === graph.in && earlier.design.journeys === graph.design.journeys) {
    plans = journeyPlans(earlier);
    plansCache.set(graph, plans);
    return plans;
  }
  const size = graph.components.length;
  // One backward mark and one stack for every journey: the mark is cleared over what it marked.
  const backward = new Uint8Array(size);
  const stack: number[] = [];
  const swept: number[] = [];
  const journeys = graph.design.journeys;
  plans = [];
  for (let j = 0; j < journeys.length; j += 1) {
    const journey = journeys[j]!;
    const from = graph.indexById.get(journey.from)!;
    // Made here and filled by routeOf: a list or object made in a function the engine optimises ties
    // its code to how long such objects live (pretenuring), and a plan's live as long as the graph.
    const needed: number[] = [];
    const relevant: number[] = [];
    const inRelevant = new Uint8Array(size);
    routeOf(graph, journey, from, needed, relevant, inRelevant, backward, stack, swept);
    plans.push({ journey, from, needed, relevant, inRelevant, next: relevantNext(graph, relevant, inRelevant) });
  }
  plansCache.set(graph, plans);
  return plans;
}

/**
 * A journey's needed components (into `needed`) and the components on some route from `from` to one of
 * them or a partner (into `relevant`, ascending, and marked in `inRelevant`). Indexed loops and a list
 * of sweep's starts (a need twice, or a partner also needed, is marked once there): for-of loops over
 * the needs, their partners and a set of both were an iterator each in the optimised code.
 */
function routeOf(graph: DesignGraph, journey: Journey, from: number, needed: number[], relevant: number[], inRelevant: Uint8Array, backward: Uint8Array, stack: number[], swept: number[]): void {
  // One loop into a list of small integers: a map and then a filter made two lists, the first
  // holding undefined for a need the design lacks, and code that read both kinds deoptimised.
  const needs = journey.needs;
  for (let k = 0; k < needs.length; k += 1) {
    const i = graph.indexById.get(needs[k]!);
    if (i !== undefined) needed.push(i);
  }
  const targets = needed.slice();
  const partners = graph.partners;
  for (let q = 0; q < needed.length; q += 1) {
    for (let k = partners.start[needed[q]!]!, end = partners.start[needed[q]! + 1]!; k < end; k += 1) targets.push(partners.items[k]!);
  }
  // Backward from the targets first (usually small), then forward from the entry inside it.
  sweep(graph, targets, false, backward, stack, swept);
  if (backward[from]) {
    stack.length = 0;
    stack.push(from);
    inRelevant[from] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      relevant.push(i);
      for (let mode = 0; mode < 2; mode += 1) {
        const list = mode === 0 ? graph.out.sync : graph.out.async;
        for (let k = list.start[i]!, end = list.start[i + 1]!; k < end; k += 1) {
          const next = graph.connectionTo[list.items[k]!]!;
          if (backward[next] && !inRelevant[next]) {
            inRelevant[next] = 1;
            stack.push(next);
          }
        }
      }
    }
  }
  for (let k = 0; k < swept.length; k += 1) backward[swept[k]!] = 0;
  relevant.sort((a, b) => a - b);
}

/**
 * Walks a journey's relevant components from its entry under a failure: 1 where reached over sync
 * connections only, 2 where reached only through an async hop. Visits only the relevant set.
 */
export function walk(graph: DesignGraph, plan: JourneyPlan, down: Uint8Array, extraDown = -1, reached: Uint8Array = new Uint8Array(graph.components.length)): Uint8Array {
  if (down[plan.from] || plan.from === extraDown) return reached;
  // Only relevant targets are listed in plan.next, so no membership test is needed here.
  const syncStack = syncStackBuffer;
  const asyncStack = asyncStackBuffer;
  syncStack.length = 0;
  asyncStack.length = 0;
  syncStack.push(plan.from);
  reached[plan.from] = 1;
  while (syncStack.length > 0) {
    const i = syncStack.pop()!;
    const next = plan.next.get(i) ?? NO_NEXT;
    for (let k = 0; k < next.sync.length; k += 1) {
      const t = next.sync[k]!;
      if (!reached[t] && !down[t] && t !== extraDown) {
        reached[t] = 1;
        syncStack.push(t);
      }
    }
    for (let k = 0; k < next.async.length; k += 1) asyncStack.push(next.async[k]!);
  }
  while (asyncStack.length > 0) {
    const t = asyncStack.pop()!;
    if (reached[t] || down[t] || t === extraDown) continue;
    reached[t] = 2;
    const next = plan.next.get(t) ?? NO_NEXT;
    for (let k = 0; k < next.sync.length; k += 1) asyncStack.push(next.sync[k]!);
    for (let k = 0; k < next.async.length; k += 1) asyncStack.push(next.async[k]!);
  }
  return reached;
}

/** Stacks shared by every walk (a walk runs to completion before the next starts). */
const syncStackBuffer: number[] = [];
const asyncStackBuffer: number[] = [];

/** Evaluates one journey under a failure state (optionally with one more component down). */
const scratchCache = new WeakMap<DesignGraph, Uint8Array>();

/** A per-graph buffer for walks, cleared over the plan's relevant set after each use (no O(V) allocation per walk). */
function scratch(graph: DesignGraph): Uint8Array {
  let buffer = scratchCache.get(graph);
  if (!buffer) scratchCache.set(graph, (buffer = new Uint8Array(graph.components.length)));
  return buffer;
}

export function evaluateJourney(graph: DesignGraph, plan: JourneyPlan, failed: FailureState, extraDown = -1): JourneyOutcome {
  const reached = walk(graph, plan, failed.down, extraDown, scratch(graph));
  try {
    return outcome(graph, plan, failed, extraDown, reached);
  } finally {
    const relevant = plan.relevant;
    for (let k = 0; k < relevant.length; k += 1) reached[relevant[k]!] = 0;
  }
}

function outcome(graph: DesignGraph, plan: JourneyPlan, failed: FailureState, extraDown: number, reached: Uint8Array): JourneyOutcome {
  const isDown = (i: number) => failed.down[i] === 1 || i === extraDown;
  // Each list made when its first entry comes: most outcomes miss nothing and defer nothing, and share one empty list.
  let missing: string[] | undefined;
  let deferred: string[] | undefined;
  let failovers: { component: string; partner: string }[] | undefined;
  const estimates: Estimate[] = [];
  // Indexed loops: at 1,000 components most analyses a process runs are still in the unoptimised
  // tiers, where a for-of makes an iterator result for every item.
  const needed = plan.needed;
  for (let q = 0; q < needed.length; q += 1) {
    const n = needed[q]!;
    const id = graph.components[n]!.id;
    if (reached[n]) {
      if (reached[n] === 2) (deferred ??= []).push(id);
      continue;
    }
    let partner = -1;
    for (let k = graph.partners.start[n]!, end = graph.partners.start[n + 1]!; k < end && partner < 0; k += 1) {
      const p = graph.partners.items[k]!;
      if (reached[p] && !isDown(p)) partner = p;
    }
    if (partner >= 0) {
      (failovers ??= []).push({ component: id, partner: graph.components[partner]!.id });
      estimates.push(failoverTime(graph, n, partner));
    } else {
      (missing ??= []).push(id);
    }
  }
  const up = missing === undefined;
  if (up) {
    // Components that lost some zones still disrupt the journey while they fail over inside.
    if (failed.lostZones.size > 0) {
      const relevant = plan.relevant;
      for (let q = 0; q < relevant.length; q += 1) {
        const i = relevant[q]!;
        const lost = reached[i] ? failed.lostZones.get(i) : undefined;
        if (lost) estimates.push(zoneLossDisruption(graph, i, lost));
      }
    }
  }
  const restore = (): Estimate => {
    const restores: Estimate[] = [];
    const relevant = plan.relevant;
    for (let q = 0; q < relevant.length; q += 1) if (isDown(relevant[q]!)) restores.push(restoreTime(graph, relevant[q]!, failed));
    if (extraDown >= 0 && !failed.down[extraDown]) restores.push(restoreTime(graph, extraDown, failed));
    return latest(restores);
  };
  let total: Estimate;
  if (!up) total = restore();
  else if (failovers === undefined) total = latest(estimates);
  else {
    // Failing over to the partner, or restoring in place, whichever brings the journey back sooner
    // (a region failover takes minutes; replacing a lost task in its own region may take fewer).
    const failover = latest(estimates);
    const inPlace = restore();
    total = inPlace.seconds !== null && failover.seconds !== null && inPlace.seconds < failover.seconds ? inPlace : failover;
  }
  return {
    id: plan.journey.id,
    name: plan.journey.name,
    up,
    servedByFailover: failovers !== undefined,
    rtoSeconds: total.seconds,
    missing: missing ?? (NO_IDS as string[]),
    failovers: failovers ?? (NO_FAILOVERS as JourneyOutcome['failovers']),
    deferred: deferred ?? (NO_IDS as string[]),
    assumptions: total.assumptions,
  };
}

/** Shared by every outcome with nothing in the list (frozen, since it is shared). */
const NO_IDS: readonly string[] = Object.freeze([]);
const NO_FAILOVERS: readonly JourneyOutcome['failovers'][number][] = Object.freeze([]);

/** What a failure takes down, and what happens to each journey. */
export interface SimulationResult {
  /** Components with every instance lost, in design order. */
  downComponents: string[];
  /** Components that lost some zones and run on in the others. */
  degradedComponents: string[];
  journeys: JourneyOutcome[];
}

/**
 * Simulates a failure of components, zones and regions: what is down, which journeys break,
 * which are served by failover partners, and the estimated time until each works again.
 * @throws Error when the failure names a component, zone or region the design does not have.
 */
export function simulateFailure(design: Design | DesignGraph, failure: Failure): SimulationResult {
  const graph = graphOf(design);
  const problems = checkFailure(graph, failure);
  if (problems.length > 0) throw new Error(`simulateFailure: ${problems.join('; ')}`);
  const failed = applyFailure(graph, failure);
  const degradedComponents: string[] = [];
  for (let i = 0; i < failed.degraded.length; i += 1) if (failed.degraded[i]) degradedComponents.push(graph.components[i]!.id);
  return {
    downComponents: failed.downIndices.map((i) => graph.components[i]!.id),
    degradedComponents,
    journeys: journeyPlans(graph).map((plan) => evaluateJourney(graph, plan, failed)),
  };
}
