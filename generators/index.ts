import type { Design } from '../src/model';
import { analyzeDesign, failureScenarios, graphOf, type DesignAnalysis, type FailureScenario } from '../src/engine';
import { estimateCost, type CostReport } from '../src/engine/cost';
import { designFacts } from './design-facts';
import { terraformTarget } from './terraform';
import { helmTarget } from './helm';
import { runbooksTarget } from './runbooks';
import { proposalTarget } from './proposal';
import { unsupportedReason } from './targets';
import { EXPORT_TARGETS, type ExportContext, type ExportOptions, type ExportTarget, type GeneratedFile, type Generator } from './types';

export * from './types';
export { TARGETS, unsupportedReason } from './targets';
export { designFacts, slugOf, type DesignFacts } from './design-facts';

/**
 * Every export target, in the order an export writes them. The export panel, the command line
 * and the golden tests read this registry: a new target is one folder and one line here.
 */
export const GENERATORS: { readonly [K in ExportTarget]: Generator } = {
  terraform: terraformTarget,
  helm: helmTarget,
  runbooks: runbooksTarget,
  proposal: proposalTarget,
};

/** The targets that write nothing for this design's provider, and why. */
export function unsupportedTargets(design: Design, targets: readonly ExportTarget[] = EXPORT_TARGETS): { target: ExportTarget; reason: string }[] {
  return targets.flatMap((target) => {
    const reason = unsupportedReason(target, design);
    return reason === undefined ? [] : [{ target, reason }];
  });
}

/**
 * Everything the export writes for a design: Terraform, Helm values, runbooks and the proposal. Pure and
 * deterministic: the same design gives the same files in the same order; the caller writes them.
 * The design is indexed and analysed once, whatever the number of targets.
 */
export function generateExport(design: Design, options: ExportOptions = {}): GeneratedFile[] {
  const wanted = new Set<ExportTarget>(options.targets ?? EXPORT_TARGETS);
  const catalogs = options.catalogs ?? [];
  const estimate = options.estimate ?? {};
  let analysis: DesignAnalysis | undefined = options.analysis;
  let cost: CostReport | undefined;
  let scenarios: readonly FailureScenario[] | undefined = options.scenarios ?? analysis?.scenarios;
  const generated = new Map<ExportTarget, readonly GeneratedFile[]>();
  const written = EXPORT_TARGETS.filter((target) => wanted.has(target) && unsupportedReason(target, design) === undefined);
  // Nothing to write, nothing to index: the command line asks for the proposal's appendices this way when it wrote them all already.
  if (written.length === 0) return [];
  // The proposal reads the whole analysis, whose scenarios are the runbooks' (written before it): worked out once, there.
  const analysed = options.analysis !== undefined || written.includes('proposal');
  // When the export analyses, prices or simulates the design (the proposal, the runbooks), the
  // engine's index of it (kept per design object, so the analysis finds it) gives the facts and the
  // pricing their components' traits too: worked out once, not three times. Terraform and Helm alone
  // read only the facts, and do not pay for the graph's other indexes.
  const graph = analysed || written.includes('runbooks') ? graphOf(design) : undefined;
  const context: ExportContext = {
    design,
    facts: designFacts(design, graph),
    analysis: () => (analysis ??= analyzeDesign(design)),
    // The scenarios alone are cheaper than a whole analysis: a target that needs only them does not pay for the rules.
    scenarios: () => (scenarios ??= analysed ? context.analysis().scenarios : failureScenarios(graph ?? graphOf(design))),
    catalogs,
    estimate,
    cost: () => (cost ??= estimateCost(design, catalogs, graph ? { ...estimate, graph } : estimate)),
    files: (target) => {
      let files = generated.get(target);
      if (!files) generated.set(target, (files = GENERATORS[target].generate(context)));
      return files;
    },
  };
  return written.flatMap((target) => {
    options.onTarget?.(target);
    return context.files(target);
  });
}
