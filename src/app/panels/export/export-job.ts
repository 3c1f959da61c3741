import type { Design } from '../../../model';
import type { CatalogSet, EstimateOptions } from '../../../engine/cost';
import { joinedBytes, Utf8File, type ExportTarget, type GeneratedFile } from '../../../../generators/types';

/**
 * What the export panel and its worker (export-worker.ts) send each other: plain data that a
 * message carries, with no DOM in it, so the packing is tested in Node.
 */

/** One export: every chosen target made from one shared context (one analysis, one Terraform for the proposal's appendices). */
export interface ExportRequest {
  readonly design: Design;
  readonly targets: readonly ExportTarget[];
  readonly catalogs?: CatalogSet;
  readonly estimate: EstimateOptions;
}

/**
 * A generated file as a message carries it: its text, or its UTF-8 bytes in one array whose
 * buffer is its own, so the bytes are moved from thread to thread rather than copied (the
 * Terraform of a design of 5,000 components is 17 MB).
 */
export type FileMessage = { readonly path: string; readonly text: string } | { readonly path: string; readonly bytes: Uint8Array };

/** From the page to the worker. */
export type ToExportWorker =
  | ({ readonly kind: 'export'; readonly id: number } & ExportRequest)
  /**
   * The files of export `made` zipped under a folder named for the design: the worker keeps the
   * files of its last export, so the page sends them only when the worker no longer has them
   * (`forgotten`).
   */
  | { readonly kind: 'zip'; readonly id: number; readonly designName: string; readonly made: number; readonly files?: readonly FileMessage[] };

/** From the worker to the page: a target begun, the files made, the zip made, or why not. */
export type FromExportWorker =
  | { readonly kind: 'progress'; readonly id: number; readonly target: ExportTarget }
  | { readonly kind: 'files'; readonly id: number; readonly files: readonly FileMessage[] }
  | { readonly kind: 'zipped'; readonly id: number; readonly zip: ZippedExport }
  | { readonly kind: 'forgotten'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** An export's zip: its bytes, and the folder its files are in, which names the download. */
export interface ZippedExport {
  readonly folder: string;
  readonly bytes: Uint8Array;
}

/** The folder an export's zip holds its files in: `<design>-export`. */
export function exportFolder(designName: string, slugOf: (text: string, max: number) => string): string {
  return `${slugOf(designName, 40)}-export`;
}

/**
 * Files to send, with the buffers to move. A file made as bytes is copied once into an array of
 * its own: its chunks may share a buffer with other files (an empty file's newline is one array
 * for every file), and moving a shared buffer would empty it for the next export.
 */
export function packFiles(files: readonly GeneratedFile[]): { files: FileMessage[]; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const packed = files.map((file): FileMessage => {
    if (!file.utf8) return { path: file.path, text: file.contents };
    // joinedBytes makes a new array of several chunks, and returns a single chunk itself: copied then.
    const bytes = file.utf8.length === 1 ? file.utf8[0]!.slice() : joinedBytes(file.utf8);
    transfer.push(bytes.buffer as ArrayBuffer);
    return { path: file.path, bytes };
  });
  return { files: packed, transfer };
}

/** Files to send without moving anything: the page keeps its own (the files it zips are the ones it shows). */
export function copiedFiles(files: readonly GeneratedFile[]): FileMessage[] {
  return files.map((file) => (file.utf8 ? { path: file.path, bytes: joinedBytes(file.utf8) } : { path: file.path, text: file.contents }));
}

/** The files a message carried, as generated files again: bytes stay bytes, decoded only when their text is read. */
export function unpackFiles(files: readonly FileMessage[]): GeneratedFile[] {
  return files.map((file) => ('bytes' in file ? new Utf8File(file.path, [file.bytes]) : { path: file.path, contents: file.text }));
}
