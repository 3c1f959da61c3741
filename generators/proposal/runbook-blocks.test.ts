import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../templates/shipped';
import { generateExport } from '..';
import { strFromU8, unzipSync } from 'fflate';
import type { Block, ProposalDocument } from './document';
import { renderProposalDocx } from './docx';
import { renderHtml } from './html';
import { MAX_CELL_ENTRIES, MAX_RUNBOOK_TABLE_ROWS, runbookBlocks } from './runbook-blocks';

/** Every piece of text a block shows. */
function texts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.content.map((run) => run.text);
      case 'list':
        return block.items.flatMap((item) => item.map((run) => run.text));
      case 'table':
        return [...block.columns.map((column) => column.title), ...block.rows.flatMap((row) => row.cells), block.caption ?? ''];
      case 'heading':
        return [block.text];
      default:
        return [];
    }
  });
}

describe('a runbook in the proposal', () => {
  it('reads without Markdown syntax: section titles in bold, steps numbered, tables as tables, for every runbook of every template', () => {
    for (const [id, design] of shippedTemplates()) {
      const runbooks = generateExport(design, { targets: ['runbooks'] }).filter((file) => file.path !== 'runbooks/README.md');
      expect(runbooks.length, id).toBeGreaterThan(0);
      for (const file of runbooks) {
        const blocks = runbookBlocks((file.contents as string).replace(/^# .*\n+/, ''), file.path);
        const where = `${id} ${file.path}`;
        for (const text of texts(blocks)) expect(text, where).not.toMatch(/`|\*\*|<br>|^#+ |^\|/);
        expect(blocks.filter((b) => b.kind === 'paragraph' && b.content[0]?.strong).length, where).toBeGreaterThan(2);
        expect(blocks.some((b) => b.kind === 'table'), where).toBe(true);
      }
    }
  });

  it('keeps numbered steps numbered, bullets as bullets, and commands and names as code', () => {
    const blocks = runbookBlocks('## Recovery\n\n1. First `db`\n2. Then **check** it\n\n- a note\n', 'runbooks/x.md');
    expect(blocks).toEqual([
      { kind: 'paragraph', content: [{ text: 'Recovery', strong: true }] },
      { kind: 'list', ordered: true, items: [[{ text: 'First ' }, { text: 'db', code: true }], [{ text: 'Then ' }, { text: 'check', strong: true }, { text: ' it' }]] },
      { kind: 'list', items: [[{ text: 'a note' }]] },
    ]);
  });

  it('prints the first rows of a long table and the first entries of a long cell, and says where the rest is', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `| scenario ${i} | ${Array.from({ length: 20 }, (_, k) => `\`c${k}\``).join('<br>')} |`);
    const [table] = runbookBlocks(`| scenario | components |\n| --- | --- |\n${rows.join('\n')}\n`, 'runbooks/zone-loss.md');
    expect(table).toMatchObject({ kind: 'table', columns: [{ title: 'scenario' }, { title: 'components' }], caption: `The first ${MAX_RUNBOOK_TABLE_ROWS} of 30 rows; runbooks/zone-loss.md has them all.` });
    if (table?.kind !== 'table') throw new Error('not a table');
    expect(table.rows).toHaveLength(MAX_RUNBOOK_TABLE_ROWS);
    expect(table.rows[0]!.cells[1]).toBe(`${Array.from({ length: MAX_CELL_ENTRIES }, (_, k) => `c${k}`).join('; ')}; and ${20 - MAX_CELL_ENTRIES} more`);
  });

  it('keeps markup in a design\'s names as text', () => {
    const blocks = runbookBlocks('Design: <script>alert(1)</script> (`x`).\n', 'runbooks/x.md');
    expect(blocks).toEqual([{ kind: 'paragraph', content: [{ text: 'Design: <script>alert(1)</script> (' }, { text: 'x', code: true }, { text: ').' }] }]);
  });

  it('prints a table of facts (no column titles) without an empty header row, in HTML and Word', async () => {
    const [, design] = shippedTemplates()[0]!;
    const runbook = generateExport(design, { targets: ['runbooks'] }).find((file) => file.path !== 'runbooks/README.md')!;
    const facts = runbookBlocks(runbook.contents as string, runbook.path).find((block) => block.kind === 'table');
    expect(facts?.kind === 'table' && facts.columns.every((column) => column.title === '')).toBe(true);
    const titled: Block = { kind: 'table', columns: [{ title: 'File' }, { title: 'Lines', numeric: true }], rows: [{ cells: ['main.tf', '12'] }] };
    const proposal: ProposalDocument = { title: 't', cover: { title: 't', subtitle: 's' }, sections: [{ id: 'a', title: 'A', appendix: true, blocks: [facts!, titled] }], references: [] };
    expect(renderHtml(proposal).match(/<thead>/g)).toHaveLength(1);
    const documentXml = strFromU8(unzipSync(await renderProposalDocx(proposal, { rasterize: () => Promise.reject(new Error('no diagram')) }))['word/document.xml']!);
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(documentXml.match(/<w:tbl>/g)).toHaveLength(2);
  });
});
