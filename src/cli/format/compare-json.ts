import type { CostPerNine, DesignComparison, Trend } from '../../engine/compare';
import type { Range } from '../../engine/cost';
import type { Severity } from '../../engine';

/**
 * `ninesmith compare --format json`: a stable shape (`format: 1`). Fields are added, never renamed
 * or given another meaning; names follow `validate --format json` (availability in percent,
 * durations in seconds, null for unbounded or not applicable). Money is in `currency` units,
 * cents-exact.
 *
 * ```
 * {
 *   "format": 1,
 *   "designs": [{
 *     "file", "name", "provider",
 *     "tier": { "id", "availability", "rto", "rpo" },
 *     "cost": { "currency", "asOf", "commitment", "monthly": { "low", "expected", "high" }, "yearly": {..}, "unpricedLines", "excludedLines" },
 *     "counts": { "components", "regions", "zones", "journeys" },
 *     "findings": { "critical", "high", "medium", "low", "info" }, "suppressedFindings",
 *     "weakestJourney": { "id", "name", "availability", "nines", "downtimeMinutesPerMonth", "target", "meetsTarget",
 *       "modelled": { "availability", "low", "high", "nines", "downtimeMinutesPerMonth" } } | null,
 *     "delta": null | {                      // against designs[0]; null for designs[0]
 *       "monthly": {low, expected, high}, "yearly": {..}, "monthlyPercent", "monthlyTrend",
 *       "components", "regions", "zones", "findings": {..}, "findingsTrend",
 *       "weakestJourney": { "availability", "nines", "downtimeMinutesPerMonth", "trend" } },
 *     "costPerNine": { "kind", ... }         // see CostPerNine: baseline | per-nine | cheaper-and-better |
 *   }],                                      //   no-gain | worse | cheaper-and-worse | unknown
 *   "journeys": [{ "id", "name", "designs": [ null | {
 *     "id", "name", "matchedBy": "id" | "name", "availability", "nines", "downtimeMinutesPerMonth",
 *     "target", "meetsTarget", "complete",
 *     "modelled": { "availability", "low", "high", "nines", "downtimeMinutesPerMonth", "contributors": [{ "scenario", "title", "components", "minutesPerMonth" }] } | null,
 *     "delta": null | { "availability", "nines", "downtimeMinutesPerMonth", "trend" }, "costPerNine" } ] }],
 *   "recovery": [{ "class": "zone" | "component" | "primary-region" | "corruption", "title", "designs": [ null | {
 *     "scenarios", "rto", "rpo", "rtoScenario", "rpoScenario", "meetsRto", "meetsRpo",
 *     "delta": null | { "rto", "rpo", "rtoTrend", "rpoTrend" } } ] }],
 *   "notes": [ "..." ]
 * }
 * ```
 * Trends are `better | worse | same | n/a`. In `designs` arrays, entry i belongs to `designs[i]`;
 * null where design i has no such journey or no scenario of that class.
 *
 * As in `validate`, `availability`, `nines` and `downtimeMinutesPerMonth` are the SLA floor (what the
 * providers' SLAs commit to; null when unknown); `modelled` is the expected availability from failure
 * scenarios. The weakest journey, every `delta` and the cost per added nine use the modelled figure.
 */
export interface CompareJson {
  format: 1;
  designs: CompareJsonDesign[];
  journeys: { id: string; name: string; designs: (CompareJsonJourney | null)[] }[];
  recovery: { class: string; title: string; designs: (CompareJsonRecovery | null)[] }[];
  notes: string[];
}

export interface CompareJsonDesign {
  file: string;
  name: string;
  provider: string;
  tier: { id: string; availability: number; rto: number; rpo: number };
  cost: { currency: string; asOf: string; commitment: string; monthly: Range; yearly: Range; unpricedLines: number; excludedLines: number };
  counts: { components: number; regions: number; zones: number; journeys: number };
  findings: Record<Severity, number>;
  suppressedFindings: number;
  weakestJourney: {
    id: string;
    name: string;
    availability: number | null;
    nines: number | null;
    downtimeMinutesPerMonth: number | null;
    target: number;
    meetsTarget: boolean | null;
    modelled: CompareJsonModelled | null;
  } | null;
  delta: {
    monthly: Range;
    yearly: Range;
    monthlyPercent: number | null;
    monthlyTrend: Trend;
    components: number;
    regions: number;
    zones: number;
    findings: Record<Severity, number>;
    findingsTrend: Trend;
    weakestJourney: { availability: number | null; nines: number | null; downtimeMinutesPerMonth: number | null; trend: Trend };
  } | null;
  costPerNine: CostPerNine;
}

export interface CompareJsonModelled {
  availability: number;
  low: number | null;
  high: number | null;
  nines: number | null;
  downtimeMinutesPerMonth: number | null;
  contributors?: { scenario: string; title: string; components: string[]; minutesPerMonth: number }[];
}

export interface CompareJsonJourney {
  id: string;
  name: string;
  matchedBy: 'id' | 'name';
  availability: number | null;
  nines: number | null;
  downtimeMinutesPerMonth: number | null;
  target: number;
  meetsTarget: boolean | null;
  complete: boolean;
  modelled: CompareJsonModelled | null;
  delta: { availability: number | null; nines: number | null; downtimeMinutesPerMonth: number | null; trend: Trend } | null;
  costPerNine: CostPerNine;
}

export interface CompareJsonRecovery {
  scenarios: number;
  rto: number | null;
  rpo: number | null;
  rtoScenario: string;
  rpoScenario: string;
  meetsRto: boolean;
  meetsRpo: boolean;
  delta: { rto: number | null; rpo: number | null; rtoTrend: Trend; rpoTrend: Trend } | null;
}

/** JSON has no infinity: an estimate of 100% (no figures on the path) has null nines. */
const finite = (value: number | null): number | null => (value !== null && Number.isFinite(value) ? value : null);

export function compareJson(comparison: DesignComparison): CompareJson {
  return {
    format: 1,
    designs: comparison.designs.map((d) => ({
      file: d.label,
      name: d.name,
      provider: d.provider,
      tier: { id: d.tier.id, availability: d.tier.availability, rto: d.tier.rtoSeconds, rpo: d.tier.rpoSeconds },
      cost: { currency: d.cost.currency, asOf: d.cost.asOf, commitment: d.cost.commitment, monthly: d.cost.monthly, yearly: d.cost.yearly, unpricedLines: d.cost.unpricedLines, excludedLines: d.cost.excludedLines },
      counts: d.counts,
      findings: d.findings,
      suppressedFindings: d.suppressedFindings,
      weakestJourney: d.weakest
        ? {
            id: d.weakest.id,
            name: d.weakest.name,
            availability: d.weakest.floor,
            nines: finite(d.weakest.floorNines),
            downtimeMinutesPerMonth: d.weakest.floorDowntimeMinutesPerMonth,
            target: d.weakest.target,
            meetsTarget: d.weakest.meetsTarget,
            modelled:
              d.weakest.percent === null
                ? null
                : { availability: d.weakest.percent, low: d.weakest.low, high: d.weakest.high, nines: finite(d.weakest.nines), downtimeMinutesPerMonth: d.weakest.downtimeMinutesPerMonth },
          }
        : null,
      delta: d.delta
        ? {
            monthly: d.delta.monthly,
            yearly: d.delta.yearly,
            monthlyPercent: d.delta.monthlyPercent,
            monthlyTrend: d.delta.monthlyTrend,
            components: d.delta.components,
            regions: d.delta.regions,
            zones: d.delta.zones,
            findings: d.delta.findings,
            findingsTrend: d.delta.findingsTrend,
            weakestJourney: { availability: d.delta.weakest.percent, nines: finite(d.delta.weakest.nines), downtimeMinutesPerMonth: d.delta.weakest.downtimeMinutesPerMonth, trend: d.delta.weakest.trend },
          }
        : null,
      costPerNine: d.costPerNine,
    })),
    journeys: comparison.journeys.map((row) => ({
      id: row.id,
      name: row.name,
      designs: row.cells.map((cell, i) =>
        cell
          ? {
              id: cell.id,
              name: cell.name,
              matchedBy: row.matchedBy[i] ?? 'id',
              availability: cell.floor,
              nines: finite(cell.floorNines),
              downtimeMinutesPerMonth: cell.floorDowntimeMinutesPerMonth,
              target: cell.target,
              meetsTarget: cell.meetsTarget,
              complete: cell.complete,
              modelled:
                cell.percent === null
                  ? null
                  : { availability: cell.percent, low: cell.low, high: cell.high, nines: finite(cell.nines), downtimeMinutesPerMonth: cell.downtimeMinutesPerMonth, contributors: cell.contributors },
              delta: cell.delta ? { availability: cell.delta.percent, nines: finite(cell.delta.nines), downtimeMinutesPerMonth: cell.delta.downtimeMinutesPerMonth, trend: cell.delta.trend } : null,
              costPerNine: cell.costPerNine,
            }
          : null,
      ),
    })),
    recovery: comparison.scenarios.map((row) => ({
      class: row.class,
      title: row.title,
      designs: row.cells.map((cell) =>
        cell
          ? {
              scenarios: cell.scenarios,
              rto: cell.rto.seconds,
              rpo: cell.rpo.seconds,
              rtoScenario: cell.rto.scenario,
              rpoScenario: cell.rpo.scenario,
              meetsRto: cell.meetsRto,
              meetsRpo: cell.meetsRpo,
              delta: cell.delta ? { rto: cell.delta.rtoSeconds, rpo: cell.delta.rpoSeconds, rtoTrend: cell.delta.rtoTrend, rpoTrend: cell.delta.rpoTrend } : null,
            }
          : null,
      ),
    })),
    notes: comparison.notes,
  };
}
