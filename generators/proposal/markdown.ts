import { markdownCell } from '../../src/model';
import { markdownText } from '../text';
import type { Block, Inline, ProposalDocument } from './document';

/** Design text (names, descriptions, locations, sources) mid-line in Markdown: see `markdownText`. */
export const text = markdownText;

/**
 * Text for a table cell: escaped as `text`, but a leading "99." stays as it is (no list can start
 * inside a cell), and never empty (an empty cell shifts nothing, but reads as missing).
 */
export function cell(value: string): string {
  return markdownCell(value) || '&#32;';
}

/** Code as written, between backticks nothing inside can close (CommonMark code spans take no escapes). */
function codeSpan(value: string): string {
  if (value === '') return '';
  const ticks = '`'.repeat(Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${value}${pad}${ticks}`;
}

/** A run mid-line: escaped, its own leading and trailing spaces kept (the escaper trims them). */
function run(value: string, strong: boolean): string {
  if (value === '') return '';
  const lead = /^\s*/.exec(value)![0] ? ' ' : '';
  const trail = /\s$/.test(value) ? ' ' : '';
  const body = lead ? markdownCell(value.trim()) : text(value.trim());
  return `${lead}${strong ? `**${body}**` : body}${trail}`;
}

function inline(content: readonly Inline[]): string {
  return content.map((r) => `${r.code ? codeSpan(r.text) : run(r.text, r.strong === true)}${r.cite !== undefined ? ` [${r.cite}]` : ''}`).join('');
}

/** The longest run of backticks in `value`, plus one: a fence nothing inside can close. */
const fence = (value: string) => '`'.repeat(Math.max(3, ...[...value.matchAll(/`+/g)].map((m) => m[0].length + 1)));

function block(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [inline(b.content), ''];
    case 'heading':
      return [`### ${text(b.text)}`, ''];
    case 'list':
      return [...b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '-'} ${inline(item)}`), ''];
    case 'table': {
      const out = [`| ${b.columns.map((c) => cell(c.title)).join(' | ')} |`, `| ${b.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`];
      for (const row of b.rows) out.push(`| ${row.cells.map((value) => (row.emphasis && value !== '' ? `**${cell(value)}**` : cell(value))).join(' | ')} |`);
      return [...out, ...(b.caption ? ['', text(b.caption)] : []), ''];
    }
    case 'figures':
      return [...b.items.map((item) => `- **${text(item.label)}:** ${text(item.value)} (${text(item.detail)})`), ''];
    case 'diagram':
      // Markdown carries no picture of its own: the HTML, PDF and Word files have the diagram.
      return [`*${text(b.caption)} The diagram is in proposal.html, proposal.pdf and proposal.docx.*`, ''];
    case 'preformatted': {
      const f = fence(b.text);
      return [...(b.caption ? [`*${text(b.caption)}*`, ''] : []), `${f}text`, b.text, f, ''];
    }
  }
}

/** The proposal as Markdown: for a repository or a wiki, the same content as the other formats. */
export function renderMarkdown(proposal: ProposalDocument): string {
  const { cover } = proposal;
  const out: string[] = [`# ${text(proposal.title)}`, ''];
  const facts = [cover.client && `Prepared for ${text(cover.client)}`, cover.consultant && `by ${text(cover.consultant)}`, cover.date && text(cover.date), cover.version && `version ${text(cover.version)}`].filter(Boolean);
  if (facts.length > 0) out.push(facts.join(', '), '');
  const main = proposal.sections.filter((s) => !s.appendix);
  const appendices = proposal.sections.filter((s) => s.appendix);
  for (const section of main) out.push(`## ${text(section.title)}`, '', ...section.blocks.flatMap(block));
  if (proposal.references.length > 0) {
    out.push('## References', '');
    proposal.references.forEach((r, i) => out.push(`${i + 1}\\. ${text(r.title)}${r.url ? ` <${r.url}>` : ''}: ${text(r.note)}`, ''));
  }
  for (const section of appendices) out.push(`## ${text(section.title)}`, '', ...section.blocks.flatMap(block));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
