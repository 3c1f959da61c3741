import type { ExportTarget, GeneratedFile } from '../../../../generators/types';
import { copiedFiles, exportFolder, unpackFiles, type ExportRequest, type FromExportWorker, type ToExportWorker, type ZippedExport } from './export-job';

/**
 * The page's side of the export worker (export-worker.ts): the panel's files and their zip made
 * off the page's thread, so the canvas stays live while a large design is exported. The worker
 * starts with the first export and is kept for the next (its generators stay loaded and
 * compiled). A browser without workers makes them on the page, as before.
 */

type Waiting = {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly progress?: (target: ExportTarget) => void;
};

/** The export each list of files came from, by which the worker finds its own copy to zip. */
const madeBy = new WeakMap<readonly GeneratedFile[], number>();
/** The worker's answer to a zip of files it no longer has: they are sent to it then. */
const FORGOTTEN = Symbol('forgotten');

let worker: Worker | undefined;
let nextRequest = 0;
const pending = new Map<number, Waiting>();

function exportWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'export' });
  started.addEventListener('message', ({ data: message }: MessageEvent<FromExportWorker>) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.kind === 'progress') {
      waiting.progress?.(message.target);
      return;
    }
    pending.delete(message.id);
    if (message.kind === 'failed') waiting.reject(new Error(message.message));
    else if (message.kind === 'files') {
      const files = unpackFiles(message.files);
      madeBy.set(files, message.id);
      waiting.resolve(files);
    } else waiting.resolve(message.kind === 'zipped' ? message.zip : FORGOTTEN);
  });
  // The worker's script failed to load or threw: nothing it was asked will come, and the next request starts a new one.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker === started) worker = undefined;
    started.terminate();
    const failure = new Error(`the files could not be made in the background: ${event.message || 'its worker did not start'}`);
    for (const waiting of pending.values()) waiting.reject(failure);
    pending.clear();
  });
  return (worker = started);
}

function ask<T>(request: ToExportWorker, progress?: (target: ExportTarget) => void): Promise<T> {
  const answered = new Promise<T>((resolve, reject) => pending.set(request.id, { resolve: resolve as (value: unknown) => void, reject, ...(progress ? { progress } : {}) }));
  exportWorker().postMessage(request);
  return answered;
}

/** Every chosen target's files from one export; `progress` hears each target as it is begun. */
export async function exportInBackground(request: ExportRequest, progress: (target: ExportTarget) => void): Promise<GeneratedFile[]> {
  if (typeof Worker === 'undefined') {
    const { generateExport } = await import('../../../../generators');
    return generateExport(request.design, { targets: request.targets, estimate: request.estimate, ...(request.catalogs ? { catalogs: request.catalogs } : {}), onTarget: progress });
  }
  return ask<GeneratedFile[]>({ kind: 'export', id: nextRequest++, ...request }, progress);
}

/** The files zipped under a folder named for the design (zip.ts), in the worker from its own copy when it made them; the page keeps its own. */
export async function zipInBackground(designName: string, files: readonly GeneratedFile[]): Promise<ZippedExport> {
  if (typeof Worker === 'undefined') {
    const [{ zipExport }, { slugOf }] = await Promise.all([import('./zip'), import('../../../../generators')]);
    const folder = exportFolder(designName, slugOf);
    return { folder, bytes: zipExport(folder, files) };
  }
  const made = madeBy.get(files);
  if (made !== undefined) {
    const zipped = await ask<ZippedExport | typeof FORGOTTEN>({ kind: 'zip', id: nextRequest++, designName, made });
    if (zipped !== FORGOTTEN) return zipped;
  }
  // Files the worker did not make or no longer keeps (another export since, or a new worker after a failure).
  const zipped = await ask<ZippedExport | typeof FORGOTTEN>({ kind: 'zip', id: nextRequest++, designName, made: -1, files: copiedFiles(files) });
  if (zipped === FORGOTTEN) throw new Error('the zip could not be made: the export worker was given no files');
  return zipped;
}
