import { useMemo } from 'react';
import type { Design, PriceAdjustment, Provider } from '../../model';
import { analyzeDesign, type DesignAnalysis } from '../../engine';
import { estimateCost, type CostReport, type PriceCatalog } from '../../engine/cost';
import { compareDesigns, type CompareEntry, type DesignComparison } from '../../engine/compare';

/**
 * Analyses and cost reports per design object: the model's identity changes only on real edits and
 * templates and library copies are loaded once, so flipping a slot or reopening the view reuses them.
 */
const analyses = new WeakMap<Design, DesignAnalysis>();
const reports = new WeakMap<Design, { catalog: PriceCatalog; adjustments: readonly PriceAdjustment[]; report: CostReport }>();

function analysisOf(design: Design): DesignAnalysis {
  let analysis = analyses.get(design);
  if (!analysis) {
    analysis = analyzeDesign(design);
    analyses.set(design, analysis);
  }
  return analysis;
}

function reportOf(design: Design, catalog: PriceCatalog, adjustments: readonly PriceAdjustment[]): CostReport {
  const cached = reports.get(design);
  if (cached && cached.catalog === catalog && cached.adjustments === adjustments) return cached.report;
  const report = estimateCost(design, [catalog], { adjustments });
  reports.set(design, { catalog, adjustments, report });
  return report;
}

export type ComparisonResult = { status: 'ready'; comparison: DesignComparison } | { status: 'waiting'; reason: string } | { status: 'error'; message: string };

function computeComparison(
  chosen: readonly (Design | undefined)[],
  names: readonly (string | undefined)[],
  catalogs: Readonly<Partial<Record<Provider, PriceCatalog>>>,
  adjustments: readonly PriceAdjustment[],
): ComparisonResult {
  const entries: CompareEntry[] = [];
  for (const [i, design] of chosen.entries()) {
    if (!design) continue;
    const catalog = catalogs[design.provider];
    if (!catalog) return { status: 'waiting', reason: `Loading ${design.provider.toUpperCase()} prices…` };
    entries.push({ design, label: names[i] ?? design.name, analysis: analysisOf(design), cost: reportOf(design, catalog, adjustments) });
  }
  if (entries.length < 2) return { status: 'waiting', reason: 'Choose at least two designs.' };
  try {
    return { status: 'ready', comparison: compareDesigns(entries) };
  } catch (error) {
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The comparison of the chosen designs, recomputed only when one of them, a catalog or the local
 * adjustments change (never on a render for another reason). Slots are at most four, so the
 * dependencies are spelled out one by one.
 */
export function useComparison(
  designs: readonly (Design | undefined)[],
  labels: readonly string[],
  catalogs: Readonly<Partial<Record<Provider, PriceCatalog>>>,
  adjustments: readonly PriceAdjustment[],
): ComparisonResult {
  const [a, b, c, d] = designs;
  const [la, lb, lc, ld] = labels;
  const { aws, azure, gcp } = catalogs;
  return useMemo(() => computeComparison([a, b, c, d], [la, lb, lc, ld], { aws, azure, gcp }, adjustments), [a, b, c, d, la, lb, lc, ld, aws, azure, gcp, adjustments]);
}
