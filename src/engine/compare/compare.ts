import { designTier, primaryRegion, type Design } from '../../model';
import { analyzeDesign, type DesignAnalysis } from '../analysis/analyze';
import type { JourneyAvailability } from '../analysis/availability';
import type { FailureScenario } from '../analysis/scenarios';
import { weakestJourney } from '../analysis/weakest-journey';
import { estimateCost, type CatalogSet, type EstimateOptions } from '../cost/estimate';
import { EXCLUDED_STATUSES, type CostReport, type Range } from '../cost/types';
import { SEVERITIES, type Severity } from '../rules/types';
import { costPerNine, ninesOf, NINES_EPSILON } from './cost-per-nine';
import {
  SCENARIO_CLASSES,
  SCENARIO_CLASS_TITLES,
  type ComparedDesign,
  type CompareCost,
  type CostPerNine,
  type DesignComparison,
  type JourneyCell,
  type JourneyRow,
  type ScenarioCell,
  type ScenarioClass,
  type ScenarioRow,
  type Trend,
  type WeakestJourney,
  type WorstEstimate,
} from './types';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** One design to compare. Pass the analysis and the cost report when you have them (the app memoizes both). */
export interface CompareEntry {
  design: Design;
  /** What to call it; default the design's name. */
  label?: string;
  analysis?: DesignAnalysis;
  cost?: CostReport;
}

export interface CompareOptions {
  /** Catalogs to price entries that come without a cost report. */
  catalogs?: CatalogSet;
  estimate?: EstimateOptions;
}

// ---- small helpers -------------------------------------------------------------------------

const toCents = (amount: number): number => Math.round(amount * 100);
const rangeCents = (r: Range): Range => ({ low: toCents(r.low), expected: toCents(r.expected), high: toCents(r.high) });
const rangeUsd = (r: Range): Range => ({ low: r.low / 100, expected: r.expected / 100, high: r.high / 100 });
// `+ 0` turns -0 into 0, so a loss that rounds away never prints as "-0".
const round = (value: number, digits: number): number => Number(value.toFixed(digits)) + 0;

/** Trend of a figure where lower is better; null counts as unbounded (worst), as for RTO and RPO. */
function lowerIsBetter(value: number | null, base: number | null): Trend {
  const a = value ?? Number.POSITIVE_INFINITY;
  const b = base ?? Number.POSITIVE_INFINITY;
  return a === b ? 'same' : a < b ? 'better' : 'worse';
}

/** Trend of an availability: null (cannot work) is the worst. */
function higherIsBetter(value: number | null, base: number | null): Trend {
  const a = value ?? Number.NEGATIVE_INFINITY;
  const b = base ?? Number.NEGATIVE_INFINITY;
  return a === b ? 'same' : a > b ? 'better' : 'worse';
}

/**
 * Trend of an availability, in nines: a change smaller than NINES_EPSILON is the same (as for the
 * cost per nine), so rounding noise in failover terms never reads as better or worse.
 */
function availabilityTrend(value: number | null, base: number | null): Trend {
  const a = ninesOf(value);
  const b = ninesOf(base);
  if (a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b)) return Math.abs(a - b) < NINES_EPSILON ? 'same' : a > b ? 'better' : 'worse';
  return higherIsBetter(value, base);
}

const difference = (value: number | null, base: number | null, digits: number): number | null => (value === null || base === null ? null : round(value - base, digits));

function zoneCount(design: Design): number {
  return design.regions.reduce((sum, region) => sum + region.zones.length, 0);
}

// ---- cost ----------------------------------------------------------------------------------

function compareCost(report: CostReport): CompareCost {
  const monthly = rangeCents(report.range);
  return {
    currency: report.currency,
    asOf: report.asOf,
    commitment: report.commitment,
    headlineProfile: report.profile,
    monthly: rangeUsd(monthly),
    yearly: rangeUsd({ low: monthly.low * 12, expected: monthly.expected * 12, high: monthly.high * 12 }),
    unpricedLines: report.unpriced.length,
    excludedLines: report.excluded.lines,
  };
}

/**
 * Regions whose components all carry no money for a reason that should have priced them (no price
 * for the region, not in the catalog...): the total says nothing about what running there costs.
 */
export function regionsWithoutPrices(report: CostReport): string[] {
  const byRegion = new Map<string, { priced: boolean; excluded: boolean }>();
  for (const component of report.components) {
    if (component.region === 'global') continue;
    const entry = byRegion.get(component.region) ?? { priced: false, excluded: false };
    if (component.status === 'priced') entry.priced = true;
    if (EXCLUDED_STATUSES.has(component.status)) entry.excluded = true;
    byRegion.set(component.region, entry);
  }
  return [...byRegion].filter(([, entry]) => !entry.priced && entry.excluded).map(([region]) => region);
}

// ---- journeys ------------------------------------------------------------------------------

const normalizeName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const modelledOf = (j: JourneyAvailability): number | null => j.modelled?.availability ?? null;

/** The weakest journey (analysis/weakest-journey.ts) as the comparison shows it. */
function comparedWeakest(journeys: readonly JourneyAvailability[]): WeakestJourney | null {
  const weakest = weakestJourney(journeys);
  if (!weakest) return null;
  return {
    id: weakest.id,
    name: weakest.name,
    percent: modelledOf(weakest),
    low: weakest.modelled?.low ?? null,
    high: weakest.modelled?.high ?? null,
    nines: weakest.modelled?.nines ?? null,
    downtimeMinutesPerMonth: weakest.modelled?.downtimeMinutesPerMonth ?? null,
    floor: weakest.percent,
    floorNines: weakest.nines,
    floorDowntimeMinutesPerMonth: weakest.downtimeMinutesPerMonth,
    target: weakest.target,
    meetsTarget: weakest.meetsTarget,
  };
}

/**
 * Lines journeys up across designs: a design's journey joins the row with its id, else the row
 * whose name matches (case and spacing ignored), else starts a new row. Rows keep the order in
 * which the designs (first design first) list their journeys.
 */
export function matchJourneys(designs: readonly (readonly Pick<JourneyAvailability, 'id' | 'name'>[])[]): { id: string; name: string; members: (number | null)[]; matchedBy: ('id' | 'name' | null)[] }[] {
  const rows: { id: string; name: string; members: (number | null)[]; matchedBy: ('id' | 'name' | null)[] }[] = [];
  designs.forEach((journeys, d) => {
    const taken = new Set<number>();
    // Ids first over the whole design, so a name match never steals a row another journey matches by id.
    const placement = new Map<number, { row: number; by: 'id' | 'name' }>();
    journeys.forEach((journey, j) => {
      const row = rows.findIndex((r, i) => !taken.has(i) && r.members[d] === null && r.id === journey.id);
      if (row >= 0) {
        taken.add(row);
        placement.set(j, { row, by: 'id' });
      }
    });
    journeys.forEach((journey, j) => {
      if (placement.has(j)) return;
      const name = normalizeName(journey.name);
      const row = rows.findIndex((r, i) => !taken.has(i) && r.members[d] === null && normalizeName(r.name) === name);
      if (row >= 0) {
        taken.add(row);
        placement.set(j, { row, by: 'name' });
      }
    });
    journeys.forEach((journey, j) => {
      const placed = placement.get(j);
      if (placed) {
        rows[placed.row]!.members[d] = j;
        rows[placed.row]!.matchedBy[d] = placed.by;
        return;
      }
      const members: (number | null)[] = designs.map(() => null);
      const matchedBy: ('id' | 'name' | null)[] = designs.map(() => null);
      members[d] = j;
      matchedBy[d] = 'id';
      taken.add(rows.length);
      rows.push({ id: journey.id, name: journey.name, members, matchedBy });
    });
  });
  return rows;
}

function journeyCell(journey: JourneyAvailability, base: JourneyAvailability | null | undefined, isFirst: boolean, extraMonthly: number | null, blocker: CostPerNine | null): JourneyCell {
  let delta: JourneyCell['delta'] = null;
  let perNine: CostPerNine;
  if (isFirst) perNine = { kind: 'baseline' };
  else if (!base) perNine = { kind: 'unknown', reason: 'journey-missing' };
  else if (blocker || extraMonthly === null) perNine = blocker ?? { kind: 'unknown', reason: 'currency-differs' };
  else
    perNine = costPerNine({
      extraMonthly,
      basePercent: modelledOf(base),
      percent: modelledOf(journey),
      baseDowntimeMinutes: base.modelled?.downtimeMinutesPerMonth ?? null,
      downtimeMinutes: journey.modelled?.downtimeMinutesPerMonth ?? null,
    });
  const modelled = journey.modelled;
  if (!isFirst && base) {
    delta = {
      percent: difference(modelledOf(journey), modelledOf(base), 6),
      nines: difference(modelled?.nines ?? null, base.modelled?.nines ?? null, 2),
      downtimeMinutesPerMonth: difference(modelled?.downtimeMinutesPerMonth ?? null, base.modelled?.downtimeMinutesPerMonth ?? null, 2),
      trend: availabilityTrend(modelledOf(journey), modelledOf(base)),
    };
  }
  return {
    id: journey.id,
    name: journey.name,
    percent: modelledOf(journey),
    low: modelled?.low ?? null,
    high: modelled?.high ?? null,
    nines: modelled?.nines ?? null,
    downtimeMinutesPerMonth: modelled?.downtimeMinutesPerMonth ?? null,
    floor: journey.percent,
    floorNines: journey.nines,
    floorDowntimeMinutesPerMonth: journey.downtimeMinutesPerMonth,
    ...(journey.floorReason ? { floorReason: journey.floorReason } : {}),
    contributors: (modelled?.contributors ?? []).slice(0, 3).map((c) => ({ scenario: c.scenario, title: c.title, components: c.components, minutesPerMonth: c.minutesPerMonth })),
    target: journey.target,
    meetsTarget: journey.meetsTarget,
    complete: journey.complete,
    delta,
    costPerNine: perNine,
  };
}

// ---- scenarios -----------------------------------------------------------------------------

/** The worst of a class so far by each estimate: unbounded first, then the longest; ties keep the first. */
interface ClassTally {
  count: number;
  rto: FailureScenario;
  rpo: FailureScenario;
}

function tally(tallies: Partial<Record<ScenarioClass, ClassTally>>, scenarioClass: ScenarioClass, s: FailureScenario): void {
  const t = tallies[scenarioClass];
  if (!t) {
    tallies[scenarioClass] = { count: 1, rto: s, rpo: s };
    return;
  }
  t.count += 1;
  if (t.rto.rtoSeconds !== null && (s.rtoSeconds === null || s.rtoSeconds > t.rto.rtoSeconds)) t.rto = s;
  if (t.rpo.rpoSeconds !== null && (s.rpoSeconds === null || s.rpoSeconds > t.rpo.rpoSeconds)) t.rpo = s;
}

/**
 * Each class's cell of one design, in one pass over its scenarios (a what-if asks this of every
 * scenario of a large design). The primary region's class is losing the design's home region (model
 * primaryRegion); in the others a service whose provider commits to 100% is not every design's worst
 * single failure.
 */
function scenarioCells(design: Design, scenarios: readonly FailureScenario[], rtoTarget: number, rpoTarget: number): Record<ScenarioClass, ScenarioCell | null> {
  const primary = `region:${primaryRegion(design)?.id}`;
  const tallies: Partial<Record<ScenarioClass, ClassTally>> = {};
  for (let k = 0; k < scenarios.length; k += 1) {
    const s = scenarios[k]!;
    const kind = s.kind;
    if (kind === 'region') {
      if (s.id === primary) tally(tallies, 'primary-region', s);
    } else if ((kind === 'zone' || kind === 'component' || kind === 'corruption') && !s.unlikely) tally(tallies, kind, s);
  }
  const cells = {} as Record<ScenarioClass, ScenarioCell | null>;
  for (const c of SCENARIO_CLASSES) {
    const t = tallies[c];
    cells[c] = t ? cellOf(t, rtoTarget, rpoTarget) : null;
  }
  return cells;
}

function cellOf(t: ClassTally, rtoTarget: number, rpoTarget: number): ScenarioCell {
  const rto: WorstEstimate = { seconds: t.rto.rtoSeconds, scenario: t.rto.id, title: t.rto.title };
  const rpo: WorstEstimate = { seconds: t.rpo.rpoSeconds, scenario: t.rpo.id, title: t.rpo.title };
  return {
    scenarios: t.count,
    rto,
    rpo,
    meetsRto: rto.seconds !== null && rto.seconds <= rtoTarget,
    meetsRpo: rpo.seconds !== null && rpo.seconds <= rpoTarget,
    delta: null,
  };
}

/** The worst estimate per scenario class of one design, against its tier's targets: null for a class it has no scenario of. */
export function recoveryByClass(design: Design, analysis: DesignAnalysis): Record<ScenarioClass, ScenarioCell | null> {
  const tier = designTier(design);
  return scenarioCells(design, analysis.scenarios, tier.rtoSeconds, tier.rpoSeconds);
}

function withScenarioDelta(cell: ScenarioCell, base: ScenarioCell): ScenarioCell {
  return {
    ...cell,
    delta: {
      rtoSeconds: difference(cell.rto.seconds, base.rto.seconds, 0),
      rpoSeconds: difference(cell.rpo.seconds, base.rpo.seconds, 0),
      rtoTrend: lowerIsBetter(cell.rto.seconds, base.rto.seconds),
      rpoTrend: lowerIsBetter(cell.rpo.seconds, base.rpo.seconds),
    },
  };
}

// ---- the comparison ------------------------------------------------------------------------

function countFindings(analysis: DesignAnalysis): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, analysis.scorecard.findings[s]])) as Record<Severity, number>;
}

/**
 * Compares two to four designs side by side: cost (monthly range and yearly), availability per
 * journey with nines and downtime, the worst RTO and RPO per failure scenario class, findings by
 * severity and counts; each design's difference to the first, and what each added nine of the
 * weakest journey (and of each journey) costs. Pure and deterministic; entries without an analysis
 * or a cost report get them computed here.
 */
export function compareDesigns(entries: readonly CompareEntry[], options: CompareOptions = {}): DesignComparison {
  if (entries.length < MIN_COMPARED || entries.length > MAX_COMPARED) {
    throw new RangeError(`a comparison takes ${MIN_COMPARED} to ${MAX_COMPARED} designs; got ${entries.length}`);
  }
  const analyses = entries.map((e) => e.analysis ?? analyzeDesign(e.design));
  const reports = entries.map((e) => e.cost ?? estimateCost(e.design, options.catalogs ?? [], options.estimate));
  const costs = reports.map(compareCost);
  const notes: string[] = [];
  const baseCurrency = costs[0]!.currency;
  const sameCurrency = (i: number) => costs[i]!.currency === baseCurrency;

  // Expected monthly difference to the first design, cents-exact; null when the currencies differ.
  const extraMonthly = costs.map((cost, i) => (sameCurrency(i) ? (toCents(cost.monthly.expected) - toCents(costs[0]!.monthly.expected)) / 100 : null));
  // A region where nothing could be priced adds nothing to its design's total, so a second region
  // with no bundled prices would read as "cheaper and better": no cost per nine against or from it.
  // Both leaving out the same locations (a design against itself) still compares like for like.
  const unpricedRegions = reports.map(regionsWithoutPrices);
  const unpricedLocations = unpricedRegions.map((regions, i) =>
    regions.map((id) => entries[i]!.design.regions.find((region) => region.id === id)?.location ?? id).sort().join(' '),
  );
  const pricesComparable = unpricedLocations.map((locations) => locations === unpricedLocations[0]);
  const perNineBlocker = (i: number): CostPerNine | null =>
    extraMonthly[i] === null ? { kind: 'unknown', reason: 'currency-differs' } : !pricesComparable[i] ? { kind: 'unknown', reason: 'prices-incomplete' } : null;

  const designs: ComparedDesign[] = entries.map((entry, i) => {
    const design = entry.design;
    const analysis = analyses[i]!;
    const tier = designTier(design);
    const findings = countFindings(analysis);
    const weakest = comparedWeakest(analysis.journeys);
    const compared: ComparedDesign = {
      index: i,
      label: entry.label ?? design.name,
      name: design.name,
      provider: design.provider,
      tier: { id: tier.id, availability: tier.availability, rtoSeconds: tier.rtoSeconds, rpoSeconds: tier.rpoSeconds },
      cost: costs[i]!,
      counts: { components: design.components.length, regions: design.regions.length, zones: zoneCount(design), journeys: analysis.journeys.length },
      findings,
      openFindings: SEVERITIES.reduce((sum, s) => sum + findings[s], 0),
      suppressedFindings: analysis.scorecard.suppressed,
      weakest,
      delta: null,
      costPerNine: { kind: 'baseline' },
    };
    return compared;
  });

  const first = designs[0]!;
  for (const compared of designs.slice(1)) {
    const i = compared.index;
    const extra = extraMonthly[i]!;
    if (sameCurrency(i)) {
      const monthly = rangeCents(compared.cost.monthly);
      const baseMonthly = rangeCents(first.cost.monthly);
      const monthlyDelta = { low: monthly.low - baseMonthly.low, expected: monthly.expected - baseMonthly.expected, high: monthly.high - baseMonthly.high };
      compared.delta = {
        monthly: rangeUsd(monthlyDelta),
        yearly: rangeUsd({ low: monthlyDelta.low * 12, expected: monthlyDelta.expected * 12, high: monthlyDelta.high * 12 }),
        monthlyPercent: baseMonthly.expected === 0 ? null : round((monthlyDelta.expected / baseMonthly.expected) * 100, 1),
        monthlyTrend: lowerIsBetter(monthly.expected, baseMonthly.expected),
        ...countDeltas(compared, first),
      };
    } else {
      const zero = { low: 0, expected: 0, high: 0 };
      compared.delta = { monthly: zero, yearly: zero, monthlyPercent: null, monthlyTrend: 'n/a', ...countDeltas(compared, first) };
      notes.push(`${compared.label} is priced in ${compared.cost.currency} and ${first.label} in ${baseCurrency}: their costs are not compared.`);
    }
    const w = compared.weakest;
    const b = first.weakest;
    const blocker = perNineBlocker(i);
    compared.costPerNine =
      blocker !== null || extra === null
        ? (blocker ?? { kind: 'unknown', reason: 'currency-differs' })
        : !w || !b
          ? { kind: 'unknown', reason: 'journey-missing' }
          : costPerNine({ extraMonthly: extra, basePercent: b.percent, percent: w.percent, baseDowntimeMinutes: b.downtimeMinutesPerMonth, downtimeMinutes: w.downtimeMinutesPerMonth });
  }

  const matched = matchJourneys(analyses.map((a) => a.journeys));
  const journeys: JourneyRow[] = matched.map((row) => {
    const base = row.members[0] !== null ? analyses[0]!.journeys[row.members[0]!] : null;
    return {
      id: row.id,
      name: row.name,
      matchedBy: row.matchedBy,
      cells: row.members.map((member, d) => (member === null ? null : journeyCell(analyses[d]!.journeys[member]!, base, d === 0, extraMonthly[d] ?? null, perNineBlocker(d)))),
    };
  });

  const recovery = entries.map((entry, d) => scenarioCells(entry.design, analyses[d]!.scenarios, designs[d]!.tier.rtoSeconds, designs[d]!.tier.rpoSeconds));
  const scenarios: ScenarioRow[] = SCENARIO_CLASSES.map((scenarioClass) => {
    const cells = recovery.map((byClass) => byClass[scenarioClass]);
    const base = cells[0];
    return {
      class: scenarioClass,
      title: SCENARIO_CLASS_TITLES[scenarioClass],
      cells: cells.map((cell, d) => (cell && base && d > 0 ? withScenarioDelta(cell, base) : cell)),
    };
  });

  for (const compared of designs) {
    const regions = unpricedRegions[compared.index]!;
    if (regions.length > 0) {
      notes.push(`${compared.label}: nothing in region${regions.length === 1 ? '' : 's'} ${regions.join(', ')} could be priced, so its total leaves that region out and no cost per nine is given against a design that prices it; import a price book for the region (ninesmith prices import) to compare costs.`);
    }
    if (compared.cost.excludedLines > 0) {
      notes.push(`${compared.label}: its total excludes ${compared.cost.excludedLines} line${compared.cost.excludedLines === 1 ? '' : 's'} that could not be priced (no price for the region, not in the catalog, or usage not stated): a lower bound, and so is any cost difference or cost per nine that uses it.`);
    } else if (compared.cost.unpricedLines > 0) {
      notes.push(`${compared.label}: ${compared.cost.unpricedLines} line${compared.cost.unpricedLines === 1 ? '' : 's'} not priced (free, included elsewhere or external); see its cost report.`);
    }
  }
  if (journeys.some((row) => row.cells.some((cell) => cell !== null && !cell.complete))) {
    notes.push('Some journeys pass components without a published SLA: their SLA floor is unknown (the modelled figure still counts their failures).');
  }
  if (journeys.some((row) => row.matchedBy.includes('name'))) {
    notes.push('Some journeys have different ids across the designs and were matched by name.');
  }
  notes.push(
    'Availability, nines and the cost per added nine use the modelled figure: expected downtime from failure scenarios at their rates, with the range from the rates\' uncertainty. The SLA floor beside it is what the providers\' SLAs commit to (with service credits), not a forecast.',
  );
  notes.push('Costs compare expected monthly figures (the range shows low and high usage); recovery times are estimates from the assumptions in each design\'s report.');
  return { designs, journeys, scenarios, notes };
}

function countDeltas(compared: ComparedDesign, first: ComparedDesign): Omit<NonNullable<ComparedDesign['delta']>, 'monthly' | 'yearly' | 'monthlyPercent' | 'monthlyTrend'> {
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, compared.findings[s] - first.findings[s]])) as Record<Severity, number>;
  const w = compared.weakest;
  const b = first.weakest;
  return {
    components: compared.counts.components - first.counts.components,
    regions: compared.counts.regions - first.counts.regions,
    zones: compared.counts.zones - first.counts.zones,
    findings,
    findingsTrend: compareFindings(compared.findings, first.findings),
    weakest: {
      percent: difference(w?.percent ?? null, b?.percent ?? null, 6),
      nines: difference(w?.nines ?? null, b?.nines ?? null, 2),
      downtimeMinutesPerMonth: difference(w?.downtimeMinutesPerMonth ?? null, b?.downtimeMinutesPerMonth ?? null, 2),
      trend: !w || !b ? 'n/a' : availabilityTrend(w.percent, b.percent),
    },
  };
}

/** Fewer findings at the most severe level where the two differ is better. */
function compareFindings(value: Record<Severity, number>, base: Record<Severity, number>): Trend {
  for (const severity of [...SEVERITIES].reverse()) {
    if (value[severity] !== base[severity]) return value[severity] < base[severity] ? 'better' : 'worse';
  }
  return 'same';
}
