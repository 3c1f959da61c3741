import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesign } from '../catalog';
import { buildProposal, PROPOSAL_DOCX_PATH, PROPOSAL_PDF_PATH, type ProposalDocument } from '../../generators/proposal';
import { renderProposalPdf } from '../../generators/proposal/pdf';
import { proposalFiles } from './proposal-files';
import { PROPOSAL_FONT_FILES, readFonts, svgToPng } from './rasterize';

/**
 * The binary files as a reader gets them: the PDF with its diagram and fonts embedded (poppler's
 * pdfimages, pdffonts and pdftotext), and the Word document's tables and styles as Word reads them.
 */
const repo = new URL('../../', import.meta.url).pathname;
const POPPLER = ['/usr/bin/pdfimages', '/usr/bin/pdffonts', '/usr/bin/pdftotext'];
const poppler = POPPLER.every((tool) => existsSync(tool));

function proposalOf(template: string): ProposalDocument {
  const result = loadDesign(readFileSync(join(repo, 'templates', template), 'utf8'));
  if (!result.ok) throw new Error(`${template} does not load`);
  return buildProposal(result.design);
}

describe('the proposal PDF and Word files', { timeout: 60_000 }, () => {
  let dir: string;
  const files = new Map<string, Uint8Array>();
  const titles = new Map<string, string>();
  const pdfPath = (name: string) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ninesmith-proposal-files-'));
    // Two proposals in one process: the second PDF is made with the fonts the first one parsed.
    for (const [name, template] of [['first', 'single-region-multi-az.yaml'], ['second', 'multi-region-active-passive.yaml']] as const) {
      const proposal = proposalOf(template);
      titles.set(name, proposal.cover.title);
      for (const file of await proposalFiles(proposal)) {
        if (file.path === PROPOSAL_PDF_PATH || file.path === PROPOSAL_DOCX_PATH) files.set(`${name}.${file.path.split('.').pop()}`, file.contents as Uint8Array);
      }
      writeFileSync(pdfPath(name), files.get(`${name}.pdf`)!);
    }
    // Two PDFs and two Word files with the fonts and the rendered diagram: seconds on a quiet machine,
    // several times that on a busy one, beyond the hooks' default 10 s.
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!poppler)('draws the diagram in the PDF as one opaque RGB picture', () => {
    for (const name of ['first', 'second']) {
      const images = execFileSync('/usr/bin/pdfimages', ['-list', pdfPath(name)], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
      expect(images, name).toHaveLength(1);
      // page num type width height color comp bpc ...: an image, not a soft mask, in RGB.
      const [, , type, width, , color, comp] = images[0]!.trim().split(/\s+/);
      expect([type, color, comp]).toEqual(['image', 'rgb', '3']);
      expect(Number(width)).toBeGreaterThan(1000);
    }
  });

  it.skipIf(!poppler)('embeds the fonts each PDF sets its text in, and carries its text, when a second PDF reuses the parsed fonts', () => {
    for (const name of ['first', 'second']) {
      const fonts = execFileSync('/usr/bin/pdffonts', [pdfPath(name)], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
      expect(fonts.map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort(), name).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
      // Embedded and subset: name, type, encoding, emb, sub, uni.
      for (const line of fonts) expect(line.split(/\s+/).slice(-5, -2), line).toEqual(['yes', 'yes', 'yes']);
      const text = execFileSync('/usr/bin/pdftotext', [pdfPath(name), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain(titles.get(name)!.replace(/\s+/g, ' '));
      expect(text).toContain('Risk register');
    }
  });

  it('sets Word tables with the table\'s own borders and margins and the document\'s paragraph styles', () => {
    const docx = unzipSync(files.get('first.docx')!);
    const xml = strFromU8(docx['word/document.xml']!);
    const styles = strFromU8(docx['word/styles.xml']!);
    for (const id of ['TableText', 'TableFigure', 'ProposalCaption']) expect(styles, id).toContain(`w:styleId="${id}"`);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      expect(table).toContain('<w:tblBorders>');
      expect(table).toContain('<w:tblCellMar>');
      expect(table).not.toContain('<w:tcBorders>');
      // Every cell's paragraph is table text, its figures right-aligned by their style.
      const cells = table.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
      for (const cell of cells) expect(cell).toMatch(/<w:pStyle w:val="Table(Text|Figure)"\/>/);
    }
    // The diagram as SVG with its PNG fallback.
    expect(Object.keys(docx).filter((path) => path.startsWith('word/media/')).map((path) => path.split('.').pop()).sort()).toEqual(['png', 'svg']);
  });
});

describe('the proposal PDF and its diagram\'s picture', { timeout: 60_000 }, () => {
  const fontsOf = async () => {
    const [regular, bold, mono] = await readFonts(PROPOSAL_FONT_FILES);
    return { regular: regular!, bold: bold!, mono: mono! };
  };

  it.skipIf(!poppler)('lays out the pages without the picture and embeds it when it comes, on the diagram\'s page', async () => {
    const proposal = proposalOf('single-region-multi-az.yaml');
    let deliver: () => void = () => undefined;
    let asked = 0;
    const rasterize = (svg: string) => {
      asked += 1;
      return new Promise<Uint8Array>((resolve) => {
        deliver = () => void svgToPng(svg, 0.5).then(resolve);
      });
    };
    const rendering = renderProposalPdf(proposal, { fonts: await fontsOf(), rasterize });
    // The pages are laid out in the call itself; the picture comes a turn later.
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toBe(1);
    deliver();
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-late-picture-'));
    try {
      const path = join(dir, 'late.pdf');
      writeFileSync(path, await rendering);
      const images = execFileSync('/usr/bin/pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() !== '');
      expect(images).toHaveLength(1);
      const page = Number(images[0]!.trim().split(/\s+/)[0]);
      const text = execFileSync('/usr/bin/pdftotext', ['-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
      expect(text).toContain('Figure 1.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with the picture\'s own error when it cannot be drawn', async () => {
    const proposal = proposalOf('single-region-multi-az.yaml');
    await expect(renderProposalPdf(proposal, { fonts: await fontsOf(), rasterize: () => Promise.reject(new Error('no picture today')) })).rejects.toThrow('no picture today');
  });
});
