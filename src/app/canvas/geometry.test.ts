import { describe, expect, it } from 'vitest';
import {
  LANE_LABEL_WIDTH,
  MIN_LANE_HEIGHT,
  NODE_HEIGHT,
  NODE_WIDTH,
  REGION_HEADER,
  createCanvasView,
  nodeCenter,
  placementAfterDrop,
  placementAt,
  regionGeometries,
  withFallbackPositions,
} from './geometry';
import { TWO_REGIONS } from './testing';

const design = TWO_REGIONS;

describe('regionGeometries', () => {
  const layout = { east: { x: 0, y: 0 }, dns: { x: -400, y: 0 }, web: { x: 100, y: 80 }, db: { x: 400, y: 100 } };

  it('anchors a laid-out region at its layout entry and splits it into one lane per zone', () => {
    const [east] = regionGeometries(design, layout);
    expect(east).toMatchObject({ regionId: 'east', x: 0, y: 0 });
    expect(east!.lanes.map((l) => l.zone)).toEqual(['a', 'b', 'c']);
    expect(east!.lanes[0]!.y).toBe(REGION_HEADER);
    expect(east!.height).toBeGreaterThanOrEqual(REGION_HEADER + 3 * MIN_LANE_HEIGHT);
    // Every member is inside its region's box.
    for (const id of ['web', 'db'] as const) {
      const at = layout[id];
      expect(at.x).toBeGreaterThanOrEqual(east!.x + LANE_LABEL_WIDTH);
      expect(at.x + NODE_WIDTH).toBeLessThanOrEqual(east!.x + east!.width);
      expect(at.y + NODE_HEIGHT).toBeLessThanOrEqual(east!.y + east!.height);
    }
  });

  it('stretches a region after a member moved past its edge, and not while that member is dragged', () => {
    const moved = { ...layout, db: { x: 2000, y: 100 } };
    expect(regionGeometries(design, moved)[0]!.width).toBeGreaterThan(2000);
    expect(regionGeometries(design, moved, new Set(['db']))[0]!.width).toBeLessThan(1000);
  });

  it('places an empty region without a position to the right of the content', () => {
    const west = regionGeometries(design, layout)[1]!;
    const east = regionGeometries(design, layout)[0]!;
    expect(west.x).toBeGreaterThan(east.x + east.width);
    expect(west.lanes.map((l) => l.zone)).toEqual(['a', 'b']);
  });
});

describe('placementAt', () => {
  const regions = regionGeometries(design, { east: { x: 0, y: 0 }, web: { x: 100, y: 60 } });
  const east = regions[0]!;

  it('finds the region and the zone lane under a point', () => {
    const laneB = east.lanes[1]!;
    expect(placementAt(regions, { x: east.x + 200, y: laneB.y + 5 })).toEqual({ region: 'east', zone: 'b' });
  });

  it('finds nothing outside every region', () => {
    expect(placementAt(regions, { x: -1000, y: -1000 })).toBeUndefined();
  });
});

describe('placementAfterDrop', () => {
  const regions = design.regions;

  it('moves a single-zone component to the zone it is dropped in', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a'] }, 'regional', regions, { region: 'east', zone: 'c' })).toEqual({ region: 'east', zones: ['c'] });
  });

  it('keeps every zone of a spanning component dropped into one of them', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a', 'b'] }, 'regional', regions, { region: 'east', zone: 'b' })).toBeUndefined();
  });

  it('moves a component into another region', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a', 'b'] }, 'regional', regions, { region: 'west', zone: 'b' })).toEqual({ region: 'west', zones: ['b'] });
  });

  it('takes a component that may be global out of its region when dropped outside, but not a regional one', () => {
    expect(placementAfterDrop({ region: 'east', zones: ['a'] }, 'either', regions, undefined)).toEqual({ region: undefined, zones: undefined });
    expect(placementAfterDrop({ region: 'east', zones: ['a'] }, 'regional', regions, undefined)).toBeUndefined();
  });

  it('never puts a global kind into a region', () => {
    expect(placementAfterDrop({}, 'global', regions, { region: 'east', zone: 'a' })).toBeUndefined();
  });
});

describe('withFallbackPositions', () => {
  it('returns the layout itself when every component has a position', () => {
    const layout = { dns: { x: 0, y: 0 }, web: { x: 1, y: 1 }, db: { x: 2, y: 2 } };
    expect(withFallbackPositions(design, layout)).toBe(layout);
  });

  it('places components without a position below the others, without overlapping', () => {
    const filled = withFallbackPositions(design, { dns: { x: 0, y: 0 } });
    expect(filled.web!.y).toBeGreaterThan(NODE_HEIGHT);
    expect(filled.db!.x).not.toBe(filled.web!.x);
    expect(nodeCenter(filled.web!)).toEqual({ x: filled.web!.x + NODE_WIDTH / 2, y: filled.web!.y + NODE_HEIGHT / 2 });
  });
});

describe('createCanvasView', () => {
  it('lays the regions out once per model and layout, again only when either changes', () => {
    const viewOf = createCanvasView();
    const layout = { east: { x: 0, y: 0 }, web: { x: 100, y: 80 } };
    const first = viewOf(design, layout);
    expect(viewOf(design, layout)).toBe(first);
    expect(first.positions['db']).toBeDefined();
    const moved = viewOf(design, { ...layout, web: { x: 900, y: 80 } });
    expect(moved).not.toBe(first);
    expect(moved.regions[0]!.width).toBeGreaterThan(first.regions[0]!.width);
  });
});
