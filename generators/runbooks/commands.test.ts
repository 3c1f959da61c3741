import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { designFacts } from '../design-facts';
import { generateExport } from '../index';
import { defaultNamePrefix } from '../text';
import { generateRunbooks } from './index';

const templateDir = new URL('../../templates/', import.meta.url);
const designs = [
  ...readdirSync(templateDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => new URL(f, templateDir)),
  new URL('./fixtures/single-region-db.yaml', import.meta.url),
  new URL('../terraform/fixtures/vm-autoscaling.yaml', import.meta.url),
];

function load(url: URL): Design {
  const result = loadDesign(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

/** Every code span of the runbooks that is a command (starts with a tool the runbooks use). */
function commandsOf(text: string): string[] {
  return [...text.matchAll(/`((?:aws|kubectl|terraform|helm) [^`]*)`/g)].map((m) => m[1]!);
}

/** The values given to these options in the commands, as `option value` pairs. */
function optionValues(commands: readonly string[], options: readonly string[]): { option: string; value: string; command: string }[] {
  return commands.flatMap((command) =>
    [...command.matchAll(/(--[a-z-]+) ([^\s$'<]+)/g)].filter((m) => options.includes(m[1]!)).map((m) => ({ option: m[1]!, value: m[2]!, command })),
  );
}

/** Options whose value is the name of a resource the Terraform export creates. */
const NAME_OPTIONS = [
  '--db-instance-identifier',
  '--db-cluster-identifier',
  '--source-db-instance-identifier',
  '--source-db-cluster-identifier',
  '--source-identifier',
  '--global-cluster-identifier',
  '--replication-group-id',
  '--cluster',
  '--service',
  '--name',
];

describe.each(designs.map((url) => ({ name: url.pathname.split('/').pop()!, url })))('runbook commands of $name match what the export creates', ({ url }) => {
  const design = load(url);
  const files = generateExport(design);
  const text = (prefix: string) => files.filter((f) => f.path.startsWith(prefix)).map((f) => f.contents).join('\n');
  const runbooks = text('runbooks/');
  const terraform = text('terraform/');
  const helm = text('helm/');
  const commands = commandsOf(runbooks);
  const prefix = defaultNamePrefix(designFacts(design).slug);
  // Every name the Terraform gives, as it is with the default prefix.
  const names = new Set([...terraform.matchAll(/"\$\{var\.name_prefix\}-([a-z0-9.-]+)"/g)].map((m) => `${prefix}-${m[1]!}`));
  const outputs = new Set([...terraform.matchAll(/^output "([a-z0-9_]+)"/gm)].map((m) => m[1]!));

  it('names only resources the Terraform creates (the restored copies excepted)', () => {
    if (design.provider !== 'aws') return;
    for (const { option, value, command } of optionValues(commands, NAME_OPTIONS)) {
      if (value.endsWith('-restored')) continue;
      expect(names.has(value), `${option} ${value} in: ${command}`).toBe(true);
    }
    for (const m of runbooks.matchAll(/--resource-id service\/([^/\s]+)\/(\S+)/g)) {
      expect(names.has(m[1]!), `ECS cluster ${m[1]}`).toBe(true);
      expect(names.has(m[2]!), `ECS service ${m[2]}`).toBe(true);
    }
  });

  it('reads only outputs the Terraform declares', () => {
    for (const m of runbooks.matchAll(/terraform -chdir=terraform output -raw ([a-z0-9_]+)/g)) expect(outputs.has(m[1]!), `output ${m[1]}`).toBe(true);
  });

  it('names the CloudNativePG clusters and Deployments the Helm values create', () => {
    for (const m of runbooks.matchAll(/kubectl cnpg (?:status|promote) ([a-z0-9-]+)/g)) expect(helm, `cnpg cluster ${m[1]}`).toMatch(new RegExp(`fullnameOverride: ${m[1]}\\n`));
    for (const m of runbooks.matchAll(/kubectl (?:scale|rollout restart) deployment ([a-z0-9-]+)/g)) expect(files.some((f) => f.path === `helm/values/${m[1]}.yaml`) || helm.includes(`nameOverride: ${m[1]}`), `deployment ${m[1]}`).toBe(true);
  });

  it('gives zonal shift every argument it requires, on load balancers that enable it', () => {
    for (const command of commands.filter((c) => c.startsWith('aws arc-zonal-shift start-zonal-shift'))) {
      for (const option of ['--resource-identifier', '--away-from', '--expires-in', '--comment']) expect(command, option).toContain(option);
    }
    if (commands.some((c) => c.startsWith('aws arc-zonal-shift start-zonal-shift'))) expect(terraform).toContain('enable_zonal_shift = true');
  });

  it('hold no redirection, pipe or separator outside quotes (placeholders are quoted words), so pasting one runs one command', () => {
    for (const command of commands) expect(command.replace(/'[^']*'/g, "''").replace(/\$\([^()]*\)/g, ''), command).not.toMatch(/[<>|;&`]/);
  });

  it('names a region in every AWS command', () => {
    for (const command of commands.filter((c) => c.startsWith('aws ') && !c.startsWith('aws acm') && !c.startsWith('aws sso') && !c.includes('cancel-zonal-shift'))) expect(command, command).toContain('--region ');
  });
});

describe('a provider without generated commands', () => {
  it.each(['azure', 'gcp'] as const)('%s: the steps in words, a note saying so, and no AWS command', (provider) => {
    const design = { ...load(new URL('multi-region-active-passive.yaml', templateDir)), provider };
    const runbooks = generateRunbooks(designFacts(design));
    expect(runbooks.length).toBeGreaterThan(1);
    for (const file of runbooks.filter((f) => f.path !== 'runbooks/README.md')) {
      expect(file.contents, file.path).toContain(`Commands for ${provider} are not generated yet`);
      expect(commandsOf(file.contents), file.path).toEqual([]);
      expect(file.contents, file.path).not.toMatch(/CloudWatch|aws |Route 53 health/);
    }
  });
});

describe('the AWS commands of the flagship template', () => {
  const files = generateRunbooks(designFacts(load(new URL('multi-region-active-passive.yaml', templateDir))));
  const runbook = (id: string) => files.find((f) => f.path === `runbooks/${id}.md`)!.contents;

  it('region failover promotes the replica, scales the standby and reconnects its services to the promoted writer', () => {
    const text = runbook('region-failover');
    expect(text).toContain('`aws rds promote-read-replica --db-instance-identifier client-portal-ac-dr-db --region us-west-2`');
    expect(text).toContain('aws ecs update-service --cluster client-portal-ac-dr --service client-portal-ac-dr-web --desired-count 6 --region us-west-2');
    expect(text).toMatch(/Point the standby services at the promoted writer: `dr-web`.*--force-new-deployment/);
  });

  it('database failover: the mechanism in words, no figure that contradicts the estimates, a storage step', () => {
    const text = runbook('database-failover');
    expect(text).not.toMatch(/one to two minutes|1-2 min/);
    expect(text).toContain("--allocated-storage '[FILL IN: GiB]'");
    expect(text).toContain('## Access needed');
    expect(text).toContain('## Dashboards and logs');
  });
});
