import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import monoFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf?url';
import type { Design } from '../../../model';
import type { CatalogSet, EstimateOptions } from '../../../engine/cost';
import { generateExport } from '../../../../generators';
import { buildOptionsProposal, buildProposal, renderHtml, renderMarkdown, type ProposalDocument, type ProposalOption } from '../../../../generators/proposal';
import { svgToPng } from './DiagramExport';

/**
 * The proposal in the browser, loaded only when asked for (the panel imports this module
 * dynamically; the PDF and Word libraries load on top only when one of those is asked for). The
 * fonts are the DejaVu files the command line ships, served as assets; the diagram is rasterized
 * by the browser's canvas.
 */
export type ProposalFormat = 'html' | 'pdf' | 'docx' | 'md';

export const PROPOSAL_FORMATS: readonly { id: ProposalFormat; label: string; mime: string }[] = [
  { id: 'html', label: 'HTML', mime: 'text/html;charset=utf-8' },
  { id: 'pdf', label: 'PDF', mime: 'application/pdf' },
  { id: 'docx', label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { id: 'md', label: 'Markdown', mime: 'text/markdown;charset=utf-8' },
];

/** The proposal of one design, its runbooks and Terraform as appendices. */
export function designProposal(design: Design, catalogs: CatalogSet, estimate: EstimateOptions): ProposalDocument {
  const appendices = generateExport(design, { targets: ['runbooks', 'terraform'], catalogs, estimate });
  return buildProposal(design, { catalogs, estimate, appendices });
}

export function optionsProposal(options: readonly ProposalOption[], catalogs: CatalogSet, estimate: EstimateOptions): ProposalDocument {
  return buildOptionsProposal(options, { catalogs, estimate });
}

let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array; mono: Uint8Array }> | undefined;

async function loadFonts() {
  fonts ??= Promise.all([regularFontUrl, boldFontUrl, monoFontUrl].map(async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()))).then(([regular, bold, mono]) => ({ regular: regular!, bold: bold!, mono: mono! }));
  return fonts;
}

const rasterize = async (svg: string) => new Uint8Array(await (await svgToPng(svg)).arrayBuffer());

/** One format of the proposal, as the bytes or text to download. */
export async function renderProposal(document: ProposalDocument, format: ProposalFormat): Promise<Blob> {
  const mime = PROPOSAL_FORMATS.find((f) => f.id === format)!.mime;
  switch (format) {
    case 'html':
      return new Blob([renderHtml(document)], { type: mime });
    case 'md':
      return new Blob([renderMarkdown(document)], { type: mime });
    case 'pdf': {
      const [{ renderProposalPdf }, loaded] = await Promise.all([import('../../../../generators/proposal/pdf'), loadFonts()]);
      return new Blob([(await renderProposalPdf(document, { fonts: loaded, rasterize })) as BlobPart], { type: mime });
    }
    case 'docx': {
      const { renderProposalDocx } = await import('../../../../generators/proposal/docx');
      return new Blob([(await renderProposalDocx(document, { rasterize })) as BlobPart], { type: mime });
    }
  }
}
