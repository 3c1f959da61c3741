import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../main';

const ROOT = resolve(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'src', 'engine', 'cost', 'fixtures');

async function run(...argv: string[]) {
  return runIn(ROOT, ...argv);
}

async function runIn(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const PRICE_FILES = join(FIXTURES, 'price-files');

/** A CSV field list (quotes as the cost CSV writes them). */
function csvRow(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

describe('ninesmith cost', () => {
  it('prints the JSON shape of docs/cli.md', async () => {
    const { code, stdout } = await run('cost', join(FIXTURES, 'three-m5-large.yaml'), '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ currency: 'USD', asOf: '2025-07-07', monthly: 210.24, yearly: 2522.88, byRegion: { primary: 210.24 }, byComponent: { api: 210.24 } });
    expect(report.byLayer.app).toBe(210.24);
    expect(report.lineItems[0]).toMatchObject({ component: 'api', quantity: 2190, unitPrice: 0.096, priceUnit: 'hour', monthly: { expected: 210.24 } });
    expect(report.lineItems[0].source).toContain('infracost');
  });

  it('adds up per layer, region and component in the JSON', async () => {
    const { stdout } = await run('cost', 'templates/multi-region-active-passive.yaml', '--format', 'json');
    const report = JSON.parse(stdout);
    const sum = (record: Record<string, number>) => Math.round(Object.values(record).reduce((a, b) => a + b * 100, 0));
    const total = Math.round(report.monthly * 100);
    expect(sum(report.byLayer)).toBe(total);
    expect(sum(report.byRegion)).toBe(total);
    expect(sum(report.byComponent)).toBe(total);
  });

  it('prints text with the total, range, roll-ups and notes', async () => {
    const { code, stdout } = await run('cost', join(FIXTURES, 'multi-az-postgres.yaml'));
    expect(code).toBe(0);
    expect(stdout).toContain('Monthly $374.50');
    expect(stdout).toContain('Multi-AZ standby (db.r6g.large)');
    expect(stdout).toContain('(uncertain)');
    expect(stdout).toMatch(/primary \(us-east-1\)\s+\$374\.50/);
  });

  it('prints CSV, one row per line item, quoting where needed', async () => {
    const { stdout } = await run('cost', join(FIXTURES, 'nat-per-zone.yaml'), '--format', 'csv');
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^component,kind,layer,region,what,status,quantity/);
    // Three lines (gateways, their public addresses, data), then the total, the assumptions and the notes.
    expect(rows.filter((row) => row.startsWith('nat,'))).toHaveLength(3);
    expect(rows.filter((row) => row.startsWith('(total),'))).toHaveLength(1);
    expect(rows[1]).toContain('nat,nat-gateway,edge,primary,NAT gateways (3),priced,2190,gateway-hour,0.045');
    expect(rows[1]).toContain(',98.55,');
  });

  it('prints Markdown tables', async () => {
    const { stdout } = await run('cost', 'templates/single-region-multi-az.yaml', '--format', 'markdown');
    expect(stdout).toMatch(/^# Cost: Client portal/);
    expect(stdout).toContain('| Layer | Monthly |');
    expect(stdout).toContain('price not in catalog');
  });

  it('applies local adjustments and a profile from the command line', async () => {
    const { stdout } = await run('cost', join(FIXTURES, 'three-m5-large.yaml'), '--format', 'json', '--adjust', 'aws/ec2=-25', '--profile', 'high');
    const report = JSON.parse(stdout);
    expect(report.monthly).toBe(157.68);
    expect(report.profile).toBe('high');
    expect(report.adjustments).toEqual([{ scope: 'aws/ec2', percent: -25, origin: 'local', effectMonthly: -52.56 }]);
  });

  it('exits 2 for a file that does not fit the format, as validate does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-cost-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'ninesmith: 1\nname: Broken\ncomponents:\n  - id: web\n    kind: no-such-kind\n');
    const text = await run('cost', file);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('no-such-kind');
    const json = await run('cost', file, '--format', 'json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).valid).toBe(false);
    expect((await run('cost', join(dir, 'missing.yaml'))).code).toBe(2);
  });

  it('rejects bad options with the usage', async () => {
    expect((await run('cost', 'templates/single-region-multi-az.yaml', '--format', 'sarif')).code).toBe(2);
    const adjust = await run('cost', 'templates/single-region-multi-az.yaml', '--adjust', 'aws');
    expect(adjust.code).toBe(2);
    expect(adjust.stderr).toContain('--adjust expects SCOPE=PERCENT');
  });

  it('reads catalogs from --prices, and says so when the provider has none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ninesmith-prices-'));
    const { code, stdout, stderr } = await run('cost', join(FIXTURES, 'three-m5-large.yaml'), '--format', 'json', '--prices', empty);
    expect(code).toBe(0);
    expect(stderr).toContain('no aws.json');
    expect(JSON.parse(stdout).monthly).toBe(0);
  });

  it('stops with a message naming a catalog that cannot be read', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'ninesmith-prices-'));
    writeFileSync(join(broken, 'aws.json'), JSON.stringify({ format: 1, provider: 'aws', currency: 'USD', hoursPerMonth: 730, asOf: '2026-01-01', prices: [{ key: 'x' }] }));
    const { code, stderr } = await run('cost', join(FIXTURES, 'three-m5-large.yaml'), '--prices', broken);
    expect(code).toBe(2);
    expect(stderr).toContain('ninesmith cost: cannot read the aws price catalog');
    expect(stderr).toContain('aws.json');
  });

  it('shows the same totals, exclusions, assumptions and notes in every format', async () => {
    // A Frankfurt design: the bundled catalog has no eu-central-1 prices, so lines are excluded;
    // users state their traffic, so usage is derived; containers of a stated size.
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-formats-'));
    const file = join(dir, 'frankfurt.yaml');
    writeFileSync(
      file,
      [
        'ninesmith: 1',
        'name: Frankfurt portal',
        'regions:',
        '  - { id: primary, location: eu-central-1, role: primary, zones: [a, b] }',
        'components:',
        '  - { id: users, kind: users, props: { peakRequestsPerSecond: 120 } }',
        '  - { id: dns, kind: dns }',
        '  - { id: alb, kind: load-balancer, region: primary, zones: [a, b] }',
        '  - { id: web, kind: app-service, region: primary, zones: [a, b], replicas: 4, props: { runtime: containers, size: m5.large } }',
        'connections:',
        '  - { from: users, to: dns }',
        '  - { from: dns, to: alb }',
        '  - { from: alb, to: web }',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await run('cost', file, '--format', 'json')).stdout);
    expect(json.excluded.lines).toBeGreaterThan(0);
    const text = (await run('cost', file)).stdout;
    const markdown = (await run('cost', file, '--format', 'markdown')).stdout;
    const csv = (await run('cost', file, '--format', 'csv')).stdout.trim().split('\n').map(csvRow);
    const total = csv.find((row) => row[0] === '(total)')!;
    const money = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    // The same total.
    expect(text).toContain(`Monthly ${money(json.monthly)}`);
    expect(markdown).toContain(`**${money(json.monthly)} a month**`);
    expect(Number(total[11])).toBe(json.range.expected);
    // The same exclusions, beside the total.
    expect(json.caption).toMatch(/^excludes \d+ lines: /);
    expect(text.split('\n')[2]).toBe(`  ${json.caption}`);
    expect(markdown).toContain(`${json.caption}.`);
    expect(total.at(-1)).toBe(json.caption);
    expect(total[4]).toBe(`excludes ${json.excluded.lines} lines`);
    // The same notes.
    const csvNotes = csv.filter((row) => row[0] === '(note)').map((row) => row.at(-1));
    expect(csvNotes).toEqual(json.notes);
    for (const note of json.notes as string[]) {
      expect(text).toContain(note);
      expect(markdown).toContain(note.replace(/\|/g, '\\|'));
    }
    // The same assumptions: the traffic derivation and the size reading, in each.
    const derived = (json.assumptions as { origin: string; derivation?: string }[]).find((a) => a.origin === 'traffic')!;
    expect(derived.derivation).toContain('120 req/s peak (users)');
    expect(text).toContain(derived.derivation);
    expect(markdown).toContain(derived.derivation);
    expect(csv.some((row) => row[0] === '(assumption)' && row.at(-1)!.includes(derived.derivation!))).toBe(true);
    for (const out of [text, markdown, csv.map((row) => row.join(',')).join('\n')]) expect(out).toContain('the shape of size m5.large (2 vCPU, 8 GB');
  });

  it('imports a price book with ninesmith prices, which cost then prices from and names', async () => {
    const project = mkdtempSync(join(tmpdir(), 'ninesmith-project-'));
    const design = join(project, 'web.yaml');
    writeFileSync(design, readFileSync(join(FIXTURES, 'six-m5-large-frankfurt.yaml'), 'utf8'));
    const before = JSON.parse((await runIn(project, 'cost', design, '--format', 'json')).stdout);
    expect(before.monthly).toBe(0);
    const imported = await runIn(project, 'prices', 'import', join(PRICE_FILES, 'aws-ec2-eu-central-1.csv'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported aws-ec2-eu-central-1\.csv \(AWS Price List \(CSV\), published 2026-11-02\): 2 prices and 1 commitment rate for eu-central-1, into .*\.ninesmith\/prices\/aws\.json/);
    expect(imported.stdout).toContain('Left out:');
    // 6 x 730 x 0.115 = 503.70, from the imported file, named on the line.
    const after = JSON.parse((await runIn(project, 'cost', design, '--format', 'json')).stdout);
    expect(after.monthly).toBe(503.7);
    expect(after.lineItems[0].source).toContain('imported: aws-ec2-eu-central-1.csv (AWS Price List, AmazonEC2, published 2026-11-02)');
    expect(after.caption).toContain('1 from your price book');
    // And the 1-year commitment from the same price list: 6 x 730 x 0.072 = 315.36.
    expect(JSON.parse((await runIn(project, 'cost', design, '--format', 'json', '--commitment', '1-year')).stdout).monthly).toBe(315.36);
    expect(JSON.parse((await runIn(project, 'cost', design, '--format', 'json', '--no-price-book')).stdout).monthly).toBe(0);
    const list = await runIn(project, 'prices', 'list');
    expect(list.stdout).toContain('aws: 2 prices, 1 commitment rates');
    expect((await runIn(project, 'prices', 'clear', 'aws')).stdout).toContain('Removed the aws price book');
    expect(JSON.parse((await runIn(project, 'cost', design, '--format', 'json')).stdout).monthly).toBe(0);
  });

  it('refuses a file that is not a price file, naming what it reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-bad-prices-'));
    writeFileSync(join(dir, 'notes.txt'), 'hello\n');
    const { code, stderr } = await runIn(dir, 'prices', 'import', 'notes.txt');
    expect(code).toBe(2);
    expect(stderr).toContain('not a price file Ninesmith reads');
    writeFileSync(join(dir, 'rates.csv'), 'provider,key,region,usd,unit,source,as_of\naws,compute/m5.large,us-east-1,cheap,hour,deal,2026-01-01\n');
    const bad = await runIn(dir, 'prices', 'import', 'rates.csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rates.csv line 2: usd must be a price of 0 or more; got "cheap"');
  });
});
