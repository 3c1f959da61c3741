import type { Design } from '../../../model';
import type { CatalogSet, EstimateOptions } from '../../../engine/cost';
import { buildOptionsProposal, renderHtml, renderMarkdown, type ProposalDocument, type ProposalOption } from '../../../../generators/proposal';
import { diagramScale } from '../../../../generators/proposal/assets';
import { svgToPng } from './DiagramExport';
import type { FromProposalWorker, ToProposalWorker } from './proposal-worker';

/**
 * The proposal in the browser, loaded only when asked for (the panel imports this module
 * dynamically). A design's proposal and its PDF and Word files are made in a Web Worker
 * (proposal-worker.ts), which loads the PDF and Word libraries and the fonts (the DejaVu files the
 * command line ships, served as assets) only when one of them is asked for; the diagram is
 * rasterized here, by the canvas, when the worker asks. HTML and Markdown are written here, from
 * the proposal the worker made.
 */
export type ProposalFormat = 'html' | 'pdf' | 'docx' | 'md';

export const PROPOSAL_FORMATS: readonly { id: ProposalFormat; label: string; mime: string }[] = [
  { id: 'html', label: 'HTML', mime: 'text/html;charset=utf-8' },
  { id: 'pdf', label: 'PDF', mime: 'application/pdf' },
  { id: 'docx', label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { id: 'md', label: 'Markdown', mime: 'text/markdown;charset=utf-8' },
];

/** The proposal of one design, its runbooks and Terraform as appendices: made in the worker. */
export function designProposal(design: Design, catalogs: CatalogSet, estimate: EstimateOptions): Promise<ProposalDocument> {
  return ask<ProposalDocument>({ kind: 'document', id: nextRequest++, design, catalogs, estimate });
}

export function optionsProposal(options: readonly ProposalOption[], catalogs: CatalogSet, estimate: EstimateOptions): ProposalDocument {
  return buildOptionsProposal(options, { catalogs, estimate });
}

/**
 * The worker that makes the proposals of designs and their PDF and Word files (proposal-worker.ts),
 * started with the first of them and kept for the next (its fonts and compiled code stay warm);
 * what it asks for, the diagram's picture, is drawn here.
 */
let worker: Worker | undefined;
let nextRequest = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function proposalWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./proposal-worker.ts', import.meta.url), { type: 'module', name: 'proposal' });
  const send = (message: ToProposalWorker, transfer: Transferable[] = []) => started.postMessage(message, transfer);
  started.addEventListener('message', ({ data: message }: MessageEvent<FromProposalWorker>) => {
    if (message.kind === 'draw') {
      // At the command line's size for the PDF and Word files (diagramScale), not the diagram download's twice over.
      svgToPng(message.svg, diagramScale(message.svg))
        .then(async (blob) => new Uint8Array(await blob.arrayBuffer()))
        .then(
          (png) => send({ kind: 'picture', id: message.id, png }, [png.buffer]),
          (error: unknown) => send({ kind: 'picture-failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
        );
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.kind === 'failed') waiting?.reject(new Error(message.message));
    else waiting?.resolve(message.kind === 'rendered' ? message.bytes : message.document);
  });
  // The worker's script failed to load or threw: nothing it was asked will come, and the next request starts a new one.
  started.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker === started) worker = undefined;
    started.terminate();
    const failure = new Error(`the proposal could not be made in the background: ${event.message || 'its worker did not start'}`);
    for (const waiting of pending.values()) waiting.reject(failure);
    pending.clear();
  });
  return (worker = started);
}

function ask<T>(request: Extract<ToProposalWorker, { kind: 'document' | 'render' }>): Promise<T> {
  const answered = new Promise<T>((resolve, reject) => pending.set(request.id, { resolve: resolve as (value: unknown) => void, reject }));
  proposalWorker().postMessage(request);
  return answered;
}

/** One format of the proposal, as the bytes or text to download. */
export async function renderProposal(document: ProposalDocument, format: ProposalFormat): Promise<Blob> {
  const mime = PROPOSAL_FORMATS.find((f) => f.id === format)!.mime;
  switch (format) {
    case 'html':
      return new Blob([renderHtml(document)], { type: mime });
    case 'md':
      return new Blob([renderMarkdown(document)], { type: mime });
    case 'pdf':
    case 'docx':
      return new Blob([(await ask<Uint8Array>({ kind: 'render', id: nextRequest++, format, document })) as BlobPart], { type: mime });
  }
}
