/**
 * The exports checked by the real tools, where the machine has them: `terraform init` from a
 * local copy of the AWS provider (a filesystem mirror; nothing is downloaded), `terraform
 * validate`, `terraform fmt -check` and the shipped `terraform test` on every template's export and
 * the fixtures. Without them each check is reported as skipped, with what was looked for.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { designFacts } from '../design-facts';
import { AWS_PROVIDER_CONSTRAINT, generateTerraform } from './index';

const run = promisify(execFile);

function load(url: URL): Design {
  const result = loadDesign(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

const designs: { name: string; url: URL }[] = [
  ...readdirSync(new URL('../../templates/', import.meta.url))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f.replace(/\.yaml$/, ''), url: new URL(`../../templates/${f}`, import.meta.url) })),
  ...[new URL('./fixtures/', import.meta.url), new URL('../runbooks/fixtures/', import.meta.url)].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => ({ name: `fixture-${f.replace(/\.yaml$/, '')}`, url: new URL(f, dir) })),
  ),
];

/** A binary on PATH (or named by an environment variable), if it runs. */
function tool(name: string, env: string): string | undefined {
  const candidate = process.env[env] || name;
  return spawnSync(candidate, ['version'], { encoding: 'utf8' }).status === 0 ? candidate : undefined;
}

const [minimum, below] = AWS_PROVIDER_CONSTRAINT.match(/\d+(?:\.\d+)*/g)!;
const versionKey = (version: string) => version.split('.').map((n) => n.padStart(6, '0')).join('.');
const admitted = (version: string) => versionKey(version) >= versionKey(minimum!) && versionKey(version) < versionKey(below!);

/**
 * Where a local copy of the AWS provider may be, in Terraform's filesystem-mirror layout
 * (`registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/`): NINESMITH_TF_PLUGIN_MIRROR, then
 * the implied local mirror directories Terraform itself searches, then /opt/tf-plugins.
 */
function providerMirror(): { path: string; version: string } | { looked: string[] } {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const candidates = [
    process.env.NINESMITH_TF_PLUGIN_MIRROR,
    join(homedir(), '.terraform.d', 'plugins'),
    join(homedir(), '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
    '/opt/tf-plugins',
  ].filter((p): p is string => Boolean(p));
  for (const path of candidates) {
    const aws = join(path, 'registry.terraform.io', 'hashicorp', 'aws');
    if (!existsSync(aws)) continue;
    const versions = readdirSync(aws).filter((v) => /^\d+\.\d+\.\d+$/.test(v) && admitted(v) && existsSync(join(aws, v, platform)));
    const version = versions.sort((a, b) => versionKey(b).localeCompare(versionKey(a)))[0];
    if (version) return { path, version };
  }
  return { looked: candidates };
}

const terraform = tool('terraform', 'TERRAFORM');
const mirror = providerMirror();
const terraformSkip = !terraform
  ? 'terraform is not on PATH (or TERRAFORM)'
  : 'looked' in mirror
    ? `no local AWS provider ${AWS_PROVIDER_CONSTRAINT} in a filesystem mirror (looked in ${mirror.looked.join(', ')}; set NINESMITH_TF_PLUGIN_MIRROR)`
    : undefined;

const work = mkdtempSync(join(tmpdir(), 'ninesmith-terraform-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Environment of every terraform command: the provider only from the mirror, a shared plugin cache, no prompts. */
function terraformEnv(): NodeJS.ProcessEnv {
  if ('looked' in mirror) throw new Error('no mirror');
  const config = join(work, 'cli.tfrc');
  if (!existsSync(config)) {
    mkdirSync(join(work, 'plugin-cache'), { recursive: true });
    writeFileSync(
      config,
      `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror.path)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\nplugin_cache_dir = ${JSON.stringify(join(work, 'plugin-cache'))}\n`,
    );
  }
  return { ...process.env, TF_CLI_CONFIG_FILE: config, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
}

/** Runs tasks with at most `slots` at a time. */
function limiter(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** At most two terraform processes at a time: each loads the provider's schema, which is CPU-heavy. */
const limited = limiter(2);
/**
 * A `terraform init` runs alone: not beside another init, nor beside another directory's validate
 * or test. The plugin cache is not safe for concurrent installs, and an init writing it while
 * another directory's command starts the provider from it has left that command without its
 * provider ("provider binary not found", "could not find executable file starting with
 * terraform-provider-aws"). Other commands share the cache among themselves. Waiting is first come,
 * first served, so an init waits for the commands already running and none that arrive after it.
 */
function exclusiveAndShared(): { exclusive: <T>(task: () => Promise<T>) => Promise<T>; shared: <T>(task: () => Promise<T>) => Promise<T> } {
  let sharing = 0;
  let excluding = false;
  const queue: { exclusive: boolean; start: () => void }[] = [];
  const admit = () => {
    while (queue.length > 0 && !excluding) {
      const next = queue[0]!;
      if (next.exclusive) {
        if (sharing > 0) return;
        excluding = true;
      } else sharing += 1;
      queue.shift();
      next.start();
    }
  };
  const enter = async <T>(exclusive: boolean, task: () => Promise<T>): Promise<T> => {
    await new Promise<void>((start) => {
      queue.push({ exclusive, start });
      admit();
    });
    try {
      return await task();
    } finally {
      if (exclusive) excluding = false;
      else sharing -= 1;
      admit();
    }
  };
  return { exclusive: (task) => enter(true, task), shared: (task) => enter(false, task) };
}

const pluginCache = exclusiveAndShared();

async function terraformIn(dir: string, ...args: string[]): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(terraform!, [...args, '-no-color'], { cwd: dir, env: terraformEnv(), maxBuffer: 32 * 1024 * 1024, timeout: 600_000 });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` || failed.message };
  }
}

describe.skipIf(terraformSkip !== undefined)(`terraform init, validate, fmt -check and test${terraformSkip ? ` (skipped: ${terraformSkip})` : ''}`, () => {
  it.concurrent.each(designs)('$name', async ({ name, url }) => {
    const dir = join(work, name);
    for (const file of generateTerraform(designFacts(load(url)))) {
      const path = join(dir, file.path.slice('terraform/'.length));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
    await limited(async () => {
      const init = await pluginCache.exclusive(() => terraformIn(dir, 'init', '-backend=false'));
      expect(init.ok, init.output).toBe(true);
      const validate = await pluginCache.shared(() => terraformIn(dir, 'validate'));
      expect(validate.ok, validate.output).toBe(true);
      const fmt = await terraformIn(dir, 'fmt', '-check', '-recursive', '-diff');
      expect(fmt.ok, fmt.output).toBe(true);
      const test = await pluginCache.shared(() => terraformIn(dir, 'test'));
      expect(test.ok, test.output).toBe(true);
      expect(test.output).toMatch(/Success! \d+ passed, 0 failed/);
    });
  }, 1_200_000);
});

it.skipIf(terraformSkip === undefined)(`terraform checks skipped: ${terraformSkip ?? ''}`, () => {
  expect(terraformSkip).toBeDefined();
});
