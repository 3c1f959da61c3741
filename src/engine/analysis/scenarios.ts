import { isSlaFigure } from '../../catalog';
import { displayName, type Design } from '../../model';
import { aloneIds, graphOf, zoneKey, type DesignGraph } from '../graph';
import { lowerBound } from '../lower-bound';
import { flat } from '../flat';
import { ASSUMPTIONS, type Assumption } from './assumptions';
import { applyFailure, applyFailureOver, checkFailure, type Failure, type FailureState } from './failure';
import { evaluateJourney, journeyPlans, type JourneyOutcome, type JourneyPlan } from './journeys';
import { modelInputs } from './rates';
import { dataLoss, holdsRecords, restoreTime, uniqueAssumptions, type Estimate } from './recovery';

export type ScenarioKind = 'component' | 'zone' | 'region' | 'external' | 'corruption' | 'deployment';

/** Data a store would lose in a scenario. */
export interface DataLoss {
  component: string;
  /** Seconds of writes lost; 0 for none; null when the data cannot be recovered at all. */
  rpoSeconds: number | null;
}

export interface FailureScenario {
  /** `zone:primary/a`, `region:primary`, `component:web`, `external:erp`, `corruption:db`. */
  id: string;
  kind: ScenarioKind;
  title: string;
  failure: Failure;
  downComponents: string[];
  degradedComponents: string[];
  /** Journeys that do not work until recovery. */
  brokenJourneys: string[];
  /** Journeys that work again once failover partners take over. */
  failedOverJourneys: string[];
  /**
   * Outcomes of the journeys the failure can reach. Zone and region scenarios list every journey;
   * component and corruption scenarios list only journeys whose routes pass through the component
   * (every other journey is unaffected by construction).
   */
  journeys: JourneyOutcome[];
  /** Estimated time until every journey works again: 0 when none is affected, null when unbounded. */
  rtoSeconds: number | null;
  /** Worst data loss over the stores hit: 0 when none, null when some data is unrecoverable. */
  rpoSeconds: number | null;
  dataLoss: DataLoss[];
  assumptions: Assumption[];
  /**
   * Share of requests the failure affects while it lasts, when not all of them: a canary release
   * affects its share of traffic. Absent: every request on the affected journeys.
   */
  affectedShare?: number;
  /**
   * Why this scenario is left out of the worst-case summaries (scorecard, comparison, proposal):
   * a service whose provider commits to 100% availability is not every design's worst failure.
   */
  unlikely?: string;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * A scenario is made by this constructor, not as an object literal: a literal has an allocation site,
 * and V8 throws away the optimised code that makes objects there when it decides they live long (a
 * scenario lives as long as its analysis), which compiled summarize and what it inlines again two or
 * three times in a process. The fields in the order of the analysis's JSON.
 */
class Scenario implements FailureScenario {
  declare id: string;
  declare kind: ScenarioKind;
  declare title: string;
  declare failure: Failure;
  declare downComponents: string[];
  declare degradedComponents: string[];
  declare brokenJourneys: string[];
  declare failedOverJourneys: string[];
  declare journeys: JourneyOutcome[];
  declare rtoSeconds: number | null;
  declare rpoSeconds: number | null;
  declare dataLoss: DataLoss[];
  declare assumptions: Assumption[];
  declare affectedShare?: number;
  declare unlikely?: string;

  constructor(
    id: string,
    kind: ScenarioKind,
    title: string,
    failure: Failure,
    downComponents: string[],
    degradedComponents: string[],
    brokenJourneys: string[],
    failedOverJourneys: string[],
    journeys: JourneyOutcome[],
    rtoSeconds: number | null,
    rpoSeconds: number | null,
    dataLoss: DataLoss[],
    assumptions: Assumption[],
  ) {
    this.id = id;
    this.kind = kind;
    this.title = title;
    this.failure = failure;
    this.downComponents = downComponents;
    this.degradedComponents = degradedComponents;
    this.brokenJourneys = brokenJourneys;
    this.failedOverJourneys = failedOverJourneys;
    this.journeys = journeys;
    this.rtoSeconds = rtoSeconds;
    this.rpoSeconds = rpoSeconds;
    this.dataLoss = dataLoss;
    this.assumptions = assumptions;
  }
}

/**
 * A scenario's figures from its failure state. `down`, when given, lists what it takes down (else the
 * state's down components): a component's own scenarios name it in one list, shared by the failure and
 * the scenario (two fields of the output, one array kept).
 */
function summarize(graph: DesignGraph, id: string, kind: ScenarioKind, title: string, failure: Failure, failed: FailureState, journeys: JourneyOutcome[], stores: readonly number[], corruption = false, down?: string[]): FailureScenario {
  if (journeys.length === 0 && stores.length === 0 && failed.lostZones.size === 0) {
    // Nothing on a journey's route and no data: the common case on large designs, kept allocation-light.
    const scenario = new Scenario(id, kind, title, failure, down ?? idsAt(graph, failed.downIndices), NONE as never[], NONE as never[], NONE as never[], journeys, 0, 0, NONE as never[], NONE as never[]);
    if (kind === 'zone' || kind === 'region') placeParts.set(scenario, NO_PARTS);
    return scenario;
  }
  // One pass over the stores and one over the journeys, gathering the assumptions as they come: the
  // same figures as latest() over each list and uniqueAssumptions() over both, without the lists.
  const assumptions: Assumption[] = [];
  const losses: DataLoss[] = [];
  let rpoSeconds: number | null = 0;
  const isPlace = kind === 'zone' || kind === 'region';
  const offsets = isPlace ? new Int32Array(stores.length + 1) : undefined;
  for (let k = 0; k < stores.length; k += 1) {
    const i = stores[k]!;
    const loss = dataLoss(graph, i, failed, corruption);
    losses.push(lossEntry(graph, i, loss.seconds));
    rpoSeconds = stores.length === 1 ? loss.seconds : later(rpoSeconds, loss.seconds);
    for (let a = 0; a < loss.assumptions.length; a += 1) assumptions.push(loss.assumptions[a]!);
    if (offsets) offsets[k + 1] = assumptions.length;
  }
  const placeLosses = offsets ? { hits: stores, losses: assumptions.slice(), offsets } : undefined;
  const degradedComponents = failed.lostZones.size === 0 ? (NONE as never[]) : idsInOrder(graph, failed.degraded, failed.lostZones.size);
  const scenario = scenarioOf({ id, kind, title, failure }, down ?? idsAt(graph, failed.downIndices), degradedComponents, journeys, losses, rpoSeconds, assumptions);
  if (placeLosses) placeParts.set(scenario, placeLosses);
  return scenario;
}

/**
 * A scenario from what its failure did: the journeys' figures (their assumptions added to the
 * losses' in `assumptions`), and the shared empty list for every list left empty. One shape for
 * a scenario worked out in full and one patched after a change.
 */
function scenarioOf(
  identity: Pick<FailureScenario, 'id' | 'kind' | 'title' | 'failure'>,
  downComponents: string[],
  degradedComponents: string[],
  journeys: JourneyOutcome[],
  losses: DataLoss[],
  rpoSeconds: number | null,
  assumptions: Assumption[],
): FailureScenario {
  const { rtoSeconds, brokenJourneys, failedOverJourneys } = journeyFigures(journeys, assumptions);
  return new Scenario(
    identity.id,
    identity.kind,
    identity.title,
    identity.failure,
    downComponents,
    degradedComponents,
    brokenJourneys,
    failedOverJourneys,
    journeys,
    rtoSeconds,
    losses.length === 0 ? 0 : rpoSeconds,
    losses.length === 0 ? (NONE as never[]) : losses,
    assumptions.length === 0 ? (NONE as never[]) : uniqueAssumptions(assumptions),
  );
}

/** Per list of component ids (as aloneIds keeps its lists), each store's data-loss entries made so far, one per figure. */
const lossEntries = new WeakMap<ReadonlyMap<string, number>, (DataLoss[] | undefined)[]>();

/**
 * `{ component, rpoSeconds }` of store i: one object per store and figure, shared by every scenario
 * that loses that much of it (a store's loss reads the same in its zone's, its region's and its own
 * scenario, mostly). Frozen, since it is shared.
 */
function lossEntry(graph: DesignGraph, i: number, rpoSeconds: number | null): DataLoss {
  let entries = lossEntries.get(graph.indexById);
  if (!entries) lossEntries.set(graph.indexById, (entries = new Array<DataLoss[] | undefined>(graph.components.length)));
  const made = (entries[i] ??= []);
  for (let k = 0; k < made.length; k += 1) if (made[k]!.rpoSeconds === rpoSeconds) return made[k]!;
  const entry: DataLoss = Object.freeze({ component: graph.components[i]!.id, rpoSeconds });
  made.push(entry);
  return entry;
}

/** The ids of the components at the given indices, in that order. */
function idsAt(graph: DesignGraph, indices: readonly number[]): string[] {
  const ids = new Array<string>(indices.length);
  for (let k = 0; k < indices.length; k += 1) ids[k] = graph.components[indices[k]!]!.id;
  return ids;
}

/**
 * The ids of the `count` components marked 1, sorted as strings sort (the default order of sort,
 * without a comparator to call). Read off the marks: a failure state's degraded marks are its lost
 * zones' components, and iterating those made an iterator result per component.
 */
function idsInOrder(graph: DesignGraph, marks: Uint8Array, count: number): string[] {
  const components = graph.components;
  const ids = new Array<string>(count);
  let k = 0;
  for (let i = 0; i < marks.length; i += 1) if (marks[i] === 1) ids[k++] = components[i]!.id;
  return ids.sort();
}

/** The journeys' share of a scenario's figures, their assumptions added to `assumptions`. */
function journeyFigures(journeys: readonly JourneyOutcome[], assumptions: Assumption[]): Pick<FailureScenario, 'rtoSeconds' | 'brokenJourneys' | 'failedOverJourneys'> {
  let rtoSeconds: number | null = 0;
  // Made when the first id comes: most scenarios break no journey, and their lists are the shared empty one.
  let brokenJourneys: string[] | undefined;
  let failedOverJourneys: string[] | undefined;
  for (let k = 0; k < journeys.length; k += 1) {
    const j = journeys[k]!;
    rtoSeconds = journeys.length === 1 ? j.rtoSeconds : later(rtoSeconds, j.rtoSeconds);
    for (let a = 0; a < j.assumptions.length; a += 1) assumptions.push(j.assumptions[a]!);
    if (!j.up) (brokenJourneys ??= []).push(j.id);
    else if (j.servedByFailover) (failedOverJourneys ??= []).push(j.id);
  }
  return { rtoSeconds, brokenJourneys: brokenJourneys ?? (NONE as never[]), failedOverJourneys: failedOverJourneys ?? (NONE as never[]) };
}

/**
 * What a zone or region scenario's data losses were made of, kept beside it (not in it: a scenario is
 * what the analysis reports) so that a later analysis can take its losses over with new journeys, or
 * work out again only the losses of the stores a change reaches.
 */
interface PlaceParts {
  /** The stores the failure hits, ascending: the scenario's dataLoss entries are theirs, in this order. */
  readonly hits: readonly number[];
  /** The assumptions of their losses, one store's after another's: store k's from offsets[k] up to offsets[k + 1]. */
  readonly losses: readonly Assumption[];
  readonly offsets: Int32Array;
}

const NO_PARTS: PlaceParts = { hits: NONE, losses: NONE, offsets: new Int32Array(1) };

const placeParts = new WeakMap<FailureScenario, PlaceParts>();

/**
 * A zone or region scenario with its journeys' outcomes replaced and all else as before: what the
 * failure takes down, degrades and loses is unchanged (summarize, with the same stores and state).
 * Undefined when the losses' assumptions of `before` are not known.
 */
function withJourneys(before: FailureScenario, journeys: JourneyOutcome[]): FailureScenario | undefined {
  const parts = placeParts.get(before);
  if (!parts) return undefined;
  const assumptions = parts.losses.slice();
  const { rtoSeconds, brokenJourneys, failedOverJourneys } = journeyFigures(journeys, assumptions);
  const scenario = new Scenario(
    before.id,
    before.kind,
    before.title,
    before.failure,
    before.downComponents,
    before.degradedComponents,
    brokenJourneys,
    failedOverJourneys,
    journeys,
    rtoSeconds,
    before.rpoSeconds,
    before.dataLoss,
    uniqueAssumptions(assumptions),
  );
  placeParts.set(scenario, parts);
  return scenario;
}

/** `ids` with `id` in it (at `at`) or not, as `wanted` says: the same list when it already is, a copy otherwise. */
function withOrWithout(ids: string[], at: number, id: string, wanted: boolean): string[] {
  const present = at < ids.length && ids[at] === id;
  if (present === wanted) return ids;
  const copy = ids.slice();
  if (wanted) copy.splice(at, 0, id);
  else copy.splice(at, 1);
  return copy;
}

/**
 * A zone or region scenario whose place a change runs in, from the same scenario before it: what the
 * failure takes down and degrades differs only for the components the change touched (each one's state
 * reads its own region and instance zones alone), and a store's loss only where it, its vaults, or the
 * state of its replication sources and partners moved. Those are worked out again; every other store's
 * loss, and every journey's outcome the change left alone, are taken from before. The same scenario as
 * summarize gives over the whole failure. Undefined when what it was made of is not known.
 */
function patchedPlace(graph: DesignGraph, plans: readonly JourneyPlan[], earlier: EarlierScenarios, isChanged: Uint8Array, before: FailureScenario, kind: 'zone' | 'region', failure: Failure, movedReads: readonly number[]): FailureScenario | undefined {
  const parts = placeParts.get(before);
  if (!parts) return undefined;
  const changed = earlier.changed;
  const replicationIn = graph.in.replication;
  const partners = graph.partners;
  // A store's loss reads its own state, its vaults, and the state of its replication sources and partners.
  const lossMoved = (i: number): boolean => {
    if (isChanged[i] || !earlier.componentUnchanged(i)) return true;
    for (let k = replicationIn.start[i]!, end = replicationIn.start[i + 1]!; k < end; k += 1) if (isChanged[graph.connectionFrom[replicationIn.items[k]!]!]) return true;
    for (let k = partners.start[i]!, end = partners.start[i + 1]!; k < end; k += 1) if (isChanged[partners.items[k]!]) return true;
    return false;
  };
  const hits = parts.hits;
  const moved = new Uint8Array(hits.length);
  const reads: number[] = [...movedReads, ...changed];
  const readAround = (i: number) => {
    reads.push(i);
    for (let k = replicationIn.start[i]!, end = replicationIn.start[i + 1]!; k < end; k += 1) reads.push(graph.connectionFrom[replicationIn.items[k]!]!);
    for (let k = partners.start[i]!, end = partners.start[i + 1]!; k < end; k += 1) reads.push(partners.items[k]!);
  };
  for (let k = 0; k < hits.length; k += 1) {
    if (!lossMoved(hits[k]!)) continue;
    moved[k] = 1;
    readAround(hits[k]!);
  }
  for (const c of changed) if (holdsRecords(graph, c)) readAround(c);
  const failed = applyFailureOver(graph, failure, reads);
  const components = graph.components;

  let downComponents = before.downComponents;
  let degradedComponents = before.degradedComponents;
  for (const c of changed) {
    const id = components[c]!.id;
    downComponents = withOrWithout(downComponents, lowerBound(downComponents.length, (k) => graph.indexById.get(downComponents[k]!)! < c), id, failed.down[c] === 1);
    degradedComponents = withOrWithout(degradedComponents, lowerBound(degradedComponents.length, (k) => degradedComponents[k]! < id), id, failed.lostZones.has(c));
  }
  if (degradedComponents.length === 0) degradedComponents = NONE as never[];

  // The stores hit, in index order: those hit before, and the touched ones hit now.
  const isHit = (i: number) => holdsRecords(graph, i) && (failed.down[i] === 1 || (kind === 'zone' && failed.lostZones.has(i)));
  const newHits: number[] = [];
  const losses: DataLoss[] = [];
  const lossAssumptionList: Assumption[] = [];
  const offsets: number[] = [0];
  const add = (i: number, entry: DataLoss, assumptions: readonly Assumption[], from: number, to: number) => {
    newHits.push(i);
    losses.push(entry);
    for (let a = from; a < to; a += 1) lossAssumptionList.push(assumptions[a]!);
    offsets.push(lossAssumptionList.length);
  };
  const addWorkedOut = (i: number) => {
    const loss = dataLoss(graph, i, failed);
    add(i, lossEntry(graph, i, loss.seconds), loss.assumptions, 0, loss.assumptions.length);
  };
  let c = 0;
  for (let k = 0; k < hits.length; k += 1) {
    const i = hits[k]!;
    for (; c < changed.length && changed[c]! < i; c += 1) if (isHit(changed[c]!)) addWorkedOut(changed[c]!);
    if (c < changed.length && changed[c] === i) {
      c += 1;
      if (isHit(i)) addWorkedOut(i);
    } else if (moved[k]) addWorkedOut(i);
    else add(i, before.dataLoss[k]!, parts.losses, parts.offsets[k]!, parts.offsets[k + 1]!);
  }
  for (; c < changed.length; c += 1) if (isHit(changed[c]!)) addWorkedOut(changed[c]!);
  let rpoSeconds: number | null = 0;
  for (let k = 0; k < losses.length; k += 1) rpoSeconds = losses.length === 1 ? losses[k]!.rpoSeconds : later(rpoSeconds, losses[k]!.rpoSeconds);

  const journeys = plans.map((plan, p) => (earlier.journeyUnchanged(p) ? before.journeys[p]! : evaluateJourney(graph, plan, failed)));
  const scenario = scenarioOf(before, downComponents, degradedComponents, journeys, losses, rpoSeconds, lossAssumptionList.slice());
  placeParts.set(scenario, { hits: newHits, losses: lossAssumptionList, offsets: Int32Array.from(offsets) });
  return scenario;
}

/** The later of two times to recover, as latest() folds them: unbounded wins. */
function later(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}

/**
 * A what-if: any failure of components, zones and regions, summarised like the built-in scenarios
 * (journeys broken or failed over, estimated RTO and RPO, assumptions). The app's what-if mode calls it.
 * @throws Error when the failure names a component, zone or region the design does not have.
 */
export function simulateScenario(design: Design | DesignGraph, failure: Failure): FailureScenario {
  const graph = graphOf(design);
  const problems = checkFailure(graph, failure);
  if (problems.length > 0) throw new Error(`simulateScenario: ${problems.join('; ')}`);
  const failed = applyFailure(graph, failure);
  const journeys = journeyPlans(graph).map((plan) => evaluateJourney(graph, plan, failed));
  const stores: number[] = [];
  for (let i = 0; i < graph.components.length; i += 1) if (holdsRecords(graph, i) && (failed.down[i] || failed.lostZones.has(i))) stores.push(i);
  const parts = [
    ...(failure.regions ?? []).map((r) => `region ${r}`),
    ...(failure.zones ?? []).map((z) => `zone ${typeof z === 'string' ? z : `${z.region}/${z.zone}`}`),
    ...(failure.components ?? []).map((c) => c),
  ];
  return summarize(graph, 'what-if', 'component', parts.length > 0 ? `What if ${parts.join(', ')} fail${parts.length === 1 ? 's' : ''}` : 'Nothing fails', failure, failed, journeys, stores);
}

/** A journey's outcome made without a walk: unaffected, or down for `rtoSeconds` with `missing` gone. Empty lists are the shared one. */
const outcomeOf = (id: string, name: string, up: boolean, rtoSeconds: number | null, missing: string[], assumptions: Assumption[]): JourneyOutcome => ({
  id,
  name,
  up,
  servedByFailover: false,
  rtoSeconds,
  missing,
  failovers: NONE as never[],
  deferred: NONE as never[],
  assumptions,
});
const unaffected = (id: string, name: string): JourneyOutcome => outcomeOf(id, name, true, 0, NONE as never[], NONE as never[]);

/** The scenarios of a graph and where each component's scenarios are, for the analyses built on them. */
export interface ScenarioIndex {
  scenarios: FailureScenario[];
  /** Per component index: its component or external scenario, -1 for entry points. */
  componentScenario: Int32Array;
  /** Per component index: its bad-release scenario, -1 for none. */
  releaseScenario: Int32Array;
  /** Per component index: its corruption scenario, -1 for none. */
  corruptionScenario: Int32Array;
  /** Per component index: the plan indices of the journeys whose routes pass through it (ascending). */
  journeysOf: readonly (readonly number[])[];
  /** The components on some journey's route (ascending): only their scenarios list journeys, besides the zones' and regions'. */
  onRoutes: readonly number[];
  /** The zone and region scenarios come first in `scenarios`: this many. */
  places: number;
  /** How long a bad release lasts and how much it reaches (read from the delivery pipeline). */
  release: { estimate: Estimate; share: number };
}

const indexCache = new WeakMap<DesignGraph, ScenarioIndex>();

/** Per list of component ids (as aloneIds keeps its lists), the failure of each component alone, made when first asked. */
const aloneFailures = new WeakMap<ReadonlyMap<string, number>, (Failure | undefined)[]>();

/**
 * `{ components: [id] }` of component i: one object per component, shared by its own scenarios (its
 * loss, a bad release of it, corruption of its data). Frozen, since it is shared.
 */
function aloneFailure(graph: DesignGraph, i: number): Failure {
  let failures = aloneFailures.get(graph.indexById);
  if (!failures) aloneFailures.set(graph.indexById, (failures = new Array<Failure | undefined>(graph.components.length)));
  return (failures[i] ??= Object.freeze({ components: aloneIds(graph, i) }));
}

/** The scenario index worked out for this graph, if it has been (nothing is computed here). */
export function knownScenarioIndex(graph: DesignGraph): ScenarioIndex | undefined {
  return indexCache.get(graph);
}

/**
 * What the scenarios of a design after a change can take from the analysis before it. The questions
 * are asked by index into the new graph and its plans; analysis/change.ts answers them from what the
 * change touched. What each answer vouches for is what the code below reads:
 * - a journey's outcome under a failure reads the down and lost-zone state of its relevant components,
 *   their answers (restore times, zone-loss disruption, which reads the targets' load balancers, and
 *   backups, which read the vaults), and its needed components' failover partners and regions;
 * - a zone or region scenario's own figures (what it takes down and degrades, and the data the stores
 *   it hits lose) read the region and instance zones of the components there, and of each store hit
 *   its answers, its backup vaults, and the state of its replication sources and partners;
 * - a component or corruption scenario's own figures read the component and its backup vaults;
 * - a bad release reads the component's own loss and the delivery pipeline (design-wide: a change to
 *   it is analysed in full, as is a change to DNS, which every failover time reads).
 */
export interface EarlierScenarios {
  /** The k-th zone or region scenario before the change (zones of each region in design order, then regions), whose id is `id`. */
  place(k: number, id: string): FailureScenario | undefined;
  /** Component i's scenario of this kind before the change (its component or external one for 'component'). */
  ofComponent(i: number, kind: 'component' | 'deployment' | 'corruption'): FailureScenario | undefined;
  /** Plan p is the plan at index p before the change. */
  planUnchanged(p: number): boolean;
  /** The plan is unchanged and so is everything its outcome reads besides the failed components' state: its needed components and their partners. */
  failoversUnchanged(p: number): boolean;
  /** The plan is unchanged and so is everything its outcome under any failure reads: its outcome is as before wherever its relevant components fail as before. */
  journeyUnchanged(p: number): boolean;
  /** The component is unchanged and so are its backup vaults: what its own loss, restore and data loss read. */
  componentUnchanged(i: number): boolean;
  /**
   * No component the change touched, nor one whose vaults it touched, runs in this zone (`region/zone`)
   * or region, before or after it: the failure takes down and degrades the same components, and the
   * stores it hits lose the same data.
   */
  placeUnchanged(kind: 'zone' | 'region', key: string): boolean;
  /**
   * The components whose failure state under a zone or region failure can differ from before the
   * change (ascending): those it added or edited and the ends of connections it changed. Every other
   * component keeps its region and instance zones, so it is down, degraded or up where it was.
   */
  readonly changed: readonly number[];
  /**
   * The scenario index of the analysis before the change, when its scenarios are the analysis given
   * (found by position), with the plans before the change and the components whose own figures the
   * change can move (those componentUnchanged is false for, below the earlier count): a component no
   * moved plan runs through before or after the change and that is not among them keeps its own
   * scenarios, which are taken over by position without asking about it one question at a time.
   */
  readonly positions?: { index: ScenarioIndex; plans: readonly JourneyPlan[]; owned: readonly number[] };
}

/** How long a bad release lasts and how much traffic it reaches, from the design's delivery pipeline. */
function releaseRecovery(graph: DesignGraph): { estimate: Estimate; share: number } {
  const manual = modelInputs(graph).durations.manualRollback;
  for (const traits of graph.traits) {
    const delivery = traits.foundation;
    if (delivery?.role !== 'delivery') continue;
    if (delivery.automatedRollback) {
      if (delivery.strategy === 'canary') return { estimate: { seconds: ASSUMPTIONS.canaryRollback.seconds, assumptions: [ASSUMPTIONS.canaryRollback] }, share: 0.1 };
      if (delivery.strategy === 'blue-green') return { estimate: { seconds: ASSUMPTIONS.blueGreenRollback.seconds, assumptions: [ASSUMPTIONS.blueGreenRollback] }, share: 1 };
      return { estimate: { seconds: ASSUMPTIONS.rollingRollback.seconds, assumptions: [ASSUMPTIONS.rollingRollback] }, share: 0.5 };
    }
    // Without automated rollback someone notices and rolls back; a canary still limits what it reaches.
    const canary = delivery.strategy === 'canary';
    return { estimate: { seconds: manual.seconds, assumptions: canary ? [manual.assumption, ASSUMPTIONS.canaryRollback] : [manual.assumption] }, share: canary ? 0.1 : 1 };
  }
  return { estimate: { seconds: manual.seconds, assumptions: [manual.assumption] }, share: 1 };
}

/** A scenario index's positions of one kind per component, as the index before a change has them (size long, -1 past its end), or none. */
function positionsFrom(size: number, before: Int32Array | undefined): Int32Array {
  const positions = new Int32Array(size).fill(-1);
  if (before) positions.set(before.length <= size ? before : before.subarray(0, size));
  return positions;
}

/**
 * Per kind of a component's own scenarios, where each component's would start in the index's list:
 * start[i] is the position of component i's scenario of that kind, or of the next one's when it has
 * none; start[length] is the end of the kind's run. Worked out once per index (every what-if on a
 * design reads the same one), kept with it.
 */
interface SectionStarts {
  component: Int32Array;
  release: Int32Array;
  corruption: Int32Array;
}

const sectionStartsCache = new WeakMap<ScenarioIndex, SectionStarts>();

function sectionStarts(index: ScenarioIndex): SectionStarts {
  let starts = sectionStartsCache.get(index);
  if (starts) return starts;
  let position = index.places;
  const startsOf = (positions: Int32Array): Int32Array => {
    const start = new Int32Array(positions.length + 1);
    for (let i = 0; i < positions.length; i += 1) {
      start[i] = position;
      if (positions[i]! >= 0) position += 1;
    }
    start[positions.length] = position;
    return start;
  };
  starts = { component: startsOf(index.componentScenario), release: startsOf(index.releaseScenario), corruption: startsOf(index.corruptionScenario) };
  sectionStartsCache.set(index, starts);
  return starts;
}

/**
 * The components not quiet (ascending, once each): those the change can move the own scenarios of, on
 * a route whose failovers moved, or new since (quiet is 0 exactly there).
 */
function loudComponents(quiet: Uint8Array, known: NonNullable<EarlierScenarios['positions']>, plans: readonly JourneyPlan[], earlier: EarlierScenarios): number[] {
  const size = quiet.length;
  const candidates: number[] = [...known.owned];
  for (let p = 0; p < plans.length; p += 1) if (!earlier.failoversUnchanged(p)) for (const i of plans[p]!.relevant) candidates.push(i);
  for (let p = 0; p < known.plans.length; p += 1) if (p >= plans.length || !earlier.failoversUnchanged(p)) for (const i of known.plans[p]!.relevant) if (i < size) candidates.push(i);
  for (let i = Math.min(size, known.index.componentScenario.length); i < size; i += 1) candidates.push(i);
  candidates.sort((a, b) => a - b);
  const loud: number[] = [];
  for (const i of candidates) if (i < size && quiet[i] === 0 && loud[loud.length - 1] !== i) loud.push(i);
  return loud;
}

/** Which journeys each component can affect (the inverse of the plans' relevant sets), and the components on some journey's route. */
function routesOf(plans: readonly JourneyPlan[], size: number): Pick<ScenarioIndex, 'journeysOf' | 'onRoutes'> {
  const NO_JOURNEYS: number[] = [];
  const journeysOf: number[][] = new Array<number[]>(size).fill(NO_JOURNEYS);
  const onRoutes: number[] = [];
  plans.forEach((plan, p) => {
    for (const i of plan.relevant) {
      if (journeysOf[i] === NO_JOURNEYS) {
        journeysOf[i] = [p];
        onRoutes.push(i);
      } else journeysOf[i]!.push(p);
    }
  });
  onRoutes.sort((a, b) => a - b);
  return { journeysOf, onRoutes };
}

/**
 * Failure scenarios of a design: each zone of each region, each region, each component, each
 * external dependency, a bad release of each deployable component, and corruption of each store.
 * A component scenario evaluates only the journeys whose routes pass through that component, so
 * the whole set stays near-linear. Computed once per graph.
 */
export function failureScenarios(graph: DesignGraph): FailureScenario[] {
  return scenarioIndex(graph).scenarios;
}

/**
 * The scenarios of a graph and where each component's are. With `earlier`, what a change left alone is
 * taken from before it: a scenario whose every input is unchanged, and a journey's outcome whose
 * every input is unchanged; the result is the same as without it.
 */
export function scenarioIndex(graph: DesignGraph, earlier?: EarlierScenarios): ScenarioIndex {
  const cached = indexCache.get(graph);
  if (cached) return cached;
  const plans = journeyPlans(graph);
  const size = graph.components.length;
  const known = earlier?.positions;
  const sameRoutes = known !== undefined && known.plans.length === plans.length && plans.every((_, p) => earlier!.planUnchanged(p));
  // Which journeys each component can affect: the inverse of the plans' relevant sets (as before the change when the plans are).
  let journeysOf: readonly (readonly number[])[];
  let onRoutes: readonly number[];
  if (sameRoutes && known.index.journeysOf.length === size) ({ journeysOf, onRoutes } = known.index);
  else ({ journeysOf, onRoutes } = routesOf(plans, size));
  // Components whose own scenarios are as before the change, to be taken over by position (EarlierScenarios.positions).
  let quiet: Uint8Array | undefined;
  if (known) {
    quiet = new Uint8Array(size);
    quiet.fill(1, 0, Math.min(size, known.index.componentScenario.length));
    for (const i of known.owned) quiet[i] = 0;
    for (let p = 0; p < plans.length; p += 1) if (!earlier!.failoversUnchanged(p)) for (const i of plans[p]!.relevant) quiet[i] = 0;
    for (let p = 0; p < known.plans.length; p += 1) if (p >= plans.length || !earlier!.failoversUnchanged(p)) for (const i of known.plans[p]!.relevant) if (i < size) quiet[i] = 0;
  }
  // The components that are not quiet, ascending: between two of them, a run of quiet ones is taken over whole.
  const loud = quiet ? loudComponents(quiet, known!, plans, earlier!) : undefined;
  // Every store, ascending; after a change, only a zone or region scenario worked out in full asks for them.
  let allStores: number[] | undefined;
  const storesOf = (): number[] => {
    if (!allStores) {
      allStores = [];
      if (quiet) {
        const wasStore = known!.index.corruptionScenario;
        for (let i = 0; i < size; i += 1) if (quiet[i] ? wasStore[i]! >= 0 : holdsRecords(graph, i)) allStores.push(i);
      } else for (let i = 0; i < size; i += 1) if (holdsRecords(graph, i)) allStores.push(i);
    }
    return allStores;
  };
  // After a change, a copy of the scenarios before it: a quiet run whose scenarios keep their positions (most do) is then already in place.
  const scenarios: FailureScenario[] = known ? known.index.scenarios.slice() : [];
  let count = 0;
  const add = (scenario: FailureScenario) => {
    if (count < scenarios.length) scenarios[count] = scenario;
    else scenarios.push(scenario);
    count += 1;
  };
  // The plans whose outcomes under a failure may have moved, and the components those outcomes read.
  const moved = earlier ? plans.flatMap((_, p) => (earlier.journeyUnchanged(p) ? [] : [p])) : [];
  let movedReads: number[] | undefined;
  // 1 where the change touched the component (EarlierScenarios.changed), made for the first zone or region it runs in.
  let isChanged: Uint8Array | undefined;
  const readsOfMoved = (): number[] => {
    if (!movedReads) {
      const reads = new Set<number>();
      for (const p of moved) {
        reads.add(plans[p]!.from);
        for (const i of plans[p]!.relevant) reads.add(i);
      }
      movedReads = [...reads];
    }
    return movedReads;
  };
  const place = (kind: 'zone' | 'region', key: string, id: string, title: string, failure: Failure): FailureScenario => {
    const before = earlier?.place(count, id);
    if (before && earlier!.placeUnchanged(kind, key)) {
      // The same components down and degraded, the same data lost: only the moved journeys are walked
      // again, under the state of what they read (applyFailureOver), and an unchanged one is kept whole.
      if (moved.length === 0 && before.journeys.length === plans.length) return before;
      const failed = applyFailureOver(graph, failure, readsOfMoved());
      const kept = withJourneys(before, plans.map((plan, p) => (earlier!.journeyUnchanged(p) ? before.journeys[p]! : evaluateJourney(graph, plan, failed))));
      if (kept) return kept;
    } else if (before) {
      if (!isChanged) {
        isChanged = new Uint8Array(size);
        for (const c of earlier!.changed) isChanged[c] = 1;
      }
      const patched = patchedPlace(graph, plans, earlier!, isChanged, before, kind, failure, readsOfMoved());
      if (patched) return patched;
    }
    const failed = applyFailure(graph, failure);
    // A zone or region scenario lists every journey in plan order; an unchanged one's outcome is as
    // before, since its relevant components fail exactly as before (their places are unchanged).
    const journeys = new Array<JourneyOutcome>(plans.length);
    for (let p = 0; p < plans.length; p += 1) journeys[p] = before && earlier!.journeyUnchanged(p) ? before.journeys[p]! : evaluateJourney(graph, plans[p]!, failed);
    const hit: number[] = [];
    const stores = storesOf();
    for (let k = 0; k < stores.length; k += 1) {
      const i = stores[k]!;
      if (failed.down[i] || (kind === 'zone' && failed.lostZones.has(i))) hit.push(i);
    }
    return summarize(graph, id, kind, title, failure, failed, journeys, hit);
  };

  // Indexed loops here and below: a for-of is an iterator and a try/finally in the optimised code,
  // and this function, run once per analysis over every component, is among its largest.
  const regions = graph.design.regions;
  for (let r = 0; r < regions.length; r += 1) {
    const region = regions[r]!;
    for (let z = 0; z < region.zones.length; z += 1) {
      const zone = region.zones[z]!;
      const key = zoneKey(region.id, zone);
      add(place('zone', key, `zone:${key}`, `Zone ${zone} of ${region.name ?? region.id} fails`, { zones: [key] }));
    }
  }
  for (let r = 0; r < regions.length; r += 1) {
    const region = regions[r]!;
    add(place('region', region.id, `region:${region.id}`, `Region ${region.name ?? region.id} (${region.location}) fails`, { regions: [region.id] }));
  }
  const places = count;
  // One shared state for the component scenarios: mark one component down, evaluate, unmark.
  const single = applyFailure(graph, {});
  const singleDown = single.down as Uint8Array;
  const singleIndices = single.downIndices as number[];
  const componentScenario = positionsFrom(size, known?.index.componentScenario);
  const releaseScenario = positionsFrom(size, known?.index.releaseScenario);
  const corruptionScenario = positionsFrom(size, known?.index.corruptionScenario);
  const earlierScenarios = known?.index.scenarios;
  const starts = known && sectionStarts(known.index);
  /**
   * Takes over the scenarios of the quiet components from `from` up to the next loud one (or the end)
   * of one section, and returns where the loop goes on: the loud one. Their positions move by how many
   * more or fewer scenarios come before them than before the change (mostly none: nothing to do).
   */
  let next = 0;
  const takeOver = (from: number, was: Int32Array, start: Int32Array, positions: Int32Array): number => {
    while (next < loud!.length && loud![next]! < from) next += 1;
    const to = next < loud!.length ? loud![next]! : size;
    const first = start[from]!;
    const last = start[to]!;
    const shift = count - first;
    if (shift !== 0) {
      for (let k = first; k < last; k += 1) scenarios[k + shift] = earlierScenarios![k]!;
      for (let i = from; i < to; i += 1) if (was[i]! >= 0) positions[i] = was[i]! + shift;
    }
    count += last - first;
    return to;
  };
  for (let i = 0; i < size; i += 1) {
    if (quiet !== undefined) {
      if (quiet[i]) {
        i = takeOver(i, known!.index.componentScenario, starts!.component, componentScenario) - 1;
        continue;
      }
      componentScenario[i] = -1;
    }
    const component = graph.components[i]!;
    if (graph.kinds[i]!.capabilities.entryPoint) continue;
    componentScenario[i] = count;
    // Only journeys whose routes pass through the component can change; the others are left out.
    const on = journeysOf[i]!;
    // Only this component is down, before the change as after it: a journey walks as it did, and its
    // outcome reads this component's restore and its own failovers.
    const before = earlier?.componentUnchanged(i) ? earlier.ofComponent(i, 'component') : undefined;
    if (before && before.journeys.length === on.length && (on.length === 0 || on.every((p) => earlier!.failoversUnchanged(p)))) {
      add(before);
      continue;
    }
    const external = graph.kinds[i]!.capabilities.external === true;
    const id = flat(`${external ? 'external' : 'component'}:${component.id}`);
    // Down: this component alone, as the failure names it.
    const alone = aloneIds(graph, i);
    const failure = aloneFailure(graph, i);
    singleDown[i] = 1;
    singleIndices.push(i);
    const failed = single;
    let journeys: JourneyOutcome[] = NONE as never[];
    if (on.length > 0) {
      journeys = new Array<JourneyOutcome>(on.length);
      for (let k = 0; k < on.length; k += 1) {
        const plan = plans[on[k]!]!;
        const kept = before && earlier!.failoversUnchanged(on[k]!) ? before.journeys.find((o) => o.id === plan.journey.id) : undefined;
        journeys[k] = kept ?? evaluateJourney(graph, plan, failed);
      }
    }
    const name = displayName(component);
    const title = flat(external ? `External dependency ${name} is unavailable` : `${name} fails`);
    const scenario = summarize(graph, id, external ? 'external' : 'component', title, failure, failed, journeys, holdsRecords(graph, i) ? [i] : NONE, false, alone);
    if (journeys.length > 0) {
      const sla = graph.kinds[i]!.slaAnswerOf(component, { provider: graph.design.provider, design: graph.design, zones: graph.zones[i]! });
      if (isSlaFigure(sla) && sla.percent >= 100) scenario.unlikely = `${sla.service} commits to 100% availability: its failure is not counted as the worst case`;
    }
    add(scenario);
    singleDown[i] = 0;
    singleIndices.pop();
  }
  // A bad release of each deployable component on a journey: down until it is rolled back (no walk:
  // the journeys it breaks are those its own loss breaks or sends to a failover partner).
  // Read from the delivery pipeline, which a change analysed from before it leaves alone (analysis/change.ts).
  const release = known ? known.index.release : releaseRecovery(graph);
  next = 0;
  for (let i = 0; i < size; i += 1) {
    if (quiet !== undefined) {
      if (quiet[i]) {
        i = takeOver(i, known!.index.releaseScenario, starts!.release, releaseScenario) - 1;
        continue;
      }
      releaseScenario[i] = -1;
    }
    if (!graph.kinds[i]!.capabilities.deployable || componentScenario[i]! < 0) continue;
    const lost = scenarios[componentScenario[i]!]!;
    const component = graph.components[i]!;
    // Made of the component's own loss and the pipeline alone: the same loss makes the same release scenario (or none).
    if (earlier !== undefined && earlier.ofComponent(i, 'component') === lost) {
      const before = earlier.ofComponent(i, 'deployment');
      if (before) {
        releaseScenario[i] = count;
        add(before);
      }
      continue;
    }
    const alone = aloneIds(graph, i);
    const journeys: JourneyOutcome[] = [];
    for (let k = 0; k < lost.journeys.length; k += 1) {
      const outcome = lost.journeys[k]!;
      if (outcome.up && !outcome.servedByFailover) continue;
      journeys.push(outcomeOf(outcome.id, outcome.name, false, release.estimate.seconds, alone, release.estimate.assumptions));
    }
    if (journeys.length === 0) continue;
    const scenario = summarize(graph, flat(`deployment:${component.id}`), 'deployment', flat(`A bad release of ${displayName(component)}`), aloneFailure(graph, i), single, journeys, NONE, false, alone);
    scenario.affectedShare = release.share;
    releaseScenario[i] = count;
    add(scenario);
  }
  let healthy: FailureState | undefined;
  next = 0;
  // Each store in index order (storesOf's), quiet runs taken over whole.
  for (let i = 0; i < size; i += 1) {
    if (quiet !== undefined) {
      if (quiet[i]) {
        i = takeOver(i, known!.index.corruptionScenario, starts!.corruption, corruptionScenario) - 1;
        continue;
      }
      corruptionScenario[i] = -1;
      if (!holdsRecords(graph, i)) continue;
    } else if (!holdsRecords(graph, i)) continue;
    corruptionScenario[i] = count;
    const component = graph.components[i]!;
    // Made of the store's own restore and data loss and the plans through it.
    const before = earlier?.componentUnchanged(i) ? earlier.ofComponent(i, 'corruption') : undefined;
    if (before && before.journeys.length === journeysOf[i]!.length && (journeysOf[i]!.length === 0 || journeysOf[i]!.every((p) => earlier!.planUnchanged(p)))) {
      add(before);
      continue;
    }
    // Restoring a corrupted store takes it out of service: replicas copied the corruption.
    singleDown[i] = 1;
    singleIndices.push(i);
    const restore: Estimate =
      graph.kinds[i]!.capabilities.dataRole === 'files'
        ? graph.traits[i]!.data?.versioned === true
          ? { seconds: ASSUMPTIONS.restoreBase.seconds, assumptions: [ASSUMPTIONS.restoreBase] }
          : { seconds: null, assumptions: [] }
        : restoreTime(graph, i, single);
    singleDown[i] = 0;
    singleIndices.pop();
    const alone = aloneIds(graph, i);
    // journeysOf lists each journey once, in plan order.
    const through = journeysOf[i]!;
    const journeys = new Array<JourneyOutcome>(through.length);
    for (let k = 0; k < through.length; k += 1) {
      const plan = plans[through[k]!]!;
      journeys[k] = plan.needed.includes(i)
        ? outcomeOf(plan.journey.id, plan.journey.name, false, restore.seconds, alone, restore.assumptions)
        : unaffected(plan.journey.id, plan.journey.name);
    }
    const scenario = summarize(graph, flat(`corruption:${component.id}`), 'corruption', flat(`Data in ${displayName(component)} is corrupted or deleted`), aloneFailure(graph, i), (healthy ??= applyFailure(graph, {})), journeys, [i], true, alone);
    scenario.assumptions = restore.assumptions.length === 0 ? scenario.assumptions : uniqueAssumptions(scenario.assumptions.concat(restore.assumptions));
    add(scenario);
  }
  if (scenarios.length > count) scenarios.length = count;
  const index: ScenarioIndex = { scenarios, componentScenario, releaseScenario, corruptionScenario, journeysOf, onRoutes, places, release };
  indexCache.set(graph, index);
  return index;
}
