import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import { componentZones } from '../../model';
import { computeLayout, placeInLanes } from './auto-layout';
import { NODE_HEIGHT, NODE_WIDTH, regionGeometries, placementAt, nodeCenter } from './geometry';

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.x < b.x + NODE_WIDTH && b.x < a.x + NODE_WIDTH && a.y < b.y + NODE_HEIGHT && b.y < a.y + NODE_HEIGHT;

describe('placeInLanes', () => {
  it('centres a component on its zones and wraps components that would overlap in a column', () => {
    const { positions } = placeInLanes(
      [
        { id: 'one-a', lanes: [0], column: 0, order: 0 },
        { id: 'all', lanes: [0, 1, 2], column: 0, order: 1 },
        { id: 'two-a', lanes: [0], column: 0, order: 2 },
        { id: 'next', lanes: [2], column: 1, order: 0 },
      ],
      3,
    );
    expect(positions['all']!.y).toBeGreaterThan(positions['one-a']!.y);
    expect(positions['two-a']!.x).toBeGreaterThan(positions['one-a']!.x);
    expect(positions['next']!.x).toBeGreaterThan(positions['two-a']!.x);
    const ids = Object.keys(positions);
    for (const a of ids) for (const b of ids) if (a < b) expect(overlaps(positions[a]!, positions[b]!), `${a} and ${b}`).toBe(false);
  });
});

describe('computeLayout', () => {
  it('lays out a template with every component in its own region and zone lane, without overlaps', async () => {
    const loaded = loadDesign(readFileSync('templates/multi-region-active-passive.yaml', 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    const design = loaded.design;
    const layout = await computeLayout(design);
    for (const c of design.components) expect(layout[c.id], c.id).toBeDefined();
    for (const r of design.regions) expect(layout[r.id], r.id).toBeDefined();
    const regions = regionGeometries(design, layout);
    for (const c of design.components) {
      const hit = placementAt(regions, nodeCenter(layout[c.id]!));
      if (c.region === undefined) {
        expect(hit, `${c.id} is global`).toBeUndefined();
        continue;
      }
      expect(hit?.region, c.id).toBe(c.region);
      const zones = componentZones(design, c);
      if (zones.length === 1) expect(hit?.zone, c.id).toBe(zones[0]);
    }
    const ids = design.components.map((c) => c.id);
    for (const a of ids) for (const b of ids) if (a < b) expect(overlaps(layout[a]!, layout[b]!), `${a} and ${b}`).toBe(false);
    for (const at of Object.values(layout)) expect(Number.isInteger(at.x) && Number.isInteger(at.y)).toBe(true);
  });
});
