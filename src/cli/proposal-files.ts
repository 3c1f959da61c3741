import { PROPOSAL_DOCX_PATH, PROPOSAL_PDF_PATH, proposalTextFiles, type ProposalDocument } from '../../generators/proposal';
import { renderProposalDocx } from '../../generators/proposal/docx';
import { renderProposalPdf } from '../../generators/proposal/pdf';
import type { FileToWrite } from './export-writer';
import { PictureThread } from './picture-thread';
import { PROPOSAL_FONT_FILES, readFonts } from './rasterize';

/**
 * The proposal's four files from one document: proposal.html and proposal.md (text), proposal.pdf
 * (PDFKit, DejaVu fonts shipped with the command line) and proposal.docx (docx); each diagram is
 * drawn once for both binary formats, on the picture thread: the caller's, which may have begun
 * drawing already (`export` starts as soon as it has read the design), or one of its own.
 */
export async function proposalFiles(document: ProposalDocument, options: { paper?: 'A4' | 'LETTER'; pictures?: PictureThread } = {}): Promise<FileToWrite[]> {
  const pictures = options.pictures ?? new PictureThread();
  try {
    const [regular, bold, mono] = await readFonts(PROPOSAL_FONT_FILES);
    const [pdf, docx] = await Promise.all([
      renderProposalPdf(document, { fonts: { regular: regular!, bold: bold!, mono: mono! }, rasterize: pictures.rasterize, ...(options.paper ? { paper: options.paper } : {}) }),
      renderProposalDocx(document, { rasterize: pictures.rasterize }),
    ]);
    return [...proposalTextFiles(document), { path: PROPOSAL_PDF_PATH, contents: pdf }, { path: PROPOSAL_DOCX_PATH, contents: docx }];
  } finally {
    if (!options.pictures) await pictures.close();
  }
}
