import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow as DocxTableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { diagramImages, logoImage, type ProposalAssets } from './assets';
import { hasHeaderRow, type Block, type Inline, type ProposalDocument, type ProposalSection } from './document';

const FONT = 'DejaVu Sans';
const MONO = 'DejaVu Sans Mono';
/** Usable width of an A4 page with 2 cm margins, in pixels at 96 to the inch (what ImageRun takes). */
const CONTENT_PX = 642;
const RULE = 'D5DBE3';

function runs(content: readonly Inline[]): ParagraphChild[] {
  return content.flatMap((run) => [
    ...(run.text !== '' ? [new TextRun(run.code ? { text: run.text, font: MONO } : { text: run.text, bold: run.strong === true })] : []),
    ...(run.cite !== undefined ? [new TextRun({ text: `[${run.cite}]`, superScript: true, color: '1F5FA8' })] : []),
  ]);
}

const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };

/**
 * The document's own paragraph styles, named as Word shows them: table text, figures (right-aligned),
 * captions and source code are each set once here rather than on every cell and run, so a
 * consultant restyles all of one kind at once (and a long table is a fraction of the XML).
 */
const STYLES = {
  tableText: 'TableText',
  tableFigure: 'TableFigure',
  caption: 'ProposalCaption',
  code: 'SourceCode',
} as const;

const PARAGRAPH_STYLES = [
  { id: STYLES.tableText, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { size: 17 } },
  { id: STYLES.tableFigure, name: 'Table Figure', basedOn: STYLES.tableText, quickFormat: true, paragraph: { alignment: AlignmentType.RIGHT } },
  { id: STYLES.caption, name: 'Proposal Caption', basedOn: 'Normal', quickFormat: true, run: { italics: true, size: 17 } },
  { id: STYLES.code, name: 'Source Code', basedOn: 'Normal', quickFormat: true, run: { font: MONO, size: 15 }, paragraph: { shading: { type: ShadingType.CLEAR, fill: 'F6F8FA', color: 'auto' }, spacing: { after: 160 } } },
];

const caption = (text: string, after?: number) => new Paragraph({ style: STYLES.caption, children: [new TextRun(text)], ...(after !== undefined ? { spacing: { after } } : {}) });

/** A table whose borders and cell margins are the table's own (Word's tblBorders and tblCellMar), not each cell's. */
function table(columns: readonly { title: string; numeric?: boolean }[], rows: readonly { cells: readonly string[]; emphasis?: boolean }[]): Table {
  const cell = (value: string, numeric: boolean | undefined, bold: boolean, fill?: string) =>
    new TableCell({
      children: [new Paragraph({ style: numeric ? STYLES.tableFigure : STYLES.tableText, children: [bold ? new TextRun({ text: value, bold }) : new TextRun(value)] })],
      ...(fill ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } } : {}),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: [
      ...(hasHeaderRow(columns) ? [new DocxTableRow({ tableHeader: true, children: columns.map((c) => cell(c.title, c.numeric, true, 'EEF2F7')) })] : []),
      ...rows.map((row) => new DocxTableRow({ cantSplit: true, children: row.cells.map((value, i) => cell(value, columns[i]?.numeric, row.emphasis === true)) })),
    ],
  });
}

/**
 * The proposal as a Word document (the docx library) the consultant can edit: Word's own heading
 * styles (so its navigation pane and table of contents work), real tables, the diagram as SVG with a
 * PNG fallback, references as links, and each appendix on a new page.
 */
export async function renderProposalDocx(proposal: ProposalDocument, assets: Pick<ProposalAssets, 'rasterize'>): Promise<Uint8Array> {
  const images = await diagramImages(proposal, assets.rasterize);
  const encoder = new TextEncoder();
  const block = (b: Block): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'paragraph':
        return [new Paragraph({ children: runs(b.content), spacing: { after: 120 } })];
      case 'heading':
        return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(b.text)] })];
      case 'list':
        // Numbered steps carry their number as text: the same in every Word, with no numbering definition to keep in step.
        return b.ordered
          ? b.items.map((item, n) => new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun(`${n + 1}.\t`), ...runs(item)] }))
          : b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
      case 'table':
        return [table(b.columns, b.rows), b.caption ? caption(b.caption, 120) : new Paragraph({ children: [], spacing: { after: 120 } })];
      case 'figures':
        return [table(b.items.map((item) => ({ title: item.label })), [{ cells: b.items.map((item) => item.value), emphasis: true }, { cells: b.items.map((item) => item.detail) }]), new Paragraph({ children: [] })];
      case 'diagram': {
        const image = images.get(b.svg);
        const out: Paragraph[] = [];
        if (image) {
          const scale = Math.min(1, CONTENT_PX / image.width, 820 / image.height);
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new ImageRun({
                  type: 'svg',
                  data: encoder.encode(b.svg),
                  fallback: { type: 'png', data: image.png },
                  transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
                  altText: { name: 'Architecture diagram', description: b.caption, title: b.caption },
                }),
              ],
            }),
          );
        }
        out.push(caption(b.caption, 160));
        return out;
      }
      case 'preformatted':
        return [
          ...(b.caption ? [caption(b.caption)] : []),
          new Paragraph({ style: STYLES.code, children: b.text.split('\n').map((line, i) => (i > 0 ? new TextRun({ text: line, break: 1 }) : new TextRun(line))) }),
        ];
    }
  };
  const section = (s: ProposalSection, pageBreak: boolean): (Paragraph | Table)[] => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: pageBreak, children: [new TextRun(s.title)] }),
    ...s.blocks.flatMap(block),
  ];
  const logo = logoImage(proposal);
  const coverFacts: [string, string | undefined][] = [
    ['Prepared for', proposal.cover.client],
    ['Prepared by', proposal.cover.consultant],
    ['Date', proposal.cover.date],
    ['Version', proposal.cover.version],
  ];
  const cover: Paragraph[] = [
    ...(logo
      ? [
          new Paragraph({
            children: [
              new ImageRun({
                type: logo.mime === 'image/png' ? 'png' : 'jpg',
                data: logo.bytes,
                transformation: { width: Math.round(logo.width * Math.min(1, 220 / logo.width, 90 / logo.height)), height: Math.round(logo.height * Math.min(1, 220 / logo.width, 90 / logo.height)) },
                altText: { name: 'Logo', description: 'Logo', title: 'Logo' },
              }),
            ],
            spacing: { after: 1200 },
          }),
        ]
      : [new Paragraph({ children: [], spacing: { before: 2400 } })]),
    new Paragraph({ children: [new TextRun({ text: proposal.cover.subtitle.toUpperCase(), color: '1F5FA8', size: 18 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(proposal.cover.title)], spacing: { after: 480 } }),
    ...coverFacts.filter(([, value]) => value).map(([label, value]) => new Paragraph({ children: [new TextRun({ text: `${label}: `, color: '5A6573' }), new TextRun(value!)] })),
  ];
  const main = proposal.sections.filter((s) => !s.appendix);
  const references: Paragraph[] =
    proposal.references.length > 0
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('References')] }),
          ...proposal.references.map(
            (r, i) =>
              new Paragraph({
                children: [
                  new TextRun(`${i + 1}. ${r.title}`),
                  ...(r.url ? [new TextRun(': '), new ExternalHyperlink({ link: r.url, children: [new TextRun({ text: r.url, style: 'Hyperlink' })] })] : []),
                  new TextRun({ text: ` (${r.note})`, color: '5A6573' }),
                ],
                spacing: { after: 80 },
              }),
          ),
        ]
      : [];
  const doc = new Document({
    title: proposal.title,
    creator: proposal.cover.consultant ?? 'Ninesmith',
    styles: { default: { document: { run: { font: FONT, size: 20 } } }, paragraphStyles: PARAGRAPH_STYLES },
    sections: [
      { children: cover },
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${proposal.title} · page `, size: 16, color: '5A6573' }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '5A6573' })] })] }) },
        children: [...main.flatMap((s) => section(s, false)), ...references, ...proposal.sections.filter((s) => s.appendix).flatMap((s) => section(s, true))],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
