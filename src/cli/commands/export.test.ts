import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../main';
import { MANIFEST_NAME } from '../export-writer';

const repo = new URL('../../../', import.meta.url).pathname;

// Every export without --only writes the proposal's PDF and Word files too: seconds on a loaded machine.
describe('ninesmith export', { timeout: 120_000 }, () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const outText = () => out.join('');
  const run = (...args: string[]) => runCli(['export', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: repo });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ninesmith-export-'));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every target into DIR, creating it', async () => {
    const target = join(dir, 'nested', 'export');
    expect(await run('templates/erp-on-kubernetes.yaml', '--out', target)).toBe(0);
    expect(readdirSync(target).sort()).toEqual([MANIFEST_NAME, 'helm', 'proposal', 'runbooks', 'terraform']);
    expect(readFileSync(join(target, 'terraform', 'versions.tf'), 'utf8')).toContain('hashicorp/aws');
    expect(existsSync(join(target, 'helm', 'platform', 'cloudnative-pg-cluster', 'postgres.values.yaml'))).toBe(true);
    expect(out.join('')).toMatch(/wrote \d+ files/);
  });

  it('writes only the targets named by --only', async () => {
    expect(await run('templates/single-region-multi-az.yaml', '--out', dir, '--only', 'runbooks')).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST_NAME, 'runbooks']);
  });

  it('exits 2 for an invalid design, naming the problem, and writes nothing', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'ninesmith: 1\nname: Bad\ncomponents:\n  - { id: web, kind: app-service }\n');
    expect(await run(bad, '--out', join(dir, 'out'))).toBe(2);
    expect(err.join('')).toMatch(/components\[0\]\.region: required/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('writes the proposal, priced from the checkout\'s catalogs', async () => {
    const out = join(dir, 'proposal-only');
    expect(await run('templates/single-region-multi-az.yaml', '--out', out, '--only', 'proposal')).toBe(0);
    expect(readdirSync(join(out, 'proposal')).sort()).toEqual(['proposal.docx', 'proposal.html', 'proposal.md', 'proposal.pdf']);
    expect(readFileSync(join(out, 'proposal', 'proposal.md'), 'utf8')).toMatch(/^\| \*\*Total\*\* \| \*\*\$[\d,]+\.\d\d\*\* \|/m);
  });

  it('refuses unknown targets', async () => {
    expect(await run('templates/single-region-multi-az.yaml', '--out', dir, '--only', 'pulumi')).toBe(2);
    expect(err.join('')).toContain('unknown target "pulumi"');
    expect(await run('templates/single-region-multi-az.yaml')).toBe(2);
    expect(err.join('')).toContain('--out DIR is required');
  });

  it('refuses to follow a link inside DIR that leads outside it', async () => {
    const outside = join(dir, 'outside');
    const target = join(dir, 'export');
    mkdirSync(outside);
    mkdirSync(target);
    symlinkSync(outside, join(target, 'terraform'));
    expect(await run('templates/single-region-multi-az.yaml', '--out', target, '--only', 'terraform')).toBe(2);
    expect(err.join('')).toMatch(/refusing to write "terraform\/[a-z]+\.tf": terraform is a symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses to write through a symbolic link at a generated file, and writes nothing', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'ORIGINAL');
    const target = join(dir, 'out');
    mkdirSync(join(target, 'terraform'), { recursive: true });
    symlinkSync(victim, join(target, 'terraform', 'versions.tf'));
    expect(await run('templates/multi-region-active-passive.yaml', '--out', target, '--only', 'terraform', '--force')).toBe(2);
    expect(err.join('')).toContain('refusing to write "terraform/versions.tf": it is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('ORIGINAL');
    expect(readdirSync(join(target, 'terraform'))).toEqual(['versions.tf']);
  });

  it('refuses to overwrite a same-named file it did not write, before writing anything; --force overwrites', async () => {
    mkdirSync(join(dir, 'runbooks'));
    writeFileSync(join(dir, 'runbooks', 'README.md'), 'my notes');
    expect(await run('templates/single-region-multi-az.yaml', '--out', dir)).toBe(2);
    expect(err.join('')).toContain('holds files this export would overwrite:\n  runbooks/README.md (not written by an earlier export)');
    expect(err.join('')).toContain('--force');
    expect(readFileSync(join(dir, 'runbooks', 'README.md'), 'utf8')).toBe('my notes');
    expect(readdirSync(dir).sort()).toEqual(['runbooks']);
    expect(await run('templates/single-region-multi-az.yaml', '--out', dir, '--force')).toBe(0);
    expect(readFileSync(join(dir, 'runbooks', 'README.md'), 'utf8')).not.toBe('my notes');
  });

  it('exports again over its own files, removes those no longer generated and keeps edited ones', async () => {
    const design = join(dir, 'design.yaml');
    const template = readFileSync(join(repo, 'templates/multi-region-active-passive.yaml'), 'utf8');
    writeFileSync(design, template);
    const out = join(dir, 'out');
    expect(await run(design, '--out', out, '--only', 'runbooks,terraform')).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8'));
    const runbooks = Object.keys(manifest.files).filter((path) => path.startsWith('runbooks/'));
    expect(runbooks).toContain('runbooks/region-failover.md');
    // A user file beside the generated ones is left alone.
    writeFileSync(join(out, 'runbooks', 'team-notes.md'), 'ours');
    // One region fewer: the region failover runbook is no longer generated.
    writeFileSync(design, `ninesmith: 1\nname: Small\nregions:\n  - { id: primary, location: us-east-1, zones: [a, b] }\ncomponents:\n  - { id: users, kind: users }\n  - { id: web, kind: app-service, region: primary, zones: [a, b], replicas: 2 }\nconnections:\n  - { from: users, to: web }\n`);
    expect(await run(design, '--out', out, '--only', 'runbooks')).toBe(0);
    expect(outText()).toMatch(/removed 8 files an earlier export wrote that this design no longer generates: .*runbooks\/region-failover\.md/);
    expect(existsSync(join(out, 'runbooks', 'region-failover.md'))).toBe(false);
    expect(readFileSync(join(out, 'runbooks', 'team-notes.md'), 'utf8')).toBe('ours');
    // Terraform was not exported this time: its files stay, and stay in the manifest.
    expect(existsSync(join(out, 'terraform', 'versions.tf'))).toBe(true);
    const after = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8'));
    expect(Object.keys(after.files)).toContain('terraform/versions.tf');
    expect(Object.keys(after.files)).not.toContain('runbooks/region-failover.md');
  });

  it('keeps a stale file that was edited since it was exported, and says so', async () => {
    const design = join(dir, 'design.yaml');
    writeFileSync(design, readFileSync(join(repo, 'templates/multi-region-active-passive.yaml'), 'utf8'));
    const out = join(dir, 'out');
    expect(await run(design, '--out', out, '--only', 'runbooks')).toBe(0);
    writeFileSync(join(out, 'runbooks', 'region-failover.md'), 'edited by hand');
    writeFileSync(design, readFileSync(join(repo, 'templates/single-region-multi-az.yaml'), 'utf8'));
    expect(await run(design, '--out', out, '--only', 'runbooks')).toBe(0);
    expect(readFileSync(join(out, 'runbooks', 'region-failover.md'), 'utf8')).toBe('edited by hand');
    expect(outText()).toContain('kept runbooks/region-failover.md');
  });

  it('refuses --out onto a file, a directory where a file goes, and a path it cannot create, with exit 2', async () => {
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    expect(await run('templates/single-region-multi-az.yaml', '--out', file)).toBe(2);
    expect(err.join('')).toContain('it is a file');
    const out = join(dir, 'out');
    mkdirSync(join(out, 'terraform', 'versions.tf'), { recursive: true });
    expect(await run('templates/single-region-multi-az.yaml', '--out', out, '--only', 'terraform')).toBe(2);
    expect(err.join('')).toContain('refusing to write "terraform/versions.tf": a directory of that name is in the way');
    mkdirSync(join(dir, 'blocked'));
    writeFileSync(join(dir, 'blocked', 'runbooks'), 'a file where a directory goes');
    expect(await run('templates/single-region-multi-az.yaml', '--out', join(dir, 'blocked'), '--only', 'runbooks')).toBe(2);
    expect(err.join('')).toContain('runbooks is a file where a directory goes');
  });

  it.skipIf(process.platform !== 'linux')('answers at once for --out under /proc, where a recursive mkdir spins', async () => {
    expect(await run('templates/single-region-multi-az.yaml', '--out', '/proc/ninesmith-export')).toBe(2);
    expect(err.join('')).toMatch(/cannot create --out \/proc\/ninesmith-export: E[A-Z]+/);
  });

  it('exports a design whose ids start with a digit', async () => {
    const design = join(dir, 'digits.yaml');
    writeFileSync(design, readFileSync(join(repo, 'templates/single-region-multi-az.yaml'), 'utf8').replace(/\bweb\b/g, '3d-api'));
    expect(await run(design, '--out', join(dir, 'out'), '--only', 'terraform')).toBe(0);
    expect(readFileSync(join(dir, 'out', 'terraform', 'variables.tf'), 'utf8')).toContain('variable "_3d_api_image"');
  });
});
