import type { Design } from '../src/model';
import { failureScenarios, graphOf } from '../src/engine';
import { designFacts } from './design-facts';
import { generateTerraform } from './terraform';
import { generateHelm } from './helm';
import { failureModesOf, generateRunbooks } from './runbooks';
import { generateProposal } from './proposal';
import { EXPORT_TARGETS, type ExportOptions, type ExportTarget, type GeneratedFile } from './types';

export * from './types';
export { designFacts, slugOf, type DesignFacts } from './design-facts';

/**
 * Everything the export writes for a design: Terraform, Helm values, runbooks and the proposal. Pure and
 * deterministic: the same design gives the same files in the same order; the caller writes them.
 */
export function generateExport(design: Design, options: ExportOptions = {}): GeneratedFile[] {
  const targets = new Set<ExportTarget>(options.targets ?? EXPORT_TARGETS);
  const facts = designFacts(design);
  const files: GeneratedFile[] = [];
  if (targets.has('terraform')) files.push(...generateTerraform(facts));
  if (targets.has('helm')) files.push(...generateHelm(facts));
  if (targets.has('runbooks')) {
    const scenarios = options.scenarios ?? failureScenarios(graphOf(design));
    files.push(...generateRunbooks(facts, failureModesOf(facts, scenarios)));
  }
  if (targets.has('proposal')) files.push(...generateProposal(design, { catalogs: options.catalogs ?? [], ...(options.estimate ? { estimate: options.estimate } : {}) }));
  return files;
}
