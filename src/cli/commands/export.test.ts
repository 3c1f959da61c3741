import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../main';

const repo = new URL('../../../', import.meta.url).pathname;

describe('ninesmith export', () => {
  let dir: string;
  let out: string[];
  let err: string[];
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
    expect(readdirSync(target).sort()).toEqual(['helm', 'proposal', 'runbooks', 'terraform']);
    expect(readFileSync(join(target, 'terraform', 'versions.tf'), 'utf8')).toContain('hashicorp/aws');
    expect(existsSync(join(target, 'helm', 'platform', 'cloudnative-pg-cluster', 'postgres.values.yaml'))).toBe(true);
    expect(out.join('')).toMatch(/wrote \d+ files/);
  });

  it('writes only the targets named by --only', async () => {
    expect(await run('templates/single-region-multi-az.yaml', '--out', dir, '--only', 'runbooks')).toBe(0);
    expect(readdirSync(dir)).toEqual(['runbooks']);
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
    expect(readdirSync(join(out, 'proposal'))).toEqual(['proposal.md']);
    expect(readFileSync(join(out, 'proposal', 'proposal.md'), 'utf8')).toMatch(/^- \*\*Monthly cost:\*\* \$[\d,]+\.\d\d expected/m);
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
    expect(err.join('')).toMatch(/refusing to write "terraform\/[a-z]+\.tf": .* leads outside the output directory/);
    expect(readdirSync(outside)).toEqual([]);
  });
});
