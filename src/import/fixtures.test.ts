import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../model';
import { nodeHclParser } from '../cli/hcl-parser';
import { formatReport, importTerraform, type SourceFile } from '.';

/**
 * Real-world configurations written the way teams write them, each with the design and the
 * report (guesses, not imported, variables without values) it must give. `UPDATE_GOLDEN=1`
 * rewrites the expected files; review the diff before committing it.
 */

const FIXTURES = join(__dirname, 'fixtures');
const parser = nodeHclParser();

function filesOf(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(tf|tfvars|json)$/.test(name)) out.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

function golden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const fixtures = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory());

describe.each(fixtures)('import of the %s configuration', (name) => {
  it('gives the expected design and report', async () => {
    const result = await importTerraform(filesOf(join(FIXTURES, name)), { parser, name });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    golden(join(FIXTURES, `${name}.expected.yaml`), serializeDesign(result.design));
    golden(join(FIXTURES, `${name}.expected-report.txt`), formatReport(result.report));
  });
});

describe('what the fixtures show', () => {
  const load = async (name: string) => {
    const result = await importTerraform(filesOf(join(FIXTURES, name)), { parser, name });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result;
  };

  it('flat root module: zones from count-indexed subnets, wiring from inline security groups and the task\'s environment, honest about the rest', async () => {
    const { design, report } = await load('flat-root');
    const web = design.components.find((c) => c.kind === 'app-service')!;
    expect(web.zones).toEqual(['a', 'b', 'c']);
    expect(web.replicas).toBe(3);
    const db = design.components.find((c) => c.kind === 'relational-db')!;
    expect(db.props).toMatchObject({ ha: 'multi-az', backup: { enabled: true, retentionDays: 7 } });
    expect(design.connections).toContainEqual({ from: web.id, to: db.id, mode: 'sync' });
    expect(design.connections).toContainEqual({ from: web.id, to: 'exports', mode: 'async' });
    // One NAT gateway, in zone a: the design shows what a zone loss does to egress.
    expect(design.components.find((c) => c.kind === 'nat-gateway')).toMatchObject({ zones: ['a'], replicas: 1 });
    expect(report.notImported.map((entry) => entry.address)).toEqual(['aws_acm_certificate.web', 'aws_iam_role.task_execution']);
    expect(report.unsetVariables.map((v) => v.name)).toEqual(['var.app_image', 'var.zone_id']);
  });

  it('terraform-aws-modules: read through their inputs, wired through their outputs', async () => {
    const { design, report } = await load('registry-modules');
    expect(design.components.find((c) => c.id === 'aurora')).toMatchObject({ kind: 'relational-db', zones: ['a', 'b'], props: { ha: 'cluster', engine: 'aurora-postgresql' } });
    expect(design.components.find((c) => c.id === 'nat')).toMatchObject({ zones: ['a', 'b', 'c'], replicas: 3 });
    expect(design.connections).toEqual(
      expect.arrayContaining([
        { from: 'alb', to: 'api', mode: 'sync' },
        { from: 'api', to: 'aurora', mode: 'sync' },
        { from: 'cdn', to: 'edge', mode: 'sync' },
        { from: 'edge', to: 'alb', mode: 'sync' },
      ]),
    );
    expect(design.connections).not.toContainEqual({ from: 'invoice-worker', to: 'aurora', mode: 'sync' });
    expect(report.notImported.map((entry) => entry.address)).toEqual(['module.iam_github_oidc']);
  });

  it('two regions: regions from provider aliases, roles from failover records, a cross-region replica and backup copies', async () => {
    const { design } = await load('two-regions');
    expect(design.regions.map((r) => [r.id, r.location, r.role])).toEqual([
      ['primary', 'eu-central-1', 'primary'],
      ['dr', 'eu-west-1', 'secondary'],
    ]);
    expect(design.connections).toEqual(
      expect.arrayContaining([
        { from: 'frankfurt-db', to: 'ireland-db', mode: 'replication' },
        { from: 'documents', to: 'documents-replica', mode: 'replication' },
        { from: 'frankfurt-db', to: 'frankfurt', mode: 'backup' },
      ]),
    );
    expect(design.components.find((c) => c.id === 'frankfurt-db')?.props).toMatchObject({ backup: { copyToRegion: 'dr', pitr: true, retentionDays: 35 } });
    expect(design.components.find((c) => c.id === 'dns')?.props).toMatchObject({ failoverRouting: true, healthChecks: true });
  });
});

describe('docs/import.md', () => {
  it('lists every resource type and module the importer reads', async () => {
    const { AWS_IMPORTERS, AWS_MODULES } = await import('.');
    const page = readFileSync(join(__dirname, '../../docs/import.md'), 'utf8');
    const missing = Object.keys(AWS_IMPORTERS).filter((type) => !page.includes(`\`${type}\``) && !(type.startsWith('aws_iam_') && page.includes('`aws_iam_*`')));
    expect(missing).toEqual([]);
    expect(Object.keys(AWS_MODULES).filter((name) => !page.includes(`\`${name}\``))).toEqual([]);
  });
});

describe('terraform show -json of a plan', () => {
  it('gives the same design as the configuration it was planned from', async () => {
    // `terraform plan` (Terraform 1.11, AWS provider 5.100, dummy credentials and the fixture's
    // variables set) of fixtures/two-regions, then `terraform show -json`.
    const text = readFileSync(join(FIXTURES, 'two-regions.plan.json'), 'utf8');
    const result = await importTerraform([{ path: 'two-regions.plan.json', text }], { parser, name: 'two-regions' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.report.input).toBe('plan');
    const expected = readFileSync(join(FIXTURES, 'two-regions.expected.yaml'), 'utf8');
    const withoutDescription = (yaml: string) => yaml.replace(/^description: .*\n/m, '');
    expect(withoutDescription(serializeDesign(result.design))).toBe(withoutDescription(expected));
    // Variables have values in a plan; nothing is reported unset.
    expect(result.report.unsetVariables).toEqual([]);
  });

  it('refuses JSON that is not show-json output, naming the file', async () => {
    const result = await importTerraform([{ path: 'package.json', text: '{"name":"x"}' }], { parser, name: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'package.json', message: expect.stringContaining('terraform show -json') });
  });

  it('refuses invalid HCL with the file, line and column', async () => {
    const result = await importTerraform([{ path: 'main.tf', text: 'resource "aws_s3_bucket" "a" {\n' }], { parser, name: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^main\.tf:\d+,\d+-\d+: Unclosed configuration block/);
  });
});
