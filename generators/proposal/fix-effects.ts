import { CONNECTION_MODES, type Design } from '../../src/model';
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
export function fixEffects(facts: Pick<ProposalFacts, 'design' | 'analysis' | 'cost'> & Partial<Pick<ProposalFacts, 'recovery'>>, options: { catalogs?: CatalogSet; estimate?: EstimateOptions } = {}): Map<Finding, FixEffect> {
  // The proposal has worked out the design's recovery per class already: the changes compare with it.
  if (facts.recovery && !recoveryCache.has(facts.analysis)) recoveryCache.set(facts.analysis, facts.recovery);
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

/**
 * The part of a design a change's price can move, before and after it: the edited components and
 * their direct neighbours (what a line's price can read), and every connection among them. Found
 * through each design's graph, not by passes over every connection of both designs; a connection
 * to a component missing from the design (which the graph's lists leave out) is read from the few
 * such connections, so it counts as it would in a pass over them all.
 */
function pricedScope(before: Design, after: Design, graphs: { before: DesignGraph; after: DesignGraph }): { before: Design; after: Design } {
  const touched = touchedComponents(before, after);
  if (touched === 'regions') return { before, after };
  const sides = [
    { design: before, graph: graphOfDesign(graphs.before, before) },
    { design: after, graph: graphOfDesign(graphs.after, after) },
  ].map((side) => ({ ...side, broken: brokenConnections(side.graph) }));
  const priced = new Set<string>(touched);
  for (const { design, graph, broken } of sides) {
    for (const id of touched) {
      const i = graph.indexById.get(id);
      if (i === undefined) continue;
      for (const c of incidentConnections(graph, i)) priced.add(graph.components[graph.connectionFrom[c]!]!.id).add(graph.components[graph.connectionTo[c]!]!.id);
    }
    for (const c of broken) {
      const connection = design.connections[c]!;
      if (touched.has(connection.from) || touched.has(connection.to)) priced.add(connection.from).add(connection.to);
    }
  }
  return { before: restrictIndexed(sides[0]!, priced), after: restrictIndexed(sides[1]!, priced) };
}

/** `graph` when it is the graph of `design` (the change's analysis hands over the graph it made), else the design's own. */
function graphOfDesign(graph: DesignGraph, design: Design): DesignGraph {
  return graph.design === design ? graph : graphOf(design);
}

/** The connections with an end the design has no component for, in design order: the graph's lists leave them out. */
function brokenConnections(graph: DesignGraph): number[] {
  const broken: number[] = [];
  const { connectionFrom, connectionTo } = graph;
  for (let c = 0; c < connectionFrom.length; c += 1) if (connectionFrom[c]! < 0 || connectionTo[c]! < 0) broken.push(c);
  return broken;
}

/** The connections from and to component i, in every mode. */
function* incidentConnections(graph: DesignGraph, i: number): Generator<number> {
  for (const mode of CONNECTION_MODES) {
    yield* entriesOf(graph.out[mode], i);
    yield* entriesOf(graph.in[mode], i);
  }
}

/**
 * The design cut down to `ids`, every reference inside it kept valid and no journey: what pricing them
 * reads. Its components are those of `ids`, its connections those with both ends in `ids`, each in
 * the design's order, found through the graph.
 */
function restrictIndexed({ design, graph, broken }: { design: Design; graph: DesignGraph; broken: readonly number[] }, ids: ReadonlySet<string>): Design {
  const components: number[] = [];
  const connections = new Set<number>();
  for (const id of ids) {
    const i = graph.indexById.get(id);
    if (i === undefined) continue;
    components.push(i);
    for (const c of incidentConnections(graph, i)) if (ids.has(graph.components[graph.connectionFrom[c]!]!.id) && ids.has(graph.components[graph.connectionTo[c]!]!.id)) connections.add(c);
  }
  for (const c of broken) if (ids.has(design.connections[c]!.from) && ids.has(design.connections[c]!.to)) connections.add(c);
  const ascending = (a: number, b: number) => a - b;
  const usage = design.pricing?.usage ? Object.fromEntries(Object.entries(design.pricing.usage).filter(([id]) => ids.has(id))) : undefined;
  const { layout: _layout, suppressions: _suppressions, ...rest } = design;
  return {
    ...rest,
    components: components.sort(ascending).map((i) => design.components[i]!),
    connections: [...connections].sort(ascending).map((c) => design.connections[c]!),
    journeys: [],
    ...(design.pricing ? { pricing: { ...design.pricing, ...(usage ? { usage } : {}) } } : {}),
  };
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
