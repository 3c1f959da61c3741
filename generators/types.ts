import type { FailureScenario } from '../src/engine';
import type { CatalogSet, EstimateOptions } from '../src/engine/cost';

/** One generated file: a path relative to the export's root (always `/`-separated) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** The targets an export can contain; `proposal` is the client-facing proposal in Markdown. */
export const EXPORT_TARGETS = ['terraform', 'helm', 'runbooks', 'proposal'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export interface ExportOptions {
  /** Targets to generate; all when absent. */
  readonly targets?: readonly ExportTarget[];
  /** The engine's failure scenarios of this design, when the caller has them (the app's analysis); computed otherwise. */
  readonly scenarios?: readonly FailureScenario[];
  /** Price catalogs for the proposal's cost section (the caller loads them); without them nothing is priced, and the proposal says so. */
  readonly catalogs?: CatalogSet;
  /** How the proposal prices: imported price books, the commitment profile. */
  readonly estimate?: EstimateOptions;
}
