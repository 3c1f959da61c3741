import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDesign, syntheticDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { analyzeDesign, ALL_RULES, compareDesigns, estimateCost, formatModelled, formatMoney, formatMoneyDelta, parsePriceCatalog } from '../../src/engine';
import awsCatalog from '../../public/prices/aws.json';
import { HOSTILE_FRAGMENTS, withNames } from '../testing';
import { buildOptionsProposal, buildProposal, documentText, generateProposal, MAX_DETAILED_FINDINGS, MAX_README_CHARACTERS, PROPOSAL_HTML_PATH, PROPOSAL_PATH, type ProposalDocument } from './index';
import { describeChange, fixEffects, MAX_FIX_EFFECTS } from './fix-effects';

const here = dirname(fileURLToPath(import.meta.url));
const templateDir = join(here, '..', '..', 'templates');
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();
const catalogs = [parsePriceCatalog(awsCatalog, 'public/prices/aws.json')];
const updating = process.env.UPDATE_GOLDEN === '1';

function load(path: string): Design {
  const result = loadDesign(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

/** The document as JSON, each diagram's SVG replaced by its digest (the diagram has its own tests). */
function modelJson(document: ProposalDocument): string {
  return `${JSON.stringify(document, (key, value: unknown) => (key === 'svg' && typeof value === 'string' ? `svg sha256:${createHash('sha256').update(value).digest('hex').slice(0, 16)}` : value), 1)}\n`;
}

describe.each(templates)('the proposal of %s', (template) => {
  const design = load(join(templateDir, template));
  const document = buildProposal(design, { catalogs });
  const all = documentText(document);

  it('matches its golden content model (npm run golden:update for intended changes)', () => {
    const path = join(here, '__model__', template.replace(/\.yaml$/, '.json'));
    if (updating || !existsSync(path)) {
      if (!updating) throw new Error(`no golden content model ${path}: run npm run golden:update, review and commit it`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, modelJson(document));
      return;
    }
    expect(modelJson(document)).toBe(readFileSync(path, 'utf8'));
  });

  it('has the sections a client reads, in order, and the diagram', () => {
    expect(document.sections.filter((s) => !s.appendix).map((s) => s.title)).toEqual(['Executive summary', 'The design', 'Availability', 'Recovery against the service tier', 'Cost', 'Risk register', 'Assumptions and exclusions', 'Next steps']);
    expect(document.sections.some((s) => s.blocks.some((b) => b.kind === 'diagram' && b.svg.startsWith('<svg')))).toBe(true);
    expect(document.sections.find((s) => s.id === 'appendix-runbooks')).toBeUndefined();
  });

  it('states each journey\'s modelled figure and the monthly total as the engine gives them', () => {
    const analysis = analyzeDesign(design);
    for (const journey of analysis.journeys) {
      const m = journey.modelled!;
      expect(all).toContain(`${journey.name} | ${formatModelled(m.availability, m.low, m.high).value}`);
    }
    expect(all).toContain(`Total | ${formatMoney(estimateCost(design, catalogs).monthly)}`);
  });

  it('names no internal rule id in its prose, and cites no test output as a first-party price', () => {
    // Ids of two words ("single-zone") are ordinary English; longer ones read only as ids.
    for (const rule of ALL_RULES.filter((r) => r.id.split('-').length >= 3)) expect(all).not.toContain(rule.id);
    for (const reference of document.references) {
      if (/infracost|ec2instances|infratally/.test(reference.url ?? '')) expect(reference.note).toMatch(/secondary source/);
      expect(reference.title).not.toMatch(/reliability-rules\.md|pages corpus/);
    }
    expect(new Set(document.references.map((r) => r.url ?? r.title)).size).toBe(document.references.length);
  });

  it('files a missed availability target as a high risk, never as a note', () => {
    const missed = analyzeDesign(design).findings.filter((f) => f.rule === 'availability-below-target' && !f.suppressed);
    const register = document.sections.find((s) => s.id === 'risks')!;
    const table = register.blocks.find((b) => b.kind === 'table');
    for (const finding of missed) {
      const row = table?.kind === 'table' ? table.rows.find((r) => r.cells[2]!.startsWith(`${finding.title}. ${finding.message}`)) : undefined;
      expect(row?.cells[1]).toMatch(/High|Critical/);
    }
  });
});

describe('the proposal', () => {
  it('states the risks the client accepted with the reason given', () => {
    const design = load(join(templateDir, 'first-launch-common-mistakes.yaml'));
    const finding = analyzeDesign(design).findings.find((f) => !f.suppressed && f.components.length > 0)!;
    const accepted = { ...design, suppressions: [...(design.suppressions ?? []), { rule: finding.rule, component: finding.components[0]!, reason: 'The client runs this batch job only at night.' }] };
    const all = documentText(buildProposal(accepted, { catalogs }));
    expect(all).toMatch(/Accepted risks \(\d+\)/);
    expect(all).toContain('The client runs this batch job only at night.');
  });

  it('puts the cover settings of the design on the cover', () => {
    const design = { ...load(join(templateDir, 'single-region-multi-az.yaml')), proposal: { client: 'Acme Ltd', consultant: 'Jo Consultant', date: '2026-11-30', version: '1.2' } };
    const document = buildProposal(design, { catalogs });
    expect(document.cover).toMatchObject({ client: 'Acme Ltd', consultant: 'Jo Consultant', date: '2026-11-30', version: '1.2' });
    const html = generateProposal(design, { catalogs }).find((f) => f.path === PROPOSAL_HTML_PATH)!.contents;
    expect(html).toContain('<dt>Prepared for</dt><dd>Acme Ltd</dd>');
  });

  it('writes HTML that fetches nothing and runs no script', () => {
    const files = generateProposal(load(join(templateDir, 'multi-region-active-passive.yaml')), { catalogs });
    expect(files.map((f) => f.path)).toEqual([PROPOSAL_HTML_PATH, PROPOSAL_PATH]);
    const html = files[0]!.contents;
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<iframe|\ssrc="(?!data:)|url\((?!#)/i);
    expect(html).toMatch(/<figure class="diagram"><svg /);
  });

  it('keeps hostile names from adding tags, headings or table cells', () => {
    const design = withNames(load(join(templateDir, 'single-region-multi-az.yaml')), (_kind, index) => HOSTILE_FRAGMENTS[index % HOSTILE_FRAGMENTS.length]!, { locations: false });
    const [html, markdown] = generateProposal(design, { catalogs }).map((f) => f.contents);
    expect(html).not.toMatch(/<script>|<img src=x/i);
    expect(markdown!.split('\n').filter((line) => line.startsWith('## '))).toHaveLength(9);
    expect(markdown).not.toMatch(/<script>|\]\(https:\/\/evil/);
  });
});

describe('what applying a suggested change would change', () => {
  const design = load(join(here, '..', '..', 'src', 'engine', 'compare', 'fixtures', 'api-single-zone.yaml'));
  const analysis = analyzeDesign(design);
  const cost = estimateCost(design, catalogs);

  it('is worked out on the part of the design the change reaches, with the figures of the whole design', () => {
    const effects = fixEffects({ design, analysis, cost }, { catalogs });
    expect(effects.size).toBeGreaterThan(0);
    for (const [finding, effect] of effects) {
      const fixed = finding.autoFix!.apply(design);
      // The whole design before and after, as the comparison view works it out.
      const whole = compareDesigns([{ design, analysis, cost }, { design: fixed }], { catalogs });
      expect(effect.summary.startsWith(`${formatMoneyDelta(whole.designs[1]!.delta!.monthly.expected)} a month`)).toBe(true);
      for (const row of whole.journeys) {
        const after = row.cells[1];
        const before = row.cells[0];
        if (!after || !before || after.percent === null || before.percent === null) continue;
        const from = formatModelled(before.percent, before.low, before.high).value;
        const to = formatModelled(after.percent, after.low, after.high).value;
        if (from !== to) expect(effect.summary).toContain(`${row.name} ${from} → ${to}`);
        else expect(effect.summary).not.toContain(`${row.name} ${from} →`);
      }
    }
  });

  it('prices a change beside connections to a component the design does not have as pricing the whole design does', () => {
    // Connections to and from a missing component (a design being edited), beside each component a fix reaches.
    const reached = [...fixEffects({ design, analysis, cost }, { catalogs }).keys()].flatMap((finding) => finding.components);
    const ghosts = reached.flatMap((id) => [
      { from: id, to: 'gone', mode: 'sync' as const },
      { from: 'gone', to: id, mode: 'async' as const },
    ]);
    const broken = { ...design, connections: [...ghosts, ...design.connections, { from: 'gone', to: 'gone-too', mode: 'sync' as const }] };
    const price = (d: typeof design) => estimateCost(d, catalogs).monthly;
    const effects = fixEffects({ design: broken, analysis: analyzeDesign(broken), cost: estimateCost(broken, catalogs) }, { catalogs });
    expect(effects.size).toBeGreaterThan(0);
    for (const [finding, effect] of effects) {
      const fixed = finding.autoFix!.apply(broken);
      expect(effect.summary.startsWith(`${formatMoneyDelta(price(fixed) - price(broken))} a month`)).toBe(true);
    }
  });

  it('says nothing changed in a journey the change cannot reach', () => {
    expect(describeChange(design, design, 'USD', { catalogs })).toBe(`${formatMoneyDelta(0)} a month`);
  });
});

describe('the proposal of a large design', () => {
  it('describes the first findings one by one and counts the rest, and tries at most a dozen changes', () => {
    const design = syntheticDesign(600, 2);
    const document = buildProposal(design, { catalogs });
    const register = document.sections.find((s) => s.id === 'risks')!;
    const table = register.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(MAX_DETAILED_FINDINGS);
    expect(table?.kind === 'table' && table.rows.filter((r) => r.cells[3]!.includes('Applying the suggested change')).length).toBeLessThanOrEqual(MAX_FIX_EFFECTS);
    expect(documentText(document)).toMatch(/And \d+ more of the same kinds/);
  });

  it('quotes the Terraform README up to a bound, cut at a line, and says how much of it is left in terraform/README.md', () => {
    const design = load(join(templateDir, templates[0]!));
    const lines = Array.from({ length: 2000 }, (_, i) => `- [ ] \`service_${i}_image\`: Container image of service-${i}, pinned by digest or immutable tag.`);
    const readmeOf = (contents: string) => {
      const appendix = buildProposal(design, { catalogs, appendices: [{ path: 'terraform/README.md', contents }, { path: 'terraform/app.tf', contents: 'resource "aws_lb" "web" {}\n' }] }).sections.find((s) => s.id === 'appendix-code')!;
      return appendix.blocks.slice(appendix.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'terraform/README.md') + 1);
    };
    const [quoted, note] = readmeOf(`${lines.join('\n')}\n`);
    expect(quoted?.kind === 'preformatted' && quoted.text.length).toBeLessThanOrEqual(MAX_README_CHARACTERS);
    const shown = quoted?.kind === 'preformatted' ? quoted.text.split('\n') : [];
    expect(shown).toEqual(lines.slice(0, shown.length));
    expect(note?.kind === 'paragraph' && note.content.map((i) => i.text).join('')).toBe(`The README goes on for ${(lines.length - shown.length).toLocaleString('en-US')} more lines (mostly inputs to fill in), not printed here: read them in terraform/README.md.`);
    const short = lines.slice(0, 10).join('\n');
    expect(readmeOf(`${short}\n`)).toEqual([{ kind: 'preformatted', text: short }]);
  });
});

describe('the options proposal', () => {
  it('presents each design as an option side by side, the recommended one marked with its reason', () => {
    const a = load(join(templateDir, 'single-region-multi-az.yaml'));
    const b = load(join(templateDir, 'multi-region-active-passive.yaml'));
    const document = buildOptionsProposal([{ design: a }, { design: b }], { catalogs });
    const table = document.sections.find((s) => s.id === 'options')!.blocks[0]!;
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.columns.map((c) => c.title).filter((t) => t.endsWith('(recommended)'))).toHaveLength(1);
    expect(table.rows.map((r) => r.cells[0])).toEqual(expect.arrayContaining(['Monthly cost', 'Weakest journey, modelled', 'Primary region lost', 'Cost per added nine', 'Open risks']));
    // A total that leaves lines out (these templates' second region has no bundled prices) is quoted as a lower bound.
    const monthlyText = (design: typeof a) => {
      const report = estimateCost(design, catalogs);
      const lines = report.excluded.lines;
      return lines > 0 ? `at least ${formatMoney(report.monthly)} (${lines} line${lines === 1 ? '' : 's'} not priced)` : formatMoney(report.monthly);
    };
    expect(table.rows.find((r) => r.cells[0] === 'Monthly cost')!.cells.slice(1)).toEqual([monthlyText(a), monthlyText(b)]);
    expect(table.rows.flatMap((r) => r.cells).filter((cell) => cell.includes('unbounded'))).toEqual([]);
    // The cover names what the options are for, not one of them.
    expect(document.cover.title).toBe('Platform options for Client portal');
    expect(document.sections.filter((s) => s.blocks.some((x) => x.kind === 'diagram'))).toHaveLength(2);
    expect(documentText(document)).toMatch(/Recommendation: Option [AB]: .*, because /);
  });
});
