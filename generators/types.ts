import type { FailureScenario } from '../src/engine';

/** One generated file: a path relative to the export's root (always `/`-separated) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** The targets an export can contain. `proposal` is reserved for the client-facing proposal (not built yet). */
export const EXPORT_TARGETS = ['terraform', 'helm', 'runbooks'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export interface ExportOptions {
  /** Targets to generate; all when absent. */
  readonly targets?: readonly ExportTarget[];
  /** The engine's failure scenarios of this design, when the caller has them (the app's analysis); computed otherwise. */
  readonly scenarios?: readonly FailureScenario[];
}
