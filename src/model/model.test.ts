import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, readDesignDocument, readDesignText, serializeDesign, parseDuration, formatDuration, type Design } from './index';

const templateDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml'));

function read(text: string): Design {
  const result = readDesignText(text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

const minimal = `ninesmith: 1
name: Minimal
regions:
  - { id: primary, location: us-east-1, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: web, kind: app-service, region: primary, zones: [a, b], replicas: 2 }
connections:
  - { from: users, to: web }
journeys:
  - { id: browse, name: Browse, from: users, needs: [web] }
`;

function problemsOf(text: string): string[] {
  const result = readDesignText(text);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('design format 1', () => {
  it('applies the defaults of the format', () => {
    const design = read(minimal);
    expect(design.provider).toBe('aws');
    expect(design.tier).toBe('standard');
    expect(design.tenancy).toBe('shared');
    expect(design.connections[0]!.mode).toBe('sync');
    expect(design.regions[0]!.role).toBe('primary');
  });

  it.each(templates)('round-trips %s: parse, serialize, parse gives the same document and the same text', (file) => {
    const text = readFileSync(new URL(file, templateDir), 'utf8');
    const first = read(text);
    const yamlText = serializeDesign(first, 'yaml');
    const second = read(yamlText);
    expect(second).toEqual(first);
    expect(serializeDesign(second, 'yaml')).toBe(yamlText);
    expect(read(serializeDesign(first, 'json'))).toEqual(first);
  });

  it('writes keys in the canonical order whatever order they were read in', () => {
    const shuffled = `components:
  - { replicas: 2, zones: [a, b], region: primary, kind: app-service, id: web, props: { sessionState: external, runtime: containers } }
  - { kind: users, id: users }
regions:
  - { zones: [a, b], id: primary, location: us-east-1 }
name: Minimal
ninesmith: 1
`;
    const text = serializeDesign(read(shuffled));
    expect(text.indexOf('ninesmith')).toBeLessThan(text.indexOf('name:'));
    expect(text.indexOf('regions:')).toBeLessThan(text.indexOf('components:'));
    expect(text).toMatch(/- id: web\n {4}kind: app-service\n {4}region: primary/);
    expect(text.indexOf('runtime')).toBeLessThan(text.indexOf('sessionState'));
  });

  it('names the path and what was expected', () => {
    expect(problemsOf(minimal.replace('zones: [a, b], replicas', 'zones: [a, d], replicas'))).toEqual([
      'components[1].zones[1]: zone "d" is not a zone of region "primary" (it has "a", "b")',
    ]);
    expect(problemsOf(minimal.replace('{ from: users, to: web }', '{ from: users, to: api }'))).toEqual(['connections[0].to: no component with id "api"']);
    expect(problemsOf(minimal.replace('replicas: 2', 'replicas: two'))[0]).toMatch(/^components\[1\]\.replicas: .*expected number/);
    expect(problemsOf(minimal.replace('kind: users }', 'kind: users, zone: a }'))).toEqual(['components[0]: unknown field "zone"']);
    expect(problemsOf(minimal.replace('ninesmith: 1\n', ''))).toEqual(['ninesmith: required: the format version (this version of Ninesmith writes 1)']);
    expect(problemsOf(minimal.replace('ninesmith: 1', 'ninesmith: 7'))[0]).toMatch(/newer Ninesmith/);
    expect(problemsOf(minimal.replace('id: web,', 'id: Web Server,'))[0]).toMatch(/^components\[1\]\.id: expected an id/);
    expect(problemsOf(`${minimal}tier: gold\n`)[0]).toMatch(/^tier: no tier "gold"/);
  });

  it('finds a zone listed twice in a short list and in a long one, and lists at most ten of a region\'s zones', () => {
    expect(problemsOf(minimal.replace('zones: [a, b], replicas', 'zones: [a, b, a, b], replicas'))).toEqual([
      'components[1].zones[2]: zone "a" is listed twice',
      'components[1].zones[3]: zone "b" is listed twice',
    ]);
    const twelve = Array.from({ length: 12 }, (_, n) => `z${n}`);
    const wide = (componentZones: string[]) =>
      minimal.replace('zones: [a, b] }', `zones: [${twelve.join(', ')}] }`).replace('zones: [a, b], replicas', `zones: [${componentZones.join(', ')}], replicas`);
    expect(problemsOf(wide([...twelve, 'z3']))).toEqual(['components[1].zones[12]: zone "z3" is listed twice']);
    const many = Array.from({ length: 27 }, (_, n) => `z${n}`);
    expect(problemsOf(minimal.replace('zones: [a, b] }', `zones: [${many.join(', ')}] }`))).toEqual([
      "regions[0].zones: expected at most 26 zones (the providers' largest regions have six)",
    ]);
    expect(problemsOf(wide(['z0', 'x']))).toEqual([
      `components[1].zones[1]: zone "x" is not a zone of region "primary" (it has ${twelve.slice(0, 10).map((zone) => `"${zone}"`).join(', ')} and 2 more)`,
    ]);
  });

  it('reports syntax errors with line and column', () => {
    expect(problemsOf('ninesmith: 1\nname: [unclosed\n')[0]).toMatch(/^not valid YAML: line \d+, column \d+/);
    expect(problemsOf('{"ninesmith": 1,')[0]).toMatch(/^not valid JSON/);
    expect(problemsOf('')).toEqual(['the file is empty']);
    expect(problemsOf('- a\n- b\n')[0]).toMatch(/expected a design/);
  });

  it('refuses alias bombs, deep nesting and oversized files quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    expect(problemsOf(levels.join('\n'))[0]).toMatch(/expands to more than/);
    expect(problemsOf('['.repeat(100_000) + ']'.repeat(100_000))[0]).toMatch(/nest/i);
    expect(problemsOf(`name: "${'x'.repeat(9 * 1024 * 1024)}"`)[0]).toMatch(/larger than/);
    // Generous: the point is "no hang", not a benchmark (that lives in npm run bench).
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('keeps hostile text as plain data', () => {
    const hostile = minimal.replace('name: Minimal', 'name: "__proto__ ${jndi:ldap://x} <script>alert(1)</script> \\"; rm -rf /"');
    const design = read(hostile);
    expect(design.name).toContain('<script>');
    expect(read(serializeDesign(design))).toEqual(design);
    expect(problemsOf(minimal.replace('kind: users }', 'kind: users, __proto__: { polluted: true } }'))[0]).toMatch(/components\[0\]\.__proto__: a key named "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problemsOf(minimal.replace('name: Minimal', 'name: !!js/function "function(){}"'))[0]).toMatch(/not valid YAML/);
  });
});

describe('durations', () => {
  it('reads and writes the format\'s durations', () => {
    expect(parseDuration('30s')).toBe(30);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('1d')).toBe(86400);
    expect(parseDuration('15')).toBeUndefined();
    expect(parseDuration('fast')).toBeUndefined();
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(Infinity)).toBe('unbounded');
  });
});

describe('a large design read', () => {
  // Above READ_LIMITS.itemCheckThreshold, where the items are read one by one.
  const size = 1500;
  const document = () => ({
    ninesmith: 1,
    name: 'Large',
    regions: [{ id: 'primary', location: 'us-east-1', role: 'active', zones: ['a', 'b'] }],
    components: Array.from({ length: size }, (_, n) => ({ id: `c${n}`, kind: 'app-service', name: `App ${n}`, region: 'primary', zones: ['a'], replicas: 2 })),
    connections: Array.from({ length: size - 1 }, (_, n) => ({ from: `c${n}`, to: `c${n + 1}`, mode: 'sync' })),
    layout: Object.fromEntries(Array.from({ length: size }, (_, n) => [`c${n}`, { x: n * 10, y: 40 }])),
  });

  it('keeps none of the objects a caller hands in, and reads them as from text', () => {
    const given = document();
    const result = readDesignDocument(given);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.design.components[0]).not.toBe(given.components[0]);
    expect(result.design.components[0]!.zones).not.toBe(given.components[0]!.zones);
    expect(result.design.connections[0]).not.toBe(given.connections[0]);
    expect(result.design.layout).not.toBe(given.layout);
    expect(result.design.layout!.c0).not.toBe(given.layout.c0);
    const fromText = readDesignText(JSON.stringify(given));
    const fromYaml = readDesignText(serializeDesign(result.design));
    expect(fromText).toEqual(result);
    expect(fromYaml).toEqual(result);
    expect(JSON.stringify(fromYaml)).toBe(JSON.stringify(result));
  });
});
