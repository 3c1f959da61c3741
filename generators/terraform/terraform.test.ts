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
import { HclFile, identifier, renderFile, attr, block, template, raw, type BodyItem } from './hcl';
import { Utf8File } from '../types';
import { AWS_PROVIDER_CONSTRAINT, generateTerraform } from './index';
import { duplicateAddresses, ORACLES, oracleProblems, parseFiles, referenceProblems } from './testing';

const templateDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();
const fixtureDir = new URL('./fixtures/', import.meta.url);

function load(url: URL): Design {
  const result = loadDesign(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

const terraformBinary = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

/** Every check an export must pass offline: HCL, both provider schemas, references, unique addresses. */
async function exportProblems(files: { path: string; contents: string }[]): Promise<string[]> {
  const parsed = await parseFiles(files);
  return [...ORACLES.flatMap(({ version, schema }) => oracleProblems(parsed, schema, version)), ...referenceProblems(files, parsed), ...duplicateAddresses(parsed).map((a) => `declared twice: ${a}`)];
}

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

  it('writes a file of many chunks as it writes each block alone, empty blocks and text beyond ASCII at chunk ends included', () => {
    const blocks = Array.from({ length: 3000 }, (_, i) =>
      block('resource', ['aws_thing', `r${'x'.repeat(i % 37)}_${i}`], i % 3 === 0 ? [] : [attr('name', `é€😀 ${'y'.repeat(i % 53)}`), attr('n', i)]),
    );
    const file = new HclFile();
    for (const b of blocks) file.add(b);
    const expected = blocks.map((b) => renderFile([{ kind: 'block', block: b }])).join('\n');
    const chunks = file.utf8();
    expect(chunks.length).toBeGreaterThan(2);
    expect(file.text()).toBe(expected);
    expect(Buffer.concat(chunks).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(new Utf8File('x.tf', chunks).contents).toBe(expected);
  });

  it('aligns runs of single-line arguments on "=" and breaks runs at blocks and multi-line values', () => {
    const body: BodyItem[] = [attr('a', 1), attr('longer_name', 'x'), { kind: 'block', block: block('inner', [], [attr('z', true)]) }, attr('b', 2)];
    expect(renderFile([{ kind: 'block', block: block('resource', ['aws_vpc', 'main'], body) }])).toBe(
      'resource "aws_vpc" "main" {\n  a           = 1\n  longer_name = "x"\n  inner {\n    z = true\n  }\n  b = 2\n}\n',
    );
  });

  it('writes object keys computed from a template (IAM conditions on an OIDC issuer)', async () => {
    const file = renderFile([{ kind: 'block', block: block('locals', [], [attr('condition', { kind: 'object', entries: [[template(raw('local.issuer'), ':sub'), 'system:serviceaccount:default:web']] })]) }]);
    expect(file).toContain('"${local.issuer}:sub" = "system:serviceaccount:default:web"');
    await expect(parse('x.tf', file)).resolves.toBeDefined();
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

  it("parses with the HCL parser, and every resource, data source, argument and block is in both provider releases' schemas", async () => {
    expect(files.filter((f) => f.path.endsWith('.tf')).length).toBeGreaterThan(3);
    expect(await exportProblems(files)).toEqual([]);
  });

  it('admits a range of provider releases and gives every region an aliased provider', async () => {
    const parsed = await parseFiles(files);
    const providers = (parsed.get('terraform/providers.tf')!.provider as { aws: { alias: string; region: string }[] }).aws;
    expect(providers.map((p) => p.alias).sort()).toEqual([...design.regions.map((r) => identifier(r.id)), 'global'].sort());
    const versions = files.find((f) => f.path === 'terraform/versions.tf')!.contents;
    expect(versions).toContain(`version = "${AWS_PROVIDER_CONSTRAINT}"`);
    expect(versions).not.toMatch(/version\s*=\s*"=?\s*\d+\.\d+\.\d+"/);
  });

  it('never writes a secret as a literal, and reads generated ones from Secrets Manager', () => {
    const text = files.map((f) => f.contents).join('\n');
    expect(text).not.toMatch(/\b(password|master_password|auth_token|secret_string)\s*=\s*"/);
    for (const match of text.matchAll(/\b(?:password|master_password|auth_token)\s*=\s*(.+)/g)) expect(match[1]).toMatch(/^(jsondecode\()?(aws_secretsmanager_secret_version|data\.aws_secretsmanager_random_password)\./);
  });

  it('ships terraform test files that parse and mock every provider alias', async () => {
    const tests = files.find((f) => f.path === 'terraform/tests/design.tftest.hcl')!;
    const parsed = (await parse('design.tftest.hcl', tests.contents)) as { mock_provider: { aws: { alias?: string }[] }; run: Record<string, { command: string; assert: { condition: string; error_message: string }[] }[]> };
    expect(parsed.mock_provider.aws.map((p) => p.alias ?? '').sort()).toEqual(['', ...design.regions.map((r) => identifier(r.id)), 'global'].sort());
    const run = parsed.run.design_promises![0]!;
    expect(run.command).toBe('${plan}');
    expect(tests.contents).toContain('# subnets in every zone');
    expect(run.assert.length).toBeGreaterThan(design.regions.length);
    expect(files.find((f) => f.path === 'terraform/README.md')!.contents).toContain('terraform test');
  });

  it.runIf(terraformBinary)(terraformBinary ? 'is formatted as terraform fmt formats it' : 'terraform fmt -check skipped: terraform is not on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-fmt-'));
    try {
      for (const file of files.filter((f) => /\.(tf|hcl)$/.test(f.path))) {
        const path = join(dir, file.path.slice('terraform/'.length).replace(/\//g, '_'));
        writeFileSync(path, file.contents);
      }
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
    expect(text('data.tf')).toMatch(/resource "aws_db_instance" "dr_db" \{[^]*?provider\s+= aws\.dr[^]*?replicate_source_db\s+= aws_db_instance\.db\.arn[^]*?skip_final_snapshot\s+= true/);
  });

  it('a source of read replicas keeps its password in a generated secret (RDS cannot manage it for replicas), replicated to the replica\'s region', () => {
    expect(text('data.tf')).toMatch(/resource "aws_db_instance" "db" \{[^]*?password\s+= jsondecode\(aws_secretsmanager_secret_version\.db_master\.secret_string\)\["password"\]/);
    expect(text('data.tf')).not.toMatch(/resource "aws_db_instance" "db" \{[^}]*manage_master_user_password/);
    expect(text('secrets.tf')).toMatch(/resource "aws_secretsmanager_secret" "db_master" \{[^]*?replica \{\s+region = "us-west-2"/);
  });

  it('backups copy to the other region and to the backup account; failover records steer between regions', () => {
    expect(text('backup.tf')).toMatch(/copy_action \{\s+destination_vault_arn = format\("arn:aws:backup:%s:%s:backup-vault:%s", "us-west-2", data\.aws_caller_identity\.current\.account_id, aws_backup_vault\.dr_backups\.name\)/);
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

describe('CloudFront in front of the load balancers', () => {
  const files = generateTerraform(designFacts(load(new URL('multi-region-active-passive.yaml', templateDir))));
  const text = (name: string) => files.find((f) => f.path === `terraform/${name}`)!.contents;

  it('forwards the viewer Host header on every behavior, so the certificate for the domain matches (no 502)', () => {
    const distribution = text('edge.tf').slice(text('edge.tf').indexOf('resource "aws_cloudfront_distribution"'));
    const behaviors = [...distribution.matchAll(/(default_cache_behavior|ordered_cache_behavior) \{[^]*?\n {2}\}/g)].map((m) => m[0]);
    expect(behaviors.length).toBe(2);
    // Managed-AllViewer; Managed-AllViewerExceptHostHeader would leave Host out.
    for (const behavior of behaviors) expect(behavior).toContain('origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"');
    expect(distribution).not.toContain('b689b0a8-53d0-40ab-baf2-68738e2966ac');
  });

  it('admits only CloudFront at the load balancers: prefix list, no 0.0.0.0/0, and the secret header checked by the listener', () => {
    expect(text('network.tf')).toContain('name     = "com.amazonaws.global.cloudfront.origin-facing"');
    expect(text('network.tf')).toMatch(/resource "aws_vpc_security_group_ingress_rule" "alb_from_cloudfront" \{[^}]*prefix_list_id\s+= data\.aws_ec2_managed_prefix_list\.primary_cloudfront\.id/);
    expect(text('network.tf')).not.toMatch(/"alb_internet_443"|"dr_alb_internet_443"/);
    expect(text('app.tf')).toMatch(/resource "aws_lb_listener" "alb_https" \{[^]*?default_action \{\s+type = "fixed-response"[^]*?status_code\s+= "403"/);
    expect(text('app.tf')).toMatch(/resource "aws_lb_listener_rule" "alb_from_cdn" \{[^]*?http_header_name = "X-Origin-Verify"\s+values\s+= \[aws_secretsmanager_secret_version\.cdn_origin\.secret_string\]/);
    expect(text('edge.tf')).toMatch(/custom_header \{\s+name\s+= "X-Origin-Verify"\s+value = aws_secretsmanager_secret_version\.cdn_origin\.secret_string/);
  });

  it('health-checks the regions through CloudWatch alarms, since Route 53 cannot reach load balancers that admit only CloudFront', () => {
    expect(text('edge.tf')).toMatch(/resource "aws_route53_health_check" "alb" \{[^}]*type\s+= "CLOUDWATCH_METRIC"[^}]*cloudwatch_alarm_name\s+= aws_cloudwatch_metric_alarm\.alb_healthy_targets\.alarm_name/);
  });

  it('enables zonal shift on every load balancer, as the zone-loss runbook expects', () => {
    expect([...text('app.tf').matchAll(/resource "aws_lb" "[a-z_]+" \{[^]*?enable_zonal_shift\s+= true/g)].length).toBe(2);
  });
});

describe('private subnets without a NAT gateway', () => {
  // The multi-AZ template without its NAT gateways: containers in private subnets, and a call to the ERP outside AWS.
  const withNat = load(new URL('single-region-multi-az.yaml', templateDir));
  const nats = new Set(withNat.components.filter((c) => c.kind === 'nat-gateway').map((c) => c.id));
  const design: Design = {
    ...withNat,
    components: withNat.components.filter((c) => !nats.has(c.id)),
    connections: withNat.connections.filter((c) => !nats.has(c.from) && !nats.has(c.to)).concat(withNat.connections.filter((c) => nats.has(c.to)).flatMap((into) => withNat.connections.filter((c) => c.from === into.to).map((out) => ({ ...out, from: into.from })))),
  };
  const files = generateTerraform(designFacts(design));
  const text = (name: string) => files.find((f) => f.path === `terraform/${name}`)!.contents;

  it('reach ECR, S3, logs, STS and Secrets Manager through VPC endpoints, and tasks start after them', () => {
    expect(text('network.tf')).not.toContain('aws_nat_gateway');
    for (const service of ['ecr.api', 'ecr.dkr', 'logs', 'sts', 'secretsmanager']) expect(text('network.tf')).toMatch(new RegExp(`service_name\\s+= "com\\.amazonaws\\.[a-z0-9-]+\\.${service.replace('.', '\\.')}"[^}]*vpc_endpoint_type\\s+= "Interface"`));
    expect(text('network.tf')).toMatch(/service_name\s+= "com\.amazonaws\.[a-z0-9-]+\.s3"\s+vpc_endpoint_type\s+= "Gateway"/);
    expect(text('app.tf')).toMatch(/resource "aws_ecs_service" "[a-z_]+" \{[^]*?depends_on = \[[^\]]*aws_vpc_endpoint\./);
  });

  it('say in the README that calls to systems outside AWS need a NAT gateway', () => {
    expect(text('README.md')).toMatch(/calls a system outside AWS, but region `[a-z0-9-]+` has no NAT gateway/);
  });
});

describe('ECS services', () => {
  const files = generateTerraform(designFacts(load(new URL('multi-region-active-passive.yaml', templateDir))));
  const text = (name: string) => files.find((f) => f.path === `terraform/${name}`)!.contents;
  const taskDefinition = (id: string) => text('app.tf').match(new RegExp(`resource "aws_ecs_task_definition" "${id}" \\{[^]*?\\n\\}`))![0];

  it('run with a task role allowed to reach what the design connects them to', () => {
    expect(taskDefinition('web')).toContain('task_role_arn            = aws_iam_role.web_task.arn');
    const policy = text('iam.tf').match(/resource "aws_iam_role_policy" "web_task" \{[^]*?\n\}/)![0];
    expect(policy).toContain('"s3:PutObject"');
    expect(policy).toContain('aws_s3_bucket.documents.arn');
    expect(policy).toContain('"sqs:SendMessage"');
    expect(text('iam.tf').match(/resource "aws_iam_role_policy" "workers_task" \{[^]*?\n\}/)![0]).toContain('"sqs:ReceiveMessage"');
  });

  it('get the endpoints as environment and the credentials as secrets, from the region they run in', () => {
    const web = taskDefinition('web');
    expect(web).toMatch(/name\s+= "DB_HOST"\s+value = aws_db_instance\.db\.address/);
    expect(web).toMatch(/name\s+= "DB_PASSWORD"\s+valueFrom = format\("%s:password::", aws_secretsmanager_secret\.db_master\.arn\)/);
    expect(web).toMatch(/name\s+= "REDIS_AUTH_TOKEN"/);
    expect(web).toMatch(/name\s+= "ERP_OUTBOX_QUEUE_URL"\s+value = aws_sqs_queue\.erp_outbox\.url/);
    // The standby region reads the replica of the secret in its own region.
    expect(taskDefinition('dr_web')).toMatch(/name\s+= "DR_DB_PASSWORD"\s+valueFrom = format\("%s:password::", replace\(aws_secretsmanager_secret\.db_master\.arn, ":us-east-1:", ":us-west-2:"\)\)/);
    expect(text('iam.tf')).toMatch(/resource "aws_iam_role_policy" "web_exec" \{[^]*?"secretsmanager:GetSecretValue"/);
  });
});

describe('Kubernetes', () => {
  const files = generateTerraform(designFacts(load(new URL('erp-on-kubernetes.yaml', templateDir))));
  const text = (name: string) => files.find((f) => f.path === `terraform/${name}`)!.contents;

  it('gives the cluster an administrator and an API the Helm step can reach', () => {
    expect(text('app.tf')).toMatch(/resource "aws_eks_access_entry" "primary_admin" \{[^}]*principal_arn = var\.eks_admin_principal_arn/);
    expect(text('app.tf')).toMatch(/resource "aws_eks_access_policy_association" "primary_admin" \{[^]*?AmazonEKSClusterAdminPolicy[^]*?access_scope \{\s+type = "cluster"/);
    expect(text('app.tf')).toMatch(/public_access_cidrs\s+= var\.eks_public_access_cidrs/);
    expect(text('app.tf')).not.toMatch(/\bdeletion_protection\s+= true[^]*?aws_eks_access_entry/); // provider 6 only
  });

  it('installs the EBS CSI driver with its role, and gives CloudNativePG backups a role on their bucket', () => {
    expect(text('app.tf')).toMatch(/resource "aws_eks_addon" "primary_ebs_csi" \{[^}]*addon_name\s+= "aws-ebs-csi-driver"[^}]*service_account_role_arn = aws_iam_role\.primary_ebs_csi\.arn/);
    expect(text('iam.tf')).toMatch(/resource "aws_iam_role" "postgres_backups" \{[^]*?system:serviceaccount:\$\{var\.kubernetes_namespace\}:postgres/);
    expect(text('iam.tf')).toMatch(/resource "aws_iam_role_policy" "postgres_backups" \{[^]*?aws_s3_bucket\.backups\.arn/);
  });

  it('sends the load balancer to Traefik on its node port and health-checks /ping there', () => {
    expect(text('app.tf')).toMatch(/resource "aws_lb_target_group" "nlb_traefik" \{[^]*?target_type\s+= "instance"\s+port\s+= 30080[^]*?path\s+= "\/ping"/);
    expect(text('app.tf')).toMatch(/resource "aws_autoscaling_attachment" "nlb_traefik" \{/);
    expect(text('app.tf')).toMatch(/resource "aws_lb_listener" "nlb_tls" \{[^}]*protocol\s+= "TLS"[^}]*certificate_arn\s+= var\.primary_certificate_arn/);
  });
});

describe('active-active with Aurora and Redis in both regions', () => {
  const files = generateTerraform(designFacts(load(new URL('multi-region-active-active.yaml', templateDir))));
  const text = (name: string) => files.find((f) => f.path === `terraform/${name}`)!.contents;

  it('makes each writer the primary of an Aurora global database with a secondary in the other region, not two independent writers', () => {
    expect(text('data.tf')).toContain('resource "aws_rds_global_cluster" "east_db"');
    expect(text('data.tf')).toContain('resource "aws_rds_global_cluster" "west_db"');
    expect(text('data.tf')).toMatch(/resource "aws_rds_cluster" "east_db_in_west" \{[^]*?provider\s+= aws\.west[^]*?global_cluster_identifier\s+= aws_rds_global_cluster\.east_db\.id/);
    expect(text('data.tf')).not.toMatch(/resource "aws_rds_cluster" "east_db_in_west" \{[^}]*master_username/);
    // AWS cannot keep the master password of a global database in Secrets Manager itself.
    expect(text('data.tf')).not.toContain('manage_master_user_password');
  });

  it('replicates each Redis through an ElastiCache global datastore', () => {
    expect(text('cache.tf')).toMatch(/resource "aws_elasticache_global_replication_group" "east_redis" \{[^]*?primary_replication_group_id\s+= aws_elasticache_replication_group\.east_redis\.id/);
    expect(text('cache.tf')).toMatch(/resource "aws_elasticache_replication_group" "east_redis_in_west" \{[^]*?global_replication_group_id\s+= aws_elasticache_global_replication_group\.east_redis\.global_replication_group_id/);
    const secondary = text('cache.tf').slice(text('cache.tf').indexOf('resource "aws_elasticache_replication_group" "east_redis_in_west"'));
    // A secondary takes its engine and node type from the primary (the provider refuses them together).
    expect(secondary.slice(0, secondary.indexOf('\n}\n'))).not.toMatch(/\b(node_type|engine|transit_encryption_enabled)\s+=/);
  });

  it('watches the memory of every node of a Redis the journeys need, since the primary moves on failover', () => {
    for (const id of ['east_redis']) {
      const nodes = Number(new RegExp(`resource "aws_elasticache_replication_group" "${id}" \\{[^]*?num_cache_clusters\\s+= (\\d+)`).exec(text('cache.tf'))![1]);
      expect(nodes).toBeGreaterThan(1);
      const watched = [...text('observability.tf').matchAll(new RegExp(`CacheClusterId = "\\$\\{aws_elasticache_replication_group\\.${id}\\.replication_group_id\\}-(\\d{3})"`, 'g'))].map((m) => Number(m[1]));
      expect(watched, id).toEqual(Array.from({ length: nodes }, (_, i) => i + 1));
    }
  });
});

describe('a generated two-region design', () => {
  it('parses, checks out against both oracles and resolves every reference', async () => {
    const files = generateTerraform(designFacts(syntheticDesign(120, 7)));
    expect(await exportProblems(files)).toEqual([]);
  }, 60_000);
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
    expect(await exportProblems(files)).toEqual([]);
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
        // Regions keep distinct locations (the index first, so truncation keeps it): two regions in one place would be another design.
        const design = withNames(base, (kind, index) => (kind === 'region' ? `${index}${region}` : { component, journey, design: designName }[kind]!));
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
  }, 180_000); // generous: many parses, on shared CI machines

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
      for (const file of generateTerraform(designFacts(design)).filter((f) => /\.(tf|hcl)$/.test(f.path))) writeFileSync(join(dir, file.path.slice('terraform/'.length).replace(/\//g, '_')), file.contents);
      expect(execFileSync('terraform', ['fmt', '-check', '-diff', dir], { encoding: 'utf8' })).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
