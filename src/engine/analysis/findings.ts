import type { Component, Design } from '../../model';
import { flat } from '../flat';
import { type DesignGraph, entriesOf, source, target } from '../graph';
import { lowerBound } from '../lower-bound';
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
 * What one rule found: all of it, or (for a rule that checks each component or journey in turn) its
 * findings in unit order with the unit of each (ascending), each unit's in the order the rule reports
 * them. One list per rule, not one per unit: an analysis keeps what its rules found for the next
 * change's, and thousands of one-finding lists cost the collector more than the findings.
 */
type Found = { readonly kind: 'design'; readonly findings: readonly Finding[] } | UnitsFound;

interface UnitsFound {
  readonly kind: 'component' | 'journey';
  readonly findings: readonly Finding[];
  /** The unit (component index, or position among the journeys) of each finding. */
  readonly units: readonly number[];
  /** How many units were checked (the components, or the journeys). */
  readonly size: number;
}

/**
 * What each rule of ALL_RULES found, kept beside the findings of every analysis that ran them all, for
 * the analysis of the next change. Keyed by the findings list: the analysis hands it on unchanged.
 */
const foundByRules = new WeakMap<readonly Finding[], readonly Found[]>();

/**
 * How the findings after a change differ from those before it, as object identities: the findings
 * after are those before less `gone` plus `added` (a finding in both was found again as part of a
 * rule's unit that changed). A caller that keeps something per finding (the canvas's badges) updates
 * it from these few instead of comparing thousands of findings on every edit.
 */
export interface FindingsChange {
  readonly earlier: readonly Finding[];
  readonly gone: readonly Finding[];
  readonly added: readonly Finding[];
}

/** Kept beside the findings that `rerunRules` worked out from earlier ones, like `foundByRules`. */
const changeOfFindings = new WeakMap<readonly Finding[], FindingsChange>();

/** How `findings` were worked out from the findings before a change; undefined when they were found from nothing. */
export function findingsChange(findings: readonly Finding[]): FindingsChange | undefined {
  return changeOfFindings.get(findings);
}

/**
 * The finding a rule's result makes: the rule's metadata, severity for the tier, and the suppression
 * that covers it. Every field named at once, the absent ones undefined (which JSON leaves out): every
 * finding has one shape, and none grows a second store for fields added after it was made. The
 * result's fields are taken by a for-in over its own: each rule's results have shapes of their own,
 * and reading every field by name from all of them is a lookup per field that misses the engine's
 * caches; read back from the finding, all of one shape, they are found at once.
 */
function findingOf(rule: Rule, result: RuleResult, context: RuleContext): Finding {
  const finding: { [K in keyof Required<Finding>]: Finding[K] | undefined } = {
    rule: rule.id,
    title: rule.title,
    category: rule.category,
    severity: undefined,
    components: undefined,
    connections: undefined,
    message: undefined,
    fix: undefined,
    autoFix: undefined,
    details: undefined,
    suppressed: undefined,
  };
  const own = finding as Record<string, unknown>;
  const given = result as unknown as Record<string, unknown>;
  for (const key in given) if (RESULT_FIELDS.has(key)) own[key] = given[key];
  finding.severity ??= ruleSeverity(rule, context.tierClass);
  finding.connections ??= NO_CONNECTIONS;
  finding.message = flat(finding.message!);
  finding.fix = finding.fix !== undefined ? flat(finding.fix) : rule.fix;
  if (finding.autoFix) finding.autoFix.label = flat(finding.autoFix.label);
  if (context.design.suppressions !== undefined) finding.suppressed = suppressionOf(context.design, finding as Finding);
  return finding as Finding;
}

/** The fields of a rule's result that a finding takes (a result's other fields, if any, are not reported). */
const RESULT_FIELDS: ReadonlySet<string> = new Set<keyof RuleResult>(['components', 'connections', 'message', 'fix', 'severity', 'autoFix', 'details']);

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

/** What a rule finds on the whole design, with the unit of each finding when it checks each in turn. */
function findAll(rule: Rule, context: RuleContext): Found {
  const scope = rule.scope;
  if (scope?.kind === 'component') {
    const size = context.graph.components.length;
    return findUnits(rule, scope, context, 'component', size, upTo(size, true));
  }
  if (scope?.kind === 'journey') {
    const size = context.journeys().length;
    return findUnits(rule, scope, context, 'journey', size, upTo(size));
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

/** What a change moved among one rule's findings: those gone and those it made, placed. */
interface Moved {
  readonly gone: Finding[];
  readonly added: Placed[];
}

/**
 * The findings of the units `which` (ascending) found again, and of the other units below `size` as
 * `earlier` has them (none without it), in unit order. With `moved`, the findings of each unit found
 * again that differ from before are recorded in it as rule `r`'s: all of a unit's earlier ones gone
 * and all of its new ones added, unless it had none before and has none now.
 */
function findUnits(rule: Rule, scope: ComponentScope | JourneyScope, context: RuleContext, kind: UnitsFound['kind'], size: number, which: readonly number[], earlier?: UnitsFound, moved?: Moved, r = -1): UnitsFound {
  const findings: Finding[] = [];
  const units: number[] = [];
  const was = earlier?.findings;
  const wasUnits = earlier?.units;
  const wasCount = was?.length ?? 0;
  let e = 0;
  /** Earlier findings of the units before `unit`, kept. */
  const keepBefore = (unit: number) => {
    for (; e < wasCount && wasUnits![e]! < unit; e += 1) {
      if (wasUnits![e]! >= size) continue;
      findings.push(was![e]!);
      units.push(wasUnits![e]!);
    }
  };
  scope.checkEach(context, which, (unit, results) => {
    keepBefore(unit);
    const goneFrom = e;
    while (e < wasCount && wasUnits![e] === unit) e += 1;
    if (moved && goneFrom < e) for (let k = goneFrom; k < e; k += 1) moved.gone.push(was![k]!);
    for (let k = 0; k < results.length; k += 1) {
      const finding = findingOf(rule, results[k]!, context);
      findings.push(finding);
      units.push(unit);
      if (moved) moved.added.push({ finding, rule: r, unit, at: k });
    }
  });
  keepBefore(Number.POSITIVE_INFINITY);
  return { kind, findings, units, size };
}

/** Runs rules (all by default) and returns their findings, suppressions marked, most severe first. */
export function runRules(context: RuleContext, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const found: Found[] = [];
  for (let r = 0; r < rules.length; r += 1) found.push(findAll(rules[r]!, context));
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
    // What the units found again moved, when only they can differ from before (all units can otherwise).
    const moved: Moved = { gone: [], added: [] };
    let refound = false;
    if (scope?.kind === 'component' && earlier.kind === 'component') {
      now = refindComponents(rule, r, scope, earlier, context, change, moved);
      refound = true;
    } else if (scope?.kind === 'journey' && earlier.kind === 'journey') {
      const again = refindJourneys(rule, r, scope, earlier, context, change, moved);
      now = again ?? findAll(rule, context);
      refound = again !== undefined;
    } else if (scope?.kind === 'design' && earlier.kind === 'design' && designFindingsStand(scope, context.graph, change)) now = earlier;
    else now = findAll(rule, context);
    // A finding taken from before carries the suppression of before.
    if (resuppress.has(rule.id)) {
      now = suppressedAgain(now, context.design);
      refound = false;
    }
    if (refound) {
      for (const finding of moved.gone) gone.push(finding);
      for (const placed of moved.added) added.push(placed);
    } else if (now !== earlier) movedBy(r, earlier, now, gone, added);
    return now;
  });
  const sorted = (gone.length + added.length <= earlierFindings.length / 4 && mergeFindings(earlierFindings, gone, added, context.graph)) || sortFindings(flatten(found), context.graph);
  foundByRules.set(sorted, found);
  changeOfFindings.set(sorted, { earlier: earlierFindings, gone, added: added.map((placed) => placed.finding) });
  return sorted;
}

/** A finding a change made, with where it stands among all the rules' findings before sorting (as flatten lists them). */
export interface Placed {
  readonly finding: Finding;
  readonly rule: number;
  readonly unit: number;
  readonly at: number;
}

/**
 * The findings of rule r that a change took away (to `gone`) and made (to `added`), unit by unit: where
 * a unit's findings are not the same findings as before, all of its earlier ones are gone and all of
 * its new ones added. A whole-design rule's findings are one unit.
 */
function movedBy(r: number, earlier: Found, now: Found, gone: Finding[], added: Placed[]): void {
  const unitAt = (found: Found, k: number) => (found.kind === 'design' ? 0 : found.units[k]!);
  const was = earlier.findings;
  const is = now.findings;
  const comparable = earlier.kind === now.kind;
  let e = 0;
  let n = 0;
  while (e < was.length || n < is.length) {
    // The next unit with findings before or after, and where its findings end on each side.
    const unit = Math.min(e < was.length ? unitAt(earlier, e) : Number.POSITIVE_INFINITY, n < is.length ? unitAt(now, n) : Number.POSITIVE_INFINITY);
    let eEnd = e;
    while (eEnd < was.length && unitAt(earlier, eEnd) === unit) eEnd += 1;
    let nEnd = n;
    while (nEnd < is.length && unitAt(now, nEnd) === unit) nEnd += 1;
    let same = comparable && eEnd - e === nEnd - n;
    for (let k = 0; same && k < eEnd - e; k += 1) if (was[e + k] !== is[n + k]) same = false;
    if (!same) {
      for (let k = e; k < eEnd; k += 1) gone.push(was[k]!);
      for (let k = n; k < nEnd; k += 1) added.push({ finding: is[k]!, rule: r, unit, at: k - n });
    }
    e = eEnd;
    n = nEnd;
  }
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
  let changed = false;
  const findings = found.findings.map((finding) => {
    const suppressed = suppressionOf(design, finding);
    if (suppressed?.reason === finding.suppressed?.reason) return finding;
    changed = true;
    return { ...finding, suppressed };
  });
  if (!changed) return found;
  return found.kind === 'design' ? { kind: 'design', findings } : { ...found, findings };
}

/**
 * A component rule's findings after a change: those of the components the change can move found
 * again (`again`, in design order), the others as before.
 */
function refindComponents(rule: Rule, r: number, scope: ComponentScope, earlier: UnitsFound, context: RuleContext, change: RuleChange, moved: Moved): Found {
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
  if (again.length === 0 && earlier.size === size) return earlier;
  return findUnits(rule, scope, context, 'component', size, again, earlier, moved, r);
}

/**
 * A journey rule's findings after a change: those of the journeys whose figures are new found again,
 * the others as before; undefined when the change touched what the rule reads otherwise (find them all).
 */
function refindJourneys(rule: Rule, r: number, scope: JourneyScope, earlier: UnitsFound, context: RuleContext, change: RuleChange, moved: Moved): Found | undefined {
  const journeys = context.journeys();
  if (touchesAny(scope.concerns, context.graph, change)) return undefined;
  const again: number[] = [];
  for (let p = 0; p < journeys.length; p += 1) if (journeys[p] !== change.earlierJourneys[p]) again.push(p);
  return findUnits(rule, scope, context, 'journey', journeys.length, again, earlier, moved, r);
}

/** Whether the change touched a component that `concerns` says counts, in the graph before it or after it. */
function touchesAny(concerns: (graph: DesignGraph, i: number) => boolean, graph: DesignGraph, change: RuleChange): boolean {
  for (const g of [graph, change.earlierGraph]) {
    for (const t of change.touched) if (t < g.components.length && concerns(g, t)) return true;
  }
  return false;
}

/**
 * Whether a whole-design rule's findings stand: the change touched nothing it concerns (or, where the
 * rule names fields it ignores, changed only those fields of what it concerns and no connection) and
 * moved nothing else it reads.
 */
function designFindingsStand(scope: DesignScope, graph: DesignGraph, change: RuleChange): boolean {
  if (scope.reads.includes('journeys') && change.journeysMoved) return false;
  if (scope.reads.includes('journey-figures') && change.journeyFiguresMoved) return false;
  const ignored = scope.ignores;
  if (ignored === undefined || ignored.length === 0) return !touchesAny(scope.concerns, graph, change);
  const earlier = change.earlierGraph;
  const sameConnections = earlier.design.connections === graph.design.connections;
  for (const t of change.touched) {
    const concerned = (t < graph.components.length && scope.concerns(graph, t)) || (t < earlier.components.length && scope.concerns(earlier, t));
    if (concerned && !(sameConnections && onlyFieldsChanged(earlier.components[t], graph.components[t], ignored))) return false;
  }
  return true;
}

/** Whether `after` is `before` (another object, the same component) with only the `fields` changed. */
function onlyFieldsChanged(before: Component | undefined, after: Component | undefined, fields: readonly string[]): boolean {
  if (before === undefined || after === undefined || before === after || before.id !== after.id) return false;
  const was = before as unknown as Record<string, unknown>;
  const is = after as unknown as Record<string, unknown>;
  for (const key in is) if (is[key] !== was[key] && !fields.includes(key)) return false;
  for (const key in was) if (!(key in is) && !fields.includes(key)) return false;
  return true;
}

function flatten(found: readonly Found[]): Finding[] {
  let count = 0;
  for (let r = 0; r < found.length; r += 1) count += found[r]!.findings.length;
  const findings = new Array<Finding>(count);
  let at = 0;
  for (let r = 0; r < found.length; r += 1) {
    const list = found[r]!.findings;
    for (let k = 0; k < list.length; k += 1) findings[at++] = list[k]!;
  }
  return findings;
}

/**
 * Most severe first, then by rule id, then in design order, then by message; findings alike in all
 * of these keep the order the rules gave them. Plain comparisons (localeCompare is slow and
 * locale-dependent, and the output must be the same everywhere).
 */
export function sortFindings(findings: readonly Finding[], graph: DesignGraph): Finding[] {
  // Indexed loops and a list filled in place, not .every and .map: a list made by .map has another
  // elements kind when the code that made it was optimised than when it was not, and the analysis
  // that reads this one was optimised again when it changed.
  let known = true;
  for (let k = 0; known && k < findings.length; k += 1) known = RULE_RANK.has(findings[k]!.rule);
  const ranks = known ? RULE_RANK : rankOf(findings.map((f) => f.rule));
  const keys = new Float64Array(findings.length);
  const order: number[] = new Array<number>(findings.length);
  for (let k = 0; k < findings.length; k += 1) {
    keys[k] = sortKey(findings[k]!, ranks, graph);
    order[k] = k;
  }
  order.sort((a, b) => keys[a]! - keys[b]! || compare(findings[a]!.message, findings[b]!.message) || a - b);
  const sorted: Finding[] = new Array<Finding>(order.length);
  for (let k = 0; k < order.length; k += 1) sorted[k] = findings[order[k]!]!;
  return sorted;
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
  const removed = new Set<number>();
  for (const finding of gone) {
    const key = sortKey(finding, RULE_RANK, graph);
    let k = lowerBound(earlier.length, (position) => versus(position, key, finding.message) < 0);
    while (k < earlier.length && (earlier[k] !== finding || removed.has(k)) && versus(k, key, finding.message) === 0) k += 1;
    if (earlier[k] !== finding) return undefined;
    removed.add(k);
  }
  const placed = added.map((p) => ({ ...p, key: sortKey(p.finding, RULE_RANK, graph) }));
  placed.sort((a, b) => a.key - b.key || compare(a.finding.message, b.finding.message) || a.rule - b.rule || a.unit - b.unit || a.at - b.at);
  const places: number[] = [];
  for (const p of placed) {
    const k = lowerBound(earlier.length, (position) => versus(position, p.key, p.finding.message) < 0);
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
