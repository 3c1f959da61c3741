import MarkdownIt from 'markdown-it';
import type { Block, Inline, TableRow } from './document';

/**
 * A runbook (Markdown, as generators/runbooks writes it for a repository) as the proposal's own blocks,
 * so the appendix reads as the rest of the document does in HTML, PDF and Word: no Markdown syntax,
 * no `<br>` in a table cell, and no table or cell that lists a thousand components.
 */

/** Rows of a runbook's table printed in the proposal; the runbook file delivered with it has them all. */
export const MAX_RUNBOOK_TABLE_ROWS = 12;
/** Entries of one table cell (the components a runbook covers, one per line in the file) printed in the proposal. */
export const MAX_CELL_ENTRIES = 8;

// Raw HTML stays text: a runbook quotes names from the design, which must never become markup.
const markdown = new MarkdownIt({ html: false, linkify: false });

type Token = ReturnType<typeof markdown.parse>[number];

/** Text and link text as plain runs, code as code, bold as bold; line breaks as spaces. */
function inlines(token: Token | undefined): Inline[] {
  const runs: Inline[] = [];
  let strong = false;
  const push = (text: string, code = false) => {
    const last = runs[runs.length - 1];
    if (last && Boolean(last.strong) === strong && Boolean(last.code) === code) runs[runs.length - 1] = { ...last, text: last.text + text };
    else runs.push(code ? { text, code: true } : strong ? { text, strong: true } : { text });
  };
  for (const child of token?.children ?? []) {
    if (child.type === 'text') push(child.content);
    else if (child.type === 'code_inline') push(child.content, true);
    else if (child.type === 'strong_open') strong = true;
    else if (child.type === 'strong_close') strong = false;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') push(' ');
  }
  return runs;
}

const plain = (token: Token | undefined): string => inlines(token).map((run) => run.text).join('');

/** A cell's entries, one per `<br>` in the file, cut to the first few with the count of the rest. */
function cellText(token: Token | undefined): string {
  const entries = plain(token).split(/<br\s*\/?>/i).map((entry) => entry.trim()).filter(Boolean);
  if (entries.length <= MAX_CELL_ENTRIES) return entries.join('; ');
  return `${entries.slice(0, MAX_CELL_ENTRIES).join('; ')}; and ${entries.length - MAX_CELL_ENTRIES} more`;
}

/**
 * The blocks of a runbook's body (after its title). Its section titles become bold lead-ins, under
 * the runbook's own heading; numbered steps stay numbered. `file` is where the full runbook is, named
 * when a table is cut short.
 */
export function runbookBlocks(source: string, file: string): Block[] {
  const tokens = markdown.parse(source, {});
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open':
        blocks.push({ kind: 'paragraph', content: [{ text: plain(tokens[i + 1]), strong: true }] });
        i += 2;
        break;
      case 'paragraph_open':
        blocks.push({ kind: 'paragraph', content: inlines(tokens[i + 1]) });
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = token.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
        const items: Inline[][] = [];
        let depth = 0;
        for (i += 1; i < tokens.length && !(tokens[i]!.type === close && depth === 0); i += 1) {
          const inner = tokens[i]!;
          if (inner.type === 'bullet_list_open' || inner.type === 'ordered_list_open') depth += 1;
          else if (inner.type === 'bullet_list_close' || inner.type === 'ordered_list_close') depth -= 1;
          // Each item's text; an item nested in another is listed after it.
          else if (inner.type === 'inline') items.push(inlines(inner));
        }
        blocks.push(token.type === 'ordered_list_open' ? { kind: 'list', ordered: true, items } : { kind: 'list', items });
        break;
      }
      case 'table_open': {
        const header: string[] = [];
        const rows: TableRow[] = [];
        let row: string[] | null = null;
        let inHead = false;
        for (i += 1; i < tokens.length && tokens[i]!.type !== 'table_close'; i += 1) {
          const inner = tokens[i]!;
          if (inner.type === 'thead_open') inHead = true;
          else if (inner.type === 'thead_close') inHead = false;
          else if (inner.type === 'tr_open') row = [];
          else if (inner.type === 'tr_close' && row) {
            if (!inHead) rows.push({ cells: row });
            row = null;
          } else if (inner.type === 'inline' && row) {
            if (inHead) header.push(plain(inner));
            else row.push(cellText(inner));
          }
        }
        const shown = rows.slice(0, MAX_RUNBOOK_TABLE_ROWS);
        const cut = rows.length - shown.length;
        blocks.push({
          kind: 'table',
          columns: header.map((title) => ({ title })),
          rows: shown,
          ...(cut > 0 ? { caption: `The first ${shown.length} of ${rows.length} rows; ${file} has them all.` } : {}),
        });
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'preformatted', text: token.content.trimEnd() });
        break;
      default:
        break;
    }
  }
  return blocks;
}
