import type { Component, Design, Region } from '../../model';
import { applyFailure } from '../analysis/failure';
import { walk, type JourneyPlan } from '../analysis/journeys';
import type { JourneyAvailability } from '../analysis/availability';
import type { DesignGraph } from '../graph';
import type { ComponentKind, RemedyContext, RemedyId } from '../../catalog';
import { applyPatch, patchComponent, type AutoFix, type ComponentReach, type ComponentScope, type JourneyScope, type Rule, type RuleContext, type RuleResult, type TierClass } from './types';

/**
 * The components on the routes of `journeys` that a failure took down (`downComponents`, ids), in
 * index order: each component down is looked up against the journeys' own (small) routes, rather
 * than a set made of every component down (thousands in a zone or region scenario of a large design).
 */
export function downOnRoutes(graph: DesignGraph, plansById: ReadonlyMap<string, JourneyPlan>, journeys: readonly { readonly id: string }[], downComponents: readonly string[]): number[] {
  const onRoutes = new Map<string, number>();
  for (let j = 0; j < journeys.length; j += 1) {
    const relevant = plansById.get(journeys[j]!.id)!.relevant;
    for (let k = 0; k < relevant.length; k += 1) onRoutes.set(graph.components[relevant[k]!]!.id, relevant[k]!);
  }
  const hit = new Set<number>();
  // Indexed: a region's scenario takes down thousands, and a for-of in the unoptimised tiers makes an iterator result for each.
  for (let k = 0; k < downComponents.length; k += 1) {
    const i = onRoutes.get(downComponents[k]!);
    if (i !== undefined) hit.add(i);
  }
  return [...hit].sort((a, b) => a - b);
}

/** "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Picks a figure by tier class. */
export const byTier = <T>(tierClass: TierClass, figures: Record<TierClass, T>): T => figures[tierClass];

/** By the plans, which are all a request path reads: a change that keeps them (journeyPlans) keeps it. */
const requestPathCache = new WeakMap<readonly JourneyPlan[], Uint8Array>();

/** 1 for every component some journey reaches over sync connections from its entry (the request paths). */
export function requestPath(context: RuleContext): Uint8Array {
  const plans = context.plans();
  let mark = requestPathCache.get(plans);
  if (mark && mark.length === context.graph.components.length) return mark;
  mark = new Uint8Array(context.graph.components.length);
  const healthy = applyFailure(context.graph, {});
  // One buffer for every walk, cleared over the plan's relevant set (a walk marks nothing else).
  const reached = new Uint8Array(context.graph.components.length);
  for (let p = 0; p < plans.length; p += 1) {
    const relevant = plans[p]!.relevant;
    walk(context.graph, plans[p]!, healthy.down, -1, reached);
    for (let k = 0; k < relevant.length; k += 1) {
      if (reached[relevant[k]!] === 1) mark[relevant[k]!] = 1;
      reached[relevant[k]!] = 0;
    }
  }
  requestPathCache.set(plans, mark);
  return mark;
}

/** Where the component runs, for messages: "one instance in zone a", "3 instances, all in zone a". */
export function placement(graph: DesignGraph, i: number): string {
  const component = graph.components[i]!;
  const zones = graph.instanceZones[i]!;
  const replicas = component.replicas ?? 1;
  const region = component.region !== undefined ? graph.regionsById.get(component.region) : undefined;
  const where = `zone ${zones.join(', ')}${region ? ` of ${region.name ?? region.id}` : ''}`;
  if (graph.traits[i]!.data?.role === 'records' && graph.traits[i]!.zonalFailover === 'none') return `a single instance in ${where}`;
  if (replicas <= 1) return `one instance in ${where}`;
  return `${replicas} instances, all in ${where}`;
}

const NO_ZONES: RemedyContext = Object.freeze({ zones: Object.freeze([]) });

/**
 * The automatic fix that applies one of the kind's remedies to a component, when its kind has it. The
 * change is worked out when the fix is applied, from the component as it was analysed: an analysis
 * shows thousands of fixes and applies none, and a change worked out per fix was kept for nothing.
 */
export function remedyFix(graph: DesignGraph, i: number, remedy: RemedyId, label: string, context?: RemedyContext): AutoFix | undefined {
  const kind = graph.kinds[i]!;
  if (!kind.hasRemedy(remedy)) return undefined;
  return kindFix(label, kind, remedy, graph.components[i]!, context ?? NO_ZONES);
}

/**
 * A kind's remedy as a fix: one object, where a closure would keep three (the fix, the function and
 * what it reads). `apply` is made when it is read, as a function of its own, so it can be handed on
 * alone (the app does) and still applies this fix. Only the label is the fix's own field: its JSON is
 * `{ "label": ... }`, as a fix made of a closure gives.
 */
class KindFix implements AutoFix {
  readonly #kind: ComponentKind;
  readonly #remedy: RemedyId;
  readonly #component: Component;
  readonly #context: RemedyContext;
  label: string;

  constructor(label: string, kind: ComponentKind, remedy: RemedyId, component: Component, context: RemedyContext) {
    this.#kind = kind;
    this.#remedy = remedy;
    this.#component = component;
    this.#context = context;
    this.label = label;
  }

  get apply(): (design: Design) => Design {
    const kind = this.#kind;
    const remedy = this.#remedy;
    const component = this.#component;
    const context = this.#context;
    return (design: Design) => patchComponent(design, component.id, (c) => applyPatch(c, kind.remedy(remedy, component, context)!));
  }
}

function kindFix(label: string, kind: ComponentKind, remedy: RemedyId, component: Component, context: RemedyContext): AutoFix {
  return new KindFix(label, kind, remedy, component, context);
}

/**
 * The fix that spreads a component over its region's zones (up to three), with whatever
 * failover its kind has: instances in each zone, a standby for a database, replicas for a cache.
 */
export function spreadFix(graph: DesignGraph, i: number): AutoFix | undefined {
  const component = graph.components[i]!;
  const region = component.region !== undefined ? graph.regionsById.get(component.region) : undefined;
  if (!region || region.zones.length < 2) return undefined;
  const spread = spreadOf(region);
  return remedyFix(graph, i, 'spread', `Spread ${component.name ?? component.id} over zones ${spread.zoneList}`, spread.context);
}

/** Per region, the zones a spread uses and their list as the label writes it: one of each, shared by every fix there (thousands on a large design). */
const spreads = new WeakMap<Region, { readonly context: RemedyContext; readonly zoneList: string }>();

function spreadOf(region: Region): { readonly context: RemedyContext; readonly zoneList: string } {
  let spread = spreads.get(region);
  if (!spread) {
    const zones = Object.freeze(region.zones.slice(0, 3));
    spreads.set(region, (spread = { context: Object.freeze({ zones }), zoneList: zones.join(', ') }));
  }
  return spread;
}

/** Sorted component ids of a set of indices, in design order. */
export function idsOf(graph: DesignGraph, indices: Iterable<number>): string[] {
  return [...new Set(indices)].sort((a, b) => a - b).map((i) => graph.components[i]!.id);
}

/** What a component with nothing to report gives (shared: most components of a rule have nothing). */
export const NO_RESULTS: readonly RuleResult[] = Object.freeze([]);

/**
 * The check and scope of a rule that checks each component in turn. `prepare` does once what the
 * components' checks share and returns the check of one component: its results, in the order the
 * rule reports them. `only`, when given, lists the components that will be checked (the others need
 * not be prepared for). The rule's findings are those of each component in design order, so the
 * analysis of a change can check again only the components it can move (ComponentScope).
 */
export function componentRule(reads: readonly ComponentReach[], prepare: (context: RuleContext, only?: readonly number[]) => (i: number) => readonly RuleResult[], reachedFrom?: ComponentScope['reachedFrom']): Pick<Rule, 'check' | 'scope'> {
  return {
    check: (context) => {
      const checkOne = prepare(context);
      const results: RuleResult[] = [];
      for (let i = 0; i < context.graph.components.length; i += 1) {
        const found = checkOne(i);
        for (let k = 0; k < found.length; k += 1) results.push(found[k]!);
      }
      return results;
    },
    scope: {
      kind: 'component',
      reads,
      ...(reachedFrom ? { reachedFrom } : {}),
      checkEach: (context, indices, found) => {
        const checkOne = prepare(context, indices.length < context.graph.components.length ? indices : undefined);
        for (let k = 0; k < indices.length; k += 1) found(indices[k]!, checkOne(indices[k]!));
      },
    },
  };
}

/**
 * The check and scope of a rule that checks each journey's figures in turn (JourneyScope): `prepare`
 * returns the check of the journey at one position of context.journeys().
 */
export function journeyRule(concerns: JourneyScope['concerns'], prepare: (context: RuleContext) => (journey: JourneyAvailability) => readonly RuleResult[]): Pick<Rule, 'check' | 'scope'> {
  return {
    check: (context) => {
      const checkOne = prepare(context);
      const results: RuleResult[] = [];
      for (const journey of context.journeys()) for (const result of checkOne(journey)) results.push(result);
      return results;
    },
    scope: {
      kind: 'journey',
      concerns,
      checkEach: (context, indices, found) => {
        const checkOne = prepare(context);
        const journeys = context.journeys();
        for (const p of indices) found(p, checkOne(journeys[p]!));
      },
    },
  };
}
