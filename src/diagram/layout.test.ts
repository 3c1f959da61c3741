import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../templates/shipped';
import { syntheticDesign } from '../catalog';
import type { Design } from '../model';
import { autoLayout } from './elk-layout';
import { buildScene, ZONE_PITCH, NODE_WIDTH } from './geometry';
import { completePositions, gridLayout, simpleOrdering } from './layout';
import { diagonalSegments, edgesThroughNodes, overlappingNodes } from './testing';

const templates = shippedTemplates();

/** A generated design of `size` components, with no layout (the synthetic one's grid is for benchmarks). */
const generated = (size: number, seed: number): Design => ({ ...syntheticDesign(size, seed), layout: undefined });

describe('the diagram of every template', () => {
  it.each(templates)('%s, as shipped: no two boxes overlap, no connection goes through a box, every segment is straight', (_file, design) => {
    expect(Object.keys(design.layout ?? {}).length, 'templates ship with their layout').toBeGreaterThan(0);
    const scene = buildScene(design, completePositions(design, design.layout ?? {}));
    expect(overlappingNodes(scene)).toEqual([]);
    expect(edgesThroughNodes(scene)).toEqual([]);
    expect(diagonalSegments(scene)).toEqual([]);
    expect(scene.edges).toHaveLength(design.connections.length);
  });

  it.each(templates)('%s, laid out anew by ELK: the same holds', async (_file, design) => {
    const scene = buildScene(design, await autoLayout(design));
    expect(overlappingNodes(scene)).toEqual([]);
    expect(edgesThroughNodes(scene)).toEqual([]);
  }, 60_000);
});

describe('generated designs of 100 components', () => {
  it.each([1, 2, 3])('seed %i: no overlaps and no connection through a box, with the grid layout and with ELK', async (seed) => {
    const design = generated(100, seed);
    for (const positions of [gridLayout(design, simpleOrdering(design)), await autoLayout(design)]) {
      const scene = buildScene(design, positions);
      expect(overlappingNodes(scene)).toEqual([]);
      expect(edgesThroughNodes(scene)).toEqual([]);
      expect(diagonalSegments(scene)).toEqual([]);
    }
  }, 120_000);
});

describe('zones as columns', () => {
  const design = templates.find(([file]) => file === 'single-region-multi-az.yaml')![1];
  const scene = buildScene(design, completePositions(design, design.layout ?? {}));
  const region = scene.regions[0]!;

  it('draws a component across exactly the zone columns it runs in', () => {
    const web = scene.nodeById.get('web')!;
    const db = scene.nodeById.get('db')!;
    const [a, b, c] = region.zones;
    expect(web.x).toBeGreaterThanOrEqual(a!.x);
    expect(web.x + web.width).toBeLessThanOrEqual(c!.x + c!.width);
    expect(web.width).toBe(NODE_WIDTH + 2 * ZONE_PITCH);
    // db runs in a and b: it spans a and b, and stays out of c.
    expect(db.x + db.width).toBeLessThanOrEqual(b!.x + b!.width);
    expect(db.x + db.width).toBeLessThan(c!.x);
    expect(db.zoneSpan).toEqual([
      { zone: 'a', on: true },
      { zone: 'b', on: true },
    ]);
  });

  it('keeps the network, the zones and the managed services inside the region box', () => {
    for (const inner of [region.network, ...region.zones, ...region.columns]) {
      expect(inner.x).toBeGreaterThanOrEqual(region.x);
      expect(inner.x + inner.width).toBeLessThanOrEqual(region.x + region.width);
      expect(inner.y + inner.height).toBeLessThanOrEqual(region.y + region.height);
    }
    for (const node of scene.nodes.filter((n) => n.component.region === 'primary')) {
      expect(node.x).toBeGreaterThanOrEqual(region.x);
      expect(node.y + node.height).toBeLessThanOrEqual(region.y + region.height);
    }
  });

  it('puts the edge services above the regions and the request path down by layer', () => {
    const top = ['users', 'dns', 'cdn', 'waf'].map((id) => scene.nodeById.get(id)!);
    for (const node of top) expect(node.y + node.height).toBeLessThan(region.y);
    const y = (id: string) => scene.nodeById.get(id)!.y;
    expect(y('alb')).toBeLessThan(y('web'));
    expect(y('web')).toBeLessThan(y('workers'));
    expect(y('web')).toBeLessThan(y('db'));
    expect(y('documents')).toBeGreaterThan(y('web'));
  });
});

describe('the row of edge services', () => {
  it('stacks further groups of users above the first, so the row is one request path wide', async () => {
    const design = templates.find(([name]) => name === 'multi-tenant-with-dedicated-cell.yaml')![1];
    const positions = await autoLayout(design);
    const rowOf = (id: string) => positions[id]!;
    // One row: users, DNS, CDN, WAF; the enterprise users stand right above the tenant users.
    expect(['users', 'dns', 'cdn', 'waf'].map((id) => rowOf(id).y)).toEqual([0, 0, 0, 0]);
    expect(rowOf('enterprise-users')).toEqual({ x: rowOf('users').x, y: -(80 + 56) });
    const right = Math.max(...['users', 'dns', 'cdn', 'waf'].map((id) => rowOf(id).x + NODE_WIDTH));
    expect(right - rowOf('users').x).toBe(4 * NODE_WIDTH + 3 * 72);
  });
});

describe('positions for components that have none', () => {
  it('places an added component clear of the others, and leaves a complete layout as it is', () => {
    const design = templates.find(([file]) => file === 'single-region-multi-az.yaml')![1];
    const layout = design.layout ?? {};
    expect(completePositions(design, layout)).toBe(layout);
    const added: Design = { ...design, components: [...design.components, { id: 'extra', kind: 'app-service', region: 'primary', zones: ['a'] }] };
    const filled = completePositions(added, layout);
    expect(filled.extra).toBeDefined();
    expect(overlappingNodes(buildScene(added, filled))).toEqual([]);
  });
});
