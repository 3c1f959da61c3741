import type { ComponentPatch } from '../../catalog';
import type { Component, Design, ResolvedTier } from '../../model';
import { mergeProps } from '../../model/edits';
import type { DesignGraph } from '../graph';
import type { JourneyAvailability } from '../analysis/availability';
import type { JourneyPlan } from '../analysis/journeys';
import type { FailureScenario } from '../analysis/scenarios';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Severity order, for comparisons and sorting: info 0 ... critical 4. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** The built-in tier a design's targets correspond to, for severity escalation (custom tiers by their availability). */
export type TierClass = 'standard' | 'premium' | 'mission-critical';

export type RuleCategory = 'topology' | 'recovery' | 'data' | 'availability' | 'integration' | 'edge' | 'operations' | 'foundations' | 'tenancy' | 'network' | 'delivery' | 'capacity';

/** A patch the app applies with one click (and can undo): a pure function of the design. */
export interface AutoFix {
  /** What the click does, e.g. "Spread Web server over zones a, b, c". */
  label: string;
  apply: (design: Design) => Design;
}

export interface RuleMeta {
  /** kebab-case, stable forever: suppressions and CI configurations name it. */
  id: string;
  title: string;
  /** Severity for the standard tier. */
  severity: Severity;
  /** Severity for stricter tiers, where a finding matters more. */
  escalation?: Partial<Record<TierClass, Severity>>;
  /** Whether its findings come with an automatic fix (a test holds every rule to what it says). */
  autoFixable: boolean;
  category: RuleCategory;
  /** Why it matters, the way an SRE says it in a design review. */
  rationale: string;
  /** What to do about it, in general (each finding says it for its components). */
  fix: string;
  /** Well-Architected ids, Azure RE:xx, Checkov or Trivy ids, reference sections. */
  sources: readonly string[];
}

/** What a rule reports before the engine adds its metadata, severity and suppression. */
export interface RuleResult {
  components: string[];
  connections?: string[];
  message: string;
  /** The fix for these components; the rule's general fix when absent. */
  fix?: string;
  /** Overrides the rule's (tier-escalated) severity, for findings that are milder or worse than usual. */
  severity?: Severity;
  autoFix?: AutoFix;
  /** Figures behind the finding (journeys broken, estimated seconds, thresholds). */
  details?: Record<string, string | number | boolean | null | readonly string[]>;
}

export interface Finding {
  rule: string;
  title: string;
  category: RuleCategory;
  severity: Severity;
  components: string[];
  connections: string[];
  message: string;
  fix: string;
  autoFix?: AutoFix;
  details?: RuleResult['details'];
  /** Set when a suppression in the design covers this finding: kept in every report, never hidden. */
  suppressed?: { reason: string };
}

/** What a rule's check receives: the design, its indexes, and the shared analysis (computed once, lazily). */
export interface RuleContext {
  design: Design;
  graph: DesignGraph;
  tier: ResolvedTier;
  tierClass: TierClass;
  plans: () => readonly JourneyPlan[];
  journeys: () => readonly JourneyAvailability[];
  /** The failure scenarios in scenarioIndex's order: every zone's and region's first, then the components'. */
  scenarios: () => readonly FailureScenario[];
  /** Display name of a component index. */
  name: (i: number) => string;
}

export interface Rule extends RuleMeta {
  check: (context: RuleContext) => RuleResult[];
  /**
   * What its findings read, so the analysis of a change (analysis/change.ts) runs it again only where
   * the change can move them and takes the rest from the analysis before. Without one, the rule runs
   * again in full after every change: right for a rule that is cheap on any design.
   */
  scope?: RuleScope;
}

export type RuleScope = ComponentScope | JourneyScope | DesignScope;

/**
 * What a component's findings read besides the component itself (its kind, settings, zones, name):
 * - `sync-targets`, `sync-sources`, `async-sources`: the components at the other end of its `sync`
 *   connections out or in, or its `async` connections in (their kinds, settings, zones, names);
 * - `backup-targets`: the vaults it sends backups to;
 * - `journeys`: the journey plans whose routes pass through it or that need it (routes, names,
 *   needs and failover partners), and the request paths they make;
 * - `data-loss`: what the failure scenarios say it would lose, and their titles.
 */
export type ComponentReach = 'sync-targets' | 'sync-sources' | 'async-sources' | 'backup-targets' | 'journeys' | 'data-loss';

/** A rule whose check is a check of each component in turn: its findings are those of each component, in design order. */
export interface ComponentScope {
  kind: 'component';
  reads: readonly ComponentReach[];
  /**
   * Components whose findings a change to component t can move beyond those `reads` says, for what
   * a component reads anywhere in the design. Asked of the graph before the change and after it.
   */
  reachedFrom?: (graph: DesignGraph, t: number) => Iterable<number>;
  /** Checks the given components (in ascending order), giving each one's results as the full check gives them. */
  checkEach: (context: RuleContext, indices: readonly number[], found: (i: number, results: readonly RuleResult[]) => void) => void;
}

/**
 * A rule whose check is a check of each journey's figures in turn: its findings are those of each
 * journey, in the journeys' order. A journey's findings stand while its figures are the same objects
 * (analysis/change.ts keeps those of a journey the change cannot move) and the change touched no
 * component the rule reads otherwise.
 */
export interface JourneyScope {
  kind: 'journey';
  /** Whether a change to component i can move a journey's findings other than through its figures: asked of the graph before the change and after it. */
  concerns: (graph: DesignGraph, i: number) => boolean;
  /** Checks the journeys at the given positions of context.journeys() (ascending), giving each one's results as the full check gives them. */
  checkEach: (context: RuleContext, indices: readonly number[], found: (p: number, results: readonly RuleResult[]) => void) => void;
}

/**
 * A rule over the whole design, whose findings stand after a change that touched no component it
 * concerns and left alone what else it reads.
 */
export interface DesignScope {
  kind: 'design';
  /** Whether a change to component i can move the findings: asked of the graph before the change and after it. */
  concerns: (graph: DesignGraph, i: number) => boolean;
  /**
   * What else the findings read: `journeys`, the journey plans (routes, names, needs, failover
   * partners); `journey-figures`, each journey's availability figures.
   */
  reads: readonly ('journeys' | 'journey-figures')[];
  /**
   * Fields of the components it concerns that the findings never read, directly or through what the
   * graph works out from them (traits, SLAs): a change of only these fields of those components, with
   * the connections as they were, leaves the findings as they were. Moving an app service between
   * zones must not run again a rule that reads which regions write where.
   */
  ignores?: readonly ('zones' | 'replicas')[];
}

/** The model's component edits, under the names automatic fixes have used (src/model/edits.ts is their home). */
export { updateComponent as patchComponent, mergeProps as withProps } from '../../model/edits';

/** A component with a kind's remedy applied: zones and replicas replaced, props merged. */
export function applyPatch(component: Component, patch: ComponentPatch): Component {
  let next = component;
  if (patch.zones !== undefined) next = { ...next, zones: patch.zones };
  if (patch.replicas !== undefined) next = { ...next, replicas: patch.replicas };
  if (patch.props !== undefined && Object.keys(patch.props).length > 0) next = mergeProps(next, patch.props);
  return next;
}
