import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import { runCli } from '../main';

const repo = new URL('../../../', import.meta.url).pathname;
const templates = readdirSync(join(repo, 'templates'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const loaded = loadDesign(readFileSync(join(repo, 'templates', file), 'utf8'));
    if (!loaded.ok) throw new Error(`${file} does not load`);
    return [file, loaded.design] as const;
  });

const elements = (node: { getElementsByTagName(tag: string): ArrayLike<XmlElement> }, tag: string): XmlElement[] => Array.from(node.getElementsByTagName(tag));

describe('ninesmith diagram', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) => {
    out = [];
    err = [];
    return runCli(['diagram', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: repo });
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ninesmith-diagram-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(templates)('%s: an SVG with a group per component and a path per connection', async (file, design) => {
    const target = join(dir, `${file}.svg`);
    expect(await run(`templates/${file}`, '--format', 'svg', '--out', target)).toBe(0);
    expect(out.join('')).toContain('wrote the diagram (svg)');
    const svg = new DOMParser().parseFromString(readFileSync(target, 'utf8'), 'image/svg+xml');
    expect(svg.documentElement!.tagName).toBe('svg');
    const groups = elements(svg, 'g').filter((g) => g.hasAttribute('data-component'));
    expect(groups.map((g) => g.getAttribute('data-component')).sort()).toEqual(design.components.map((c) => c.id).sort());
    // Each group holds its box and its name.
    for (const group of groups) {
      expect(elements(group, 'rect').length).toBeGreaterThan(0);
      expect(group.textContent!.length).toBeGreaterThan(0);
    }
    const paths = elements(svg, 'path').filter((p) => p.hasAttribute('data-from') && p.hasAttribute('data-to'));
    expect(paths.map((p) => `${p.getAttribute('data-from')}->${p.getAttribute('data-to')}`).sort()).toEqual(design.connections.map((c) => `${c.from}->${c.to}`).sort());
  });

  it.each(templates)('%s: a draw.io file that parses as mxGraph XML with one cell per region, zone, component and connection', async (file, design) => {
    const target = join(dir, `${file}.drawio`);
    expect(await run(`templates/${file}`, '--format', 'drawio', '--out', target)).toBe(0);
    const drawio = new DOMParser().parseFromString(readFileSync(target, 'utf8'), 'text/xml');
    expect(drawio.documentElement!.tagName).toBe('mxfile');
    expect(elements(drawio, 'mxGraphModel')).toHaveLength(1);
    const objects = elements(drawio, 'object');
    const count = (type: string) => objects.filter((o) => o.getAttribute('ninesmith') === type).length;
    expect(count('region')).toBe(design.regions.length);
    expect(count('zone')).toBe(design.regions.reduce((sum, r) => sum + r.zones.length, 0));
    expect(count('component')).toBe(design.components.length);
    expect(count('connection')).toBe(design.connections.length);
  });

  it.each(templates)('%s: a PNG, twice the SVG size by default', async (file) => {
    const target = join(dir, `${file}.png`);
    expect(await run(`templates/${file}`, '--format', 'png', '--out', target)).toBe(0);
    const png = readFileSync(target);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const svgWidth = Number(/<svg[^>]*\bwidth="(\d+)"/.exec(readFileSync(join(dir, `${file}.svg`), 'utf8'))![1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
  }, 60_000);

  it('draws only the components named by --only, and refuses one the design does not have', async () => {
    const target = join(dir, 'part.svg');
    expect(await run('templates/single-region-multi-az.yaml', '--format', 'svg', '--out', target, '--only', 'web,db')).toBe(0);
    const svg = readFileSync(target, 'utf8');
    expect([...svg.matchAll(/data-component="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['db', 'web']);
    expect(await run('templates/single-region-multi-az.yaml', '--format', 'svg', '--out', join(dir, 'none.svg'), '--only', 'nope')).toBe(2);
    expect(err.join('')).toContain('no component "nope"');
    expect(existsSync(join(dir, 'none.svg'))).toBe(false);
  });

  it('exits 2 for a wrong format, a missing --out or an invalid design, writing nothing', async () => {
    expect(await run('templates/single-region-multi-az.yaml', '--format', 'pdf', '--out', join(dir, 'x.pdf'))).toBe(2);
    expect(err.join('')).toContain('--format must be one of svg, png, drawio');
    expect(await run('templates/single-region-multi-az.yaml', '--format', 'svg')).toBe(2);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'ninesmith: 1\nname: Bad\ncomponents:\n  - { id: web, kind: app-service }\n');
    expect(await run(bad, '--format', 'svg', '--out', join(dir, 'bad.svg'))).toBe(2);
    expect(existsSync(join(dir, 'bad.svg'))).toBe(false);
  });
});
