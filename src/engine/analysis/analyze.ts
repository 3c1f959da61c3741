import { displayName, type Design, type ResolvedTier } from '../../model';
import { graphOf, type DesignGraph } from '../graph';
import { ALL_RULES } from '../rules';
import { SEVERITIES, severityRank, type Finding, type Rule, type RuleContext, type Severity, type TierClass } from '../rules/types';
import type { Assumption } from './assumptions';
import { journeysAvailability, type JourneyAvailability } from './availability';
import { journeyPlans } from './journeys';
import { weakestJourney } from './weakest-journey';
import { uniqueAssumptions } from './recovery';
import { failureScenarios, type FailureScenario } from './scenarios';

/** A recovery objective against the tier's target. */
export interface ObjectiveCheck {
  /** The worst estimate in seconds; null when unbounded. */
  seconds: number | null;
  targetSeconds: number;
  meets: boolean;
  /** The scenario that gave the worst estimate. */
  scenario: string | null;
}

/** The design against its tier, where a CTO looks first. */
export interface Scorecard {
  tier: ResolvedTier & { class: TierClass };
  /**
   * The weakest journey by its modelled availability (the headline figure, with its low-high range),
   * and its SLA floor beside it (null when unknown or the journey cannot work).
   */
  availability: { journey: string | null; percent: number | null; low: number | null; high: number | null; floor: number | null; target: number; meets: boolean | null };
  /** Worst time to recover from losing one zone, and (when any region is planned for) one region. */
  zoneRto: ObjectiveCheck;
  regionRto: ObjectiveCheck;
  /** Worst data loss over zone, region, store and corruption scenarios. */
  rpo: ObjectiveCheck;
  /** Unsuppressed findings by severity. */
  findings: Record<Severity, number>;
  suppressed: number;
}

export interface DesignAnalysis {
  findings: Finding[];
  journeys: JourneyAvailability[];
  scenarios: FailureScenario[];
  scorecard: Scorecard;
  /** Every assumption the estimates rest on, once each. */
  assumptions: Assumption[];
}

/** The built-in tier whose availability the design's tier reaches, for severity escalation. */
export function tierClassOf(tier: ResolvedTier): TierClass {
  if (tier.availability >= 99.99) return 'mission-critical';
  if (tier.availability >= 99.95) return 'premium';
  return 'standard';
}

function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** The context rules check against, with the shared analysis computed once on first use. */
export function ruleContext(design: Design | DesignGraph): RuleContext {
  const graph = graphOf(design);
  return {
    design: graph.design,
    graph,
    tier: graph.tier,
    tierClass: tierClassOf(graph.tier),
    plans: lazy(() => journeyPlans(graph)),
    journeys: lazy(() => journeysAvailability(graph)),
    scenarios: lazy(() => failureScenarios(graph)),
    name: (i) => displayName(graph.components[i]!),
  };
}

/** The severity of a rule for a tier: its own, or its escalation for that tier. */
export function ruleSeverity(rule: Rule, tierClass: TierClass): Severity {
  return rule.escalation?.[tierClass] ?? rule.severity;
}

/** Runs rules (all by default) and returns their findings, suppressions marked, most severe first. */
export function checkDesign(design: Design | DesignGraph, rules: readonly Rule[] = ALL_RULES, context: RuleContext = ruleContext(design)): Finding[] {
  const { graph } = context;
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const result of rule.check(context)) {
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
      const suppression = graph.design.suppressions?.find((s) => s.rule === rule.id && (s.component === undefined || result.components.includes(s.component)));
      if (suppression) finding.suppressed = { reason: suppression.reason };
      findings.push(finding);
    }
  }
  // Most severe first, then by rule id, then in design order; plain comparisons (localeCompare is slow
  // and locale-dependent, and the output must be the same everywhere).
  const ruleOrder = new Map([...new Set(findings.map((f) => f.rule))].sort(compare).map((id, index) => [id, index]));
  const keyed = findings.map((finding) => ({
    finding,
    // One number per finding: severity, then rule, then design order (numbers compare fast).
    key: (4 - severityRank(finding.severity)) * 1e12 + ruleOrder.get(finding.rule)! * 1e8 + (finding.components[0] !== undefined ? (graph.indexById.get(finding.components[0]) ?? -1) + 1 : 0),
  }));
  keyed.sort((a, b) => a.key - b.key || compare(a.finding.message, b.finding.message));
  return keyed.map((entry) => entry.finding);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function worst(scenarios: readonly FailureScenario[], pick: (s: FailureScenario) => number | null, target: number): ObjectiveCheck {
  let seconds: number | null = 0;
  let scenario: string | null = null;
  for (const s of scenarios) {
    if (s.unlikely) continue;
    const value = pick(s);
    if (seconds === null) break;
    if (value === null || value > seconds) {
      seconds = value;
      scenario = s.id;
    }
  }
  return { seconds, targetSeconds: target, meets: seconds !== null && seconds <= target, scenario };
}

/**
 * Checks a design end to end: every rule, availability per journey, failure scenarios with
 * estimated RTO and RPO, and a scorecard against the design's tier. Pure and deterministic;
 * the app calls it when the model (not the layout) changes, the command line once per file.
 */
export function analyzeDesign(design: Design): DesignAnalysis {
  const context = ruleContext(design);
  return completeAnalysis(context, context.journeys(), context.scenarios());
}

/**
 * The analysis of a graph whose journeys and scenarios are known (analysis/change.ts works them out
 * from an earlier analysis): every rule, run against them, and the scorecard.
 */
export function analysisWith(graph: DesignGraph, journeys: readonly JourneyAvailability[], scenarios: readonly FailureScenario[]): DesignAnalysis {
  const context: RuleContext = { ...ruleContext(graph), journeys: () => journeys, scenarios: () => scenarios };
  return completeAnalysis(context, journeys, scenarios);
}

function completeAnalysis(context: RuleContext, knownJourneys: readonly JourneyAvailability[], knownScenarios: readonly FailureScenario[]): DesignAnalysis {
  const design = context.design;
  const findings = checkDesign(context.graph, ALL_RULES, context);
  const journeys = [...knownJourneys];
  const scenarios = [...knownScenarios];
  const tier = context.tier;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  for (const f of findings) {
    if (f.suppressed) suppressed += 1;
    else counts[f.severity] += 1;
  }
  const weakest = weakestJourney(journeys);
  const zone = scenarios.filter((s) => s.kind === 'zone');
  const secondary = new Set(design.regions.filter((r) => r.role === 'secondary').map((r) => `region:${r.id}`));
  const region = scenarios.filter((s) => s.kind === 'region' && !secondary.has(s.id));
  // Region loss counts for every design: a single-region one loses what was never copied out.
  const data = scenarios.filter((s) => s.kind === 'zone' || s.kind === 'corruption' || s.kind === 'component' || s.kind === 'region');
  const scorecard: Scorecard = {
    tier: { ...tier, class: context.tierClass },
    availability: weakest
      ? {
          journey: weakest.id,
          percent: weakest.modelled?.availability ?? null,
          low: weakest.modelled?.low ?? null,
          high: weakest.modelled?.high ?? null,
          floor: weakest.percent,
          target: weakest.target,
          meets: weakest.meetsTarget,
        }
      : { journey: null, percent: null, low: null, high: null, floor: null, target: tier.availability, meets: null },
    zoneRto: worst(zone, (s) => s.rtoSeconds, tier.rtoSeconds),
    regionRto: worst(region, (s) => s.rtoSeconds, tier.rtoSeconds),
    rpo: worst(data, (s) => s.rpoSeconds, tier.rpoSeconds),
    findings: counts,
    suppressed,
  };
  // Tens of thousands of scenarios share a few dozen assumptions: collect them once each as they come.
  const seen = new Map<string, Assumption>();
  const collect = (list: readonly Assumption[]) => {
    for (const a of list) if (!seen.has(a.id)) seen.set(a.id, a);
  };
  for (const j of journeys) {
    collect(j.assumptions);
    if (j.modelled) collect(j.modelled.assumptions);
  }
  for (const s of scenarios) collect(s.assumptions);
  const assumptions = uniqueAssumptions([...seen.values()]);
  return { findings, journeys, scenarios, scorecard, assumptions };
}
