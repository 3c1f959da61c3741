import { CONNECTION_MODES, type Component, type Design } from '../../src/model';
import { analyzeChangeFigures, designFigures, graphOf, touchedComponents, type DesignAnalysis, type DesignGraph, type Finding } from '../../src/engine';
import { entriesOf } from '../../src/engine/graph';
import { estimateCost, type CatalogSet, type EstimateOptions } from '../../src/engine/cost';
import { recoveryByClass, SCENARIO_CLASSES, SCENARIO_CLASS_TITLES } from '../../src/engine/compare';
import { formatEstimate, formatModelled, formatMoneyDelta } from '../../src/engine/format';
import type { ProposalFacts } from './build';

/** Findings whose suggested change is tried to say what it would change. */
export const MAX_FIX_EFFECTS = 12;

export interface FixEffect {
  /** What the change is: "Spread Web server over zones a, b, c". */
  readonly label: string;
  /** What it changes: "+$120.00 a month; Checkout 99.90% → 99.95%". */
  readonly summary: string;
}

/**
 * What applying each finding's suggested change would change, without analysing and pricing the
 * whole design again per finding: the design after the change is analysed from the analysis before
 * it (analyzeChangeFigures works out again only what the change can move), and priced on the edited
 * components and their neighbours alone.
 */
export function fixEffects(facts: Pick<ProposalFacts, 'design' | 'analysis' | 'cost'>, options: { catalogs?: CatalogSet; estimate?: EstimateOptions } = {}): Map<Finding, FixEffect> {
  const effects = new Map<Finding, FixEffect>();
  let tried = 0;
  for (const finding of facts.analysis.findings) {
    if (tried >= MAX_FIX_EFFECTS) break;
    if (finding.suppressed || !finding.autoFix) continue;
    tried += 1;
    let fixed: Design;
    try {
      fixed = finding.autoFix.apply(facts.design);
    } catch {
      continue;
    }
    const summary = describeChange(facts.design, fixed, facts.cost.currency, options, facts.analysis);
    if (summary) effects.set(finding, { label: finding.autoFix.label, summary });
  }
  return effects;
}

/** The design cut down to `ids`, every reference inside it kept valid and no journey: what pricing them reads. */
function restrict(design: Design, ids: ReadonlySet<string>, kept?: Pick<Design, 'components' | 'connections'>): Design {
  const usage = design.pricing?.usage ? Object.fromEntries(Object.entries(design.pricing.usage).filter(([id]) => ids.has(id))) : undefined;
  const { layout: _layout, suppressions: _suppressions, ...rest } = design;
  return {
    ...rest,
    components: kept?.components ?? design.components.filter((c: Component) => ids.has(c.id)),
    connections: kept?.connections ?? design.connections.filter((c) => ids.has(c.from) && ids.has(c.to)),
    journeys: [],
    ...(design.pricing ? { pricing: { ...design.pricing, ...(usage ? { usage } : {}) } } : {}),
  };
}

/** The part of a design a change's price can move, before and after it: the edited components and their direct neighbours (what a line's price can read). */
function pricedScope(before: Design, after: Design, graphs: { before: DesignGraph; after: DesignGraph }): { before: Design; after: Design } {
  const touched = touchedComponents(before, after);
  if (touched === 'regions') return { before, after };
  const indexed = connectedScope(touched, graphs.before, before) && connectedScope(touched, graphs.after, after);
  if (!indexed) {
    const priced = new Set<string>(touched);
    for (const design of [before, after]) for (const c of design.connections) if (touched.has(c.from) || touched.has(c.to)) priced.add(c.from).add(c.to);
    return { before: restrict(before, priced), after: restrict(after, priced) };
  }
  // The neighbours from each graph's connection lists, instead of a pass over every connection of both designs.
  const priced = new Set<string>(touched);
  for (const graph of [graphs.before, graphs.after]) {
    for (const id of touched) {
      const i = graph.indexById.get(id);
      if (i === undefined) continue;
      for (const c of incidentConnections(graph, i)) priced.add(graph.components[graph.connectionFrom[c]!]!.id).add(graph.components[graph.connectionTo[c]!]!.id);
    }
  }
  return { before: restrictIndexed(before, graphs.before, priced), after: restrictIndexed(after, graphs.after, priced) };
}

/** Whether `graph` is the graph of `design` and every connection in it joins two of its components: then its lists say all that restrict reads. */
function connectedScope(touched: ReadonlySet<string>, graph: DesignGraph, design: Design): boolean {
  return touched.size > 0 && graph.design === design && graph.connectionFrom.indexOf(-1) < 0 && graph.connectionTo.indexOf(-1) < 0;
}

/** The connections from and to component i, in every mode. */
function* incidentConnections(graph: DesignGraph, i: number): Generator<number> {
  for (const mode of CONNECTION_MODES) {
    yield* entriesOf(graph.out[mode], i);
    yield* entriesOf(graph.in[mode], i);
  }
}

/** `restrict`, finding the components and connections of `ids` through the graph: the same design, in the same order. */
function restrictIndexed(design: Design, graph: DesignGraph, ids: ReadonlySet<string>): Design {
  const components: number[] = [];
  const connections = new Set<number>();
  for (const id of ids) {
    const i = graph.indexById.get(id);
    if (i === undefined) continue;
    components.push(i);
    for (const c of incidentConnections(graph, i)) if (ids.has(graph.components[graph.connectionFrom[c]!]!.id) && ids.has(graph.components[graph.connectionTo[c]!]!.id)) connections.add(c);
  }
  const ascending = (a: number, b: number) => a - b;
  return restrict(design, ids, {
    components: components.sort(ascending).map((i) => design.components[i]!),
    connections: [...connections].sort(ascending).map((c) => design.connections[c]!),
  });
}

/** The design's recovery per class, worked out once for every change tried on it. */
const recoveryCache = new WeakMap<Pick<DesignAnalysis, 'scenarios'>, ReturnType<typeof recoveryByClass>>();

function recoveryOf(design: Design, analysis: Pick<DesignAnalysis, 'scenarios'>): ReturnType<typeof recoveryByClass> {
  let recovery = recoveryCache.get(analysis);
  if (!recovery) recoveryCache.set(analysis, (recovery = recoveryByClass(design, analysis as DesignAnalysis)));
  return recovery;
}

type JourneyFigures = Pick<DesignAnalysis, 'journeys'>['journeys'][number];

/** The design's journeys by id, gathered once for every change tried on it. */
const journeysCache = new WeakMap<Pick<DesignAnalysis, 'journeys'>, ReadonlyMap<string, JourneyFigures>>();

function journeysById(analysis: Pick<DesignAnalysis, 'journeys'>): ReadonlyMap<string, JourneyFigures> {
  let journeys = journeysCache.get(analysis);
  if (!journeys) journeysCache.set(analysis, (journeys = new Map(analysis.journeys.map((j) => [j.id, j]))));
  return journeys;
}

function sameModelled(a: NonNullable<JourneyFigures['modelled']>, b: NonNullable<JourneyFigures['modelled']>): boolean {
  return a.availability === b.availability && a.low === b.low && a.high === b.high;
}

/** "+$120.00 a month; Checkout 99.90% → 99.95%; primary region lost: back in 15m instead of 4h". */
export function describeChange(before: Design, after: Design, currency: string, options: { catalogs?: CatalogSet; estimate?: EstimateOptions } = {}, analysis?: Pick<DesignAnalysis, 'journeys' | 'scenarios'>): string | null {
  const base = analysis ?? designFigures(before);
  const changed = analyzeChangeFigures(before, base, after);
  // Both graphs are at hand after the analysis of the change (graphOf keeps the last few).
  const priced = pricedScope(before, after, { before: graphOf(before), after: changed.graph });
  const price = (design: Design) => estimateCost(design, options.catalogs ?? [], options.estimate ?? {}).monthly;
  const parts: string[] = [`${formatMoneyDelta(price(priced.after) - price(priced.before), currency)} a month`];
  const was = { journeys: journeysById(base), recovery: recoveryOf(before, base) };
  const now = { journeys: changed.journeys, recovery: recoveryByClass(after, changed as Pick<DesignAnalysis, 'scenarios'> as DesignAnalysis) };
  const journeyChanges = now.journeys.flatMap((j) => {
    const old = was.journeys.get(j.id);
    // The same figures read the same: most journeys of a large design are untouched by one change.
    if (old?.modelled === j.modelled || (old?.modelled && j.modelled && sameModelled(old.modelled, j.modelled))) return [];
    const from = old?.modelled ? formatModelled(old.modelled.availability, old.modelled.low, old.modelled.high).value : 'cannot work';
    const to = j.modelled ? formatModelled(j.modelled.availability, j.modelled.low, j.modelled.high).value : 'cannot work';
    return from === to ? [] : [`${j.name} ${from} → ${to}`];
  });
  if (journeyChanges.length > 0) parts.push(journeyChanges.join(', '));
  for (const k of SCENARIO_CLASSES) {
    const a = was.recovery[k];
    const b = now.recovery[k];
    if (!a || !b) continue;
    const rto = a.rto.seconds !== b.rto.seconds ? `back in ${formatEstimate(b.rto.seconds)} instead of ${formatEstimate(a.rto.seconds)}` : '';
    const rpo = a.rpo.seconds !== b.rpo.seconds ? `data loss up to ${formatEstimate(b.rpo.seconds)} instead of ${formatEstimate(a.rpo.seconds)}` : '';
    if (rto || rpo) parts.push(`${SCENARIO_CLASS_TITLES[k].toLowerCase()}: ${[rto, rpo].filter(Boolean).join(', ')}`);
  }
  return parts.join('; ');
}
