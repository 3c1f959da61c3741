import type { Component, Connection, Design } from '../../src/model';
import { failureScenarios, graphOf, journeysAvailability, type DesignAnalysis, type Finding } from '../../src/engine';
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
 * whole design again per finding. A change reaches only the components it edits: the journeys that
 * can reach one of them, and the components those journeys can reach, are all that can move. Each
 * effect is worked out on that part of the design alone, before and after the change, and cost on the
 * edited components and their neighbours alone. A change that edits regions (whose zones every
 * component can depend on) is worked out on the whole design.
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

/** Ids of the components a change added, removed or edited, and the ends of connections it added or removed. */
export function touchedComponents(before: Design, after: Design): Set<string> | 'regions' {
  if (before.regions !== after.regions && JSON.stringify(before.regions) !== JSON.stringify(after.regions)) return 'regions';
  const touched = new Set<string>();
  const old = new Map(before.components.map((c) => [c.id, c]));
  const next = new Map(after.components.map((c) => [c.id, c]));
  for (const [id, component] of next) {
    const was = old.get(id);
    if (was !== component && (was === undefined || JSON.stringify(was) !== JSON.stringify(component))) touched.add(id);
  }
  for (const id of old.keys()) if (!next.has(id)) touched.add(id);
  const key = (c: Connection) => `${c.from}\u0000${c.to}\u0000${c.mode}`;
  const oldConnections = new Set(before.connections.map(key));
  const newConnections = new Set(after.connections.map(key));
  for (const c of after.connections) if (!oldConnections.has(key(c))) touched.add(c.from).add(c.to);
  for (const c of before.connections) if (!newConnections.has(key(c))) touched.add(c.from).add(c.to);
  return touched;
}

/**
 * What each journey's start reaches along connections of any mode, per connection list: the design
 * before the changes is the same for every finding tried, and a change that edits only props keeps
 * its connection list, so most reach sets are worked out once.
 */
const reachCache = new WeakMap<readonly Connection[], { out: Map<string, string[]>; reach: Map<string, Set<string>> }>();

function reachable(design: Design, start: string): Set<string> {
  let cached = reachCache.get(design.connections);
  if (!cached) {
    const out = new Map<string, string[]>();
    for (const c of design.connections) (out.get(c.from) ?? out.set(c.from, []).get(c.from)!).push(c.to);
    cached = { out, reach: new Map() };
    reachCache.set(design.connections, cached);
  }
  const known = cached.reach.get(start);
  if (known) return known;
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of cached.out.get(queue.pop()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  cached.reach.set(start, seen);
  return seen;
}

/** The design cut down to `ids` (and the journeys given), every reference inside it kept valid. */
function restrict(design: Design, ids: ReadonlySet<string>, journeyIds: ReadonlySet<string>): Design {
  const usage = design.pricing?.usage ? Object.fromEntries(Object.entries(design.pricing.usage).filter(([id]) => ids.has(id))) : undefined;
  const { layout: _layout, suppressions: _suppressions, ...rest } = design;
  return {
    ...rest,
    components: design.components.filter((c: Component) => ids.has(c.id)),
    connections: design.connections.filter((c) => ids.has(c.from) && ids.has(c.to)),
    journeys: design.journeys.filter((j) => journeyIds.has(j.id)),
    ...(design.pricing ? { pricing: { ...design.pricing, ...(usage ? { usage } : {}) } } : {}),
  };
}

function someIn(ids: ReadonlySet<string>, set: ReadonlySet<string>): boolean {
  for (const id of ids) if (set.has(id)) return true;
  return false;
}

/** The part of a design a change can move, before and after it. */
function scopes(before: Design, after: Design): { before: Design; after: Design; priced: { before: Design; after: Design } } {
  const touched = touchedComponents(before, after);
  if (touched === 'regions') return { before, after, priced: { before, after } };
  const ids = new Set<string>(touched);
  const journeys = new Set<string>();
  for (const design of [before, after]) {
    for (const journey of design.journeys) {
      const reach = reachable(design, journey.from);
      if (!someIn(touched, reach)) continue;
      journeys.add(journey.id);
      for (const id of reach) ids.add(id);
    }
  }
  // Cost: the edited components and their direct neighbours (what a line's price can read).
  const priced = new Set<string>(touched);
  for (const design of [before, after]) for (const c of design.connections) if (touched.has(c.from) || touched.has(c.to)) priced.add(c.from).add(c.to);
  return { before: restrict(before, ids, journeys), after: restrict(after, ids, journeys), priced: { before: restrict(before, priced, new Set()), after: restrict(after, priced, new Set()) } };
}

/** "+$120.00 a month; Checkout 99.90% → 99.95%; primary region lost: back in 15m instead of 4h". */
export function describeChange(before: Design, after: Design, currency: string, options: { catalogs?: CatalogSet; estimate?: EstimateOptions } = {}, analysis?: Pick<DesignAnalysis, 'journeys' | 'scenarios'>): string | null {
  const scope = scopes(before, after);
  const price = (design: Design) => estimateCost(design, options.catalogs ?? [], options.estimate ?? {}).monthly;
  const parts: string[] = [`${formatMoneyDelta(price(scope.priced.after) - price(scope.priced.before), currency)} a month`];
  const analyse = (design: Design) => {
    const graph = graphOf(design);
    const scenarios = failureScenarios(graph);
    return { journeys: journeysAvailability(graph), recovery: recoveryByClass(design, { scenarios } as Pick<DesignAnalysis, 'scenarios'> as DesignAnalysis) };
  };
  // When the change can reach every component and journey, the part before it is the whole design: its analysis is at hand.
  const whole = analysis !== undefined && scope.before.components.length === before.components.length && scope.before.journeys.length === before.journeys.length;
  const was = whole ? { journeys: analysis.journeys, recovery: recoveryByClass(before, analysis as DesignAnalysis) } : analyse(scope.before);
  const now = analyse(scope.after);
  const journeyChanges = now.journeys.flatMap((j) => {
    const old = was.journeys.find((w) => w.id === j.id);
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
