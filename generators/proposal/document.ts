/**
 * The proposal's content model: what a client reads, in the order they read it, with every figure
 * already worded. Markdown, HTML, PDF and Word are renderings of one `ProposalDocument`, so the four
 * files cannot disagree. Plain data (JSON-safe): the golden tests compare it as JSON.
 */

/** A run of text: plain, bold, or followed by a citation of a reference (its number in `references`). */
export interface Inline {
  readonly text: string;
  readonly strong?: boolean;
  /** A name or command to be typed as written (a runbook's `aws ...`): set in a monospaced face. */
  readonly code?: boolean;
  /** 1-based number of the reference this run cites. */
  readonly cite?: number;
}

export interface TableColumn {
  readonly title: string;
  /** Right-aligned: figures. */
  readonly numeric?: boolean;
}

/**
 * Whether a table has a header row: a table of facts (a label column and a value column, as a
 * runbook's opening table) has no column titles, and an empty header row would only be a grey bar.
 * Markdown keeps its empty header line, which GFM needs to see a table.
 */
export function hasHeaderRow(columns: readonly TableColumn[]): boolean {
  return columns.some((column) => column.title.trim() !== '');
}

export interface TableRow {
  readonly cells: readonly string[];
  /** The total row, or the recommended option: set in bold. */
  readonly emphasis?: boolean;
}

export type Block =
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'heading'; readonly text: string }
  /** Bullets, or numbered steps when `ordered`. */
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[]; readonly ordered?: boolean }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly TableRow[]; readonly caption?: string }
  /** Headline figures, each a label, a value and a line of context. */
  | { readonly kind: 'figures'; readonly items: readonly { readonly label: string; readonly value: string; readonly detail: string }[] }
  /** The architecture diagram, a standalone SVG document (src/diagram). */
  | { readonly kind: 'diagram'; readonly svg: string; readonly caption: string }
  /** Text kept as written (a runbook, a file listing): monospaced, never reflowed. */
  | { readonly kind: 'preformatted'; readonly text: string; readonly caption?: string };

export interface ProposalSection {
  /** A stable anchor: `summary`, `availability`, `appendix-runbooks`. */
  readonly id: string;
  readonly title: string;
  /** Appendices follow the references in every format, each on a new page in print. */
  readonly appendix: boolean;
  readonly blocks: readonly Block[];
}

export interface ProposalReference {
  readonly title: string;
  /** A public page; absent for a source that has none (the design's own inputs, Ninesmith's conventions). */
  readonly url?: string;
  /** What kind of source it is, honestly: "AWS documentation", "third-party test output, not AWS's price list". */
  readonly note: string;
}

export interface ProposalCover {
  readonly title: string;
  readonly subtitle: string;
  readonly client?: string;
  readonly consultant?: string;
  /** YYYY-MM-DD, as the design's `proposal.date` gives it. */
  readonly date?: string;
  readonly version?: string;
  readonly logo?: { readonly mime: 'image/png' | 'image/jpeg'; readonly base64: string };
}

export interface ProposalDocument {
  /** The document's title: the file name a reader sees in a tab or a print header. */
  readonly title: string;
  readonly cover: ProposalCover;
  readonly sections: readonly ProposalSection[];
  readonly references: readonly ProposalReference[];
}

/** Plain text of inline runs, citations as [n]: what Markdown and the tests read. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((run) => `${run.text}${run.cite !== undefined ? ` [${run.cite}]` : ''}`).join('');
}

/** Every piece of text in the document, in reading order (the tests look figures up in it). */
export function documentText(proposal: ProposalDocument): string {
  const out: string[] = [proposal.cover.title, proposal.cover.subtitle];
  for (const value of [proposal.cover.client, proposal.cover.consultant, proposal.cover.date, proposal.cover.version]) if (value) out.push(value);
  for (const section of proposal.sections) {
    out.push(section.title);
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'paragraph':
          out.push(inlineText(block.content));
          break;
        case 'heading':
          out.push(block.text);
          break;
        case 'list':
          for (const item of block.items) out.push(inlineText(item));
          break;
        case 'table':
          out.push(block.columns.map((c) => c.title).join(' | '));
          for (const row of block.rows) out.push(row.cells.join(' | '));
          if (block.caption) out.push(block.caption);
          break;
        case 'figures':
          for (const item of block.items) out.push(`${item.label}: ${item.value} (${item.detail})`);
          break;
        case 'diagram':
          out.push(block.caption);
          break;
        case 'preformatted':
          if (block.caption) out.push(block.caption);
          out.push(block.text);
          break;
      }
    }
  }
  proposal.references.forEach((reference, i) => out.push(`[${i + 1}] ${reference.title}${reference.url ? ` ${reference.url}` : ''} (${reference.note})`));
  return out.join('\n');
}
