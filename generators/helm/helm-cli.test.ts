/**
 * The generic chart checked by helm itself, where the machine has it: `helm lint --strict` and
 * `helm template` with each generated service's values, for every template and fixture. The
 * platform charts (Traefik, CloudNativePG, Redis) come from their repositories, which the tests do
 * not download; their values are checked against the charts' own schemas in helm.test.ts.
 * Without helm the check is reported as skipped.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/catalog';
import { formatProblem } from '../../src/model';
import { designFacts } from '../design-facts';
import { generateHelm } from './index';

const run = promisify(execFile);
const helm = process.env.HELM || 'helm';
const present = spawnSync(helm, ['version'], { encoding: 'utf8' }).status === 0;

const designs = readdirSync(new URL('../../templates/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const result = loadDesign(readFileSync(new URL(`../../templates/${f}`, import.meta.url), 'utf8'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return { name: f.replace(/\.yaml$/, ''), files: generateHelm(designFacts(result.design)) };
  })
  .filter((d) => d.files.some((f) => f.path.startsWith('helm/values/')));

const work = mkdtempSync(join(tmpdir(), 'ninesmith-helm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!present)(`helm lint and helm template of the generic chart with each service's values${present ? '' : ' (skipped: helm is not on PATH, or HELM)'}`, () => {
  it.each(designs)('$name', async ({ name, files }) => {
    const dir = join(work, name);
    for (const file of files) {
      const path = join(dir, file.path.slice('helm/'.length));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
    const chart = join(dir, 'charts', 'ninesmith-app');
    for (const values of files.filter((f) => f.path.startsWith('helm/values/'))) {
      const valuesPath = join(dir, values.path.slice('helm/'.length));
      await run(helm, ['lint', '--strict', chart, '-f', valuesPath]);
      const { stdout } = await run(helm, ['template', 'release', chart, '-f', valuesPath], { maxBuffer: 16 * 1024 * 1024 });
      expect(stdout).toContain('kind: Deployment');
      expect(stdout).toContain('runAsNonRoot: true');
    }
  }, 300_000);
});

it.skipIf(present)('helm lint and helm template skipped: helm is not on PATH (or HELM)', () => {
  expect(present).toBe(false);
});
