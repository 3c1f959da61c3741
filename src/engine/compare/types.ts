import type { Provider } from '../../model';
import type { Commitment, CostProfile, Range } from '../cost';
import type { Severity } from '../rules/types';

/**
 * Whether a figure moved the right way against the first design. Lower is better for cost,
 * downtime, RTO, RPO and findings; higher is better for availability and nines.
 * `n/a`: one side has no figure (a journey missing from a design, a scenario class it does not have).
 */
export type Trend = 'better' | 'worse' | 'same' | 'n/a';

/**
 * What each added nine costs against the first design, as a code and its figures; the app and the
 * command line word it (`describeCostPerNine`). Never a division by zero:
 * - baseline: this is the first design.
 * - per-nine: costs more and gains nines: `monthlyPerNine` = extra monthly cost / nines gained.
 * - cheaper-and-better: gains nines for the same money or less.
 * - no-gain: nines within ±NINES_EPSILON of the first design's, whatever the cost.
 * - worse: loses nines for the same money or more.
 * - cheaper-and-worse: saves money and loses nines: `savedMonthlyPerNine` = saving / nines given up.
 * - unknown: no figure to compare (`reason` says why; `prices-incomplete`: a region of one of the two
 *   designs has nothing priced, so its total leaves the region out and the difference means nothing).
 */
export type CostPerNine =
  | { kind: 'baseline' }
  | { kind: 'per-nine'; extraMonthly: number; ninesGained: number; monthlyPerNine: number; yearlyPerNine: number; downtimeMinutesSaved: number | null; monthlyPerDowntimeHourAvoided: number | null }
  | { kind: 'cheaper-and-better'; extraMonthly: number; ninesGained: number }
  | { kind: 'no-gain'; extraMonthly: number; ninesGained: number }
  | { kind: 'worse'; extraMonthly: number; ninesGained: number }
  | { kind: 'cheaper-and-worse'; extraMonthly: number; ninesGained: number; savedMonthlyPerNine: number }
  | { kind: 'unknown'; reason: 'journey-missing' | 'journey-cannot-work' | 'unbounded-nines' | 'currency-differs' | 'prices-incomplete' };

export type CostPerNineKind = CostPerNine['kind'];

export interface CompareTier {
  id: string;
  availability: number;
  rtoSeconds: number;
  rpoSeconds: number;
}

export interface CompareCost {
  currency: string;
  /** The oldest price date the estimate used. */
  asOf: string;
  /** The commitment profile priced (on-demand, 1-year, 3-year). */
  commitment: Commitment;
  /** The profile of the design's own headline figure; the comparison always uses the expected profile and the range. */
  headlineProfile: CostProfile;
  /** Monthly cost in USD (or `currency`), low / expected / high. */
  monthly: Range;
  /** Twelve months of the monthly range. */
  yearly: Range;
  /** Lines the totals leave out (free, depends on usage, not in the catalog...): a total is only as complete as this says. */
  unpricedLines: number;
  /** Lines that should carry money but do not (no price for the region, not in the catalog, unsupported, depends on usage): the total is a lower bound by these. */
  excludedLines: number;
}

/**
 * The weakest journey (analysis/weakest-journey.ts: the furthest below its target by the modelled
 * figure; one that cannot work first). `percent`, `nines` and `downtimeMinutesPerMonth` are modelled;
 * `floor` is the SLA floor.
 */
export interface WeakestJourney {
  id: string;
  name: string;
  percent: number | null;
  low: number | null;
  high: number | null;
  nines: number | null;
  downtimeMinutesPerMonth: number | null;
  /** The SLA floor in percent; null when unknown or when the journey cannot work. */
  floor: number | null;
  floorNines: number | null;
  floorDowntimeMinutesPerMonth: number | null;
  target: number;
  meetsTarget: boolean | null;
}

export interface CompareDelta {
  /** This design minus the first, for cost in currency units (cents-exact). */
  monthly: Range;
  yearly: Range;
  /** Expected monthly change in percent of the first design's; null when the first costs nothing. */
  monthlyPercent: number | null;
  monthlyTrend: Trend;
  components: number;
  regions: number;
  zones: number;
  /** Open findings per severity. */
  findings: Record<Severity, number>;
  findingsTrend: Trend;
  weakest: { percent: number | null; nines: number | null; downtimeMinutesPerMonth: number | null; trend: Trend };
}

export interface ComparedDesign {
  /** 0 for the first design (the one every difference is measured against). */
  index: number;
  /** What the caller calls it: a file path on the command line, a library or template name in the app. */
  label: string;
  name: string;
  provider: Provider;
  tier: CompareTier;
  cost: CompareCost;
  counts: { components: number; regions: number; zones: number; journeys: number };
  /** Open (unsuppressed) findings per severity, and how many are suppressed. */
  findings: Record<Severity, number>;
  openFindings: number;
  suppressedFindings: number;
  weakest: WeakestJourney | null;
  /** Null for the first design. */
  delta: CompareDelta | null;
  /** What each added nine of the weakest journey costs against the first design. */
  costPerNine: CostPerNine;
}

export interface JourneyCell {
  id: string;
  name: string;
  /** Modelled availability in percent (expected, from failure rates); null when the journey cannot work at all. */
  percent: number | null;
  /** The modelled range: at the high rates and at the low rates. */
  low: number | null;
  high: number | null;
  nines: number | null;
  downtimeMinutesPerMonth: number | null;
  /** The SLA floor: what the providers' SLAs commit to; null when unknown (`floorReason`) or the journey cannot work. */
  floor: number | null;
  floorNines: number | null;
  floorDowntimeMinutesPerMonth: number | null;
  floorReason?: string;
  /** The scenarios that cost the journey most in this design, largest first (up to three). */
  contributors: { scenario: string; title: string; components: string[]; minutesPerMonth: number }[];
  target: number;
  meetsTarget: boolean | null;
  /** false when some components on the path have no published SLA: the floor is unknown. */
  complete: boolean;
  /** Null for the first design, or when the first design lacks this journey. */
  delta: { percent: number | null; nines: number | null; downtimeMinutesPerMonth: number | null; trend: Trend } | null;
  costPerNine: CostPerNine;
}

/**
 * One journey across the designs: matched by id, else by name (case and spacing ignored).
 * `cells[i]` is null when design i has no such journey.
 */
export interface JourneyRow {
  /** The id of the first design that has it. */
  id: string;
  name: string;
  /** How the other designs' journeys were matched to this row: by id, or by name where the ids differ. */
  matchedBy: ('id' | 'name' | null)[];
  cells: (JourneyCell | null)[];
}

/** The four failure scenario classes a comparison lines up, matched across designs by kind. */
export const SCENARIO_CLASSES = ['zone', 'component', 'primary-region', 'corruption'] as const;
export type ScenarioClass = (typeof SCENARIO_CLASSES)[number];

export const SCENARIO_CLASS_TITLES: Readonly<Record<ScenarioClass, string>> = {
  zone: 'Worst zone lost',
  component: 'Worst single component lost',
  'primary-region': 'Primary region lost',
  corruption: 'Worst data corruption',
};

/** The worst estimate of a class and the scenario that gave it. */
export interface WorstEstimate {
  /** Seconds; null when unbounded (no way back, or data that cannot be recovered). */
  seconds: number | null;
  scenario: string;
  title: string;
}

export interface ScenarioCell {
  /** How many scenarios of the class the design has (zones, components, stores...). */
  scenarios: number;
  rto: WorstEstimate;
  rpo: WorstEstimate;
  meetsRto: boolean;
  meetsRpo: boolean;
  /** Null for the first design, or when the first design has no scenario of this class. */
  delta: { rtoSeconds: number | null; rpoSeconds: number | null; rtoTrend: Trend; rpoTrend: Trend } | null;
}

export interface ScenarioRow {
  class: ScenarioClass;
  title: string;
  /** Null where a design has no scenario of this class (no stores, hence no corruption). */
  cells: (ScenarioCell | null)[];
}

/** Designs side by side: the figures of each, and their difference to the first. */
export interface DesignComparison {
  designs: ComparedDesign[];
  journeys: JourneyRow[];
  scenarios: ScenarioRow[];
  /** Things a reader must know to trust the figures (currencies that differ, unpriced lines, upper bounds). */
  notes: string[];
}
