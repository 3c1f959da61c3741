import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import monoFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf?url';
import type { Design } from '../../../model';
import type { CatalogSet, EstimateOptions } from '../../../engine/cost';
import type { ProposalDocument } from '../../../../generators/proposal';

/**
 * The proposal of a design (its analysis, pricing, Terraform and runbooks as appendices) and its PDF
 * and Word files, made in a Web Worker (see proposal-render.ts): on the page's thread they held it
 * for seconds, the canvas frozen meanwhile. The diagram's picture is drawn by the page, which has
 * the canvas and the SVG decoder a worker lacks: the worker asks for it by message.
 */

/** From the page: a design's proposal or a file to make, or a picture the worker asked for. */
export type ToProposalWorker =
  | { readonly kind: 'document'; readonly id: number; readonly design: Design; readonly catalogs: CatalogSet; readonly estimate: EstimateOptions }
  | { readonly kind: 'render'; readonly id: number; readonly format: 'pdf' | 'docx'; readonly document: ProposalDocument }
  | { readonly kind: 'picture'; readonly id: number; readonly png: Uint8Array }
  | { readonly kind: 'picture-failed'; readonly id: number; readonly message: string };

/** To the page: a picture to draw, a proposal or a file made, or why it could not be. */
export type FromProposalWorker =
  | { readonly kind: 'draw'; readonly id: number; readonly svg: string }
  | { readonly kind: 'document'; readonly id: number; readonly document: ProposalDocument }
  | { readonly kind: 'rendered'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/** The worker's side of the messages (the DOM's types describe a window). */
const scope = self as unknown as {
  postMessage(message: FromProposalWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToProposalWorker>) => void): void;
};

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array; mono: Uint8Array }> | undefined;
function loadFonts() {
  fonts ??= Promise.all([regularFontUrl, boldFontUrl, monoFontUrl].map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()))).then(([regular, bold, mono]) => ({ regular: regular!, bold: bold!, mono: mono! }));
  return fonts;
}

let nextPicture = 0;
const pictures = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
/**
 * The last diagram drawn, for the next file of the same proposal (its PDF, then its Word document):
 * at 300 components the page takes the better part of a second to draw it. One only, so pictures of
 * designs edited since are not kept; one that failed is asked for again.
 */
let lastPicture: { readonly svg: string; readonly png: Promise<Uint8Array> } | undefined;

/** The diagram as a PNG, drawn by the page. */
function rasterize(svg: string): Promise<Uint8Array> {
  if (lastPicture?.svg === svg) return lastPicture.png;
  const id = nextPicture++;
  const png = new Promise<Uint8Array>((resolve, reject) => pictures.set(id, { resolve, reject }));
  const picture = { svg, png };
  lastPicture = picture;
  png.catch(() => {
    if (lastPicture === picture) lastPicture = undefined;
  });
  scope.postMessage({ kind: 'draw', id, svg });
  return png;
}

async function render(format: 'pdf' | 'docx', document: ProposalDocument): Promise<Uint8Array> {
  if (format === 'pdf') {
    const [{ renderProposalPdf }, loaded] = await Promise.all([import('../../../../generators/proposal/pdf'), loadFonts()]);
    return renderProposalPdf(document, { fonts: loaded, rasterize });
  }
  const { renderProposalDocx } = await import('../../../../generators/proposal/docx');
  return renderProposalDocx(document, { rasterize });
}

/** The proposal of one design, its runbooks and Terraform as appendices. */
async function designProposal(design: Design, catalogs: CatalogSet, estimate: EstimateOptions): Promise<ProposalDocument> {
  const [{ generateExport }, { buildProposal }] = await Promise.all([import('../../../../generators'), import('../../../../generators/proposal')]);
  const appendices = generateExport(design, { targets: ['runbooks', 'terraform'], catalogs, estimate });
  return buildProposal(design, { catalogs, estimate, appendices });
}

const failed = (id: number, error: unknown) => scope.postMessage({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });

scope.addEventListener('message', ({ data: message }) => {
  if (message.kind === 'document') {
    designProposal(message.design, message.catalogs, message.estimate).then((document) => scope.postMessage({ kind: 'document', id: message.id, document }), (error: unknown) => failed(message.id, error));
    return;
  }
  if (message.kind !== 'render') {
    const waiting = pictures.get(message.id);
    pictures.delete(message.id);
    if (message.kind === 'picture') waiting?.resolve(message.png);
    else waiting?.reject(new Error(message.message));
    return;
  }
  render(message.format, message.document).then(
    (bytes) => scope.postMessage({ kind: 'rendered', id: message.id, bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) => failed(message.id, error),
  );
});
