import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { designFacts } from '../design-facts';
import { defaultNamePrefix } from '../text';
import { generateTerraform } from './index';
import { duplicateAddresses, parseFiles, type Parsed } from './testing';
import { NAME_PREFIX_MAX, nameSuffix } from './aws/names';

/**
 * The naming rules of every AWS resource type the export writes, from the provider's validators
 * (v6.58.0 `validators.go` and each type's schema: `validIdentifier`, `validateReplicationGroupID`,
 * `validTargetGroupName`, ...) and the AWS API limits the provider does not check (the RDS
 * identifier's 63 characters, the backup plan's 50). Written here independently of names.ts, so
 * the test can catch a wrong limit there.
 */
interface Rule {
  readonly max: number;
  readonly min?: number;
  readonly pattern: RegExp;
  /** What else the name must not be or hold. */
  readonly refuse?: RegExp;
}
const RDS: Rule = { max: 63, pattern: /^[a-z][a-z0-9-]*$/, refuse: /--|-$/ };
const ALNUM_HYPHEN_32: Rule = { max: 32, pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, refuse: /^internal-/ };
const ECS: Rule = { max: 255, pattern: /^[A-Za-z0-9_-]+$/ };

const RULES: Record<string, Record<string, Rule>> = {
  aws_lb: { name: ALNUM_HYPHEN_32 },
  aws_lb_target_group: { name: ALNUM_HYPHEN_32 },
  aws_db_instance: { identifier: RDS, final_snapshot_identifier: { ...RDS, max: 255 } },
  aws_db_subnet_group: { name: { max: 255, pattern: /^[a-z0-9 ._-]+$/, refuse: /^default$/ } },
  aws_rds_cluster: { cluster_identifier: RDS, final_snapshot_identifier: { ...RDS, max: 255 } },
  aws_rds_cluster_instance: { identifier: RDS },
  aws_rds_global_cluster: { global_cluster_identifier: RDS },
  aws_elasticache_replication_group: { replication_group_id: { max: 40, pattern: /^[a-z][a-z0-9-]*$/, refuse: /--|-$/ } },
  aws_elasticache_subnet_group: { name: { max: 255, pattern: /^[a-z0-9-]+$/ } },
  aws_elasticache_global_replication_group: { global_replication_group_id_suffix: { max: 40, pattern: /^[a-z][a-z0-9-]*$/, refuse: /--|-$/ } },
  aws_backup_vault: { name: { min: 2, max: 50, pattern: /^[A-Za-z0-9_-]+$/ } },
  aws_backup_plan: { name: { max: 50, pattern: /^[A-Za-z0-9_.-]+$/ } },
  aws_backup_selection: { name: { max: 50, pattern: /^[A-Za-z0-9_.-]+$/ } },
  aws_sqs_queue: { name: { max: 80, pattern: /^[A-Za-z0-9_-]+(\.fifo)?$/ } },
  aws_s3_bucket: { bucket_prefix: { max: 37, pattern: /^[a-z0-9][a-z0-9.-]*$/, refuse: /\.\.|^xn--|^sthree-/ } },
  aws_security_group: { name: { max: 255, pattern: /^[\x20-\x7e]+$/, refuse: /^sg-/ } },
  aws_ecs_cluster: { name: ECS },
  aws_ecs_service: { name: ECS },
  aws_ecs_task_definition: { family: ECS },
  aws_appautoscaling_policy: { name: { max: 255, pattern: /^[^:]+$/ } },
  aws_autoscaling_policy: { name: { max: 255, pattern: /^.+$/ } },
  aws_launch_template: { name_prefix: { max: 102, pattern: /^[A-Za-z0-9()./_-]+$/ } },
  aws_autoscaling_group: { name_prefix: { max: 229, pattern: /^.+$/ } },
  aws_eks_cluster: { name: { max: 100, pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/ } },
  aws_eks_node_group: { node_group_name: { max: 63, pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/ } },
  aws_iam_role: { name: { max: 64, pattern: /^[\w+=,.@-]+$/ } },
  aws_iam_role_policy: { name: { max: 128, pattern: /^[\w+=,.@-]+$/ } },
  aws_wafv2_web_acl: { name: { max: 128, pattern: /^[\w-]+$/ } },
  aws_cloudwatch_metric_alarm: { alarm_name: { max: 255, pattern: /^[^\n]+$/ } },
  aws_cloudwatch_log_group: { name: { max: 512, pattern: /^[.\-_/#A-Za-z0-9]+$/ } },
  aws_secretsmanager_secret: { name_prefix: { max: 480, pattern: /^[\w/+=.@-]+$/ } },
};
/** Types the export writes that take no name of their own (AWS assigns ids). */
const UNNAMED = new Set([
  'aws_vpc', 'aws_default_security_group', 'aws_internet_gateway', 'aws_subnet', 'aws_route_table', 'aws_route_table_association', 'aws_eip', 'aws_nat_gateway',
  'aws_vpc_endpoint', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'aws_lb_listener', 'aws_lb_listener_rule', 'aws_autoscaling_attachment',
  'aws_appautoscaling_target', 'aws_eks_access_entry', 'aws_eks_access_policy_association', 'aws_eks_addon', 'aws_iam_openid_connect_provider', 'aws_iam_role_policy_attachment',
  'aws_kms_key', 'aws_secretsmanager_secret_version', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_versioning', 'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_replication_configuration', 'aws_route53_health_check', 'aws_route53_record', 'aws_cloudfront_distribution', 'aws_wafv2_web_acl_association',
]);

/** Names as AWS will see them: the template with each prefix the variable's validation admits. */
function resolve(value: string, prefix: string): string {
  return value.replace(/\$\{var\.name_prefix\}/g, prefix);
}

function nameProblems(parsed: Map<string, Parsed>, prefixes: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const content of parsed.values()) {
    for (const [type, byName] of Object.entries((content.resource ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>)) {
      const rules = RULES[type];
      if (!rules && !UNNAMED.has(type)) problems.push(`${type}: no naming rule in this test; add its rule (or list it as unnamed)`);
      for (const [label, bodies] of Object.entries(byName)) {
        for (const body of bodies) {
          for (const [argument, rule] of Object.entries(rules ?? {})) {
            const raw = body[argument];
            if (typeof raw !== 'string') continue;
            for (const prefix of prefixes) {
              const name = resolve(raw, prefix);
              const where = `${type}.${label}.${argument} = ${JSON.stringify(name)}`;
              if (name.length > rule.max) problems.push(`${where}: longer than ${rule.max}`);
              if (name.length < (rule.min ?? 1)) problems.push(`${where}: shorter than ${rule.min ?? 1}`);
              if (!rule.pattern.test(name)) problems.push(`${where}: does not match ${rule.pattern}`);
              if (rule.refuse?.test(name)) problems.push(`${where}: matches ${rule.refuse}`);
              // Names must be unique per type and region (IAM: per account); the provider alias stands for the region.
              const scope = `${type}.${argument}|${type.startsWith('aws_iam_') ? 'account' : String(body.provider)}|${name}`;
              const other = seen.get(scope);
              if (other && other !== `${type}.${label}`) problems.push(`${where}: also the name of ${other}`);
              seen.set(scope, `${type}.${label}`);
            }
          }
        }
      }
    }
  }
  return problems;
}

const templateDir = new URL('../../templates/', import.meta.url);
function load(name: string): Design {
  const result = loadDesign(readFileSync(new URL(name, templateDir), 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

/** The longest prefixes the validation admits: letters only, and hyphenated. */
const LONGEST_PREFIXES = ['a'.repeat(NAME_PREFIX_MAX), 'a1-b2-c3-d4-e5-f6'.slice(0, NAME_PREFIX_MAX)];

/** Gives components and regions new ids everywhere they are referred to. */
function renameIds(design: Design, componentIds: readonly string[], regionIds: readonly string[]): Design {
  const components = new Map(design.components.map((c, i) => [c.id, componentIds[i]!]));
  const regions = new Map(design.regions.map((r, i) => [r.id, regionIds[i]!]));
  const component = (id: string) => components.get(id) ?? id;
  const region = (id: string) => regions.get(id) ?? id;
  const props = (value: unknown): unknown =>
    typeof value === 'string' ? region(value) : Array.isArray(value) ? value.map(props) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, props(v)])) : value;
  return {
    ...design,
    regions: design.regions.map((r) => ({ ...r, id: region(r.id) })),
    components: design.components.map((c) => ({ ...c, id: component(c.id), region: c.region === undefined ? undefined : region(c.region), props: props(c.props) as typeof c.props })),
    connections: design.connections.map((c) => ({ ...c, from: component(c.from), to: component(c.to) })),
    journeys: design.journeys.map((j) => ({ ...j, from: component(j.from), needs: j.needs.map(component) })),
    suppressions: design.suppressions?.map((s) => ({ ...s, component: s.component === undefined ? undefined : component(s.component) })),
    layout: design.layout && Object.fromEntries(Object.entries(design.layout).map(([id, point]) => [component(id), point])),
    pricing: design.pricing && { ...design.pricing, usage: design.pricing.usage && Object.fromEntries(Object.entries(design.pricing.usage).map(([id, usage]) => [component(id), usage])) },
  };
}

/** Valid ids that break naive naming: digit first, 64 characters, `--`, and ids that read like another's derived names. */
const hostileId = fc.oneof(
  fc.stringMatching(/^[0-9][a-z0-9]{0,8}$/),
  fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{60,62}[a-z0-9])$/),
  fc.stringMatching(/^[a-z0-9]{1,6}--[a-z0-9]{1,6}$/),
  fc.constantFrom('db', 'db-replica-1', 'db-1', 'lb', 'lb-web', 'web', 'web-task', 'alb-from-cdn', 'primary-private-a', 'x-in-west', 'redis-auth', 'db-master', '1', 'a-b', 'a--b'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
);
/** Design names that become the default prefix: digit first, long, punctuation only. */
const designName = fc.oneof(fc.constantFrom('2024 Client portal', '---', '9', 'sg-platform', 'internal-tools', 'ℵ ünïcödé 名前', 'A'.repeat(200)), fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0));

describe('the default name prefix', () => {
  it('passes the prefix validation for any design name', () => {
    fc.assert(
      fc.property(designName, (name) => {
        const prefix = defaultNamePrefix(name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 20) || 'platform');
        expect(prefix.length).toBeLessThanOrEqual(NAME_PREFIX_MAX);
        expect(prefix).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(prefix).not.toMatch(/--|-$|^sg-|^internal-/);
      }),
    );
    expect(defaultNamePrefix('2024-client-portal')).toBe('p-2024-client-po');
  });

  it('is the default of the variable, with the validation that keeps every name valid', () => {
    const variables = generateTerraform(designFacts({ ...load('single-region-multi-az.yaml'), name: '2024 Client portal' })).find((f) => f.path === 'terraform/variables.tf')!.contents;
    expect(variables).toMatch(/variable "name_prefix" \{[^]*?default\s+= "p-2024-client-po"[^]*?validation \{\s+condition\s+= length\(var\.name_prefix\) <= 16 && can\(regex\("\^\[a-z\]\[a-z0-9-\]\*\$", var\.name_prefix\)\)/);
  });
});

describe('name suffixes', () => {
  it('fit their argument with the longest prefix, and stay distinct when shortened', () => {
    fc.assert(
      fc.property(fc.array(hostileId, { minLength: 1, maxLength: 3 }), fc.array(hostileId, { minLength: 1, maxLength: 3 }), (a, b) => {
        const x = nameSuffix('aws_lb.name', a);
        expect(`${'a'.repeat(NAME_PREFIX_MAX)}-${x}`.length).toBeLessThanOrEqual(32);
        expect(x).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
        expect(x).not.toContain('--');
        if (a.join('-') !== b.join('-')) expect(x).not.toBe(nameSuffix('aws_lb.name', b));
      }),
    );
  });
});

describe.each(['multi-region-active-active.yaml', 'multi-region-active-passive.yaml', 'erp-on-kubernetes.yaml', 'single-region-multi-az.yaml'])('names in %s with hostile ids and design names', (template) => {
  const base = load(template);
  it('fit every naming rule of every resource type written, never collide, and give unique addresses', async () => {
    const ids = fc.uniqueArray(hostileId, { minLength: base.components.length, maxLength: base.components.length });
    const regionIds = fc.uniqueArray(hostileId, { minLength: base.regions.length, maxLength: base.regions.length });
    await fc.assert(
      fc.asyncProperty(ids, regionIds, designName, async (componentIds, regions, name) => {
        const design = { ...renameIds(base, componentIds, regions), name };
        const files = generateTerraform(designFacts(design));
        const parsed = await parseFiles(files);
        const variables = (parsed.get('terraform/variables.tf')!.variable as Record<string, { default: string }[]>).name_prefix![0]!;
        expect(nameProblems(parsed, [variables.default, ...LONGEST_PREFIXES])).toEqual([]);
        expect(duplicateAddresses(parsed)).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 240_000); // generous: every run parses a whole export

  it('the ids db and db-replica-1 beside a database with a read replica give distinct resources', async () => {
    // An RDS instance (not Aurora, not a Multi-AZ cluster) with a read replica: its replica is `<id>-replica-1`.
    const database = base.components.find((c) => {
      const props = c.props as { readReplicas?: number; engine?: string; ha?: string; hosting?: string } | undefined;
      return c.kind === 'relational-db' && (props?.readReplicas ?? 0) > 0 && !props?.engine?.startsWith('aurora') && props?.ha !== 'cluster' && props?.hosting !== 'kubernetes';
    });
    if (!database) return;
    const clash = { ...database, id: `${database.id}-replica-1`, props: { ...database.props, readReplicas: 0 } };
    const files = generateTerraform(designFacts({ ...base, components: [...base.components, clash] }));
    const parsed = await parseFiles(files);
    expect(duplicateAddresses(parsed)).toEqual([]);
    const instances = Object.keys(((parsed.get('terraform/data.tf')!.resource as Record<string, object>).aws_db_instance ?? {}) as object);
    expect(instances).toEqual(expect.arrayContaining([`${database.id.replace(/-/g, '_')}_replica_1`, `${database.id.replace(/-/g, '_')}_replica_1_2`]));
  });
});
