/**
 * The client proposal in every format at 1,000 components (issue 12's aim: under 1 s): the content
 * model (analysis, pricing, and what applying each suggested change would change), then Markdown
 * and HTML, the PDF and the Word document, as `ninesmith export --only proposal` makes them. The
 * runbooks and Terraform its appendices quote are generated before the clock starts (the export
 * makes them for their own targets). A 1,000-component proposal has no diagram (past
 * MAX_DIAGRAM_COMPONENTS it says why instead), so the same again at 300 components, the largest
 * design it draws: there the PDF and Word times include rasterizing the diagram with resvg, once
 * for both as the command line does, at the command line's size. Also the model alone at 5,000
 * components, where fix effects were 56% of an export before.
 *
 * Run: npm run bench -- proposal   (BENCH_RUNS=N samples; default 5)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticDesign } from '../src/catalog';
import { parsePriceCatalog } from '../src/engine/cost';
import { generateExport } from '../generators';
import { buildProposal, proposalTextFiles } from '../generators/proposal';
import { MAX_DIAGRAM_COMPONENTS } from '../generators/proposal/build';
import { renderProposalDocx } from '../generators/proposal/docx';
import { renderProposalPdf } from '../generators/proposal/pdf';
import { diagramScale } from '../generators/proposal/assets';
import { PROPOSAL_FONT_FILES, readFonts, svgToPng } from '../src/cli/rasterize';
import { ROOT, ms, printAims, printHeader, stats, writeResults, type Aim, type Stats } from './harness';

const SAMPLES = Number(process.env.BENCH_RUNS ?? 5);
const AIM_MS = 1000;

printHeader('proposal', 'the proposal in every format (model, HTML and Markdown, PDF, Word), price catalogs given');
const catalogs = [parsePriceCatalog(JSON.parse(readFileSync(join(ROOT, 'public', 'prices', 'aws.json'), 'utf8')))];
const [regular, bold, mono] = await readFonts(PROPOSAL_FONT_FILES);
const fonts = { regular: regular!, bold: bold!, mono: mono! };

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const STAGES = ['model', 'html+md', 'pdf', 'docx', 'all formats'] as const;
type Stage = (typeof STAGES)[number];

async function run(size: number, samples: number, modelOnly: boolean) {
  const design = syntheticDesign(size, 1);
  const appendices = generateExport(design, { targets: ['runbooks', 'terraform'], catalogs });
  const cpu = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const wall = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  let bytes = 0;
  for (let i = 0; i < samples + 1; i += 1) {
    // A fresh design object each run: no per-design cache survives from one run to the next.
    const model = await timed(() => buildProposal({ ...design }, { catalogs, appendices }));
    const stages: Partial<Record<Stage, { wallMs: number; cpuMs: number }>> = { model };
    if (!modelOnly) {
      const pictures = new Map<string, Promise<Uint8Array>>();
      // At the command line's size, drawn here in this thread so that the PDF's and Word's times include it.
      const rasterize = (svg: string) => pictures.get(svg) ?? pictures.set(svg, svgToPng(svg, diagramScale(svg))).get(svg)!;
      const text = await timed(() => proposalTextFiles(model.value));
      const pdf = await timed(() => renderProposalPdf(model.value, { fonts, rasterize }));
      const docx = await timed(() => renderProposalDocx(model.value, { rasterize }));
      Object.assign(stages, { 'html+md': text, pdf, docx });
      stages['all formats'] = { wallMs: model.wallMs + text.wallMs + pdf.wallMs + docx.wallMs, cpuMs: model.cpuMs + text.cpuMs + pdf.cpuMs + docx.cpuMs };
      bytes = text.value.reduce((n, f) => n + f.contents.length, 0) + pdf.value.byteLength + docx.value.byteLength;
    }
    if (i === 0) continue; // the first run warms the code up
    for (const stage of STAGES) {
      const value = stages[stage];
      if (!value) continue;
      cpu[stage].push(value.cpuMs);
      wall[stage].push(value.wallMs);
    }
  }
  const result = Object.fromEntries(STAGES.filter((s) => cpu[s].length > 0).map((s) => [s, { cpu: stats(cpu[s]), wall: stats(wall[s]) }])) as Partial<Record<Stage, { cpu: Stats; wall: Stats }>>;
  return { size, result, megabytes: bytes / 1e6 };
}

const at1000 = await run(1000, SAMPLES, false);
const withDiagram = await run(MAX_DIAGRAM_COMPONENTS, SAMPLES, false);
const at5000 = await run(5000, Math.max(1, Math.ceil(SAMPLES / 2)), true);
const rows = [at1000, withDiagram, at5000].flatMap(({ size, result }) => (Object.entries(result) as [Stage, { cpu: Stats; wall: Stats }][]).map(([stage, s]) => ({ components: size, stage, 'CPU median': ms(s.cpu.median), 'CPU p95': ms(s.cpu.p95), 'wall median': ms(s.wall.median), n: s.cpu.n })));
console.table(rows);
const all = at1000.result['all formats']!;
const aims: Aim[] = [
  { what: 'proposal in every format (model, HTML, Markdown, PDF, Word), 1,000 components', aim: `< ${AIM_MS} ms`, figure: `${ms(all.cpu.median)} CPU median (wall ${ms(all.wall.median)}), p95 ${ms(all.cpu.p95)}, n ${all.cpu.n}; ${at1000.megabytes.toFixed(1)} MB written`, met: all.cpu.median < AIM_MS },
  {
    what: `proposal PDF and Word with the diagram (rasterized once for both), ${MAX_DIAGRAM_COMPONENTS} components`,
    aim: 'reported',
    figure: `PDF ${ms(withDiagram.result.pdf!.cpu.median)}, Word ${ms(withDiagram.result.docx!.cpu.median)} CPU medians; every format ${ms(withDiagram.result['all formats']!.cpu.median)}, n ${withDiagram.result.pdf!.cpu.n}`,
    met: undefined,
  },
  { what: 'proposal content model, 5,000 components', aim: 'reported', figure: `${ms(at5000.result.model!.cpu.median)} CPU median, n ${at5000.result.model!.cpu.n}`, met: undefined },
];
printAims(aims);
writeResults('proposal', aims, { rows });
