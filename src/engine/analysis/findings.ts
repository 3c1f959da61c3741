import type { Design } from '../../model';
import { source, target, type DesignGraph } from '../graph';
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
  const finding: Finding = {
    rule: rule.id,
    title: rule.title,
    category: rule.category,
    severity: result.severity ?? ruleSeverity(rule, context.tierClass),
    components: result.components,
    connections: result.connections ?? [],
    message: result.message,
    fix: result.fix ?? rule.fix,
  };
  if (result.autoFix) finding.autoFix = result.autoFix;
  if (result.details) finding.details = result.details;
  const suppression = suppressionOf(context.design, finding);
  if (suppression) finding.suppressed = suppression;
  return finding;
}

function suppressionOf(design: Design, finding: Finding): { reason: string } | undefined {
  const suppression = design.suppressions?.find((s) => s.rule === finding.rule && (s.component === undefined || finding.components.includes(s.component)));
  return suppression ? { reason: suppression.reason } : undefined;
}

const findingsOf = (rule: Rule, results: readonly RuleResult[], context: RuleContext): Finding[] => results.map((result) => findingOf(rule, result, context));

/** What a rule finds on the whole design, kept per component when it checks each in turn. */
function findAll(rule: Rule, context: RuleContext): Found {
  const scope = rule.scope;
  if (scope?.kind === 'component') return { kind: 'component', byComponent: findEach(rule, scope, context, [], upTo(context.graph.components.length)) };
  if (scope?.kind === 'journey') return { kind: 'journey', byJourney: findEach(rule, scope, context, [], upTo(context.journeys().length)) };
  return { kind: 'design', findings: findingsOf(rule, rule.check(context), context) };
}

/** 0, 1, ... size - 1. */
const upTo = (size: number): number[] => Array.from({ length: size }, (_, i) => i);

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
  const found = ALL_RULES.map((rule, r) => {
    const earlier = earlierFound[r]!;
    const scope = rule.scope;
    let now: Found;
    if (scope?.kind === 'component' && earlier.kind === 'component') now = refindComponents(rule, scope, earlier.byComponent, context, change);
    else if (scope?.kind === 'journey' && earlier.kind === 'journey') now = refindJourneys(rule, scope, earlier.byJourney, context, change);
    else if (scope?.kind === 'design' && earlier.kind === 'design' && designFindingsStand(scope, context.graph, change)) now = earlier;
    else now = findAll(rule, context);
    // A finding taken from before carries the suppression of before.
    return resuppress.has(rule.id) ? suppressedAgain(now, context.design) : now;
  });
  const findings = flatten(found);
  const sorted = sortFindings(findings, context.graph);
  foundByRules.set(sorted, found);
  return sorted;
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
      const { suppressed: _, ...rest } = finding;
      return suppressed ? { ...rest, suppressed } : rest;
    });
    return changed ? next : list;
  };
  if (found.kind === 'design') return { kind: 'design', findings: again(found.findings) };
  const units = (found.kind === 'component' ? found.byComponent : found.byJourney).map((list) => list && again(list));
  return found.kind === 'component' ? { kind: 'component', byComponent: units } : { kind: 'journey', byJourney: units };
}

/** A component rule's findings after a change: those of the components the change can move found again, the others as before. */
function refindComponents(rule: Rule, scope: ComponentScope, earlier: readonly (readonly Finding[] | undefined)[], context: RuleContext, change: RuleChange): Found {
  const graph = context.graph;
  const size = graph.components.length;
  const again = new Uint8Array(size);
  const graphs = [graph, change.earlierGraph];
  for (const t of change.touched) {
    again[t] = 1;
    for (const g of graphs) {
      if (t >= g.components.length) continue;
      for (const reach of scope.reads) {
        if (reach === 'sync-targets') for (const c of g.in.sync[t]!) again[source(g, c)] = 1;
        else if (reach === 'sync-sources') for (const c of g.out.sync[t]!) again[target(g, c)] = 1;
        else if (reach === 'async-sources') for (const c of g.out.async[t]!) again[target(g, c)] = 1;
        else if (reach === 'backup-targets') for (const c of g.in.backup[t]!) again[source(g, c)] = 1;
      }
      if (scope.reachedFrom) for (const i of scope.reachedFrom(g, t)) again[i] = 1;
    }
  }
  if (scope.reads.includes('journeys')) for (const i of change.journeyComponents()) again[i] = 1;
  if (scope.reads.includes('data-loss')) for (const i of change.dataLossComponents()) again[i] = 1;
  const byComponent = earlier.slice(0, size);
  byComponent.length = size;
  const which: number[] = [];
  for (let i = 0; i < size; i += 1) if (again[i]) which.push(i);
  return { kind: 'component', byComponent: findEach(rule, scope, context, byComponent, which) };
}

/** A journey rule's findings after a change: those of the journeys whose figures are new found again, the others as before. */
function refindJourneys(rule: Rule, scope: JourneyScope, earlier: readonly (readonly Finding[] | undefined)[], context: RuleContext, change: RuleChange): Found {
  const journeys = context.journeys();
  if (touchesAny(scope.concerns, context.graph, change)) return findAll(rule, context);
  const byJourney = earlier.slice(0, journeys.length);
  byJourney.length = journeys.length;
  const which: number[] = [];
  for (let p = 0; p < journeys.length; p += 1) if (journeys[p] !== change.earlierJourneys[p]) which.push(p);
  return { kind: 'journey', byJourney: findEach(rule, scope, context, byJourney, which) };
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
function sortFindings(findings: readonly Finding[], graph: DesignGraph): Finding[] {
  const ranks = findings.every((f) => RULE_RANK.has(f.rule)) ? RULE_RANK : rankOf(findings.map((f) => f.rule));
  // One number per finding: severity, then rule, then design order (numbers compare fast).
  const keys = new Float64Array(findings.length);
  const order: number[] = new Array<number>(findings.length);
  for (let k = 0; k < findings.length; k += 1) {
    const finding = findings[k]!;
    const first = finding.components[0];
    keys[k] = (4 - severityRank(finding.severity)) * 1e12 + ranks.get(finding.rule)! * 1e8 + (first !== undefined ? (graph.indexById.get(first) ?? -1) + 1 : 0);
    order[k] = k;
  }
  order.sort((a, b) => keys[a]! - keys[b]! || compare(findings[a]!.message, findings[b]!.message) || a - b);
  return order.map((k) => findings[k]!);
}

/** Each rule id's place among the ids in order. */
const rankOf = (ids: readonly string[]): ReadonlyMap<string, number> => new Map([...new Set(ids)].sort(compare).map((id, index) => [id, index]));

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The ranks of every rule's id (those of the rules present keep their order among themselves). */
const RULE_RANK = rankOf(ALL_RULES.map((rule) => rule.id));
