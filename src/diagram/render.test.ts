import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../templates/shipped';
import { HOSTILE_FRAGMENTS, withNames } from '../../generators/testing';
import { loadDesign } from '../catalog';
import type { Design } from '../model';
import { renderDiagramDrawio } from './drawio';
import { renderDiagramSvg } from './svg';

const templates = shippedTemplates();
const design = (file: string): Design => templates.find(([name]) => name === file)![1];

/** Parses XML strictly: any error, even one a browser would forgive, fails the test. */
function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

const elements = (document: ReturnType<typeof parseXml>, tag: string) => Array.from(document.getElementsByTagName(tag));

describe('the SVG diagram', () => {
  it.each(templates)('%s: one group per component with its name, one path per connection with its ends', (_file, template) => {
    const svg = parseXml(renderDiagramSvg(template));
    const groups = elements(svg, 'g').filter((g) => g.hasAttribute('data-component'));
    expect(groups.map((g) => g.getAttribute('data-component')).sort()).toEqual(template.components.map((c) => c.id).sort());
    for (const group of groups) {
      const component = template.components.find((c) => c.id === group.getAttribute('data-component'))!;
      expect(elements(svg, 'rect').length).toBeGreaterThan(0);
      const text = Array.from(group.getElementsByTagName('text')).map((t) => t.textContent).join(' ');
      // The name, possibly wrapped over two lines.
      expect(text.replace(/\s+/g, ' ')).toContain((component.name ?? component.id).split(' ')[0]);
    }
    const paths = elements(svg, 'path').filter((p) => p.hasAttribute('data-from'));
    expect(paths.map((p) => `${p.getAttribute('data-from')}>${p.getAttribute('data-to')}:${p.getAttribute('data-mode')}`).sort()).toEqual(
      template.connections.map((c) => `${c.from}>${c.to}:${c.mode}`).sort(),
    );
  });

  it.each(templates)('%s: every name is drawn whole, without "…"', (_file, template) => {
    const svg = parseXml(renderDiagramSvg(template));
    for (const group of elements(svg, 'g').filter((g) => g.hasAttribute('data-component'))) {
      const component = template.components.find((c) => c.id === group.getAttribute('data-component'))!;
      // The name's lines are the bold texts; the kind line under them may be cut, the name may not.
      const nameText = Array.from(group.getElementsByTagName('text'))
        .filter((t) => t.getAttribute('font-weight') === 'bold')
        .map((t) => t.textContent)
        .join('');
      expect(nameText.replace(/\s+/g, ''), component.id).toBe((component.name ?? component.id).replace(/\s+/g, ''));
    }
  });

  it('draws only the selection (and the connections between it) when asked', () => {
    const svg = parseXml(renderDiagramSvg(design('single-region-multi-az.yaml'), { selection: ['alb', 'web', 'db'] }));
    expect(elements(svg, 'g').filter((g) => g.hasAttribute('data-component')).map((g) => g.getAttribute('data-component')).sort()).toEqual(['alb', 'db', 'web']);
    expect(elements(svg, 'path').filter((p) => p.hasAttribute('data-from')).map((p) => `${p.getAttribute('data-from')}>${p.getAttribute('data-to')}`).sort()).toEqual(['alb>web', 'web>db']);
  });

  it('lists in its legend the connection modes the picture draws, and no others', () => {
    const legendOf = (svg: ReturnType<typeof parseXml>) => {
      const legend = elements(svg, 'g').find((g) => g.getAttribute('class') === 'legend');
      return legend ? Array.from(legend.getElementsByTagName('text')).map((t) => t.textContent) : [];
    };
    expect(legendOf(parseXml(renderDiagramSvg(design('multi-region-active-passive.yaml'))))).toEqual(['Sync', 'Async', 'Replication', 'Backup']);
    // alb > web > db: two sync connections.
    expect(legendOf(parseXml(renderDiagramSvg(design('single-region-multi-az.yaml'), { selection: ['alb', 'web', 'db'] })))).toEqual(['Sync']);
    // Nothing connected: no legend at all.
    expect(legendOf(parseXml(renderDiagramSvg(design('single-region-multi-az.yaml'), { selection: ['alb'] })))).toEqual([]);
  });

  it('keeps hostile names as text: the document parses and no markup gets through', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HOSTILE_FRAGMENTS), { minLength: 1, maxLength: 4 }), (fragments) => {
        const hostile = withNames(design('multi-region-active-passive.yaml'), (_kind, index) => fragments.join(index % 2 === 0 ? '' : ' '), { locations: false });
        for (const text of [renderDiagramSvg(hostile), renderDiagramDrawio(hostile)]) {
          const document = parseXml(text);
          expect(elements(document, 'script')).toHaveLength(0);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('the draw.io diagram', () => {
  it.each(templates)('%s: an mxGraph model with one cell per region, zone, component and connection', (_file, template) => {
    const drawio = parseXml(renderDiagramDrawio(template));
    expect(drawio.documentElement!.tagName).toBe('mxfile');
    const objects = elements(drawio, 'object');
    const of = (type: string) => objects.filter((o) => o.getAttribute('ninesmith') === type);
    expect(of('region').map((o) => o.getAttribute('ninesmith-id'))).toEqual(template.regions.map((r) => r.id));
    expect(of('zone')).toHaveLength(template.regions.reduce((sum, r) => sum + r.zones.length, 0));
    expect(of('component').map((o) => o.getAttribute('ninesmith-id')).sort()).toEqual(template.components.map((c) => c.id).sort());
    expect(of('connection')).toHaveLength(template.connections.length);
    // Every object holds exactly one mxCell, and every cell's parent and ends exist.
    const ids = new Set(['0', '1', ...objects.map((o) => o.getAttribute('id')!)]);
    for (const object of objects) {
      const cells = Array.from(object.getElementsByTagName('mxCell'));
      expect(cells).toHaveLength(1);
      const cell = cells[0]!;
      expect(ids.has(cell.getAttribute('parent')!)).toBe(true);
      if (cell.getAttribute('edge') === '1') {
        expect(ids.has(cell.getAttribute('source')!)).toBe(true);
        expect(ids.has(cell.getAttribute('target')!)).toBe(true);
      } else expect(cell.getElementsByTagName('mxGeometry')[0]!.getAttribute('width')).toMatch(/^\d/);
    }
    // Connections keep their mode: as data, and in their style.
    for (const connection of of('connection')) {
      const mode = connection.getAttribute('mode');
      const style = connection.getElementsByTagName('mxCell')[0]!.getAttribute('style')!;
      if (mode === 'async' || mode === 'backup') expect(style).toContain('dashed=1');
      if (mode === 'replication') expect(style).toContain('shape=link');
    }
    // Components carry their symbol: the provider's own from draw.io's library as a child cell, or the neutral one as the label's image.
    const icons = new Map(of('icon').map((o) => [o.getAttribute('ninesmith-id'), o.getElementsByTagName('mxCell')[0]!]));
    for (const component of of('component')) {
      const style = component.getElementsByTagName('mxCell')[0]!.getAttribute('style')!;
      const icon = icons.get(component.getAttribute('ninesmith-id'));
      if (icon) {
        expect(icon.getAttribute('parent')).toBe(component.getAttribute('id'));
        expect(style).not.toContain('image=');
      } else expect(style).toMatch(/image=data:image\/svg\+xml,[A-Za-z0-9+/=]+;/);
    }
  });

  it("uses each provider's icons from draw.io's own libraries, and the neutral symbol where draw.io has none", () => {
    const designOn = (provider: 'aws' | 'azure' | 'gcp'): Design => {
      const loaded = loadDesign(
        JSON.stringify({
          ninesmith: 1,
          name: 'icons',
          provider,
          regions: [{ id: 'r', location: provider === 'aws' ? 'us-east-1' : provider === 'azure' ? 'eastus' : 'us-central1', role: 'primary', zones: ['1'] }],
          components: [
            { id: 'db', kind: 'relational-db', region: 'r' },
            { id: 'erp', kind: 'external-system' },
          ],
        }),
      );
      if (!loaded.ok) throw new Error('the icons design does not load');
      return loaded.design;
    };
    const iconStyle = (provider: 'aws' | 'azure' | 'gcp') => {
      const objects = elements(parseXml(renderDiagramDrawio(designOn(provider))), 'object');
      expect(objects.filter((o) => o.getAttribute('ninesmith') === 'icon').map((o) => o.getAttribute('ninesmith-id'))).toEqual(['db']);
      return objects.find((o) => o.getAttribute('ninesmith') === 'icon')!.getElementsByTagName('mxCell')[0]!.getAttribute('style');
    };
    expect(iconStyle('aws')).toContain('resIcon=mxgraph.aws4.rds;');
    expect(iconStyle('azure')).toContain('image=img/lib/azure2/databases/Azure_Database_PostgreSQL_Server.svg;');
    expect(iconStyle('gcp')).toContain('shape=mxgraph.gcp2.cloud_sql;');
  });
});
