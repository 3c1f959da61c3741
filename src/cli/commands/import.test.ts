import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import { runCli } from '../main';

const root = resolve(import.meta.dirname, '..', '..', '..');
const fixture = 'src/import/fixtures/flat-root';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root });
  return { code, stdout, stderr };
}

describe('ninesmith import terraform', () => {
  it('writes the design to standard output and the guesses, not-imported resources and unset variables to standard error', async () => {
    const { code, stdout, stderr } = await run('import', 'terraform', fixture);
    expect(code).toBe(0);
    const loaded = loadDesign(stdout);
    expect(loaded.ok).toBe(true);
    expect(stderr).toContain('Guesses to check');
    expect(stderr).toContain('aws_db_instance.main [db]: Multi-AZ');
    expect(stderr).toContain('Not imported (2):\n  aws_acm_certificate.web');
    expect(stderr).toContain('var.app_image (read by aws_ecs_task_definition.web)');
  });

  it('writes --out and reports as JSON with --report json; .tf files work as well as a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-import-'));
    const out = join(dir, 'design.yaml');
    const { code, stdout, stderr } = await run('import', 'terraform', `${fixture}/main.tf`, `${fixture}/app.tf`, `${fixture}/variables.tf`, '--out', out, '--report', 'json');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const report = JSON.parse(stderr) as { ok: boolean; inferences: unknown[]; unsetVariables: { name: string }[] };
    expect(report.ok).toBe(true);
    // Without terraform.tfvars, environment has no value: it is reported, not guessed.
    expect(report.unsetVariables.map((v) => v.name)).toContain('var.environment');
    expect(loadDesign(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('exits 2 for input it cannot read, naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-import-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "a" {\n  bucket = "x"\n');
    const broken = await run('import', 'terraform', dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/main\.tf:\d+,\d+-\d+: Unclosed configuration block/);
    const missing = await run('import', 'terraform', 'no/such/folder');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
    expect((await run('import', 'pulumi', fixture)).code).toBe(2);
    expect((await run('import', 'terraform')).code).toBe(2);
  });

  it('pipes into validate -', () => {
    const bin = join(root, 'bin', 'ninesmith.mjs');
    const imported = spawnSync(process.execPath, [bin, 'import', 'terraform', fixture], { cwd: root, encoding: 'utf8' });
    expect(imported.status).toBe(0);
    const validated = spawnSync(process.execPath, [bin, 'validate', '-', '--format', 'json'], { cwd: root, input: imported.stdout, encoding: 'utf8' });
    expect(validated.status === 0 || validated.status === 1).toBe(true);
    const report = JSON.parse(validated.stdout) as { findings: { rule: string; components: string[] }[] };
    // The fixture's internet-facing load balancer has no web application firewall in front of it.
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'edge-unprotected', components: ['web-lb'] }));
  }, 120_000);

  it('escapes names from the .tf files in every line it prints: no escape sequence, bidi override or line of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-import-'));
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'variable "owner" {',
        '  description = "who runs it\\u001b[2J\\n::error file=x::owned\\u202e"',
        '}',
        'resource "aws_sqs_queue" "jobs" {',
        '  for_each = toset(["a\\u202eb", "c\\u0085d"])',
        '  name     = "${var.owner}-${each.key}"',
        '}',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await run('import', 'terraform', dir);
    expect(code).toBe(0);
    expect(loadDesign(stdout).ok).toBe(true);
    // eslint-disable-next-line no-control-regex -- the point: no control or bidi character reaches the terminal
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stderr).toContain('var.owner (read by aws_sqs_queue.jobs["a\\u202eb"], aws_sqs_queue.jobs["c\\x85d"]): who runs it\\e[2J\\n::error file=x::owned\\u202e');
    expect(stderr.split('\n').some((line) => line.startsWith('::error'))).toBe(false);
  });

  it('refuses, with exit 2 and the file named, a file larger than it reads or an --out it cannot write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-import-'));
    writeFileSync(join(dir, 'huge.tf'), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const huge = await run('import', 'terraform', dir);
    expect(huge).toMatchObject({ code: 2, stdout: '' });
    expect(huge.stderr).toMatch(/huge\.tf: 3 MB: more than 2 MB in one HCL file, refused/);
    const unwritable = await run('import', 'terraform', fixture, '--out', join(dir, 'no', 'such', 'design.yaml'));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('cannot write');
  });
});
