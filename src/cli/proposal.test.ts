import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDowntime, formatEstimate, formatModelled, formatModelledRange, formatMoney } from '../engine/format';
import { LAYER_TITLES, type Layer } from '../catalog';
import { runCli } from './main';

/**
 * The proposal's figures are the command line's: every journey's modelled availability, range and
 * downtime, the monthly total, its range and each layer, and each recovery estimate are the figures
 * `validate --format json` and `cost --format json` give for the same design, in all four files.
 */
const repo = new URL('../../', import.meta.url).pathname;
const PDFTOTEXT = '/usr/bin/pdftotext';
const TEMPLATES = ['templates/single-region-multi-az.yaml', 'templates/multi-region-active-passive.yaml'];

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: () => {}, cwd: repo });
  return { code, stdout: out.join('') };
}

interface JsonJourney {
  name: string;
  modelled: { availability: number; low: number; high: number; downtimeMinutesPerMonth: number } | null;
}
interface JsonScenario {
  title: string;
  rto: number | null;
  rpo: number | null;
}

/** Whitespace as one space: PDF and Word text wraps where the page does. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each(TEMPLATES)('the proposal files of %s', (template) => {
  let dir: string;
  let validate: { journeys: JsonJourney[]; recovery: JsonScenario[] };
  let cost: { monthly: number; range: { low: number; high: number }; byLayer: Record<string, number>; currency: string };
  let name: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ninesmith-proposal-'));
    expect((await run('export', template, '--out', dir, '--only', 'proposal', '--no-price-book')).code).toBe(0);
    const v = await run('validate', template, '--format', 'json');
    validate = JSON.parse(v.stdout);
    cost = JSON.parse((await run('cost', template, '--format', 'json', '--no-price-book')).stdout);
    name = /^name: "?(.*?)"?$/m.exec(readFileSync(join(repo, template), 'utf8'))![1]!;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (ext: string) => join(dir, 'proposal', `proposal.${ext}`);

  it('writes the proposal as HTML, PDF, Word and Markdown', () => {
    for (const ext of ['html', 'pdf', 'docx', 'md']) expect(existsSync(file(ext)), ext).toBe(true);
    expect(readFileSync(file('pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Object.keys(unzipSync(readFileSync(file('docx'))))).toContain('word/document.xml');
  });

  it('states in Markdown and HTML the figures the JSON gives', () => {
    const markdown = readFileSync(file('md'), 'utf8');
    const html = readFileSync(file('html'), 'utf8');
    const money = (amount: number) => formatMoney(amount, cost.currency);
    for (const journey of validate.journeys) {
      const m = journey.modelled!;
      const shown = formatModelled(m.availability, m.low, m.high).value;
      expect(markdown).toContain(`| ${journey.name} | ${shown} | ${formatModelledRange(m.availability, m.low, m.high)} | ${formatDowntime(m.downtimeMinutesPerMonth)} |`);
      expect(html).toContain(`<td class="num">${shown}</td>`);
    }
    expect(markdown).toContain(`| **Total** | **${money(cost.monthly)}** | **${money(cost.range.low)} to ${money(cost.range.high)}** |`);
    for (const [layer, amount] of Object.entries(cost.byLayer)) expect(markdown).toContain(`| ${LAYER_TITLES[layer as Layer]} | ${money(amount)} |`);
    // Each worst case in the recovery table is a scenario of the JSON, with its RTO and RPO.
    const table = markdown.split('## Recovery against the service tier')[1]!.split('\n## ')[0]!;
    const rows = table.split('\n').filter((line) => line.startsWith('| Worst') || line.startsWith('| Primary'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [, worst, rto, rpo] = row.split(' | ');
      if (worst === 'none in this design') continue;
      const byTitle = (title: string) => validate.recovery.find((s) => s.title === title.replace(/ \((time|data)\)$/, ''));
      const [rtoTitle, rpoTitle] = worst!.includes('; ') ? worst!.split('; ') : [worst!, worst!];
      expect(formatEstimate(byTitle(rtoTitle!)!.rto), row).toBe(rto);
      expect(formatEstimate(byTitle(rpoTitle!)!.rpo), row).toBe(rpo);
    }
  });

  it.skipIf(!existsSync(PDFTOTEXT))('carries in the PDF the design name, the monthly total and each journey\'s modelled figure (pdftotext)', () => {
    const text = flat(execFileSync(PDFTOTEXT, ['-layout', file('pdf'), '-'], { encoding: 'utf8' }));
    const raw = flat(execFileSync(PDFTOTEXT, [file('pdf'), '-'], { encoding: 'utf8' }));
    expect(raw).toContain(flat(name));
    expect(text).toContain(formatMoney(cost.monthly, cost.currency));
    for (const journey of validate.journeys) expect(text).toContain(formatModelled(journey.modelled!.availability, journey.modelled!.low, journey.modelled!.high).value);
  });

  it.skipIf(!existsSync(PDFTOTEXT))('keeps a paragraph\'s bold words, citations and the punctuation after them on one flowing line in the PDF', () => {
    const lines = execFileSync(PDFTOTEXT, ['-layout', file('pdf'), '-'], { encoding: 'utf8' }).split('\n');
    // A run that ended its paragraph early would push what follows it (", because", ", not a forecast") to a line of its own.
    expect(lines.filter((line) => /^\s*[,.;:)]/.test(line))).toEqual([]);
  });

  it('carries in the Word document the design name, the monthly total and each journey\'s modelled figure', () => {
    const xml = strFromU8(unzipSync(readFileSync(file('docx')))['word/document.xml']!);
    const text = xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    expect(text).toContain(name);
    expect(text).toContain(formatMoney(cost.monthly, cost.currency));
    for (const journey of validate.journeys) expect(text).toContain(formatModelled(journey.modelled!.availability, journey.modelled!.low, journey.modelled!.high).value);
  });
});

describe('ninesmith compare --proposal', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ninesmith-options-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one proposal presenting the designs as options, the recommended one marked', async () => {
    const { code } = await run('compare', ...TEMPLATES, '--proposal', dir, '--no-price-book');
    expect(code).toBe(0);
    for (const ext of ['html', 'pdf', 'docx', 'md']) expect(existsSync(join(dir, `proposal.${ext}`)), ext).toBe(true);
    const markdown = readFileSync(join(dir, 'proposal.md'), 'utf8');
    expect(markdown).toMatch(/^## The options side by side$/m);
    expect(markdown.match(/\(recommended\)/g)?.length).toBeGreaterThanOrEqual(2);
    // A second run overwrites what the first wrote.
    expect((await run('compare', ...TEMPLATES, '--proposal', dir, '--no-price-book')).code).toBe(0);
  }, 120_000);
});
