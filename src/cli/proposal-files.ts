import { PROPOSAL_DOCX_PATH, PROPOSAL_PDF_PATH, proposalTextFiles, type ProposalDocument } from '../../generators/proposal';
import { renderProposalDocx } from '../../generators/proposal/docx';
import { renderProposalPdf } from '../../generators/proposal/pdf';
import type { FileToWrite } from './export-writer';
import { PROPOSAL_FONT_FILES, readFonts, svgToPng } from './rasterize';

/** The longest side of the diagram's picture in the PDF and Word files, in pixels: sharp on A4, not megabytes. */
const MAX_DIAGRAM_PIXELS = 2400;

/** The diagram SVG as a PNG at up to twice its size, its longest side at most MAX_DIAGRAM_PIXELS. */
async function rasterizeDiagram(svg: string): Promise<Uint8Array> {
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  const longest = size ? Math.max(Number(size[1]), Number(size[2])) : MAX_DIAGRAM_PIXELS / 2;
  return svgToPng(svg, Math.min(2, MAX_DIAGRAM_PIXELS / longest));
}

/**
 * The proposal's four files from one document: proposal.html and proposal.md (text), proposal.pdf
 * (PDFKit, DejaVu fonts shipped with the command line) and proposal.docx (docx); the diagram is
 * rasterized once for both binary formats.
 */
export async function proposalFiles(document: ProposalDocument, options: { paper?: 'A4' | 'LETTER' } = {}): Promise<FileToWrite[]> {
  const [regular, bold, mono] = await readFonts(PROPOSAL_FONT_FILES);
  const pictures = new Map<string, Promise<Uint8Array>>();
  const rasterize = (svg: string) => {
    let png = pictures.get(svg);
    if (!png) pictures.set(svg, (png = rasterizeDiagram(svg)));
    return png;
  };
  const [pdf, docx] = await Promise.all([
    renderProposalPdf(document, { fonts: { regular: regular!, bold: bold!, mono: mono! }, rasterize, ...(options.paper ? { paper: options.paper } : {}) }),
    renderProposalDocx(document, { rasterize }),
  ]);
  return [...proposalTextFiles(document), { path: PROPOSAL_PDF_PATH, contents: pdf }, { path: PROPOSAL_DOCX_PATH, contents: docx }];
}
