import type { Design } from '../../src/model';
import { TARGETS, unsupportedReason } from '../targets';
import type { ExportContext, GeneratedFile, Generator } from '../types';
import { buildProposal, type ProposalOptions } from './build';
import type { ProposalDocument } from './document';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export { buildProposal, proposalAppendices, proposalDiagram, proposalFacts, MAX_DETAILED_FINDINGS, MAX_LISTED_COMPONENTS, MAX_RUNBOOKS_IN_FULL, MAX_README_CHARACTERS, type ProposalAppendices, type ProposalOptions } from './build';
export { buildOptionsProposal, type ProposalOption } from './options';
export { MAX_FIX_EFFECTS } from './fix-effects';
export { documentText, inlineText, type ProposalDocument, type Block, type Inline } from './document';
export { renderHtml } from './html';
export { renderMarkdown } from './markdown';

export const PROPOSAL_PATH = 'proposal/proposal.md';
export const PROPOSAL_HTML_PATH = 'proposal/proposal.html';
export const PROPOSAL_PDF_PATH = 'proposal/proposal.pdf';
export const PROPOSAL_DOCX_PATH = 'proposal/proposal.docx';
/** Every file of a proposal, as the command line writes them. */
export const PROPOSAL_FILE_PATHS: readonly string[] = [PROPOSAL_HTML_PATH, PROPOSAL_PATH, PROPOSAL_PDF_PATH, PROPOSAL_DOCX_PATH];

/** The text formats of a proposal document: Markdown and self-contained HTML. */
export function proposalTextFiles(proposal: ProposalDocument): GeneratedFile[] {
  return [
    { path: PROPOSAL_HTML_PATH, contents: renderHtml(proposal) },
    { path: PROPOSAL_PATH, contents: renderMarkdown(proposal) },
  ];
}

/** The runbooks and infrastructure code of the design, for the proposal's appendices: the export's own, when it writes them too. */
export function appendixFiles(context: ExportContext): GeneratedFile[] {
  return (['runbooks', 'terraform'] as const).flatMap((target) => (unsupportedReason(target, context.design) === undefined ? context.files(target) : []));
}

/**
 * The proposal as Markdown and HTML (the PDF and Word files are binary, made by `renderProposalPdf`
 * and `renderProposalDocx` from the same document, by the caller that writes them).
 */
export function generateProposal(design: Design, options: ProposalOptions = {}): GeneratedFile[] {
  return proposalTextFiles(buildProposal(design, options));
}

export const proposalTarget: Generator = {
  ...TARGETS.proposal,
  // The export's one analysis and one cost report, shared with the other targets.
  generate: (context) =>
    generateProposal(context.design, {
      catalogs: context.catalogs,
      estimate: context.estimate,
      analysis: context.analysis(),
      cost: context.cost(),
      appendices: appendixFiles(context),
    }),
};
