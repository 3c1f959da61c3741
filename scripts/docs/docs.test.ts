import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS, AWS_SLA, loadDesign } from '../../src/catalog';
import { ASSUMPTIONS, RULES } from '../../src/engine';
import {
  buildDocs,
  linkSources,
  REFERENCE_CITATION,
  referenceAnchor,
  renderAssumptions,
  renderKinds,
  renderRules,
  renderSlas,
  replaceSection,
  ROOT,
  specsOf,
} from './build';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Text files of the repository that may cite the docs (not dependencies, builds or results). */
function repositoryFiles(): string[] {
  // Walked folder by folder, never into the skipped ones: node_modules alone is tens of thousands of entries.
  const skip = /^(node_modules|dist|\.git|\.vite|test-results|playwright-report|bench-results)$/;
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skip.test(entry.name)) walk(path);
      } else if (/\.(ts|tsx|mjs|js|md|json|yaml|yml|html)$/.test(entry.name)) files.push(path);
    }
  };
  walk('');
  return files.sort();
}

describe('docs/', () => {
  it('match the code they are generated from', () => {
    const stale = buildDocs()
      .filter((doc) => doc.current !== doc.expected)
      .map((doc) => doc.path);
    expect(stale, `stale: ${stale.join(', ')}. Run \`npm run docs\` after changing the catalog, the rules, the assumptions, the SLA figures or the price catalogs`).toEqual([]);
  });

  it('document every kind and every prop, fields of groups included', () => {
    const text = renderKinds();
    for (const kind of ALL_KINDS) {
      expect(text, kind.id).toContain(`### \`${kind.id}\``);
      const walk = (specs: ReturnType<typeof specsOf>, prefix: string) => {
        for (const spec of specs) {
          expect(text, `${kind.id}: ${prefix}${spec.key}`).toContain(`| \`${prefix}${spec.key}\` |`);
          if (spec.type === 'group') walk(specsOf(spec.fields), `${prefix}${spec.key}.`);
        }
      };
      walk(specsOf(kind.props), '');
    }
  });

  it('document every rule with its severity, rationale, fix and every source', () => {
    const text = renderRules();
    for (const rule of Object.values(RULES)) {
      expect(text, rule.id).toContain(`### \`${rule.id}\`: ${rule.title}`);
      expect(text, rule.id).toContain(rule.rationale);
      expect(text, rule.id).toContain(rule.fix);
      for (const source of rule.sources) expect(text, `${rule.id}: ${source}`).toContain(`- ${linkSources(source)}`);
    }
  });

  it('list every assumption and every SLA figure', () => {
    const assumptions = renderAssumptions();
    for (const assumption of Object.values(ASSUMPTIONS)) expect(assumptions, assumption.id).toContain(`\`${assumption.id}\``);
    const slas = renderSlas();
    for (const [key, sla] of Object.entries(AWS_SLA)) expect(slas, key).toContain(`| \`${key}\` | ${sla.service} | ${sla.percent}% |`);
  });

  it('refuse a page whose markers are missing, naming the marker', () => {
    expect(() => replaceSection('no markers here', 'rules', 'x', 'docs/rules.md')).toThrow('docs/rules.md: no "<!-- generated:rules -->" marker');
    const opened = '<!-- generated:rules (note) -->\nold\n';
    expect(() => replaceSection(opened, 'rules', 'x', 'docs/rules.md')).toThrow('no "<!-- end generated:rules -->" marker');
    expect(replaceSection(`${opened}<!-- end generated:rules -->\n`, 'rules', 'new', 'f')).toBe('<!-- generated:rules (note) -->\n\nnew\n\n<!-- end generated:rules -->\n');
  });

  it('give a design-format example that loads', () => {
    const page = read('docs/design-format.md');
    const example = /<!-- example: [^>]*-->\n```yaml\n([\s\S]*?)\n```/.exec(page)?.[1];
    expect(example, 'the example block of docs/design-format.md').toBeDefined();
    const result = loadDesign(example!, { fileName: 'docs/design-format.md' });
    expect(result.ok ? [] : result.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([]);
  });

  it('link only to pages and anchors that exist', () => {
    const slug = (heading: string) =>
      heading
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-');
    const anchorsOf = (page: string) =>
      new Set([...page.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!).concat([...page.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!))));
    const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    const broken: string[] = [];
    for (const name of pages) {
      const page = read(`docs/${name}`);
      for (const [, target, anchor] of page.matchAll(/\]\((?:\.\/)?([\w-]+\.md)?(?:#([\w.-]+))?\)/g)) {
        const file = target ?? name;
        if (!existsSync(join(ROOT, 'docs', file))) broken.push(`${name}: ${file}`);
        else if (anchor && !anchorsOf(read(`docs/${file}`)).has(anchor)) broken.push(`${name}: ${file}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('have every section and catalog rule that the repository cites from the reliability reference', () => {
    const reference = read('docs/reliability-reference.md');
    const missing: string[] = [];
    let cited = 0;
    for (const path of repositoryFiles()) {
      for (const match of read(path).matchAll(REFERENCE_CITATION)) {
        for (const ref of match[1]!.match(/§\d+(?:\.\d+)*|HA-\d{3}/g) ?? []) {
          cited += 1;
          if (!reference.includes(`<a id="${referenceAnchor(ref)}"></a>`)) missing.push(`${path}: ${ref}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(cited, 'citations found: the rules and assumptions cite the reference').toBeGreaterThan(40);
  });

  it('are what the repository points to: nothing points outside it', () => {
    const outside = /\.\.\/shared|\/work\/shared|reliability-rules\.md/;
    // The format or performance page named without `docs/` meant the copy outside the repository.
    const bare = /(?<![\w/.-])(design-format|performance)\.md/;
    const found: string[] = [];
    for (const path of repositoryFiles()) {
      read(path)
        .split('\n')
        .forEach((line, index) => {
          if (outside.test(line) || (!path.startsWith('docs/') && bare.test(line))) found.push(`${path}:${index + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(found, 'point at docs/ instead').toEqual([]);
  });
});
