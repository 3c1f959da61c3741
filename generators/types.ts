import type { DesignAnalysis, FailureScenario } from '../src/engine';
import type { CatalogSet, CostReport, EstimateOptions } from '../src/engine/cost';
import type { Design, Provider } from '../src/model';
import type { DesignFacts } from './design-facts';

/** One generated file: a path relative to the export's root (always `/`-separated) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
  /**
   * The UTF-8 bytes of `contents`, in order, for a file generated as bytes (the Terraform): a
   * writer writes them as they are, and the text is made only when `contents` is read.
   */
  readonly utf8?: readonly Uint8Array[];
}

/** A file generated as UTF-8 bytes, whose text is decoded the first time it is read, then kept (the export panel reads it again and again). */
export class Utf8File implements GeneratedFile {
  // Not an own property: two files of the same bytes are equal whether or not one's text was read.
  #text: string | undefined;
  constructor(
    readonly path: string,
    readonly utf8: readonly Uint8Array[],
  ) {}

  get contents(): string {
    return (this.#text ??= utf8Text(this.utf8));
  }
}

/** UTF-8 bytes in order as text; a text that began with U+FEFF keeps it. */
export function utf8Text(chunks: readonly Uint8Array[]): string {
  // Joined and decoded at once: a decoder that streams goes the slow way and gives a text of two bytes a character.
  return DECODER.decode(joinedBytes(chunks));
}

/** Chunks of bytes in order as one array: the chunk itself when there is one. */
export function joinedBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const whole = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
const DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

/** The targets an export can contain, in the order they are written and offered. */
export const EXPORT_TARGETS = ['terraform', 'helm', 'runbooks', 'proposal'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** What every target reads, computed once per export and shared. */
export interface ExportContext {
  readonly design: Design;
  readonly facts: DesignFacts;
  /**
   * The engine's analysis of the design (findings, journeys, scenarios, scorecard), computed once on
   * first use and shared by every target: a generator never runs analyzeDesign on the design itself.
   */
  readonly analysis: () => DesignAnalysis;
  /** The engine's failure scenarios of the design, computed on first use (the analysis's, when it ran). */
  readonly scenarios: () => readonly FailureScenario[];
  /** Price catalogs (the caller loads them); empty when it has none. */
  readonly catalogs: CatalogSet;
  /** How to price: imported price books, the commitment profile. */
  readonly estimate: EstimateOptions;
  /** The design priced with `catalogs` and `estimate`, computed once on first use and shared. */
  readonly cost: () => CostReport;
  /**
   * The files a target writes for this design, generated once on first use and shared: the
   * proposal's appendices read the Terraform and runbooks the same export writes, which are the
   * most of its work at scale.
   */
  readonly files: (target: ExportTarget) => readonly GeneratedFile[];
}

/** What the export panel and the command line's help say of a target, without loading its code. */
export interface TargetInfo {
  readonly id: ExportTarget;
  /** Its name in the export panel: "Terraform". */
  readonly label: string;
  /** What it writes, in a phrase, for the panel and the command line's help. */
  readonly help: string;
  /** What the caller must load before generating: price catalogs for a priced proposal. */
  readonly needs: { readonly catalogs: boolean };
  /** The providers it writes for; a design on another gets a "not generated yet" and no files. */
  readonly providers: readonly Provider[];
}

/**
 * One export target: read by `generateExport`, the export panel, the command line's help and
 * the golden tests, so a new target is one folder, one entry in `TARGETS` and one in `GENERATORS`.
 */
export interface Generator extends TargetInfo {
  generate(context: ExportContext): GeneratedFile[];
}

export interface ExportOptions {
  /** Targets to generate; all when absent. */
  readonly targets?: readonly ExportTarget[];
  /** The engine's analysis of this design, when the caller has it (the app's analysis); computed once otherwise. */
  readonly analysis?: DesignAnalysis;
  /** The engine's failure scenarios of this design, when the caller has them without an analysis; computed otherwise. */
  readonly scenarios?: readonly FailureScenario[];
  /** Price catalogs for the proposal's cost section (the caller loads them); without them nothing is priced, and the proposal says so. */
  readonly catalogs?: CatalogSet;
  /** How the proposal prices: imported price books, the commitment profile. */
  readonly estimate?: EstimateOptions;
  /**
   * Called before each target's files are made, in the order they are written: what a caller
   * reports progress by (the export panel's worker) while every target shares one context.
   */
  readonly onTarget?: (target: ExportTarget) => void;
}
