import { describe, expect, it } from 'vitest';
import { boxesOverlap, ROW_GAP } from '../../diagram';
import { createCanvasView, handleElbow, keepInView, layoutOverlaps, placementAfterDrop, placementAt, selectionBox, settleDrop, settleInPlace } from './geometry';
import { TWO_REGIONS } from './testing';

const design = TWO_REGIONS;

describe('placementAt', () => {
  const regions = createCanvasView()(design, { east: { x: 0, y: 0 }, web: { x: 100, y: 120 } }).regions;
  const east = regions[0]!;

  it('finds the region and the zone column under a point', () => {
    const columnB = east.zones[1]!;
    expect(placementAt(regions, { x: columnB.x + 20, y: columnB.y + 40 })).toEqual({ region: 'east', zone: 'b' });
  });

  it('finds the region without a zone above its network, and nothing outside every region', () => {
    expect(placementAt(regions, { x: east.zones[0]!.x + 20, y: east.y + 10 })).toEqual({ region: 'east', zone: undefined });
    expect(placementAt(regions, { x: -1000, y: -1000 })).toBeUndefined();
  });
});

describe('placementAfterDrop', () => {
  const regions = design.regions;

  it('moves a single-zone component to the zone it is dropped in', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a'] }, 'regional', regions, { region: 'east', zone: 'c' })).toEqual({ region: 'east', zones: ['c'] });
  });

  it('keeps every zone of a spanning component dropped into one of them, or outside the zone columns of its own region', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a', 'b'] }, 'regional', regions, { region: 'east', zone: 'b' })).toBeUndefined();
    expect(placementAfterDrop({ region: 'east', zones: ['a', 'b'] }, 'regional', regions, { region: 'east', zone: undefined })).toBeUndefined();
  });

  it('moves a component into another region, to the zone under it or that region first', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a', 'b'] }, 'regional', regions, { region: 'west', zone: 'b' })).toEqual({ region: 'west', zones: ['b'] });
    expect(placementAfterDrop({ region: 'east', zones: ['a', 'b'] }, 'regional', regions, { region: 'west', zone: undefined })).toEqual({ region: 'west', zones: ['a'] });
  });

  it('takes a component that may be global out of its region when dropped outside, but not a regional one', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a'] }, 'either', regions, undefined)).toEqual({ region: undefined, zones: undefined });
    expect(placementAfterDrop({ region: 'east', zones: ['a'] }, 'regional', regions, undefined)).toBeUndefined();
  });

  it('never puts a global kind into a region', () => {
    expect(placementAfterDrop({}, 'global', regions, { region: 'east', zone: 'a' })).toBeUndefined();
  });
});

describe('createCanvasView', () => {
  it('builds the scene once per model and layout, again only when either changes', () => {
    const viewOf = createCanvasView();
    const layout = { east: { x: 0, y: 0 }, web: { x: 100, y: 120 } };
    const first = viewOf(design, layout);
    expect(viewOf(design, layout)).toBe(first);
    expect(first.positions['db']).toBeDefined();
    expect(first.regions).toBe(first.scene.regions);
    const moved = viewOf(design, { ...layout, web: { x: 100, y: 900 } });
    expect(moved).not.toBe(first);
    // The region grows down to take in its member.
    expect(moved.regions[0]!.height).toBeGreaterThan(first.regions[0]!.height);
  });
});

describe('settleDrop', () => {
  const layout = { east: { x: 0, y: 0 }, dns: { x: 0, y: -200 }, web: { x: 0, y: 120 }, db: { x: 0, y: 300 } };

  it('pins every region without a stored corner where it was drawn, so a drop beside it never moves it', () => {
    const viewOf = createCanvasView();
    const before = viewOf(design, layout).regions;
    const settled = settleDrop(design, layout, { dns: { x: -600, y: -300 } }, before);
    expect(settled['west']).toEqual({ x: before[1]!.x, y: before[1]!.y });
    expect(settled['east']).toBeUndefined();
    expect(settled['dns']).toEqual({ x: -600, y: -300 });
  });

  it('keeps an empty region of a blank design where it was when the first component is dropped beside it', () => {
    // Without a layout the region is drawn where the automatic layout puts it; once something has a
    // position, a region without one would be drawn elsewhere: the drop pins it first.
    const blank = { regions: [design.regions[0]!], components: [], connections: [] };
    const viewOf = createCanvasView();
    const before = viewOf(blank, {}).regions[0]!;
    const withDns = { ...blank, components: [{ id: 'dns', kind: 'dns' }] };
    const settled = settleDrop(withDns, { dns: { x: -300, y: -200 } }, { dns: { x: -300, y: -200 } }, [before]);
    const after = viewOf(withDns, { dns: { x: -300, y: -200 }, ...settled }).regions[0]!;
    expect({ x: after.x, y: after.y }).toEqual({ x: before.x, y: before.y });
    // Without the pin it would have moved: the test can fail.
    const unpinned = createCanvasView()(withDns, { dns: { x: -300, y: -200 } }).regions[0]!;
    expect(unpinned.y).not.toBe(before.y);
  });

  it('snaps a component in the network to its zone columns and moves it clear of the one it was dropped on', () => {
    const view = createCanvasView()(design, layout);
    const db = view.scene.nodeById.get('db')!;
    const web = view.scene.nodeById.get('web')!;
    const settled = settleDrop(design, layout, { web: { x: db.x + 13, y: db.y + 30 } }, view.regions);
    const landed = { ...web, ...settled['web']! };
    expect(landed.x).toBe(web.x);
    expect(boxesOverlap(landed, db, ROW_GAP / 2 - 1)).toBe(false);
  });
});

describe('settleInPlace', () => {
  // web (zone a) and cache (zone b) stand side by side in one row of east; west holds a replica.
  const before: typeof design = {
    ...design,
    components: [
      ...design.components,
      { id: 'cache', kind: 'cache', region: 'east', zones: ['b'] },
      { id: 'replica', kind: 'relational-db', region: 'west', zones: ['a'] },
    ],
  };
  const layout = { east: { x: 0, y: 0 }, dns: { x: 0, y: -200 }, web: { x: 0, y: 120 }, cache: { x: 0, y: 120 }, db: { x: 0, y: 300 } };
  const grown = { ...before, components: before.components.map((c) => (c.id === 'web' ? { ...c, zones: ['a', 'b'] } : c)) };

  it('moves a component that grew into a zone column clear of the one standing there', () => {
    const drawn = createCanvasView()(before, layout).regions;
    const settled = settleInPlace(grown, layout, ['web'], drawn);
    const after = createCanvasView()(grown, { ...layout, ...settled }).scene;
    expect(boxesOverlap(after.nodeById.get('web')!, after.nodeById.get('cache')!)).toBe(false);
    expect(after.nodeById.get('web')!.y).toBeGreaterThan(after.nodeById.get('cache')!.y);
  });

  it('settles against its own region only, as it would against the whole design, and pins every region', () => {
    const drawn = createCanvasView()(before, layout).regions;
    const settled = settleInPlace(grown, layout, ['web'], drawn);
    const ends = { web: layout.web };
    expect(settled).toEqual(settleDrop(grown, layout, ends, drawn));
    expect(settled['west']).toEqual({ x: drawn[1]!.x, y: drawn[1]!.y });
  });
});

describe('layoutOverlaps', () => {
  it('tells a layout that draws components on top of each other from one that does not', () => {
    const viewOf = createCanvasView();
    expect(layoutOverlaps(viewOf(design, { east: { x: 0, y: 0 }, web: { x: 0, y: 120 }, db: { x: 0, y: 300 } }).scene)).toBe(false);
    expect(layoutOverlaps(viewOf(design, { east: { x: 0, y: 0 }, web: { x: 0, y: 120 }, db: { x: 0, y: 140 } }).scene)).toBe(true);
  });
});

describe('handleElbow', () => {
  it('draws a dragged connection down, across and down, with right angles only', () => {
    const points = handleElbow(10, 20, 110, 220);
    expect(points[0]).toEqual({ x: 10, y: 20 });
    expect(points.at(-1)).toEqual({ x: 110, y: 220 });
    for (let i = 1; i < points.length; i += 1) expect(points[i]!.x === points[i - 1]!.x || points[i]!.y === points[i - 1]!.y).toBe(true);
    expect(handleElbow(5, 0, 5, 50)).toHaveLength(2);
  });
});

describe('keepInView', () => {
  const size = { width: 800, height: 600 };
  const viewport = { x: 0, y: 0, zoom: 1 };

  it('leaves the view alone when the box is already in sight', () => {
    expect(keepInView({ x: 100, y: 100, width: 208, height: 80 }, viewport, size)).toBe(viewport);
  });

  it('pans left just enough to bring a box cut by the right edge back in', () => {
    // 700..908 on screen at zoom 1: the right edge must come to 800 - 24.
    expect(keepInView({ x: 700, y: 100, width: 208, height: 80 }, viewport, size)).toEqual({ x: -132, y: 0, zoom: 1 });
  });

  it('works in screen pixels at the current zoom and pan', () => {
    // At zoom 0.5 and pan 100, the box spans 100 + 1400 * 0.5 = 800 to 904.
    expect(keepInView({ x: 1400, y: 0, width: 208, height: 80 }, { x: 100, y: 50, zoom: 0.5 }, size)).toEqual({ x: -28, y: 50, zoom: 0.5 });
  });

  it('keeps the left and top edges of a box larger than the canvas', () => {
    expect(keepInView({ x: 0, y: 0, width: 2000, height: 2000 }, { x: -500, y: -500, zoom: 1 }, size)).toEqual({ x: 24, y: 24, zoom: 1 });
  });

  it('pans down to a box above the view', () => {
    expect(keepInView({ x: 100, y: -300, width: 208, height: 80 }, viewport, size)).toEqual({ x: 0, y: 324, zoom: 1 });
  });
});

describe('selectionBox', () => {
  const view = createCanvasView()(TWO_REGIONS, {});

  it('surrounds the selected components', () => {
    const [first, second] = view.scene.nodes;
    const box = selectionBox(view.scene, { components: [first!.id, second!.id], connections: [] })!;
    for (const node of [first!, second!]) {
      expect(node.x).toBeGreaterThanOrEqual(box.x);
      expect(node.y).toBeGreaterThanOrEqual(box.y);
      expect(node.x + node.width).toBeLessThanOrEqual(box.x + box.width);
      expect(node.y + node.height).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  it("surrounds a selected connection's route", () => {
    const edge = view.scene.edges[0]!;
    const box = selectionBox(view.scene, { components: [], connections: [edge.id] })!;
    const xs = edge.points.map((p) => p.x);
    expect(box.x).toBe(Math.min(...xs));
    expect(box.x + box.width).toBe(Math.max(...xs));
  });

  it('is undefined when nothing selected is drawn', () => {
    expect(selectionBox(view.scene, { components: ['no-such-component'], connections: [] })).toBeUndefined();
  });
});
