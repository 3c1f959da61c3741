import { displayName, type Design, type ResolvedTier } from '../../model';
import { graphOf, type DesignGraph } from '../graph';
import { ALL_RULES } from '../rules';
import { SEVERITIES, type Finding, type Rule, type RuleContext, type Severity, type TierClass } from '../rules/types';
import { rerunRules, ruleSeverity, runRules, type RuleChange } from './findings';

export { ruleSeverity };
import type { Assumption } from './assumptions';
import { journeysAvailability, type JourneyAvailability } from './availability';
import { journeyPlans, type JourneyPlan } from './journeys';
import { uniqueAssumptions } from './recovery';
import { weakestJourney } from './weakest-journey';
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

/**
 * The context rules check against, with the shared analysis computed once on first use. Made by a
 * constructor, as the graph is (graph.ts): an object literal's later copies widened the types V8 had
 * recorded for its fields (another design, another graph), and every rule's code optimised during
 * the first analysis was thrown away and compiled again at the second.
 */
class Context implements RuleContext {
  declare readonly design: Design;
  declare readonly graph: DesignGraph;
  declare readonly tier: ResolvedTier;
  declare readonly tierClass: TierClass;
  declare readonly plans: () => readonly JourneyPlan[];
  declare readonly journeys: () => readonly JourneyAvailability[];
  declare readonly scenarios: () => readonly FailureScenario[];
  declare readonly name: (i: number) => string;

  constructor(graph: DesignGraph, journeys: () => readonly JourneyAvailability[], scenarios: () => readonly FailureScenario[]) {
    this.design = graph.design;
    this.graph = graph;
    this.tier = graph.tier;
    this.tierClass = tierClassOf(graph.tier);
    this.plans = lazy(() => journeyPlans(graph));
    this.journeys = journeys;
    this.scenarios = scenarios;
    this.name = (i) => displayName(graph.components[i]!);
  }
}

export function ruleContext(design: Design | DesignGraph): RuleContext {
  const graph = graphOf(design);
  return new Context(graph, lazy(() => journeysAvailability(graph)), lazy(() => failureScenarios(graph)));
}

/** Runs rules (all by default) and returns their findings, suppressions marked, most severe first. */
export function checkDesign(design: Design | DesignGraph, rules: readonly Rule[] = ALL_RULES, context: RuleContext = ruleContext(design)): Finding[] {
  return runRules(context, rules);
}

/**
 * The worst estimate of the scenarios offered to it in turn, the first to reach it named; unbounded
 * (null) once one is. One per objective, all fed by one pass over the scenarios: a filtered list
 * per objective copied most of tens of thousands of scenarios for one look at each.
 */
class Worst {
  seconds: number | null = 0;
  scenario: string | null = null;

  offer(scenario: FailureScenario, value: number | null): void {
    if (this.seconds === null) return;
    if (value === null || value > this.seconds) {
      this.seconds = value;
      this.scenario = scenario.id;
    }
  }

  against(target: number): ObjectiveCheck {
    return { seconds: this.seconds, targetSeconds: target, meets: this.seconds !== null && this.seconds <= target, scenario: this.scenario };
  }
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
export function analysisWith(graph: DesignGraph, journeys: readonly JourneyAvailability[], scenarios: readonly FailureScenario[], earlier?: { findings: readonly Finding[]; change: RuleChange }): DesignAnalysis {
  const context: RuleContext = new Context(graph, () => journeys, () => scenarios);
  return completeAnalysis(context, journeys, scenarios, earlier);
}

function completeAnalysis(context: RuleContext, knownJourneys: readonly JourneyAvailability[], knownScenarios: readonly FailureScenario[], earlier?: { findings: readonly Finding[]; change: RuleChange }): DesignAnalysis {
  // After a change, what the rules found before it where the change cannot move it (analysis/findings.ts).
  const findings = (earlier && rerunRules(context, earlier.findings, earlier.change)) ?? runRules(context);
  const journeys = knownJourneys.slice();
  const scenarios = knownScenarios.slice();
  const tier = context.tier;
  // Indexed loops, no spreads or array callbacks here: this runs once an analysis but loops over
  // every finding and scenario, so V8 optimises it in each process's first analyses, and each of
  // those is inlined into that optimised code (compiled twice when a list it reads changed kind).
  const counts = {} as Record<Severity, number>;
  for (let k = 0; k < SEVERITIES.length; k += 1) counts[SEVERITIES[k]!] = 0;
  let suppressed = 0;
  for (let k = 0; k < findings.length; k += 1) {
    const f = findings[k]!;
    if (f.suppressed) suppressed += 1;
    else counts[f.severity] += 1;
  }
  const weakest = weakestJourney(journeys);
  const objectives = objectivesOf(context.design, scenarios, tier);
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
    zoneRto: objectives.zoneRto,
    regionRto: objectives.regionRto,
    rpo: objectives.rpo,
    findings: counts,
    suppressed,
  };
  return { findings, journeys, scenarios, scorecard, assumptions: assumptionsOf(journeys, scenarios) };
}

/**
 * The scorecard's recovery objectives. Likely scenarios only: zone loss and the loss of a region that
 * is not a standby for recovery time; for data loss those and corruption and a component's loss.
 * Region loss counts for every design: a single-region one loses what was never copied out.
 */
function objectivesOf(design: Design, scenarios: readonly FailureScenario[], tier: ResolvedTier): Pick<Scorecard, 'zoneRto' | 'regionRto' | 'rpo'> {
  const secondary = new Set<string>();
  for (let k = 0; k < design.regions.length; k += 1) if (design.regions[k]!.role === 'secondary') secondary.add(`region:${design.regions[k]!.id}`);
  const zoneRto = new Worst();
  const regionRto = new Worst();
  const rpo = new Worst();
  for (let k = 0; k < scenarios.length; k += 1) {
    const s = scenarios[k]!;
    if (s.unlikely) continue;
    const kind = s.kind;
    if (kind === 'zone') zoneRto.offer(s, s.rtoSeconds);
    else if (kind === 'region' && !secondary.has(s.id)) regionRto.offer(s, s.rtoSeconds);
    if (kind === 'zone' || kind === 'corruption' || kind === 'component' || kind === 'region') rpo.offer(s, s.rpoSeconds);
  }
  return { zoneRto: zoneRto.against(tier.rtoSeconds), regionRto: regionRto.against(tier.rtoSeconds), rpo: rpo.against(tier.rpoSeconds) };
}

/**
 * Every assumption of the journeys and scenarios, once each, by id. Tens of thousands of scenarios
 * share a few dozen assumptions: collected once each as they come. Indexed loops: a for-of over lists
 * of several kinds (shared frozen empty ones among them) made an iterator result for every item
 * (1.6 MB at 20,000 components).
 */
function assumptionsOf(journeys: readonly JourneyAvailability[], scenarios: readonly FailureScenario[]): Assumption[] {
  const seen = new Set<string>();
  const unique: Assumption[] = [];
  for (let k = 0; k < journeys.length; k += 1) {
    const j = journeys[k]!;
    collect(j.assumptions, seen, unique);
    if (j.modelled) collect(j.modelled.assumptions, seen, unique);
  }
  for (let k = 0; k < scenarios.length; k += 1) collect(scenarios[k]!.assumptions, seen, unique);
  return uniqueAssumptions(unique);
}

function collect(list: readonly Assumption[], seen: Set<string>, unique: Assumption[]): void {
  for (let k = 0; k < list.length; k += 1) {
    const a = list[k]!;
    if (!seen.has(a.id)) {
      seen.add(a.id);
      unique.push(a);
    }
  }
}
