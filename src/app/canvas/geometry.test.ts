import { describe, expect, it } from 'vitest';
import { boxesOverlap, ROW_GAP } from '../../diagram';
import { createCanvasView, handleElbow, layoutOverlaps, placementAfterDrop, placementAt, settleDrop } from './geometry';
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
