import type { Design } from '../../model';
import { flat } from '../flat';
import { type DesignGraph, entriesOf, source, target } from '../graph';
import { ALL_RULES } from '../rules';
import type { JourneyAvailability } from './availability';
import { severityRank, type ComponentScope, type DesignScope, type JourneyScope, type Finding, type Rule, type RuleContext, type RuleResult, type Severity, type TierClass } from '../rules/types';

/**
 * The rules' findings of a design, and of a design after a change from the findings before it: a
 * rule's findings that the change cannot move are taken from before (what each rule reads is in its
 * `scope`), the rest found again. Either way the findings are the same, in the same order.
 */

/** The severity of a rule for a tier: its own, or its escalation for that tier. */
export function ruleSeverity(rule: Rule, tierClass: TierClass): Severity {
  return rule.escalation?.[tierClass] ?? rule.severity;
}

/**
 * What one rule found: all of it, or (for a rule that checks each component in turn) each
 * component's findings by component index, in the order the rule reports them.
 */
type Found =
  | { readonly kind: 'design'; readonly findings: readonly Finding[] }
  | { readonly kind: 'component'; readonly byComponent: readonly (readonly Finding[] | undefined)[] }
  | { readonly kind: 'journey'; readonly byJourney: readonly (readonly Finding[] | undefined)[] };

/**
 * What each rule of ALL_RULES found, kept beside the findings of every analysis that ran them all, for
 * the analysis of the next change. Keyed by the findings list: the analysis hands it on unchanged.
 */
const foundByRules = new WeakMap<readonly Finding[], readonly Found[]>();

/** The finding a rule's result makes: the rule's metadata, severity for the tier, and the suppression that covers it. */
function findingOf(rule: Rule, result: RuleResult, context: RuleContext): Finding {
  if (result.autoFix) result.autoFix.label = flat(result.autoFix.label);
  // Every field named at once, the absent ones undefined (which JSON leaves out): every finding has one
  // shape, and none grows a second store for the fields added after it was made.
  const finding: Finding = {
    rule: rule.id,
    title: rule.title,
    category: rule.category,
    severity: result.severity ?? ruleSeverity(rule, context.tierClass),
    components: result.components,
    connections: result.connections ?? NO_CONNECTIONS,
    message: flat(result.message),
    fix: result.fix !== undefined ? flat(result.fix) : rule.fix,
    autoFix: result.autoFix,
    details: result.details,
    suppressed: undefined,
  };
  if (context.design.suppressions !== undefined) finding.suppressed = suppressionOf(context.design, finding);
  return finding;
}

function suppressionOf(design: Design, finding: Finding): { reason: string } | undefined {
  const suppression = design.suppressions?.find((s) => s.rule === finding.rule && (s.component === undefined || finding.components.includes(s.component)));
  return suppression ? { reason: suppression.reason } : undefined;
}

/** Shared by every finding that names no connections (most of them): one array, not one per finding. */
const NO_CONNECTIONS = Object.freeze([]) as readonly string[] as string[];

function findingsOf(rule: Rule, results: readonly RuleResult[], context: RuleContext): Finding[] {
  const findings: Finding[] = new Array<Finding>(results.length);
  for (let k = 0; k < results.length; k += 1) findings[k] = findingOf(rule, results[k]!, context);
  return findings;
}

/** What a rule finds on the whole design, kept per component when it checks each in turn. */
function findAll(rule: Rule, context: RuleContext): Found {
  const scope = rule.scope;
  // Each list made at its full length at once: filled unit by unit, it would be copied as it grows.
  if (scope?.kind === 'component') {
    const size = context.graph.components.length;
    return { kind: 'component', byComponent: findEach(rule, scope, context, new Array<readonly Finding[] | undefined>(size), upTo(size, true)) };
  }
  if (scope?.kind === 'journey') {
    const size = context.journeys().length;
    return { kind: 'journey', byJourney: findEach(rule, scope, context, new Array<readonly Finding[] | undefined>(size), upTo(size)) };
  }
  return { kind: 'design', findings: findingsOf(rule, rule.check(context), context) };
}

/** 0, 1, ... size - 1: the components' list is shared by every component rule of an analysis (the units are only read). */
let allComponents: number[] = [];
function upTo(size: number, shared = false): readonly number[] {
  if (shared && allComponents.length === size) return allComponents;
  const units = new Array<number>(size);
  for (let i = 0; i < size; i += 1) units[i] = i;
  if (shared) allComponents = units;
  return units;
}

/** The findings of the given units (components or journeys) found again, the others' as before (`earlier`, of the same length). */
function findEach(rule: Rule, scope: ComponentScope | JourneyScope, context: RuleContext, earlier: (readonly Finding[] | undefined)[], which: readonly number[]): (readonly Finding[] | undefined)[] {
  scope.checkEach(context, which, (unit, results) => {
    earlier[unit] = results.length > 0 ? findingsOf(rule, results, context) : undefined;
  });
  return earlier;
}

/** Runs rules (all by default) and returns their findings, suppressions marked, most severe first. */
export function runRules(context: RuleContext, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const found = rules.map((rule) => findAll(rule, context));
  const findings = sortFindings(flatten(found), context.graph);
  if (rules === ALL_RULES) foundByRules.set(findings, found);
  return findings;
}

/**
 * What a change did, as the rules' scopes ask it (analysis/change.ts works it out). Components keep
 * their indices across the change (it only adds at the end), so an index means the same component
 * in the graph before and after.
 */
export interface RuleChange {
  readonly earlierGraph: DesignGraph;
  /** Components the change added or edited, and the ends of the connections it added or removed (indices after). */
  readonly touched: readonly number[];
  /** Whether any journey plan moved: its route, its journey, its needed components or their partners. */
  readonly journeysMoved: boolean;
  /** The components on the moved plans' routes or needed by them, before the change and after. */
  readonly journeyComponents: () => Iterable<number>;
  /** Whether any journey's figures are new (not the earlier figures' objects). */
  readonly journeyFiguresMoved: boolean;
  /** The journeys' figures before the change. */
  readonly earlierJourneys: readonly JourneyAvailability[];
  /** The components whose data loss in some scenario (or its title) the change moved. */
  readonly dataLossComponents: () => Iterable<number>;
}

/**
 * The findings after a change, from those before it: equal to runRules(context). Undefined when the
 * findings before are not known here (they were not found by runRules or this function), or the
 * change reaches what every rule reads.
 */
export function rerunRules(context: RuleContext, earlierFindings: readonly Finding[], change: RuleChange): Finding[] | undefined {
  const earlierFound = foundByRules.get(earlierFindings);
  if (!earlierFound || earlierFound.length !== ALL_RULES.length) return undefined;
  const earlierDesign = change.earlierGraph.design;
  // Read by whole rules (shared tenancy), and not a figure, so the change analysis does not check it.
  if (earlierDesign.tenancy !== context.design.tenancy) return undefined;
  const resuppress = rulesSuppressedOtherwise(earlierDesign, context.design);
  // What the change moved, to merge into the findings before it: the findings gone and those new.
  const gone: Finding[] = [];
  const added: Placed[] = [];
  const found = ALL_RULES.map((rule, r) => {
    const earlier = earlierFound[r]!;
    const scope = rule.scope;
    let now: Found;
    // The units found again, when only they can differ from before (all of them can otherwise).
    let again: readonly number[] | undefined;
    if (scope?.kind === 'component' && earlier.kind === 'component') ({ now, again } = refindComponents(rule, scope, earlier.byComponent, context, change));
    else if (scope?.kind === 'journey' && earlier.kind === 'journey') ({ now, again } = refindJourneys(rule, scope, earlier.byJourney, context, change));
    else if (scope?.kind === 'design' && earlier.kind === 'design' && designFindingsStand(scope, context.graph, change)) now = earlier;
    else now = findAll(rule, context);
    // A finding taken from before carries the suppression of before.
    if (resuppress.has(rule.id)) {
      now = suppressedAgain(now, context.design);
      again = undefined;
    }
    if (now !== earlier) movedBy(r, earlier, now, again, gone, added);
    return now;
  });
  const sorted = (gone.length + added.length <= earlierFindings.length / 4 && mergeFindings(earlierFindings, gone, added, context.graph)) || sortFindings(flatten(found), context.graph);
  foundByRules.set(sorted, found);
  return sorted;
}

/** A finding a change made, with where it stands among all the rules' findings before sorting (as flatten lists them). */
export interface Placed {
  readonly finding: Finding;
  readonly rule: number;
  readonly unit: number;
  readonly at: number;
}

/** The findings of rule r that a change took away (to `gone`) and made (to `added`): of the units `again`, or all. */
function movedBy(r: number, earlier: Found, now: Found, again: readonly number[] | undefined, gone: Finding[], added: Placed[]): void {
  const unitsOf = (found: Found): readonly (readonly Finding[] | undefined)[] => (found.kind === 'design' ? [found.findings] : found.kind === 'component' ? found.byComponent : found.byJourney);
  const was = unitsOf(earlier);
  const is = unitsOf(now);
  const move = (unit: number) => {
    const before = was[unit];
    const after = is[unit];
    if (before === after) return;
    if (before) for (const finding of before) gone.push(finding);
    if (after) after.forEach((finding, at) => added.push({ finding, rule: r, unit, at }));
  };
  if (again && earlier.kind === now.kind) for (const unit of again) move(unit);
  else for (let unit = 0; unit < Math.max(was.length, is.length); unit += 1) move(unit);
}

/**
 * The rules whose suppressions a change added, removed or reordered (the first that covers a finding
 * gives its reason): only their findings can be suppressed otherwise.
 */
function rulesSuppressedOtherwise(before: Design, after: Design): Set<string> {
  const rules = new Set<string>();
  if (before.suppressions === after.suppressions) return rules;
  const byRule = (list: Design['suppressions']) => {
    const map = new Map<string, string>();
    for (const s of list ?? []) map.set(s.rule, `${map.get(s.rule) ?? ''}${JSON.stringify([s.component, s.reason])}`);
    return map;
  };
  const was = byRule(before.suppressions);
  const now = byRule(after.suppressions);
  for (const [rule, list] of was) if (now.get(rule) !== list) rules.add(rule);
  for (const [rule, list] of now) if (was.get(rule) !== list) rules.add(rule);
  return rules;
}

/** What a rule found, with each finding's suppression as the design says it now. */
function suppressedAgain(found: Found, design: Design): Found {
  const again = (list: readonly Finding[]): readonly Finding[] => {
    let changed = false;
    const next = list.map((finding) => {
      const suppressed = suppressionOf(design, finding);
      if (suppressed?.reason === finding.suppressed?.reason) return finding;
      changed = true;
      return { ...finding, suppressed };
    });
    return changed ? next : list;
  };
  if (found.kind === 'design') return { kind: 'design', findings: again(found.findings) };
  const units = (found.kind === 'component' ? found.byComponent : found.byJourney).map((list) => list && again(list));
  return found.kind === 'component' ? { kind: 'component', byComponent: units } : { kind: 'journey', byJourney: units };
}

/**
 * A component rule's findings after a change: those of the components the change can move found
 * again (`again`, in design order), the others as before.
 */
function refindComponents(rule: Rule, scope: ComponentScope, earlier: readonly (readonly Finding[] | undefined)[], context: RuleContext, change: RuleChange): { now: Found; again: readonly number[] } {
  const graph = context.graph;
  const size = graph.components.length;
  // Each component to find again listed as it is first marked, so that a few are not found by a scan of the design.
  const marked = new Uint8Array(size);
  const again: number[] = [];
  const mark = (i: number) => {
    if (i < size && marked[i] === 0) {
      marked[i] = 1;
      again.push(i);
    }
  };
  const graphs = [graph, change.earlierGraph];
  for (const t of change.touched) {
    mark(t);
    for (const g of graphs) {
      if (t >= g.components.length) continue;
      for (const reach of scope.reads) {
        if (reach === 'sync-targets') for (const c of entriesOf(g.in.sync, t)) mark(source(g, c));
        else if (reach === 'sync-sources') for (const c of entriesOf(g.out.sync, t)) mark(target(g, c));
        else if (reach === 'async-sources') for (const c of entriesOf(g.out.async, t)) mark(target(g, c));
        else if (reach === 'backup-targets') for (const c of entriesOf(g.in.backup, t)) mark(source(g, c));
      }
      if (scope.reachedFrom) for (const i of scope.reachedFrom(g, t)) mark(i);
    }
  }
  if (scope.reads.includes('journeys')) for (const i of change.journeyComponents()) mark(i);
  if (scope.reads.includes('data-loss')) for (const i of change.dataLossComponents()) mark(i);
  // In design order: sorted when few, read off the marks when many (a journey's moved plans can reach thousands).
  if (again.length * 16 < size) again.sort((a, b) => a - b);
  else {
    again.length = 0;
    for (let i = 0; i < size; i += 1) if (marked[i] === 1) again.push(i);
  }
  if (again.length === 0 && earlier.length === size) return { now: { kind: 'component', byComponent: earlier }, again };
  const byComponent = earlier.slice(0, size);
  byComponent.length = size;
  return { now: { kind: 'component', byComponent: findEach(rule, scope, context, byComponent, again) }, again };
}

/** A journey rule's findings after a change: those of the journeys whose figures are new found again (`again`), the others as before. */
function refindJourneys(rule: Rule, scope: JourneyScope, earlier: readonly (readonly Finding[] | undefined)[], context: RuleContext, change: RuleChange): { now: Found; again?: readonly number[] } {
  const journeys = context.journeys();
  if (touchesAny(scope.concerns, context.graph, change)) return { now: findAll(rule, context) };
  const byJourney = earlier.slice(0, journeys.length);
  byJourney.length = journeys.length;
  const again: number[] = [];
  for (let p = 0; p < journeys.length; p += 1) if (journeys[p] !== change.earlierJourneys[p]) again.push(p);
  return { now: { kind: 'journey', byJourney: findEach(rule, scope, context, byJourney, again) }, again };
}

/** Whether the change touched a component that `concerns` says counts, in the graph before it or after it. */
function touchesAny(concerns: (graph: DesignGraph, i: number) => boolean, graph: DesignGraph, change: RuleChange): boolean {
  for (const g of [graph, change.earlierGraph]) {
    for (const t of change.touched) if (t < g.components.length && concerns(g, t)) return true;
  }
  return false;
}

/** Whether a whole-design rule's findings stand: the change touched nothing it concerns and moved nothing else it reads. */
function designFindingsStand(scope: DesignScope, graph: DesignGraph, change: RuleChange): boolean {
  if (scope.reads.includes('journeys') && change.journeysMoved) return false;
  if (scope.reads.includes('journey-figures') && change.journeyFiguresMoved) return false;
  return !touchesAny(scope.concerns, graph, change);
}

function flatten(found: readonly Found[]): Finding[] {
  const findings: Finding[] = [];
  for (const f of found) {
    if (f.kind === 'design') for (const finding of f.findings) findings.push(finding);
    else for (const list of f.kind === 'component' ? f.byComponent : f.byJourney) if (list) for (const finding of list) findings.push(finding);
  }
  return findings;
}

/**
 * Most severe first, then by rule id, then in design order, then by message; findings alike in all
 * of these keep the order the rules gave them. Plain comparisons (localeCompare is slow and
 * locale-dependent, and the output must be the same everywhere).
 */
export function sortFindings(findings: readonly Finding[], graph: DesignGraph): Finding[] {
  const ranks = findings.every((f) => RULE_RANK.has(f.rule)) ? RULE_RANK : rankOf(findings.map((f) => f.rule));
  const keys = new Float64Array(findings.length);
  const order: number[] = new Array<number>(findings.length);
  for (let k = 0; k < findings.length; k += 1) {
    keys[k] = sortKey(findings[k]!, ranks, graph);
    order[k] = k;
  }
  order.sort((a, b) => keys[a]! - keys[b]! || compare(findings[a]!.message, findings[b]!.message) || a - b);
  return order.map((k) => findings[k]!);
}

/** One number per finding: severity, then rule, then design order (numbers compare fast). */
function sortKey(finding: Finding, ranks: ReadonlyMap<string, number>, graph: DesignGraph): number {
  const first = finding.components[0];
  return (4 - severityRank(finding.severity)) * 1e12 + ranks.get(finding.rule)! * 1e8 + (first !== undefined ? (graph.indexById.get(first) ?? -1) + 1 : 0);
}

/**
 * The findings after a change as sortFindings orders them, from those before it (sorted) less `gone`
 * plus `added`, without sorting them all again; undefined when that cannot be told cheaply (sort
 * them all). A finding kept keeps its key (its component keeps its index and id) and its place among
 * the kept (their order in flatten stands), so the kept stay in their order and each added one goes
 * where its key and message put it. Where a kept finding is alike to an added one in both, only their
 * places in flatten could tell them apart: that is left to the full sort.
 */
export function mergeFindings(earlier: readonly Finding[], gone: readonly Finding[], added: Placed[], graph: DesignGraph): Finding[] | undefined {
  const keyAt = (k: number) => sortKey(earlier[k]!, RULE_RANK, graph);
  const versus = (k: number, key: number, message: string) => keyAt(k) - key || compare(earlier[k]!.message, message);
  /** The first place in `earlier` whose finding is not before (key, message). */
  const lowerBound = (key: number, message: string) => {
    let low = 0;
    let high = earlier.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (versus(mid, key, message) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const removed = new Set<number>();
  for (const finding of gone) {
    const key = sortKey(finding, RULE_RANK, graph);
    let k = lowerBound(key, finding.message);
    while (k < earlier.length && (earlier[k] !== finding || removed.has(k)) && versus(k, key, finding.message) === 0) k += 1;
    if (earlier[k] !== finding) return undefined;
    removed.add(k);
  }
  const placed = added.map((p) => ({ ...p, key: sortKey(p.finding, RULE_RANK, graph) }));
  placed.sort((a, b) => a.key - b.key || compare(a.finding.message, b.finding.message) || a.rule - b.rule || a.unit - b.unit || a.at - b.at);
  const places: number[] = [];
  for (const p of placed) {
    const k = lowerBound(p.key, p.finding.message);
    for (let alike = k; alike < earlier.length && versus(alike, p.key, p.finding.message) === 0; alike += 1) if (!removed.has(alike)) return undefined;
    places.push(k);
  }
  // The kept between one removal or insertion and the next, copied in runs.
  const cuts = [...removed].sort((a, b) => a - b);
  const merged: Finding[] = [];
  let next = 0;
  let from = 0;
  const keepUpTo = (end: number) => {
    for (let k = from; k < end; k += 1) merged.push(earlier[k]!);
    from = end;
  };
  for (const cut of cuts) {
    while (next < placed.length && places[next]! <= cut) {
      keepUpTo(places[next]!);
      merged.push(placed[next++]!.finding);
    }
    keepUpTo(cut);
    from = cut + 1;
  }
  while (next < placed.length) {
    keepUpTo(places[next]!);
    merged.push(placed[next++]!.finding);
  }
  keepUpTo(earlier.length);
  return merged;
}

/** Each rule id's place among the ids in order. */
const rankOf = (ids: readonly string[]): ReadonlyMap<string, number> => new Map([...new Set(ids)].sort(compare).map((id, index) => [id, index]));

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The ranks of every rule's id (those of the rules present keep their order among themselves). */
const RULE_RANK = rankOf(ALL_RULES.map((rule) => rule.id));
