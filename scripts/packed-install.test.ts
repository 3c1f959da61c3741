/**
 * Issue 15: `npm pack` produces a package that installs into an empty folder with no dev
 * dependencies and runs `ninesmith validate` there. This test does exactly that, then checks that
 * the installed command answers as the sources do (runCli in this process) for every command.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main';
import { PACKAGE_ROOT, packAndInstall, type PackedInstall } from './packed-install';

let workDir: string;
let installed: PackedInstall;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'ninesmith-packed-'));
  installed = packAndInstall(workDir);
  for (const name of ['single-region-multi-az.yaml', 'multi-region-active-passive.yaml']) {
    copyFileSync(join(PACKAGE_ROOT, 'templates', name), join(installed.installDir, name));
  }
  cpSync(join(PACKAGE_ROOT, 'src', 'import', 'fixtures', 'flat-root'), join(installed.installDir, 'flat-root'), { recursive: true });
  writeFileSync(join(installed.installDir, 'dangling.yaml'), 'ninesmith: 1\nname: Broken\nregions: []\ncomponents:\n  - { id: users, kind: users }\nconnections:\n  - { from: users, to: api }\n');
}, 240_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The installed command, run in the install folder as `npx ninesmith ...` would there. */
function installedCli(args: string[], input?: string) {
  const result = spawnSync(installed.bin, args, { cwd: installed.installDir, encoding: 'utf8', maxBuffer: 1 << 26, input });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same command from the sources, in this process, with the same working folder. */
async function sourceCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: installed.installDir });
  return { code, stdout, stderr };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

// Each case starts several processes; a loaded CI machine may take seconds for each.
describe('the packed package, installed into an empty folder', { timeout: 120_000 }, () => {
  it('holds the command line, its price catalogs, the Terraform parser, the PNG renderer with its fonts and notice, and the README, and no sources', () => {
    const allowed = [
      /^bin\/ninesmith\.mjs$/,
      /^dist-cli\/ninesmith(-[\w-]+)?\.mjs$/,
      /^dist-cli\/resvg\.wasm$/,
      /^dist-cli\/fonts\/(DejaVuSans(-Bold|Mono)?\.ttf|LICENSE)$/,
      /^dist-cli\/NOTICE\.md$/,
      /^dist-cli\/hcl2json\.(wasm\.gz|NOTICE)$/,
      /^public\/prices\/[a-z]+\.json$/,
      /^README\.md$/,
      /^package\.json$/,
    ];
    expect(installed.packedFiles.filter((path) => !allowed.some((pattern) => pattern.test(path)))).toEqual([]);
    expect(installed.packedFiles).toEqual(expect.arrayContaining(['bin/ninesmith.mjs', 'dist-cli/ninesmith.mjs', 'dist-cli/ninesmith-picture-worker.mjs', 'dist-cli/hcl2json.wasm.gz', 'public/prices/aws.json', 'public/prices/azure.json', 'public/prices/gcp.json']));
  });

  it('ships the licence notice of every package bundled into the command line, and of the fonts', () => {
    const notice = readFileSync(join(installed.packageDir, 'dist-cli', 'NOTICE.md'), 'utf8');
    for (const name of ['pdfkit', 'fontkit', 'docx', 'js-yaml', 'zod']) expect(notice, name).toMatch(new RegExp(`^### ${name} [\\d.]+ \\(`, 'm'));
    expect(notice).toContain('Permission is hereby granted, free of charge');
    expect(notice).toContain('fonts/DejaVuSansMono.ttf');
  });

  it('needs no other package: nothing but ninesmith was installed, and it declares no dependencies', () => {
    expect(readdirSync(join(installed.installDir, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['ninesmith']);
    const manifest = JSON.parse(readFileSync(join(installed.packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
  });

  it('bundles no React or app code', () => {
    const chunks = readdirSync(join(installed.packageDir, 'dist-cli')).filter((name) => name.endsWith('.mjs'));
    expect(chunks.length).toBeGreaterThan(1);
    const bundle = chunks.map((name) => readFileSync(join(installed.packageDir, 'dist-cli', name), 'utf8')).join('\n');
    expect(bundle).not.toMatch(/\/\/ (src\/app|node_modules\/(react|react-dom|@xyflow|zustand|lucide-react))\//);
  });

  it('loads for `validate` only the analysis: no pricing, comparison or export code', () => {
    const dir = join(installed.packageDir, 'dist-cli');
    const validate = readdirSync(dir).find((name) => /^ninesmith-validate-.*\.mjs$/.test(name));
    expect(validate).toBeDefined();
    // The chunks `validate` loads before it runs: its own and, transitively, what each imports statically.
    const loaded = new Set<string>();
    const pending = [validate!];
    while (pending.length > 0) {
      const name = pending.pop()!;
      if (loaded.has(name)) continue;
      loaded.add(name);
      for (const match of readFileSync(join(dir, name), 'utf8').matchAll(/^import (?:.* from )?"\.\/([^"]+\.mjs)";?$/gm)) pending.push(match[1]!);
    }
    const sources = [...loaded].flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/^\/\/ (src\/\S+|generators\/\S+)$/gm)].map((match) => match[1]!));
    expect(sources).toContain('src/engine/analysis/analyze.ts');
    expect(sources.filter((path) => /^(src\/engine\/(cost|compare)\/|generators\/)/.test(path))).toEqual([]);
  });

  it('prints its version and its help', async () => {
    const version = installedCli(['--version']);
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    const help = installedCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ninesmith <command>');
    expect(help).toEqual(await sourceCli(['--help']));
    expect(installedCli(['cost', '--help'])).toEqual(await sourceCli(['cost', '--help']));
  });

  it('validates templates and refuses a broken design with the exit codes of the sources', async () => {
    const passing = installedCli(['validate', 'multi-region-active-passive.yaml']);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('Nothing at or above high');
    expect(passing).toEqual(await sourceCli(['validate', 'multi-region-active-passive.yaml']));

    const failing = installedCli(['validate', 'single-region-multi-az.yaml', '--format', 'json']);
    expect(failing.code).toBe(1);
    expect(failing).toEqual(await sourceCli(['validate', 'single-region-multi-az.yaml', '--format', 'json']));

    const broken = installedCli(['validate', 'dangling.yaml']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('dangling.yaml');
    expect(broken).toEqual(await sourceCli(['validate', 'dangling.yaml']));
    expect(installedCli(['frobnicate']).code).toBe(2);
  });

  it('prices a design from the catalogs inside the package, whatever the working folder', async () => {
    const json = installedCli(['cost', 'multi-region-active-passive.yaml', '--format', 'json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(json.stdout) as { monthly: number }).monthly).toBeGreaterThan(0);
    expect(json).toEqual(await sourceCli(['cost', 'multi-region-active-passive.yaml', '--format', 'json']));
    expect(installedCli(['cost', 'single-region-multi-az.yaml'])).toEqual(await sourceCli(['cost', 'single-region-multi-az.yaml']));
    expect(installedCli(['compare', 'single-region-multi-az.yaml', 'multi-region-active-passive.yaml'])).toEqual(
      await sourceCli(['compare', 'single-region-multi-az.yaml', 'multi-region-active-passive.yaml']),
    );
  });

  it('draws the same diagrams as the sources, PNG included (resvg and the fonts from the package)', async () => {
    for (const format of ['svg', 'drawio', 'png']) {
      const fromPackage = installedCli(['diagram', 'multi-region-active-passive.yaml', '--format', format, '--out', `package.${format}`]);
      expect(fromPackage, format).toMatchObject({ code: 0, stderr: '' });
      expect((await sourceCli(['diagram', 'multi-region-active-passive.yaml', '--format', format, '--out', `sources.${format}`])).code).toBe(0);
      expect(readFileSync(join(installed.installDir, `package.${format}`)).equals(readFileSync(join(installed.installDir, `sources.${format}`))), format).toBe(true);
    }
  });

  it('exports the same files as the sources', async () => {
    const exported = installedCli(['export', 'multi-region-active-passive.yaml', '--out', 'from-package']);
    expect(exported.code).toBe(0);
    expect(exported).toEqual(await sourceCli(['export', 'multi-region-active-passive.yaml', '--out', 'from-sources']).then((r) => ({ ...r, stdout: r.stdout.replace('from-sources', 'from-package') })));
    const fromPackage = join(installed.installDir, 'from-package');
    const fromSources = join(installed.installDir, 'from-sources');
    const files = listFiles(fromPackage);
    expect(files.some((path) => path.startsWith('proposal/'))).toBe(true);
    expect(files).toEqual(listFiles(fromSources));
    // The proposal's PDF and Word files carry the time they were made (their metadata), so they are
    // compared by kind; every text file byte for byte.
    for (const path of files.filter((p) => /\.(pdf|docx)$/.test(p))) expect(readFileSync(join(fromPackage, path)).subarray(0, 2).toString(), path).toBe(path.endsWith('.pdf') ? '%P' : 'PK');
    // The diagram's picture, drawn on the picture thread the package starts from its own worker file.
    expect(readFileSync(join(fromPackage, 'proposal', 'proposal.pdf')).includes('/Subtype /Image')).toBe(true);
    const binary = (path: string) => /\.(pdf|docx)$/.test(path);
    const text = (root: string, path: string) => {
      const contents = readFileSync(join(root, path), 'utf8');
      if (!path.endsWith('.ninesmith-export.json')) return contents;
      const manifest = JSON.parse(contents) as { files: Record<string, string> };
      return JSON.stringify({ ...manifest, files: Object.fromEntries(Object.entries(manifest.files).filter(([file]) => !binary(file))) });
    };
    for (const path of files.filter((p) => !binary(p))) expect(text(fromPackage, path), path).toBe(text(fromSources, path));
  });

  it('imports Terraform with the HCL parser it carries, and validates the import from standard input', async () => {
    const imported = installedCli(['import', 'terraform', 'flat-root']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('name: flat-root');
    expect(imported).toEqual(await sourceCli(['import', 'terraform', 'flat-root']));
    const validated = installedCli(['validate', '-', '--format', 'json'], imported.stdout);
    expect([0, 1]).toContain(validated.code);
    expect((JSON.parse(validated.stdout) as { valid: boolean }).valid).toBe(true);
  });
});
