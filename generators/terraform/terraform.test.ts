import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { loadDesign, syntheticDesign } from '../../src/catalog';
import { formatProblem, hclLiteral, type Design } from '../../src/model';
import { designFacts } from '../design-facts';
import { HOSTILE_FRAGMENTS, shapeOf, stringLeaves, withNames } from '../testing';
import { identifier, renderFile, attr, block, template, raw, type BodyItem } from './hcl';
import { generateTerraform } from './index';

const templateDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();
const fixtureDir = new URL('./fixtures/', import.meta.url);

function load(url: URL): Design {
  const result = loadDesign(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

interface ResourceSchema {
  arguments: string[];
  blocks: Record<string, string[]>;
  required: string[];
  block_required?: Record<string, string[]>;
  deprecated?: string[];
}
const oracle = JSON.parse(readFileSync(new URL('./oracle/tf-aws-schema-subset.json', import.meta.url), 'utf8')) as Record<string, ResourceSchema>;

/**
 * Known defect of the oracle: its entry for aws_autoscaling_policy was parsed from the wrong schema
 * map (it lists a metric data query's fields: expression, id, label, return_data). These are the
 * resource's arguments in provider v6.58.0 for the subset this generator writes.
 */
const ORACLE_CORRECTIONS: Record<string, ResourceSchema> = {
  aws_autoscaling_policy: {
    arguments: ['autoscaling_group_name', 'name', 'policy_type', 'estimated_instance_warmup', 'enabled', 'adjustment_type', 'cooldown', 'scaling_adjustment'],
    blocks: {
      target_tracking_configuration: ['target_value', 'disable_scale_in'],
      'target_tracking_configuration.predefined_metric_specification': ['predefined_metric_type', 'resource_label'],
    },
    required: ['autoscaling_group_name', 'name'],
  },
};

const META_ARGUMENTS = new Set(['provider', 'depends_on', 'count', 'for_each', 'lifecycle']);

type Parsed = Record<string, unknown>;

async function parseFiles(files: { path: string; contents: string }[]): Promise<Map<string, Parsed>> {
  const parsed = new Map<string, Parsed>();
  for (const file of files.filter((f) => f.path.endsWith('.tf'))) parsed.set(file.path, (await parse(file.path, file.contents)) as Parsed);
  return parsed;
}

/** Every problem of one resource body against the oracle: unknown arguments and blocks, missing required ones, deprecated ones. */
function checkBody(type: string, schema: ResourceSchema, body: Record<string, unknown>, path: string, where: string, problems: string[]): void {
  const allowed = path === '' ? schema.arguments : schema.blocks[path] ?? [];
  const required = path === '' ? schema.required : schema.block_required?.[path] ?? [];
  for (const [key, value] of Object.entries(body)) {
    if (path === '' && META_ARGUMENTS.has(key)) continue;
    const blockPath = path === '' ? key : `${path}.${key}`;
    if (blockPath in schema.blocks) {
      if (!Array.isArray(value)) problems.push(`${where}: ${blockPath} is a block, written as an argument`);
      else for (const item of value) checkBody(type, schema, item as Record<string, unknown>, blockPath, where, problems);
    } else if (!allowed.includes(key)) {
      problems.push(`${where}: ${type} has no argument or block "${blockPath}"`);
    } else if (path === '' && schema.deprecated?.includes(key)) {
      problems.push(`${where}: "${key}" is deprecated in ${type}`);
    }
  }
  for (const key of required) if (!(key in body)) problems.push(`${where}: required "${path ? `${path}.` : ''}${key}" missing`);
}

function oracleProblems(parsed: Map<string, Parsed>): string[] {
  const problems: string[] = [];
  for (const [file, content] of parsed) {
    const resources = (content.resource ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>;
    for (const [type, byName] of Object.entries(resources)) {
      const schema = ORACLE_CORRECTIONS[type] ?? oracle[type];
      if (!schema) {
        problems.push(`${file}: resource type ${type} is not in the AWS provider oracle`);
        continue;
      }
      for (const [name, bodies] of Object.entries(byName)) for (const body of bodies) checkBody(type, schema, body, '', `${file} ${type}.${name}`, problems);
    }
  }
  return problems;
}

/** References to resources and variables in expressions must resolve; declared variables must be used. */
function referenceProblems(files: { path: string; contents: string }[], parsed: Map<string, Parsed>): string[] {
  const declaredResources = new Set<string>();
  const declaredVariables = new Set<string>();
  for (const content of parsed.values()) {
    for (const [type, byName] of Object.entries((content.resource ?? {}) as Record<string, object>)) for (const name of Object.keys(byName)) declaredResources.add(`${type}.${name}`);
    for (const name of Object.keys((content.variable ?? {}) as object)) declaredVariables.add(name);
  }
  const problems: string[] = [];
  const usedVariables = new Set<string>();
  for (const file of files.filter((f) => f.path.endsWith('.tf'))) {
    const code = file.contents.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => (literal.includes('${') ? literal : '""'));
    for (const match of code.matchAll(/\b(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_]*)\b/g)) {
      if (match.index !== undefined && /resource\s+"$/.test(code.slice(Math.max(0, match.index - 12), match.index))) continue;
      const address = `${match[1]}.${match[2]}`;
      if (!declaredResources.has(address)) problems.push(`${file.path}: reference to undeclared ${address}`);
    }
    for (const match of code.matchAll(/\bvar\.([a-z0-9_]+)/g)) {
      usedVariables.add(match[1]!);
      if (!declaredVariables.has(match[1]!)) problems.push(`${file.path}: undeclared variable ${match[1]}`);
    }
  }
  for (const name of declaredVariables) if (!usedVariables.has(name)) problems.push(`variables.tf: variable ${name} is never used`);
  return problems;
}

const terraformBinary = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

describe('HCL writer', () => {
  it('escapes text so it reads back as the same literal', async () => {
    const nasty = 'a "b" \\ ${var.x} %{ if } $${ %%{ \n\t\u0001 \u2028 end$';
    const file = renderFile([{ kind: 'block', block: block('locals', [], [attr('value', nasty), attr('mixed', template('/prefix/', raw('var.x'), '-web'))]) }]);
    const parsed = (await parse('x.tf', file)) as { locals: { value: string; mixed: string }[] };
    // hcl2json writes Terraform's JSON syntax, where a literal `${` is spelled `$${`.
    expect(parsed.locals[0]!.value).toBe(nasty.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{'));
    expect(hclLiteral('${x}')).toBe('$${x}');
    expect(parsed.locals[0]!.mixed).toBe('/prefix/${var.x}-web');
    // Design text never enters a template, where it could sit beside an interpolation.
    expect(() => renderFile([{ kind: 'block', block: block('locals', [], [attr('x', template('a$', raw('var.x')))]) }])).toThrow(/generator text/);
  });

  it('aligns runs of single-line arguments on "=" and breaks runs at blocks and multi-line values', () => {
    const body: BodyItem[] = [attr('a', 1), attr('longer_name', 'x'), { kind: 'block', block: block('inner', [], [attr('z', true)]) }, attr('b', 2)];
    expect(renderFile([{ kind: 'block', block: block('resource', ['aws_vpc', 'main'], body) }])).toBe(
      'resource "aws_vpc" "main" {\n  a           = 1\n  longer_name = "x"\n  inner {\n    z = true\n  }\n  b = 2\n}\n',
    );
  });

  it('makes Terraform identifiers from ids without collisions', () => {
    expect(identifier('erp-outbox')).toBe('erp_outbox');
    expect(identifier('0-db')).toBe('_0_db');
    expect(() => identifier('bad id')).toThrow();
  });
});

describe.each(templates)('Terraform for %s', (template) => {
  const design = load(new URL(template, templateDir));
  const files = generateTerraform(designFacts(design));

  it('parses with the HCL parser, and every resource, argument and block is the AWS provider\'s', async () => {
    const parsed = await parseFiles(files);
    expect(parsed.size).toBeGreaterThan(3);
    expect(oracleProblems(parsed)).toEqual([]);
    expect(referenceProblems(files, parsed)).toEqual([]);
  });

  it('pins the provider and gives every region an aliased provider', async () => {
    const parsed = await parseFiles(files);
    const providers = (parsed.get('terraform/providers.tf')!.provider as { aws: { alias: string; region: string }[] }).aws;
    expect(providers.map((p) => p.alias).sort()).toEqual([...design.regions.map((r) => identifier(r.id)), 'global'].sort());
    expect(files.find((f) => f.path === 'terraform/versions.tf')!.contents).toContain('version = "6.58.0"');
  });

  it('never writes a secret as a literal', () => {
    const text = files.map((f) => f.contents).join('\n');
    expect(text).not.toMatch(/\b(password|master_password|auth_token|secret_string)\s*=\s*"/);
    const variables = files.find((f) => f.path === 'terraform/variables.tf')!.contents;
    for (const match of text.matchAll(/auth_token\s*=\s*var\.([a-z0-9_]+)/g)) {
      expect(variables).toMatch(new RegExp(`variable "${match[1]}" \\{[^}]*sensitive\\s*=\\s*true`));
    }
  });

  it.runIf(terraformBinary)(terraformBinary ? 'is formatted as terraform fmt formats it' : 'terraform fmt -check skipped: terraform is not on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-fmt-'));
    try {
      for (const file of files.filter((f) => f.path.endsWith('.tf'))) writeFileSync(join(dir, file.path.slice('terraform/'.length)), file.contents);
      const result = spawnSync('terraform', ['fmt', '-check', '-diff', dir], { encoding: 'utf8' });
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what the design says becomes arguments', () => {
  const design = load(new URL('multi-region-active-passive.yaml', templateDir));
  const files = generateTerraform(designFacts(design));
  const text = (name: string) => files.find((f) => f.path === `terraform/${name}`)!.contents;

  it('zones to subnets, one NAT gateway per designed zone, replicas to desired counts', () => {
    for (const zone of ['a', 'b', 'c']) {
      expect(text('network.tf')).toContain(`resource "aws_subnet" "primary_private_${zone}"`);
      expect(text('network.tf')).toContain(`resource "aws_nat_gateway" "nat_${zone}"`);
      expect(text('network.tf')).toContain(`availability_zone       = "us-east-1${zone}"`);
    }
    expect(text('app.tf')).toMatch(/resource "aws_ecs_service" "web" \{[^]*?desired_count\s+= 6/);
    expect(text('app.tf')).toMatch(/resource "aws_appautoscaling_target" "web" \{[^]*?min_capacity\s+= 6[^]*?max_capacity\s+= 18/);
  });

  it('ha to multi_az, read replicas, the cross-region replica, retention and deletion protection', () => {
    expect(text('data.tf')).toMatch(/resource "aws_db_instance" "db" \{[^]*?multi_az\s+= true[^]*?backup_retention_period\s+= 14[^]*?deletion_protection\s+= true/);
    expect(text('data.tf')).toContain('resource "aws_db_instance" "db_replica_1"');
    expect(text('data.tf')).toMatch(/resource "aws_db_instance" "dr_db" \{[^]*?provider\s+= aws\.dr[^]*?replicate_source_db\s+= aws_db_instance\.db\.arn/);
    expect(text('data.tf')).toMatch(/manage_master_user_password\s+= true/);
  });

  it('backups copy to the other region and to the backup account; failover records steer between regions', () => {
    expect(text('backup.tf')).toMatch(/copy_action \{\s+destination_vault_arn = aws_backup_vault\.dr_backups\.arn/);
    expect(text('backup.tf')).toContain('destination_vault_arn = var.backup_account_vault_arn');
    expect(text('edge.tf')).toMatch(/failover_routing_policy \{\s+type = "PRIMARY"/);
    expect(text('edge.tf')).toMatch(/failover_routing_policy \{\s+type = "SECONDARY"/);
    expect(text('async.tf')).toContain('resource "aws_sqs_queue" "erp_outbox_dlq"');
    expect(text('cache.tf')).toMatch(/automatic_failover_enabled\s+= true/);
  });

  it('tags carry the design and the component ids', () => {
    expect(text('providers.tf')).toContain('"ninesmith:design"');
    expect(text('data.tf')).toContain('"ninesmith:component" = "db"');
  });
});

describe('a generated two-region design', () => {
  it('parses, checks out against the oracle and resolves every reference', async () => {
    const design = syntheticDesign(120, 7);
    const files = generateTerraform(designFacts(design));
    const parsed = await parseFiles(files);
    expect(oracleProblems(parsed)).toEqual([]);
    expect(referenceProblems(files, parsed)).toEqual([]);
  });
});

describe('fixtures', () => {
  it('a VM service with autoscaling gets an Auto Scaling group, a launch template and a target tracking policy', async () => {
    const design = load(new URL('vm-autoscaling.yaml', fixtureDir));
    const files = generateTerraform(designFacts(design));
    const parsed = await parseFiles(files);
    const app = parsed.get('terraform/app.tf')!.resource as Record<string, Record<string, unknown>>;
    expect(Object.keys(app.aws_autoscaling_group!)).toEqual(['web']);
    expect(Object.keys(app.aws_launch_template!)).toEqual(['web']);
    expect(Object.keys(app.aws_autoscaling_policy!)).toEqual(['web']);
    expect(oracleProblems(parsed)).toEqual([]);
  });
});

describe('hostile names', () => {
  const base = load(new URL('multi-region-active-passive.yaml', templateDir));
  const benign = generateTerraform(designFacts(base));
  const hostileText = fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 12, unit: 'binary' })), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''));

  /** `${` and `%{` that open an expression or directive (not the `$${`/`%%{` escapes of a literal). */
  const openers = (text: string) => text.replace(/\$\$\{|%%\{/g, '\u0001').match(/\$\{|%\{/g)?.length ?? 0;

  it('give files that parse to the same structure, holding the names only as literals', async () => {
    const benignParsed = await parseFiles(benign);
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 4, maxLength: 4 }), async ([component, region, journey, designName]) => {
        const design = withNames(base, (kind) => ({ component, region, journey, design: designName })[kind]!);
        const files = generateTerraform(designFacts(design));
        expect(files.map((f) => f.path)).toEqual(benign.map((f) => f.path));
        const parsed = await parseFiles(files);
        for (const [path, content] of parsed) {
          const before = benignParsed.get(path)!;
          expect(shapeOf(content)).toEqual(shapeOf(before));
          const beforeLeaves = new Map(stringLeaves(before));
          for (const [leafPath, value] of stringLeaves(content)) expect(openers(value)).toBe(openers(beforeLeaves.get(leafPath)!));
        }
      }),
      { numRuns: 25 },
    );
   }, 120_000); // generous: many parses, on shared CI machines

  it('add no HTML, image, link or list item to the README, locations included', () => {
    const md = new MarkdownIt({ html: true, linkify: true });
    const tokens = (text: string) => md.parse(text, {}).map((token) => (token.type === 'inline' ? `inline:${(token.children ?? []).map((child) => child.type).join(',')}` : token.type));
    const readmeOf = (design: Design) => generateTerraform(designFacts(design)).find((f) => f.path === 'terraform/README.md')!.contents;
    const before = tokens(readmeOf(base));
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(tokens(readmeOf(withNames(base, () => text)))).toEqual(before);
      }),
      { numRuns: 25 },
    );
    expect(readmeOf(withNames(base, () => '<img src=https://evil.example/t.png>'))).not.toContain('<img');
  }, 120_000);

  it.runIf(terraformBinary)('still give files that terraform fmt accepts unchanged', () => {
    const design = withNames(base, () => HOSTILE_FRAGMENTS.join(' '));
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-fmt-'));
    try {
      for (const file of generateTerraform(designFacts(design)).filter((f) => f.path.endsWith('.tf'))) writeFileSync(join(dir, file.path.slice('terraform/'.length)), file.contents);
      expect(execFileSync('terraform', ['fmt', '-check', '-diff', dir], { encoding: 'utf8' })).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
