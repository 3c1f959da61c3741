import { useMemo } from 'react';
import type { Design, PriceAdjustment, Provider } from '../../model';
import { analyzeDesign, type DesignAnalysis } from '../../engine';
import { estimateCost, type Commitment, type CostReport, type PriceCatalog } from '../../engine/cost';
import { compareDesigns, type CompareEntry, type DesignComparison } from '../../engine/compare';

/**
 * Analyses and cost reports per design object: the model's identity changes only on real edits and
 * templates and library copies are loaded once, so flipping a slot or reopening the view reuses them.
 */
const analyses = new WeakMap<Design, DesignAnalysis>();
const reports = new WeakMap<Design, Map<string, { catalog: PriceCatalog; adjustments: readonly PriceAdjustment[]; imported: readonly PriceCatalog[]; report: CostReport }>>();

function analysisOf(design: Design): DesignAnalysis {
  let analysis = analyses.get(design);
  if (!analysis) {
    analysis = analyzeDesign(design);
    analyses.set(design, analysis);
  }
  return analysis;
}

/** The cost report of a design, under a commitment profile when one is chosen (else the design's own). */
function reportOf(design: Design, catalog: PriceCatalog, adjustments: readonly PriceAdjustment[], imported: readonly PriceCatalog[], commitment: Commitment | undefined): CostReport {
  const byCommitment = reports.get(design) ?? new Map();
  reports.set(design, byCommitment);
  const cached = byCommitment.get(commitment ?? '');
  if (cached && cached.catalog === catalog && cached.adjustments === adjustments && cached.imported === imported) return cached.report;
  const report = estimateCost(design, [catalog], { adjustments, imported, ...(commitment ? { commitment } : {}) });
  byCommitment.set(commitment ?? '', { catalog, adjustments, imported, report });
  return report;
}

export type ComparisonResult = { status: 'ready'; comparison: DesignComparison; entries: readonly CompareEntry[] } | { status: 'waiting'; reason: string } | { status: 'error'; message: string };

function computeComparison(
  chosen: readonly (Design | undefined)[],
  names: readonly (string | undefined)[],
  catalogs: Readonly<Partial<Record<Provider, PriceCatalog>>>,
  adjustments: readonly PriceAdjustment[],
  imported: readonly PriceCatalog[],
  commitments: readonly (Commitment | undefined)[],
): ComparisonResult {
  const entries: CompareEntry[] = [];
  for (const [i, design] of chosen.entries()) {
    if (!design) continue;
    const catalog = catalogs[design.provider];
    if (!catalog) return { status: 'waiting', reason: `Loading ${design.provider.toUpperCase()} prices…` };
    const commitment = commitments[i];
    const label = `${names[i] ?? design.name}${commitment ? ` (${commitment})` : ''}`;
    entries.push({ design, label, analysis: analysisOf(design), cost: reportOf(design, catalog, adjustments, imported, commitment) });
  }
  if (entries.length < 2) return { status: 'waiting', reason: 'Choose at least two designs.' };
  try {
    return { status: 'ready', comparison: compareDesigns(entries), entries };
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
  imported: readonly PriceCatalog[] = [],
  commitments: readonly (Commitment | undefined)[] = [],
): ComparisonResult {
  const [a, b, c, d] = designs;
  const [la, lb, lc, ld] = labels;
  const [ca, cb, cc, cd] = commitments;
  const { aws, azure, gcp } = catalogs;
  return useMemo(
    () => computeComparison([a, b, c, d], [la, lb, lc, ld], { aws, azure, gcp }, adjustments, imported, [ca, cb, cc, cd]),
    [a, b, c, d, la, lb, lc, ld, aws, azure, gcp, adjustments, imported, ca, cb, cc, cd],
  );
}
