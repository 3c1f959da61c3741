import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { diagramSvgs, logoImage, pngSize, svgSize, type ProposalAssets } from './assets';
import { hasHeaderRow, type Block, type Inline, type ProposalDocument, type ProposalSection, type TableColumn, type TableRow } from './document';

type Pdf = InstanceType<typeof PDFDocument>;

const INK = '#1b2430';
const MUTED = '#5a6573';
const ACCENT = '#1f5fa8';
const RULE = '#d5dbe3';
const HEADER_FILL = '#eef2f7';

/** PDFKit opens no font at all when its `font` option is null (its types admit only a name). */
const NO_DEFAULT_FONT = null as unknown as string;

/**
 * Each font parsed once, for every document after: PDFKit takes an already-parsed fontkit `Font`
 * (since 0.20), where from bytes it parses the font and decodes its layout tables anew for each PDF
 * (a third of a short proposal's time). Keyed by the caller's bytes, which it reads once.
 */
const parsedFonts = new WeakMap<Uint8Array, Font>();

function parsedFont(bytes: Uint8Array): Font {
  let font = parsedFonts.get(bytes);
  if (!font) {
    // fontkit reads any Uint8Array (as PDFKit passes it); its types ask for Node's Buffer.
    const parsed = create(bytes as Buffer);
    if (!('layout' in parsed)) throw new Error('a proposal font is a font collection, not a single font');
    parsedFonts.set(bytes, (font = parsed));
  }
  return font;
}

/** @types/pdfkit's font sources predate PDFKit taking a fontkit `Font`. */
const fontSource = (bytes: Uint8Array) => parsedFont(bytes) as unknown as string;

const MARGIN = 56;
const BODY = 10;

/**
 * A diagram drawn on a page before its picture is there: PDFKit takes an image it has opened already
 * when the object has a size, and names it on the page by its label. The page's entry for the
 * label is set to the picture's own object once the picture comes (`embedPictures`), before the
 * pages are written out (they are buffered until the document ends).
 */
interface PendingPicture {
  readonly width: number;
  readonly height: number;
  readonly label: string;
  /** Stands for the picture's object until it is embedded: set, so PDFKit does not embed this one itself. */
  readonly obj: object;
}

/** Where a diagram was drawn: the picture of `svg` goes in `xobjects` (a page's) under `label`. */
interface PlacedPicture {
  readonly svg: string;
  readonly label: string;
  readonly xobjects: Record<string, unknown>;
}

const NOT_YET_EMBEDDED = Object.freeze({});

/** Draws the proposal with PDFKit; the layout mirrors the HTML's print stylesheet. */
class Writer {
  readonly width: number;
  /** The diagrams drawn so far, whose pictures are embedded at the end. */
  readonly placed: PlacedPicture[] = [];

  constructor(
    readonly pdf: Pdf,
    /** Each diagram's size, in its SVG's units or its picture's pixels: all the layout needs of it. */
    readonly sizes: ReadonlyMap<string, { width: number; height: number }>,
    readonly mono: boolean,
  ) {
    this.width = pdf.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.pdf.page.height - MARGIN;
  }

  /** A new page when less than `height` is left on this one. */
  ensure(height: number): void {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  heading(title: string, size: number): void {
    this.ensure(size * 4);
    this.pdf.moveDown(0.6).font('bold').fontSize(size).fillColor(INK).text(title, MARGIN, this.pdf.y, { width: this.width });
    if (size >= 14) {
      const y = this.pdf.y + 2;
      this.pdf.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(1.5).strokeColor(ACCENT).stroke();
      this.pdf.y = y + 6;
    } else this.pdf.moveDown(0.2);
  }

  inline(content: readonly Inline[], options: { indent?: number; size?: number } = {}): void {
    const pieces = content.flatMap((run) => [
      ...(run.text !== '' ? [{ text: run.text, font: run.code && this.mono ? 'mono' : run.strong ? 'bold' : 'regular' }] : []),
      ...(run.cite !== undefined ? [{ text: ` [${run.cite}]`, font: 'regular' }] : []),
    ]);
    // PDFKit may break a line where one run meets the next: punctuation that follows a run (a code
    // name, a bold phrase) goes with it, so no line starts with the comma or semicolon after it.
    for (let i = 1; i < pieces.length; i += 1) {
      const lead = /^[,.;:)]+/.exec(pieces[i]!.text)?.[0];
      if (!lead) continue;
      pieces[i - 1] = { ...pieces[i - 1]!, text: pieces[i - 1]!.text + lead };
      pieces[i] = { ...pieces[i]!, text: pieces[i]!.text.slice(lead.length) };
    }
    const runs = pieces.filter((run) => run.text !== '');
    if (runs.length === 0) return;
    const x = MARGIN + (options.indent ?? 0);
    const width = this.width - (options.indent ?? 0);
    this.pdf.fontSize(options.size ?? BODY).fillColor(INK);
    runs.forEach((run, i) => {
      const runOptions = { width, continued: i < runs.length - 1, lineGap: 2 };
      // A continuing run passes its options alone: PDFKit's text(text, x, y, options) defaults x to {},
      // so text(text, undefined, undefined, options) drops the options, ends the paragraph there and
      // starts the next run on a line of its own.
      if (i === 0) this.pdf.font(run.font).text(run.text, x, this.pdf.y, runOptions);
      else this.pdf.font(run.font).text(run.text, runOptions);
    });
  }

  paragraph(content: readonly Inline[]): void {
    this.pdf.font('regular').fontSize(BODY);
    this.ensure(this.pdf.currentLineHeight(true) * 2);
    this.inline(content);
    this.pdf.moveDown(0.5);
  }

  list(items: readonly (readonly Inline[])[], ordered = false): void {
    for (const [n, item] of items.entries()) {
      this.pdf.font('regular').fontSize(BODY);
      this.ensure(this.pdf.currentLineHeight(true) * 2);
      const y = this.pdf.y;
      this.pdf.fillColor(ACCENT).text(ordered ? `${n + 1}.` : '•', MARGIN + 2, y, { width: 12, lineBreak: false });
      this.pdf.y = y;
      this.inline(item, { indent: 14 });
      this.pdf.moveDown(0.25);
    }
    this.pdf.moveDown(0.3);
  }

  /** Column widths from the longest text in each, every column at least a little wide. */
  columnWidths(columns: readonly TableColumn[], rows: readonly TableRow[]): number[] {
    this.pdf.font('regular').fontSize(8.5);
    const want = columns.map((column, i) => {
      const longest = Math.max(this.pdf.widthOfString(column.title), ...rows.slice(0, 200).map((row) => this.pdf.widthOfString(row.cells[i] ?? '')));
      return Math.min(Math.max(longest + 10, 36), this.width * 0.6);
    });
    const total = want.reduce((a, b) => a + b, 0);
    return want.map((w) => (w * this.width) / total);
  }

  table(columns: readonly TableColumn[], rows: readonly TableRow[], caption?: string): void {
    const widths = this.columnWidths(columns, rows);
    const pad = 3;
    const size = 8.5;
    const heightOf = (cells: readonly string[], bold: boolean) => {
      this.pdf.font(bold ? 'bold' : 'regular').fontSize(size);
      const line = this.pdf.currentLineHeight(true);
      // Most cells fit on one line: measuring the width (PDFKit caches each word's layout) is enough,
      // and only a cell that may wrap goes through the line wrapper. The half point spares a cell
      // that fits by a hair from a rounding difference with the wrapper.
      const cellHeight = (cell: string, width: number) => (!cell.includes('\n') && this.pdf.widthOfString(cell) <= width - 0.5 ? line : this.pdf.heightOfString(cell || ' ', { width }));
      return Math.max(...cells.map((cell, i) => cellHeight(cell, widths[i]! - 2 * pad))) + 2 * pad;
    };
    const drawRow = (cells: readonly string[], bold: boolean, height: number, fill?: string) => {
      const y = this.pdf.y;
      if (fill) this.pdf.rect(MARGIN, y, this.width, height).fill(fill);
      let x = MARGIN;
      cells.forEach((cell, i) => {
        this.pdf.font(bold ? 'bold' : 'regular').fontSize(size).fillColor(INK).text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]?.numeric ? 'right' : 'left' });
        x += widths[i]!;
      });
      this.pdf.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
      this.pdf.y = y + height;
    };
    const header = hasHeaderRow(columns) ? columns.map((c) => c.title) : undefined;
    // Laying text out is most of the cost of a table (PDFKit shapes every string): each row's height once.
    const headerHeight = header ? heightOf(header, true) : 0;
    const heights = rows.map((row) => heightOf(row.cells, row.emphasis === true));
    this.ensure(headerHeight + (heights[0] ?? 0));
    if (header) drawRow(header, true, headerHeight, HEADER_FILL);
    rows.forEach((row, i) => {
      const height = heights[i]!;
      if (this.pdf.y + height > this.bottom) {
        this.pdf.addPage();
        if (header) drawRow(header, true, headerHeight, HEADER_FILL);
      }
      drawRow(row.cells, row.emphasis === true, height);
    });
    this.pdf.x = MARGIN;
    if (caption) this.pdf.moveDown(0.3).font('regular').fontSize(8.5).fillColor(MUTED).text(caption, MARGIN, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.8);
  }

  figures(items: readonly { label: string; value: string; detail: string }[]): void {
    const gap = 8;
    const width = (this.width - gap * (items.length - 1)) / items.length;
    const height = 58;
    this.ensure(height + 10);
    const y = this.pdf.y;
    items.forEach((item, i) => {
      const x = MARGIN + i * (width + gap);
      this.pdf.roundedRect(x, y, width, height, 4).lineWidth(0.75).strokeColor(RULE).stroke();
      this.pdf.font('regular').fontSize(7.5).fillColor(MUTED).text(item.label, x + 6, y + 6, { width: width - 12, height: 10, ellipsis: true });
      this.pdf.font('bold').fontSize(13).fillColor(INK).text(item.value, x + 6, y + 18, { width: width - 12, height: 16, ellipsis: true });
      this.pdf.font('regular').fontSize(7.5).fillColor(MUTED).text(item.detail, x + 6, y + 37, { width: width - 12, height: 18, ellipsis: true });
    });
    this.pdf.x = MARGIN;
    this.pdf.y = y + height + 10;
  }

  diagram(svg: string, caption: string): void {
    const size = this.sizes.get(svg);
    if (size) {
      const maxHeight = this.bottom - MARGIN - 40;
      const scale = Math.min(this.width / size.width, maxHeight / size.height);
      const height = size.height * scale;
      this.ensure(height + 24);
      const picture: PendingPicture = { width: size.width, height: size.height, label: `Diagram${this.placed.length + 1}`, obj: NOT_YET_EMBEDDED };
      // @types/pdfkit lists only sources to open; PDFKit also takes an image it has (see PendingPicture).
      this.pdf.image(picture as unknown as ArrayBuffer, MARGIN + (this.width - size.width * scale) / 2, this.pdf.y, { width: size.width * scale, height });
      this.placed.push({ svg, label: picture.label, xobjects: this.pdf.page.xobjects as Record<string, unknown> });
      this.pdf.y += height + 4;
    }
    this.pdf.font('regular').fontSize(8.5).fillColor(MUTED).text(caption, MARGIN, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.8);
  }

  preformatted(text: string, caption?: string): void {
    if (caption) this.pdf.font('regular').fontSize(8.5).fillColor(MUTED).text(caption, MARGIN, this.pdf.y, { width: this.width });
    this.pdf.font(this.mono ? 'mono' : 'regular').fontSize(7.5).fillColor(INK).text(text, MARGIN + 6, this.pdf.y + 2, { width: this.width - 12, lineGap: 1 });
    this.pdf.x = MARGIN;
    this.pdf.moveDown(0.8);
  }

  block(block: Block): void {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(block.content);
      case 'heading':
        return this.heading(block.text, 11.5);
      case 'list':
        return this.list(block.items, block.ordered);
      case 'table':
        return this.table(block.columns, block.rows, block.caption);
      case 'figures':
        return this.figures(block.items);
      case 'diagram':
        return this.diagram(block.svg, block.caption);
      case 'preformatted':
        return this.preformatted(block.text, block.caption);
    }
  }

  section(section: ProposalSection, newPage: boolean): void {
    if (newPage) this.pdf.addPage();
    this.heading(section.title, 15);
    for (const block of section.blocks) this.block(block);
  }
}

function cover(writer: Writer, proposal: ProposalDocument): void {
  const { pdf } = writer;
  const logo = logoImage(proposal);
  let y = MARGIN + 40;
  if (logo) {
    const scale = Math.min(170 / logo.width, 70 / logo.height, 1);
    pdf.image(logo.bytes as unknown as ArrayBuffer, MARGIN, y, { width: logo.width * scale, height: logo.height * scale });
    y += logo.height * scale + 30;
  }
  y = Math.max(y, pdf.page.height * 0.33);
  pdf.font('regular').fontSize(9).fillColor(ACCENT).text(proposal.cover.subtitle.toUpperCase(), MARGIN, y, { width: writer.width, characterSpacing: 1.2 });
  pdf.moveDown(0.4).font('bold').fontSize(26).fillColor(INK).text(proposal.cover.title, MARGIN, pdf.y, { width: writer.width });
  pdf.moveDown(1);
  const facts: [string, string | undefined][] = [
    ['Prepared for', proposal.cover.client],
    ['Prepared by', proposal.cover.consultant],
    ['Date', proposal.cover.date],
    ['Version', proposal.cover.version],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    const line = pdf.y;
    pdf.font('regular').fontSize(10.5).fillColor(MUTED).text(label, MARGIN, line, { width: 90 });
    pdf.font('regular').fontSize(10.5).fillColor(INK).text(value, MARGIN + 100, line, { width: writer.width - 100 });
    pdf.moveDown(0.3);
  }
}

/** Embeds each diagram's picture once and names it on every page that drew the diagram. */
async function embedPictures(pdf: Pdf, placed: readonly PlacedPicture[], pictures: ReadonlyMap<string, Promise<Uint8Array>>): Promise<void> {
  const embedded = new Map<string, unknown>();
  for (const { svg, label, xobjects } of placed) {
    let obj = embedded.get(svg);
    if (obj === undefined) {
      // PDFKit's own PNG embedding, as `image` would have done: an RGB picture's compressed rows go in as they are.
      // openImage is PDFKit's (the images mixin), missing from @types/pdfkit.
      const opener = pdf as unknown as { openImage(src: Uint8Array): { embed(document: Pdf): void; obj: unknown } };
      const image = opener.openImage(await pictures.get(svg)!);
      image.embed(pdf);
      embedded.set(svg, (obj = image.obj));
    }
    xobjects[label] = obj;
  }
}

/**
 * The proposal as a PDF (PDFKit), from the same document as the HTML: cover page, sections,
 * references, then each appendix on a new page; the diagram as the caller's PNG, text in DejaVu.
 */
export async function renderProposalPdf(proposal: ProposalDocument, assets: ProposalAssets): Promise<Uint8Array> {
  // Every picture asked for at once, and the pages laid out while they are drawn: a diagram takes
  // the place its SVG's proportions give it, and its picture is embedded once the pages are done.
  const pictures = new Map(diagramSvgs(proposal).map((svg) => [svg, assets.rasterize(svg)] as const));
  // A picture failing while the pages are laid out is reported when it is awaited, not as unhandled.
  for (const picture of pictures.values()) picture.catch(() => undefined);
  const sizes = new Map<string, { width: number; height: number }>();
  for (const [svg, picture] of pictures) sizes.set(svg, svgSize(svg) ?? pngSize(await picture));
  const pdf = new PDFDocument({
    size: assets.paper ?? 'A4',
    margin: MARGIN,
    // No default font: PDFKit's built-in Helvetica would be read from disk, and cannot set every
    // character. Nor the caller's bytes as the default: PDFKit then caches the registered 'regular'
    // under no name and parses the whole font again on every font('regular') call (and with it
    // loses its cache of laid-out words), which was most of the PDF's time.
    font: NO_DEFAULT_FONT,
    // The proposal's own date, when it has one, as the file's: the same proposal then gives the same bytes.
    info: { Title: proposal.title, ...(proposal.cover.consultant ? { Author: proposal.cover.consultant } : {}), Creator: 'Ninesmith', ...(proposal.cover.date ? { CreationDate: new Date(`${proposal.cover.date}T00:00:00Z`) } : {}) },
    bufferPages: true,
    autoFirstPage: true,
  });
  pdf.registerFont('regular', fontSource(assets.fonts.regular));
  pdf.registerFont('bold', fontSource(assets.fonts.bold));
  if (assets.fonts.mono) pdf.registerFont('mono', fontSource(assets.fonts.mono));
  pdf.font('regular');
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve());
    pdf.on('error', (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
  });
  const writer = new Writer(pdf, sizes, assets.fonts.mono !== undefined);
  cover(writer, proposal);
  const main = proposal.sections.filter((s) => !s.appendix);
  main.forEach((section, i) => writer.section(section, i === 0));
  if (proposal.references.length > 0) {
    pdf.addPage();
    writer.heading('References', 15);
    proposal.references.forEach((r, i) => {
      writer.paragraph([{ text: `${i + 1}. ${r.title}` }, ...(r.url ? [{ text: `: ${r.url}` }] : []), { text: ` (${r.note})` }]);
    });
  }
  for (const section of proposal.sections.filter((s) => s.appendix)) writer.section(section, true);
  // Page numbers, in the bottom margin of every page but the cover.
  const range = pdf.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    // Text in the bottom margin would otherwise start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('regular').fontSize(8).fillColor(MUTED).text(`${proposal.title} · page ${i + 1} of ${range.count}`, MARGIN, pdf.page.height - MARGIN + 18, { width: writer.width, align: 'right', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  await embedPictures(pdf, writer.placed, pictures);
  pdf.end();
  await done;
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
