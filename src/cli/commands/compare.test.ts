import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionCopyBook } from '../../engine/cost/testing';
import { runCli } from '../main';

const ROOT = resolve(__dirname, '..', '..', '..');
const MULTI_AZ = 'templates/single-region-multi-az.yaml';
const ACTIVE_PASSIVE = 'templates/multi-region-active-passive.yaml';
const ACTIVE_ACTIVE = 'templates/multi-region-active-active.yaml';
const FIXTURES = 'src/engine/compare/fixtures';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: ROOT });
  return { code, stdout, stderr };
}

// The bundled catalog has no us-west-2 prices (the templates' second region): a test price book prices
// it at the us-east-1 figures, since these tests are about comparing, not about a region's prices.
const BOOK = mkdtempSync(join(tmpdir(), 'ninesmith-book-'));
for (const book of regionCopyBook('us-east-1', ['us-west-2'])) writeFileSync(join(BOOK, `${book.provider}.json`), JSON.stringify(book));

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ninesmith-compare-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('ninesmith compare --format json', () => {
  it('has the documented shape, one entry per file in the order given', async () => {
    const { code, stdout } = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, ACTIVE_ACTIVE, '--format', 'json', '--price-book', BOOK);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['format', 'designs', 'journeys', 'recovery', 'notes']);
    expect(json.format).toBe(1);
    expect(json.designs.map((d: { file: string }) => d.file)).toEqual([MULTI_AZ, ACTIVE_PASSIVE, ACTIVE_ACTIVE]);
    const [first, second] = json.designs;
    expect(Object.keys(first)).toEqual(['file', 'name', 'provider', 'tier', 'cost', 'counts', 'findings', 'suppressedFindings', 'weakestJourney', 'delta', 'costPerNine']);
    expect(first).toMatchObject({ provider: 'aws', tier: { id: 'premium', availability: 99.95, rto: 3600, rpo: 900 }, delta: null, costPerNine: { kind: 'baseline' } });
    expect(first.cost).toMatchObject({ currency: 'USD', monthly: { expected: expect.any(Number) }, yearly: { expected: expect.any(Number) } });
    expect(Math.round(first.cost.yearly.expected * 100)).toBe(Math.round(first.cost.monthly.expected * 100) * 12);
    expect(Object.keys(second.delta)).toEqual(['monthly', 'yearly', 'monthlyPercent', 'monthlyTrend', 'components', 'regions', 'zones', 'findings', 'findingsTrend', 'weakestJourney']);
    expect(second.delta.regions).toBe(1);
    // The second region buys modelled nines (region incidents become a failover): a price per added nine.
    expect(second.costPerNine).toMatchObject({ kind: 'per-nine', monthlyPerNine: expect.any(Number) });
    expect(json.designs[2].costPerNine).toMatchObject({ kind: 'per-nine', monthlyPerNine: expect.any(Number) });
    // Each journey: the SLA floor as in validate, and the modelled figure with its range and what caps it.
    const submit = json.journeys.find((j: { id: string }) => j.id === 'submit-timesheet').designs[0];
    expect(submit.availability).toBeCloseTo(99.7802, 3);
    expect(submit.modelled).toMatchObject({ availability: expect.any(Number), low: expect.any(Number), high: expect.any(Number) });
    expect(submit.modelled.low).toBeLessThan(submit.modelled.availability);
    expect(submit.modelled.contributors[0]).toMatchObject({ scenario: 'region:primary', minutesPerMonth: expect.any(Number) });
    expect(first.weakestJourney.modelled.availability).toBeGreaterThan(first.weakestJourney.availability);
  });

  it('prices the designs in the expected order and agrees with ninesmith cost', async () => {
    const { stdout } = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, ACTIVE_ACTIVE, '--format', 'json', '--price-book', BOOK);
    const monthly = JSON.parse(stdout).designs.map((d: { cost: { monthly: { expected: number } } }) => d.cost.monthly.expected);
    expect(monthly[0]).toBeLessThan(monthly[1]);
    expect(monthly[1]).toBeLessThan(monthly[2]);
    const cost = JSON.parse((await run('cost', ACTIVE_PASSIVE, '--format', 'json', '--price-book', BOOK)).stdout);
    expect(monthly[1]).toBe(cost.monthly);
  });

  it('lines journeys and recovery up per design, null where a design has none', async () => {
    const { stdout } = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, '--format', 'json');
    const json = JSON.parse(stdout);
    const report = json.journeys.find((j: { id: string }) => j.id === 'monthly-report');
    expect(report.designs[0]).toMatchObject({ id: 'monthly-report', matchedBy: 'id', delta: null });
    expect(report.designs[1]).toBeNull();
    const submit = json.journeys.find((j: { id: string }) => j.id === 'submit-timesheet');
    expect(submit.designs[1].delta.trend).toBe('better');
    expect(json.recovery.map((r: { class: string }) => r.class)).toEqual(['zone', 'component', 'primary-region', 'corruption']);
    const region = json.recovery.find((r: { class: string }) => r.class === 'primary-region');
    expect(region.designs[0]).toMatchObject({ rto: null, rtoScenario: 'region:primary', meetsRto: false });
    expect(region.designs[1]).toMatchObject({ rto: expect.any(Number), meetsRto: true, delta: { rto: null, rtoTrend: 'better' } });
  });
});

describe('ninesmith compare --commitments', () => {
  it('shows one design under two commitment profiles side by side, and what each total excludes', async () => {
    const { code, stdout } = await run('compare', MULTI_AZ, '--commitments', 'on-demand,3-year', '--format', 'json', '--price-book', BOOK);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.designs.map((d: { file: string }) => d.file)).toEqual([`${MULTI_AZ} (on-demand)`, `${MULTI_AZ} (3-year)`]);
    expect(json.designs.map((d: { cost: { commitment: string } }) => d.cost.commitment)).toEqual(['on-demand', '3-year']);
    // The bundled catalog holds no first-party commitment rate: the 3-year total is the on-demand one, and says why.
    expect(json.designs[1].cost.monthly.expected).toBe(json.designs[0].cost.monthly.expected);
    expect(json.designs[0].cost.excludedLines).toBeGreaterThan(0);
  });

  it('refuses a second FILE with --commitments', async () => {
    const { code, stderr } = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, '--commitments', 'on-demand,1-year');
    expect(code).toBe(2);
    expect(stderr).toContain('--commitments compares one FILE');
  });
});

describe('ninesmith compare (text and Markdown)', () => {
  it('prints a column per design, the differences to the first and the verdict', async () => {
    const { code, stdout } = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, '--price-book', BOOK);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/templates\/single-region-multi-az\.yaml \(first\)\s+templates\/multi-region-active-passive\.yaml/);
    expect(stdout).toMatch(/Monthly\s+\$\d,\d{3}\.\d\d\s+\$\d,\d{3}\.\d\d/);
    expect(stdout).toMatch(/vs first\s+\+\$[\d,]+\.\d\d \(\+\d+\.\d%\)/);
    expect(stdout).toMatch(/Run the monthly report\s+99\.\d+% \(99\.\d+% to 99\.\d+%; 3\.\d\d nines\)\s+missing/);
    expect(stdout).toMatch(/SLA floor \(what the SLAs commit to\)\s+99\.7802%/);
    expect(stdout).toMatch(/What caps it\s+Region US East \(us-east-1\) fails 6 min/);
    expect(stdout).toContain('Against the first design');
    expect(stdout).toMatch(/Weakest journey by modelled availability \(Sign in\): \$[\d,]+\.\d\d a month per added nine/);
    expect(stdout).toMatch(/Submit timesheet: \$[\d,]+\.\d\d a month per added nine/);
    expect(stdout).not.toContain('-0.0000');
  });

  it('prints Markdown tables to paste into a proposal', async () => {
    const { code, stdout } = await run('compare', MULTI_AZ, ACTIVE_ACTIVE, '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Comparison: Client portal, single region, multi-AZ vs Client portal, active-active across two regions\n/);
    expect(stdout).toContain('| | 1. Client portal, single region, multi-AZ | 2. Client portal, active-active across two regions |');
    expect(stdout).toContain('## Recovery (worst estimate per failure scenario class)');
    expect(stdout).toMatch(/\| \*\*Primary region lost\*\* \| RTO unbounded, RPO unbounded \| RTO 2m, RPO 15m \(RTO now bounded, RPO now bounded\) \|/);
    expect(stdout).toContain('## Availability per journey (modelled from failure rates; the SLA floor beside it)');
    expect(stdout).toContain('## Is it worth it?');
    // Every table row has as many cells as the header.
    for (const line of stdout.split('\n').filter((l) => l.startsWith('| '))) expect(line.replace(/\\\|/g, '').split('|').length).toBe(5);
  });

  it('matches renamed journeys by name across fixture designs', async () => {
    const { stdout } = await run('compare', `${FIXTURES}/api-single-zone.yaml`, `${FIXTURES}/api-two-zones.yaml`, '--format', 'json');
    const json = JSON.parse(stdout);
    expect(json.journeys[0].designs.map((j: { id: string; matchedBy: string }) => [j.id, j.matchedBy])).toEqual([
      ['place-order', 'id'],
      ['checkout', 'name'],
    ]);
  });
});

describe('ninesmith compare refuses', () => {
  it('fewer than two or more than four files, with the usage', async () => {
    const one = await run('compare', MULTI_AZ);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('compare takes 2 to 4 FILEs; got 1');
    expect(one.stderr).toContain('Usage: ninesmith compare');
    const five = await run('compare', MULTI_AZ, MULTI_AZ, MULTI_AZ, MULTI_AZ, MULTI_AZ);
    expect(five.code).toBe(2);
    expect(five.stderr).toContain('got 5');
  });

  it('invalid files with exit 2, every problem by path, each line naming its file', async () => {
    const bad = tempFile('bad-zone.yaml', 'ninesmith: 1\nname: Bad\nregions:\n  - { id: r, location: us-east-1, zones: [a] }\ncomponents:\n  - { id: api, kind: app-service, region: r, zones: [z] }\n');
    const { code, stdout, stderr } = await run('compare', MULTI_AZ, bad, 'no-such-file.yaml');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: components\\[0\\]\\.zones\\[0\\]: .*"z"`, 'm'));
    expect(stderr).toContain('no-such-file.yaml: no such file: no-such-file.yaml');
    expect(stderr).toContain('2 of 3 files cannot be compared');
    expect(stderr).not.toContain(`${MULTI_AZ}:`);
  });

  it('invalid files in JSON as a list of files and their problems', async () => {
    const bad = tempFile('bad.yaml', 'ninesmith: 1\ncomponents: []\n');
    const { code, stdout } = await run('compare', bad, MULTI_AZ, '--format', 'json');
    expect(code).toBe(2);
    const json = JSON.parse(stdout);
    expect(json.valid).toBe(false);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].file).toBe(bad);
    expect(json.files[0].problems.some((p: { path: string }) => p.path === 'name')).toBe(true);
  });

  it('a price catalog that cannot be parsed, naming it; a missing one only with a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-prices-'));
    const missing = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, '--prices', dir, '--format', 'json');
    expect(missing.code).toBe(0);
    expect(missing.stderr).toContain(`no aws.json in ${dir}; aws designs are not priced`);
    expect(JSON.parse(missing.stdout).designs[0].cost.monthly.expected).toBe(0);
    writeFileSync(join(dir, 'aws.json'), '{ "format": 1, ');
    const broken = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, '--prices', dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('cannot read the aws price catalog');
  });

  it('an unknown format', async () => {
    const { code, stderr } = await run('compare', MULTI_AZ, ACTIVE_PASSIVE, '--format', 'csv');
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of text, json, markdown');
  });
});
