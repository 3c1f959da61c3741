import type { Design } from '../../model';
import { type DesignGraph, entriesOf, graphOf, sameItems, source, target, zoneKey } from '../graph';
import { analysisWith, type DesignAnalysis } from './analyze';
import type { RuleChange } from './findings';
import { journeysAvailability, type EarlierJourneys, type JourneyAvailability } from './availability';
import { journeyPlans, type JourneyPlan } from './journeys';
import { failureScenarios, knownScenarioIndex, scenarioIndex, type EarlierScenarios, type FailureScenario } from './scenarios';

/**
 * What a change to a design does to its analysis, worked out from the analysis before it: only what
 * the change can move is computed again. An automatic fix or an edit in the app changes a few
 * components (the others keep their object identity, as every edit in model/edits does), so:
 * - the graph keeps the kinds, traits and zones of the components kept, and its connection indexes
 *   while the connections are the same (buildGraph); the journey plans with them (journeyPlans);
 * - a failure scenario, or one journey's outcome in it, whose inputs the change left alone is taken
 *   from before (scenarioIndex says what each reads);
 * - a journey whose plan and outcomes are unchanged keeps its figures (journeysAvailability).
 * What the change can reach anywhere in the design (its regions, provider, tier or assumptions; a DNS
 * or delivery component, which every failover or release time reads; a CDN; a component removed or
 * changing kind) is analysed in full. The result is the same as analysing the design after the
 * change from nothing; change.test.ts checks it for every shipped template and generated designs.
 */

/** The figures a design's availability, recovery and comparison rest on. */
export interface DesignFigures {
  readonly graph: DesignGraph;
  readonly journeys: JourneyAvailability[];
  readonly scenarios: FailureScenario[];
  /** false when the change could not be bounded and the design was analysed in full. */
  readonly incremental: boolean;
}

/**
 * The design after a change, analysed from the design before it and its analysis (analyzeDesign's):
 * equal to analyzeDesign(after). The rules run again only where the change can move their findings
 * (each rule's scope says what it reads; analysis/findings.ts).
 */
export function analyzeChange(before: Design, beforeAnalysis: DesignAnalysis, after: Design): DesignAnalysis {
  const reuse = earlierAnalysis(before, beforeAnalysis, after);
  if (!reuse) {
    const figures = designFigures(after);
    return analysisWith(figures.graph, figures.journeys, figures.scenarios);
  }
  const { graph, earlier } = reuse;
  const scenarios = scenarioIndex(graph, earlier).scenarios;
  const journeys = journeysAvailability(graph, earlier);
  return analysisWith(graph, journeys, scenarios, { findings: beforeAnalysis.findings, change: ruleChange(reuse, beforeAnalysis, journeys, scenarios) });
}

/** The journeys' figures and failure scenarios of the design after a change, without the rules: what a what-if compares. */
export function analyzeChangeFigures(before: Design, beforeAnalysis: Pick<DesignAnalysis, 'journeys' | 'scenarios'>, after: Design): DesignFigures {
  const reuse = earlierAnalysis(before, beforeAnalysis, after);
  if (!reuse) return designFigures(after);
  const { graph, earlier } = reuse;
  // The scenarios first: the journeys' figures read them from the graph's index.
  const scenarios = scenarioIndex(graph, earlier).scenarios;
  return { graph, journeys: journeysAvailability(graph, earlier), scenarios, incremental: true };
}

/**
 * The graph of the design after a change and what its failure scenarios take from the analysis before
 * it (as analyzeChangeFigures works them out); undefined when the change is analysed in full. Tests
 * use it to show that a wrong answer to one of the questions would be caught.
 */
export function scenarioReuse(before: Design, beforeAnalysis: Pick<DesignAnalysis, 'journeys' | 'scenarios'>, after: Design): { graph: DesignGraph; earlier: EarlierScenarios } | undefined {
  const reuse = earlierAnalysis(before, beforeAnalysis, after);
  return reuse && { graph: reuse.graph, earlier: reuse.earlier };
}

/** The figures of a design worked out in full (as analyzeDesign does, without the rules). */
export function designFigures(design: Design): DesignFigures {
  const graph = graphOf(design);
  return { graph, journeys: journeysAvailability(graph), scenarios: failureScenarios(graph), incremental: false };
}

/**
 * Ids of the components a change added, removed or edited (found by identity: an edit replaces only
 * what it changes), and the ends of connections it added or removed; 'regions' when it edited the
 * regions, whose zones every component can depend on.
 */
export function touchedComponents(before: Design, after: Design): Set<string> | 'regions' {
  if (!sameValue(before.regions, after.regions)) return 'regions';
  const touched = new Set<string>();
  const old = before.components;
  const next = after.components;
  const aligned = old.length === next.length && old.every((c, i) => c.id === next[i]!.id);
  if (aligned) {
    for (let i = 0; i < next.length; i += 1) if (old[i] !== next[i]) touched.add(next[i]!.id);
  } else {
    const was = new Map(old.map((c) => [c.id, c]));
    const ids = new Set<string>();
    for (const c of next) {
      ids.add(c.id);
      if (was.get(c.id) !== c) touched.add(c.id);
    }
    for (const c of old) if (!ids.has(c.id)) touched.add(c.id);
  }
  for (const id of changedConnectionEnds(before, after)) touched.add(id);
  return touched;
}

const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Ends of the connections one list has more often than the other (by from, to and mode: all the analysis reads of them). */
function changedConnectionEnds(before: Design, after: Design): string[] {
  const a = before.connections;
  const b = after.connections;
  if (a === b) return [];
  const same = (x: Design['connections'][number], y: Design['connections'][number]) => x === y || (x.from === y.from && x.to === y.to && x.mode === y.mode);
  // An edit adds, removes or replaces a few connections and keeps the others in order: only what lies
  // between the common start and the common end of the two lists can differ in count.
  let first = 0;
  while (first < a.length && first < b.length && same(a[first]!, b[first]!)) first += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > first && endB > first && same(a[endA - 1]!, b[endB - 1]!)) {
    endA -= 1;
    endB -= 1;
  }
  if (first === endA && first === endB) return [];
  const count = new Map<string, { from: string; to: string; n: number }>();
  const tally = (list: Design['connections'], from: number, to: number, delta: number) => {
    for (let k = from; k < to; k += 1) {
      const c = list[k]!;
      const key = `${c.from}\u0000${c.to}\u0000${c.mode}`;
      const entry = count.get(key);
      if (entry) entry.n += delta;
      else count.set(key, { from: c.from, to: c.to, n: delta });
    }
  };
  tally(a, first, endA, 1);
  tally(b, first, endB, -1);
  const ends: string[] = [];
  for (const { from, to, n } of count.values()) if (n !== 0) ends.push(from, to);
  return ends;
}

/** A DNS or delivery component is read by every failover or release time, and a CDN anywhere changes DNS detection (recovery.ts, scenarios.ts). */
function readDesignWide(graph: DesignGraph, i: number): boolean {
  const role = graph.traits[i]!.foundation?.role;
  return role === 'dns' || role === 'delivery' || graph.kinds[i]!.id === 'cdn';
}

/** Adds the zones (`region/zone`) and the region (`region/`) where component i runs in graph g. */
function addPlaces(places: Set<string>, g: DesignGraph, i: number): void {
  const region = g.components[i]!.region;
  if (region === undefined) return;
  places.add(`${region}/`);
  for (const zone of g.instanceZones[i]!) places.add(zoneKey(region, zone));
}

function samePlan(a: JourneyPlan, b: JourneyPlan): boolean {
  if (a === b) return true;
  if (a.from !== b.from || !sameItems(a.needed, b.needed) || !sameItems(a.relevant, b.relevant) || !sameValue(a.journey, b.journey)) return false;
  for (const i of a.relevant) {
    const x = a.next.get(i)!;
    const y = b.next.get(i)!;
    if (!sameItems(x.sync, y.sync) || !sameItems(x.async, y.async)) return false;
  }
  return true;
}


const scenariosById = new WeakMap<readonly FailureScenario[], Map<string, FailureScenario>>();

function byId(scenarios: readonly FailureScenario[]): Map<string, FailureScenario> {
  let map = scenariosById.get(scenarios);
  if (!map) scenariosById.set(scenarios, (map = new Map(scenarios.map((s) => [s.id, s]))));
  return map;
}

/**
 * What the analysis after the change can take from before it, or undefined when the change reaches
 * what every part of the analysis reads (then the design is analysed in full).
 */
interface Reuse {
  graph: DesignGraph;
  earlier: EarlierScenarios & EarlierJourneys;
  earlierGraph: DesignGraph;
  /** Indices of the components the change added or edited, and of the ends of connections it changed. */
  changed: readonly number[];
  plans: readonly JourneyPlan[];
  earlierPlans: readonly JourneyPlan[];
  /** Per plan after the change: failoversUnchanged (EarlierScenarios). */
  failoversUnchanged: readonly boolean[];
}

function earlierAnalysis(before: Design, beforeAnalysis: Pick<DesignAnalysis, 'journeys' | 'scenarios'>, after: Design): Reuse | undefined {
  // Read by every component's answers, every journey's target or every scenario's figures.
  if (!sameValue(before.regions, after.regions) || before.provider !== after.provider || before.tier !== after.tier || !sameValue(before.tiers, after.tiers) || !sameValue(before.assumptions, after.assumptions)) return undefined;
  const old = before.components;
  const next = after.components;
  // Components keep their indices: edits map them in place, and a new one is added at the end.
  if (next.length < old.length) return undefined;
  const touched = new Uint8Array(next.length);
  for (let i = 0; i < old.length; i += 1) {
    const was = old[i]!;
    const now = next[i]!;
    if (was === now) continue;
    if (was.id !== now.id || was.kind !== now.kind) return undefined;
    touched[i] = 1;
  }
  touched.fill(1, old.length);
  const earlierGraph = graphOf(before);
  const graph = graphOf(after, earlierGraph);
  for (const id of changedConnectionEnds(before, after)) {
    const i = graph.indexById.get(id);
    if (i === undefined) return undefined;
    touched[i] = 1;
  }
  const changed: number[] = [];
  for (let i = 0; i < touched.length; i += 1) if (touched[i]) changed.push(i);
  for (const i of changed) if ((i < old.length && readDesignWide(earlierGraph, i)) || readDesignWide(graph, i)) return undefined;

  const earlierPlans = journeyPlans(earlierGraph);
  const plans = journeyPlans(graph, earlierGraph);
  // The analysis given must be the one of `before`: its journeys in plan order.
  if (beforeAnalysis.journeys.length !== earlierPlans.length || beforeAnalysis.journeys.some((j, p) => j.id !== earlierPlans[p]!.journey.id)) return undefined;

  // A component's own estimates read its backup vaults; a zone loss's disruption also reads the load balancers in front of it.
  const own = touched.slice();
  const owned = [...changed];
  for (const t of changed) {
    for (const c of entriesOf(graph.in.backup, t)) {
      const s = source(graph, c);
      if (!own[s]) owned.push(s);
      own[s] = 1;
    }
  }
  // The zones and regions where those components run, before the change and after it.
  const places = new Set<string>();
  for (const i of owned) for (const g of i < old.length ? [earlierGraph, graph] : [graph]) addPlaces(places, g, i);
  const near = own.slice();
  for (const t of changed) for (const c of entriesOf(graph.out.sync, t)) near[target(graph, c)] = 1;

  const plansUnchanged = plans.map((plan, p) => p < earlierPlans.length && samePlan(plan, earlierPlans[p]!));
  const failoversUnchanged = plans.map((plan, p) => plansUnchanged[p]! && plan.needed.every((n) => !touched[n] && entriesOf(graph.partners, n).every((q) => !touched[q])));
  const journeysUnchanged = plans.map((plan, p) => failoversUnchanged[p]! && plan.relevant.every((i) => !near[i]));
  const positions = knownScenarioIndex(earlierGraph);
  // Scenarios are found by position when the analysis given is this index's (as analyzeDesign's is), by id otherwise.
  const indexed = positions !== undefined && sameItems(positions.scenarios, beforeAnalysis.scenarios) ? positions : undefined;
  const scenarios = indexed ? undefined : byId(beforeAnalysis.scenarios);
  const at = (list: Int32Array, i: number) => (i < list.length && list[i]! >= 0 ? beforeAnalysis.scenarios[list[i]!] : undefined);
  return {
    graph,
    earlierGraph,
    changed,
    plans,
    earlierPlans,
    failoversUnchanged,
    earlier: {
      place: (k, id) => (indexed ? (beforeAnalysis.scenarios[k]?.id === id ? beforeAnalysis.scenarios[k] : undefined) : scenarios!.get(id)),
      ofComponent: (i, kind) => {
        if (i >= old.length) return undefined;
        if (indexed) return at(kind === 'component' ? indexed.componentScenario : kind === 'deployment' ? indexed.releaseScenario : indexed.corruptionScenario, i);
        const prefix = kind === 'component' ? (earlierGraph.kinds[i]!.capabilities.external ? 'external' : 'component') : kind;
        return scenarios!.get(`${prefix}:${earlierGraph.components[i]!.id}`);
      },
      placeUnchanged: (kind, key) => !places.has(kind === 'zone' ? key : `${key}/`),
      changed,
      positions: indexed && { index: indexed, plans: earlierPlans, owned },
      planUnchanged: (p) => plansUnchanged[p]!,
      failoversUnchanged: (p) => failoversUnchanged[p]!,
      journeyUnchanged: (p) => journeysUnchanged[p]!,
      componentUnchanged: (i) => i < old.length && !own[i],
      unchanged: (p) => (journeysUnchanged[p] ? beforeAnalysis.journeys[p] : undefined),
    },
  };
}

/** What the rules ask of a change (analysis/findings.ts), from what the change analysis worked out. */
function ruleChange(reuse: Reuse, beforeAnalysis: Pick<DesignAnalysis, 'journeys' | 'scenarios'>, journeys: readonly JourneyAvailability[], scenarios: readonly FailureScenario[]): RuleChange {
  const { graph, plans, earlierPlans, failoversUnchanged } = reuse;
  const movedAfter = plans.map((_, p) => p >= earlierPlans.length || !failoversUnchanged[p]!);
  const movedBefore = earlierPlans.map((_, p) => p >= plans.length || movedAfter[p]!);
  return {
    earlierGraph: reuse.earlierGraph,
    touched: reuse.changed,
    journeysMoved: plans.length !== earlierPlans.length || movedAfter.some(Boolean),
    journeyComponents: function* () {
      for (const [list, moved] of [[plans, movedAfter], [earlierPlans, movedBefore]] as const) {
        for (let p = 0; p < list.length; p += 1) {
          if (!moved[p]) continue;
          yield* list[p]!.relevant;
          yield* list[p]!.needed;
        }
      }
    },
    earlierJourneys: beforeAnalysis.journeys,
    journeyFiguresMoved: journeys.length !== beforeAnalysis.journeys.length || journeys.some((j, p) => j !== beforeAnalysis.journeys[p]),
    dataLossComponents: () => dataLossMoved(graph, beforeAnalysis.scenarios, scenarios),
  };
}

/**
 * Components whose data loss a scenario states differently after a change: in a scenario that is new,
 * gone, retitled, or lists their loss differently. Every component when the scenarios kept after the
 * change are in another order (a component's worst loss is the first of the worst, so order counts).
 */
function dataLossMoved(graph: DesignGraph, before: readonly FailureScenario[], after: readonly FailureScenario[]): Iterable<number> {
  const ids = new Set<string>();
  const all = (s: FailureScenario) => {
    for (const loss of s.dataLoss) ids.add(loss.component);
  };
  const compare = (e: FailureScenario, s: FailureScenario) => {
    if (e === s) return;
    if (e.title !== s.title || e.kind !== s.kind) {
      all(s);
      all(e);
      return;
    }
    const a = e.dataLoss;
    const b = s.dataLoss;
    if (a.length === b.length && a.every((loss, k) => loss.component === b[k]!.component && loss.rpoSeconds === b[k]!.rpoSeconds)) return;
    const was = new Map(a.map((loss) => [loss.component, loss.rpoSeconds]));
    const now = new Map(b.map((loss) => [loss.component, loss.rpoSeconds]));
    for (const [id, seconds] of now) if (!was.has(id) || was.get(id) !== seconds) ids.add(id);
    for (const [id, seconds] of was) if (!now.has(id) || now.get(id) !== seconds) ids.add(id);
  };
  // Side by side while the two lists name the same scenarios (most changes add or remove none)...
  let k = 0;
  for (const end = Math.min(before.length, after.length); k < end && before[k]!.id === after[k]!.id; k += 1) compare(before[k]!, after[k]!);
  // ...then by id, keeping to the order.
  if (k < before.length || k < after.length) {
    const rest = before.slice(k);
    const earlier = new Map(rest.map((s, at) => [s.id, { s, at }]));
    const kept = new Set<string>();
    let last = -1;
    for (const s of after.slice(k)) {
      const e = earlier.get(s.id);
      if (e === undefined) {
        all(s);
        continue;
      }
      if (e.at < last) return graph.components.keys();
      last = e.at;
      kept.add(s.id);
      compare(e.s, s);
    }
    for (const e of rest) if (!kept.has(e.id)) all(e);
  }
  const indices: number[] = [];
  for (const id of ids) {
    const i = graph.indexById.get(id);
    if (i !== undefined) indices.push(i);
  }
  return indices;
}
