import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../src/catalog';
import { formatProblem } from '../src/model';
import { parsePriceCatalog } from '../src/engine/cost';
import awsCatalog from '../public/prices/aws.json';
import { EXPORT_TARGETS, generateExport } from './index';

/**
 * Golden files: the export of every template for every target, under
 * generators/<target>/__golden__/<template>/. `npm run golden:update` rewrites them; a missing
 * golden is written locally but fails in CI (CI=true), so a new template cannot slip in untested.
 */
const root = dirname(fileURLToPath(import.meta.url));
const templateDir = join(root, '..', 'templates');
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();
const updating = process.env.UPDATE_GOLDEN === '1';
// The proposal prices its design from the committed catalog, as `ninesmith export` does.
const catalogs = [parsePriceCatalog(awsCatalog, 'public/prices/aws.json')];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(templates)('golden files of %s', (template) => {
  const result = loadDesign(readFileSync(join(templateDir, template), 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  const design = result.design;
  const name = template.replace(/\.yaml$/, '');

  it.each(EXPORT_TARGETS)('%s matches its golden files', (target) => {
    const files = generateExport(design, { targets: [target], catalogs });
    const dir = join(root, target, '__golden__', name);
    const expected = new Map(files.map((file) => [join(dir, file.path.slice(target.length + 1)), file.contents]));
    const existing = filesUnder(dir);
    if (updating) {
      rmSync(dir, { recursive: true, force: true });
      for (const [path, contents] of expected) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, contents);
      }
      return;
    }
    // A missing golden fails everywhere, not only in CI: a test that writes its own expectation passes by construction.
    if (existing.length === 0 && expected.size > 0) {
      throw new Error(`no golden files for ${target} of ${template} in ${relative(process.cwd(), dir)}: run npm run golden:update, review and commit them`);
    }
    const stale = existing.filter((path) => !expected.has(path)).map((path) => relative(dir, path));
    const missing = [...expected.keys()].filter((path) => !existsSync(path)).map((path) => relative(dir, path));
    expect({ stale, missing }, 'golden files out of date: npm run golden:update').toEqual({ stale: [], missing: [] });
    for (const [path, contents] of expected) expect(contents, relative(root, path)).toBe(readFileSync(path, 'utf8'));
  });
});
