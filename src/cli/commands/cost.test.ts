import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../main';

const ROOT = resolve(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'src', 'engine', 'cost', 'fixtures');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: ROOT });
  return { code, stdout, stderr };
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
    expect(rows).toHaveLength(3);
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
});
