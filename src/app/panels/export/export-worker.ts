import type { GeneratedFile } from '../../../../generators/types';
import { exportFolder, packFiles, unpackFiles, type FromExportWorker, type ToExportWorker } from './export-job';

/**
 * The export panel's files made in a Web Worker (see export-client.ts): at 5,000 components the
 * Terraform, runbooks and proposal took the page's thread for over a second in tasks of half a
 * second, and zipping them half a second more, the canvas frozen meanwhile. Every chosen target is
 * made from one context, as the command line makes them: one analysis, and the proposal's
 * appendices are the Terraform and runbooks the same export writes, not made again.
 */

/** The worker's side of the messages (the DOM's types describe a window). */
const scope = self as unknown as {
  postMessage(message: FromExportWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToExportWorker>) => void): void;
};

/** The files of the last export, for its zip: the page need not send them back (24 MB at 5,000 components). */
let kept: { readonly made: number; readonly files: readonly GeneratedFile[] } | undefined;

const failed = (id: number, error: unknown) => scope.postMessage({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });

async function exportFiles(request: Extract<ToExportWorker, { kind: 'export' }>): Promise<void> {
  const { generateExport } = await import('../../../../generators');
  const { id, design, targets, catalogs, estimate } = request;
  const generated = generateExport(design, { targets, estimate, ...(catalogs ? { catalogs } : {}), onTarget: (target) => scope.postMessage({ kind: 'progress', id, target }) });
  // The worker's own copies stay for the zip; copies of the bytes are moved to the page.
  kept = { made: id, files: generated };
  const { files, transfer } = packFiles(generated);
  scope.postMessage({ kind: 'files', id, files }, transfer);
}

async function zipFiles(request: Extract<ToExportWorker, { kind: 'zip' }>): Promise<void> {
  const files = request.files ? unpackFiles(request.files) : kept?.made === request.made ? kept.files : undefined;
  if (!files) {
    scope.postMessage({ kind: 'forgotten', id: request.id });
    return;
  }
  const [{ zipExport }, { slugOf }] = await Promise.all([import('./zip'), import('../../../../generators')]);
  const folder = exportFolder(request.designName, slugOf);
  const zipped = zipExport(folder, files);
  // Moved when the zip fills a buffer of its own (fflate's does), copied into one otherwise.
  const bytes = zipped.byteOffset === 0 && zipped.byteLength === zipped.buffer.byteLength ? zipped : zipped.slice();
  scope.postMessage({ kind: 'zipped', id: request.id, zip: { folder, bytes } }, [bytes.buffer as ArrayBuffer]);
}

scope.addEventListener('message', ({ data: message }) => {
  (message.kind === 'export' ? exportFiles(message) : zipFiles(message)).catch((error: unknown) => failed(message.id, error));
});
