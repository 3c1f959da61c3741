import { formatDuration } from '../../../src/model';
import type { DesignFacts } from '../../design-facts';
import { Utf8File, type GeneratedFile } from '../../types';
import { defaultNamePrefix, markdownText } from '../../text';
import { INGRESS_NODE_PORT } from '../../kubernetes';
import { TERRAFORM_FILES, TerraformBuilder, tagValue, type TerraformFile, type VariableSpec } from './builder';
import { attr, block, comment, identifier, list, nested, object, raw, renderFile, renderFileUtf8, type BodyItem, type Expr } from '../hcl';
import { generateNetwork } from './network';
import { generateApp } from './app';
import { generateEdge } from './edge';
import { generateCache, generateData, generateQueues } from './data';
import { generateBackup, generateStorage } from './storage';
import { generateObservability } from './observability';
import { NAME_PREFIX_VALIDATION } from './names';

/**
 * The AWS provider releases the export is valid for: every argument it writes exists, with the
 * same meaning, in 5.100.0 and in 6.58.0 (checked against both schemas in
 * generators/terraform/oracle/, and by `terraform validate` where a provider is installed).
 * Arguments that only provider 6 has (EKS `deletion_protection`, the per-resource `region`) are
 * left out; 7.0 may remove or rename what 6 deprecates, so it is excluded until checked.
 */
export const AWS_PROVIDER_CONSTRAINT = '>= 5.100, < 7.0';
/** The releases the constraint was checked against, oldest first. */
export const AWS_PROVIDER_CHECKED = ['5.100.0', '6.58.0'] as const;
/** Terraform 1.7 brought `mock_provider` for the shipped tests; the name validation uses `strcontains` (1.5). */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.7.0';

const FILE_PURPOSE: Record<(typeof TERRAFORM_FILES)[number], string> = {
  'versions.tf': 'Terraform and the range of AWS provider releases the code is valid for.',
  'providers.tf': 'One aliased provider per region of the design, plus `global` (us-east-1) for Route 53, CloudFront and its WAF.',
  'variables.tf': 'Everything the design does not say, with safe defaults and validation; inputs without a default are listed below.',
  'network.tf': 'VPCs, a public and a private subnet per zone, NAT gateways per zone as designed (VPC endpoints where there is none), security groups from the connections.',
  'secrets.tf': 'Passwords and tokens generated into Secrets Manager (never written here), replicated to the regions that read them.',
  'iam.tf': 'Roles the services run with: ECS task and execution roles, IAM roles for Kubernetes service accounts, the EBS CSI driver.',
  'edge.tf': 'Route 53 health checks and records (failover or latency across regions), CloudFront, WAF.',
  'app.tf': 'Load balancers with health checks and zonal shift, ECS on Fargate, EKS or Auto Scaling groups as each runtime says, autoscaling.',
  'async.tf': 'SQS queues and their dead-letter queues.',
  'data.tf': 'RDS and Aurora: Multi-AZ, read replicas, global databases across regions, backup retention, deletion protection.',
  'cache.tf': 'ElastiCache replication groups with automatic failover, global datastores across regions.',
  'storage.tf': 'S3 buckets with versioning, encryption, public access blocked, replication.',
  'backup.tf': 'AWS Backup vaults and plans, copies to the other region or account.',
  'observability.tf': "CloudWatch alarms on the journeys' components, queues and health checks, each naming its runbook.",
  'outputs.tf': 'Endpoints, names and role ARNs the application, the Helm values and the runbooks need.',
};

function blankLine(): BodyItem {
  return { kind: 'blank' };
}

function versions(): BodyItem[] {
  return [
    comment(`Valid for AWS provider releases ${AWS_PROVIDER_CONSTRAINT} (checked against ${AWS_PROVIDER_CHECKED.join(' and ')}).`),
    {
      kind: 'block',
      block: block('terraform', [], [
        attr('required_version', TERRAFORM_REQUIRED_VERSION),
        blankLine(),
        nested('required_providers', [
          attr(
            'aws',
            object([
              ['source', 'hashicorp/aws'],
              ['version', AWS_PROVIDER_CONSTRAINT],
            ]),
          ),
        ]),
      ]),
    },
  ];
}

function providers(b: TerraformBuilder): BodyItem[] {
  const defaultTags = nested('default_tags', [
    attr(
      'tags',
      object([
        ['ninesmith:design', b.facts.slug],
        ['ninesmith:design-name', tagValue(b.facts.design.name)],
        ['ninesmith:tier', b.facts.design.tier],
      ]),
    ),
  ]);
  const items: BodyItem[] = [];
  for (const region of b.facts.regions) {
    items.push(comment(`Region ${region.id}: ${region.role}, zones ${region.zones.join(', ')}.`));
    items.push({ kind: 'block', block: block('provider', ['aws'], [attr('alias', identifier(region.id)), attr('region', region.location), blankLine(), defaultTags]) });
    items.push(blankLine());
  }
  items.push(comment('Global services (Route 53, CloudFront, its certificate and WAF, their metrics) live in us-east-1.'));
  items.push({ kind: 'block', block: block('provider', ['aws'], [attr('alias', 'global'), attr('region', 'us-east-1'), blankLine(), defaultTags]) });
  return items;
}

function sortedVariables(b: TerraformBuilder): [string, VariableSpec][] {
  return [...b.variables.entries()].sort(([a], [c]) => (a === 'name_prefix' ? -1 : c === 'name_prefix' ? 1 : a.localeCompare(c)));
}

function variables(b: TerraformBuilder): BodyItem[] {
  const items: BodyItem[] = [];
  for (const [name, spec] of sortedVariables(b)) {
    if (items.length > 0) items.push(blankLine());
    items.push({
      kind: 'block',
      block: block('variable', [name], [
        attr('description', spec.description),
        attr('type', raw(spec.type)),
        spec.default !== undefined && attr('default', spec.default),
        spec.sensitive === true && attr('sensitive', true),
        ...(spec.validation ?? []).map((v) => nested('validation', [attr('condition', raw(v.condition)), attr('error_message', v.message)])),
      ]),
    });
  }
  return items;
}

/** A value of a variable without a default for the shipped tests: its example, or a placeholder of its type. */
function testValue(name: string, spec: VariableSpec): Expr {
  if (spec.example !== undefined) return spec.example;
  if (spec.type === 'number') return 1;
  if (spec.type === 'bool') return true;
  if (spec.type.startsWith('list(')) return list([`test-${name}`]);
  return `test-${name}`;
}

/**
 * `terraform test` for the export: mocked providers (no AWS account, no credentials, nothing
 * created) and `command = plan` runs that assert what the design promises, one run per promise.
 */
function designTests(b: TerraformBuilder): string {
  const items: BodyItem[] = [
    comment(`What design ${b.facts.slug} promises, checked on the plan: terraform init -backend=false && terraform test`),
    comment('The AWS providers are mocked: nothing is created and no credentials are needed (Terraform 1.7 or later).'),
    { kind: 'block', block: block('mock_provider', ['aws'], []) },
  ];
  for (const region of b.facts.regions) items.push({ kind: 'block', block: block('mock_provider', ['aws'], [attr('alias', identifier(region.id))]) });
  items.push({ kind: 'block', block: block('mock_provider', ['aws'], [attr('alias', 'global')]) });
  for (const override of b.testOverrides) {
    items.push(blankLine(), { kind: 'block', block: block('override_data', [], [attr('target', raw(override.target)), attr('values', object(Object.entries(override.values)))]) });
  }
  const required = sortedVariables(b).filter(([, spec]) => spec.default === undefined);
  if (required.length > 0) items.push(blankLine(), { kind: 'block', block: block('variables', [], required.map(([name, spec]) => attr(name, testValue(name, spec)))) });
  // One run for every promise: each run plans again, and a plan loads the provider's schema (seconds each).
  const groups = new Map<string, { condition: string; message: string }[]>();
  for (const check of b.checks) {
    const group = groups.get(check.run);
    if (group) group.push(check);
    else groups.set(check.run, [check]);
  }
  const asserts: BodyItem[] = [attr('command', raw('plan'))];
  for (const [promise, checks] of groups) {
    asserts.push(blankLine(), comment(promise.replace(/_/g, ' ')));
    for (const check of checks) asserts.push(nested('assert', [attr('condition', raw(check.condition)), attr('error_message', check.message)]));
  }
  if (groups.size > 0) items.push(blankLine(), { kind: 'block', block: block('run', ['design_promises'], asserts) });
  return renderFile(items);
}

function readme(b: TerraformBuilder, written: readonly string[]): string {
  const { design, tier } = b.facts;
  const kubernetes = b.resourceNames('app.tf', 'aws_eks_cluster').length > 0;
  const cdn = b.resourceNames('edge.tf', 'aws_cloudfront_distribution').length > 0;
  const lines = [
    `# Terraform for "${markdownText(design.name)}"`,
    '',
    `Generated by Ninesmith from the design file (tier **${design.tier}**: availability ${tier.availability}%, RTO ${formatDuration(tier.rtoSeconds)}, RPO ${formatDuration(tier.rpoSeconds)}).`,
    `AWS provider \`${AWS_PROVIDER_CONSTRAINT}\` (checked against ${AWS_PROVIDER_CHECKED.join(' and ')}), Terraform \`${TERRAFORM_REQUIRED_VERSION}\`, one aliased provider per region (${design.regions.map((r) => `\`${identifier(r.id)}\` = ${markdownText(r.location)}`).join(', ') || 'none'}).`,
    'What the design says is written as arguments; what it does not say is a variable with a safe default. Every resource is tagged with',
    `the design (\`ninesmith:design = ${b.facts.slug}\`) and, where it comes from one, the component's id (\`ninesmith:component\`).`,
    'Resource names are `<name_prefix>-<component id>`, shortened with a hash where an AWS limit requires it (load balancers and target groups: 32 characters, ElastiCache: 40, RDS: 63).',
    '',
    '## Files',
    '',
    '| file | what it holds |',
    '| --- | --- |',
    ...written.map((file) => `| \`${file}\` | ${FILE_PURPOSE[file as keyof typeof FILE_PURPOSE] ?? ''} |`),
    '| `tests/design.tftest.hcl` | What the design promises (zones, Multi-AZ, backup copies, who may reach the load balancers), checked by `terraform test` on the plan. |',
    '',
    '## Fill in before the first plan',
    '',
    'Create a `terraform.tfvars` (keep it out of git if it holds anything sensitive) with:',
    '',
    ...(b.fillIns.length > 0 ? unique(b.fillIns).map((item) => `- [ ] ${item}`) : ['- nothing: every input has a default.']),
    '',
    'Database master passwords are kept by RDS in Secrets Manager (`manage_master_user_password`) where RDS supports it; for replicated and global databases, and for cache AUTH tokens, Secrets Manager generates them into secrets of their own (`secrets.tf`), replicated to the regions that read them. No password is written here. Services receive their endpoints as environment variables and their credentials as secrets of the task definition.',
    '',
    '## Check it before applying',
    '',
    '```sh',
    'terraform init -backend=false   # no state needed to check',
    'terraform validate',
    'terraform fmt -check',
    'terraform test                  # mocked AWS provider: no account, nothing created',
    '```',
    '',
    '## Order to apply',
    '',
    '1. `terraform init` (remote state with locking first: add a `backend` block for your state bucket).',
    '2. The account baseline this export expects: the IAM roles and the certificates named in the list above.',
    '3. `terraform plan -out=plan.tfplan` and review it; Terraform orders resources by their references, so one plan covers network, data and compute. Databases, load balancers, clusters and buckets are protected from deletion on purpose.',
    '4. `terraform apply plan.tfplan`. RDS, ElastiCache and CloudFront take 15 to 40 minutes.',
    `5. Deploy the application: container images for ECS${kubernetes ? ', or the Helm values in `../helm` for Kubernetes workloads' : ''}.`,
    '6. Point the alarms at your on-call rotation (`alarm_actions`) and walk the runbooks in `../runbooks` once, including a restore test.',
    '',
    '## Decisions this export makes',
    '',
    '- **TLS** ends at the load balancers with the ACM certificates for the platform\'s domain (network load balancers too, with a TLS listener); targets receive plain HTTP or TCP.',
    ...(cdn
      ? [
          '- **CloudFront to the load balancers** forwards the viewer `Host` header (managed policy AllViewer), so the regional certificates for the domain match and CloudFront never answers 502 for a name mismatch.',
          '- **Only CloudFront reaches the load balancers behind it**: their security groups admit the CloudFront origin-facing prefix list only, and their HTTPS listeners forward only requests carrying the `X-Origin-Verify` secret (generated in `secrets.tf`); anything else gets 403, so the WAF cannot be bypassed. Route 53 health checks of those load balancers follow a CloudWatch alarm on their healthy targets, since Route 53\'s checkers cannot reach them.',
        ]
      : []),
    '- **Zonal shift** is enabled on every load balancer, for the zone-loss runbook (`aws arc-zonal-shift start-zonal-shift`).',
    '- **Private subnets without a NAT gateway** in the design reach AWS services through VPC endpoints (ECR, S3, CloudWatch Logs, STS, Secrets Manager, and EC2 for EKS nodes); they reach nothing else on the internet.',
    ...(kubernetes
      ? [
          '- **EKS**: API authentication with an access entry for `eks_admin_principal_arn` (cluster admin), who runs the Helm step from the addresses in `eks_public_access_cidrs` (or from inside the VPC with the public endpoint off). Pods get AWS permissions through IAM roles for service accounts (the cluster\'s OIDC provider); the EBS CSI driver add-on provides volumes.',
          `- **Traefik** is reached on port ${INGRESS_NODE_PORT} of every node (a NodePort Service, no second load balancer): the nodes' Auto Scaling group is attached to the load balancer's target group, which checks \`/ping\` there.`,
        ]
      : []),
    '',
  ];
  if (b.notGenerated.length > 0) {
    lines.push('## Not generated here', '', ...unique(b.notGenerated).map((item) => `- ${item}`), '');
  }
  return lines.join('\n');
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Terraform for AWS: the layout a platform team writes by hand, one file per layer, and its tests. */
export function generateAwsTerraform(facts: DesignFacts): GeneratedFile[] {
  const b = new TerraformBuilder(facts);
  b.variable('name_prefix', {
    description: 'Prefix of every resource name: short, lower-case, unique per environment.',
    type: 'string',
    default: defaultNamePrefix(facts.slug),
    validation: [{ condition: NAME_PREFIX_VALIDATION.condition, message: NAME_PREFIX_VALIDATION.message }],
  });
  generateNetwork(b);
  generateApp(b);
  generateEdge(b);
  generateQueues(b);
  generateData(b);
  generateCache(b);
  generateStorage(b);
  generateBackup(b);
  generateObservability(b);
  // What the design holds that this stack leaves out, first in design order, then what the emitters noted.
  b.notGenerated.unshift(
    ...b.roles.notGenerated.map((entry) => entry.reason),
    ...b.roles.members('kubernetes-database').map(({ c }) => `\`${c.id}\` runs on Kubernetes (CloudNativePG): see \`helm/platform/cloudnative-pg-cluster/${c.id}.values.yaml\`; this stack gives its backups an IAM role.`),
  );
  // Written last: they list what the layers asked for.
  const whole: Partial<Record<TerraformFile, readonly BodyItem[]>> = { 'versions.tf': versions(), 'providers.tf': providers(b), 'variables.tf': variables(b) };
  const files: GeneratedFile[] = [];
  for (const name of TERRAFORM_FILES) {
    const body = whole[name];
    const added = b.files.get(name);
    if (body ? body.length === 0 : !added || added.empty) continue;
    files.push(new Utf8File(`terraform/${name}`, body ? renderFileUtf8(body) : added!.utf8()));
  }
  files.push({ path: 'terraform/tests/design.tftest.hcl', contents: designTests(b) });
  files.push({ path: 'terraform/README.md', contents: readme(b, files.filter((f) => !f.path.includes('/tests/')).map((file) => file.path.slice('terraform/'.length))) });
  return files;
}

