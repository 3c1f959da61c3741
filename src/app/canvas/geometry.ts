import type { Component, Design, LayoutPoint, Region } from '../../model';

/**
 * The canvas's geometry, as plain functions of the document: where a component is drawn, where
 * its region's box and zone lanes are, and which region and zone a point falls in. No React and
 * no React Flow here, so it is tested in Node.
 *
 * Components have one fixed size (explicit sizes let React Flow cull off-screen nodes without
 * measuring them). A region's box is derived from its own `layout` entry (its top-left corner,
 * written by the automatic layout and moved when the region is dragged) and the components
 * placed in it; it always covers them. Connections flow left to right; the region is split into
 * one horizontal lane per zone, of equal height, top to bottom in the region's zone order.
 */
export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 64;
export const REGION_PADDING = 28;
export const REGION_HEADER = 40;
/** The strip at the left of each zone lane that names the zone. */
export const LANE_LABEL_WIDTH = 64;
export const MIN_LANE_HEIGHT = 120;
export const MIN_REGION_BODY_WIDTH = 400;
const REGION_GAP = 80;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaneGeometry extends Rect {
  zone: string;
}

export interface RegionGeometry extends Rect {
  regionId: string;
  lanes: readonly LaneGeometry[];
}

export type Positions = Readonly<Record<string, LayoutPoint>>;

/**
 * The layout with a position for every component: components without one (added by a panel,
 * pasted from a file without positions) get a deterministic place in a row below the rest.
 */
export function withFallbackPositions(model: Pick<Design, 'components'>, layout: Positions): Positions {
  const missing = model.components.filter((c) => layout[c.id] === undefined);
  if (missing.length === 0) return layout;
  let bottom = 0;
  let left = Infinity;
  for (const c of model.components) {
    const at = layout[c.id];
    if (!at) continue;
    bottom = Math.max(bottom, at.y + NODE_HEIGHT);
    left = Math.min(left, at.x);
  }
  if (!Number.isFinite(left)) left = 0;
  const top = bottom === 0 ? 0 : bottom + 120;
  const filled: Record<string, LayoutPoint> = { ...layout };
  const perRow = 6;
  missing.forEach((c, index) => {
    filled[c.id] = { x: left + (index % perRow) * (NODE_WIDTH + 40), y: top + Math.floor(index / perRow) * (NODE_HEIGHT + 60) };
  });
  return filled;
}

function laneSplit(zones: readonly string[], box: Rect): LaneGeometry[] {
  const height = (box.height - REGION_HEADER) / Math.max(1, zones.length);
  return zones.map((zone, index) => ({
    zone,
    x: box.x,
    y: box.y + REGION_HEADER + index * height,
    width: box.width,
    height,
  }));
}

/**
 * Each region's box: the bounding box of its components plus padding and headers, at least one
 * lane width per zone. `exclude` leaves out components being dragged, so a region does not
 * stretch after a component that is on its way out.
 */
export function regionGeometries(
  model: Pick<Design, 'regions' | 'components'>,
  positions: Positions,
  exclude?: ReadonlySet<string> | null,
): RegionGeometry[] {
  const bounds = new Map<string, { minX: number; minY: number; maxX: number; maxY: number }>();
  let contentRight = -Infinity;
  let contentTop = Infinity;
  for (const c of model.components) {
    const at = positions[c.id];
    if (!at) continue;
    contentRight = Math.max(contentRight, at.x + NODE_WIDTH);
    if (c.region === undefined) continue;
    contentTop = Math.min(contentTop, at.y);
    if (exclude?.has(c.id)) continue;
    const b = bounds.get(c.region);
    if (b) {
      b.minX = Math.min(b.minX, at.x);
      b.minY = Math.min(b.minY, at.y);
      b.maxX = Math.max(b.maxX, at.x + NODE_WIDTH);
      b.maxY = Math.max(b.maxY, at.y + NODE_HEIGHT);
    } else bounds.set(c.region, { minX: at.x, minY: at.y, maxX: at.x + NODE_WIDTH, maxY: at.y + NODE_HEIGHT });
  }
  const result: RegionGeometry[] = [];
  let nextFreeX = Number.isFinite(contentRight) ? contentRight + REGION_GAP : 0;
  const defaultTop = Number.isFinite(contentTop) ? contentTop - REGION_HEADER - REGION_PADDING : 160;
  for (const region of model.regions) {
    const minHeight = REGION_HEADER + Math.max(1, region.zones.length) * MIN_LANE_HEIGHT;
    const minWidth = LANE_LABEL_WIDTH + MIN_REGION_BODY_WIDTH;
    const b = bounds.get(region.id);
    const anchor = positions[region.id];
    let box: Rect;
    if (b && anchor) {
      // A laid-out region keeps its lanes where the layout put them; members dragged past its
      // edges stretch it.
      const x = Math.min(anchor.x, b.minX - REGION_PADDING - LANE_LABEL_WIDTH);
      const y = Math.min(anchor.y, b.minY - REGION_PADDING - REGION_HEADER);
      const right = Math.max(anchor.x + minWidth, b.maxX + REGION_PADDING);
      const bottom = Math.max(anchor.y + minHeight, b.maxY + REGION_PADDING);
      box = { x, y, width: right - x, height: bottom - y };
    } else if (b) {
      const contentHeight = b.maxY - b.minY + 2 * REGION_PADDING + REGION_HEADER;
      const height = Math.max(minHeight, contentHeight);
      box = {
        x: b.minX - REGION_PADDING - LANE_LABEL_WIDTH,
        y: b.minY - REGION_PADDING - REGION_HEADER - (height - contentHeight) / 2,
        width: Math.max(minWidth, b.maxX - b.minX + 2 * REGION_PADDING + LANE_LABEL_WIDTH),
        height,
      };
    } else {
      const at = anchor ?? { x: nextFreeX, y: defaultTop };
      box = { x: at.x, y: at.y, width: minWidth, height: minHeight };
    }
    nextFreeX = Math.max(nextFreeX, box.x + box.width + REGION_GAP);
    result.push({ regionId: region.id, ...box, lanes: laneSplit(region.zones, box) });
  }
  return result;
}

export function contains(rect: Rect, point: LayoutPoint): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** The region and zone lane under a point (the last region drawn wins where boxes overlap). */
export function placementAt(regions: readonly RegionGeometry[], point: LayoutPoint): { region: string; zone: string | undefined } | undefined {
  for (let i = regions.length - 1; i >= 0; i -= 1) {
    const region = regions[i]!;
    if (!contains(region, point)) continue;
    const lane = region.lanes.find((l) => point.y >= l.y && point.y <= l.y + l.height);
    return { region: region.regionId, zone: lane?.zone };
  }
  return undefined;
}

export function nodeCenter(position: LayoutPoint): LayoutPoint {
  return { x: position.x + NODE_WIDTH / 2, y: position.y + NODE_HEIGHT / 2 };
}

export type PlacementKind = 'regional' | 'global' | 'either';

/**
 * Where a component lands when it is dropped at a point: into the region and zone under it, out
 * of its region when it may be global, or unchanged. Returns undefined when nothing changes.
 *
 * A component dropped into a zone it already runs in keeps all its zones (moving a component
 * that spans zones within its region does not shrink it); dropped into another zone, it moves
 * there; dropped into another region, it moves to that region's zone under the pointer.
 */
export function placementAfterDrop(
  component: Pick<Component, 'region' | 'zones'>,
  placement: PlacementKind,
  regions: readonly Pick<Region, 'id' | 'zones'>[],
  hit: { region: string; zone: string | undefined } | undefined,
): { region: string | undefined; zones: string[] | undefined } | undefined {
  if (!hit) {
    if (component.region === undefined || placement === 'regional') return undefined;
    return { region: undefined, zones: undefined };
  }
  if (placement === 'global') return undefined;
  const target = regions.find((r) => r.id === hit.region);
  if (!target) return undefined;
  const zone = hit.zone ?? target.zones[0];
  if (zone === undefined) return undefined;
  if (component.region === hit.region) {
    const current = component.zones && component.zones.length > 0 ? component.zones : [target.zones[0]!];
    if (current.includes(zone)) return undefined;
    return { region: hit.region, zones: [zone] };
  }
  return { region: hit.region, zones: [zone] };
}

export function roundPoint(point: LayoutPoint): LayoutPoint {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}

/** What the canvas draws and hit-tests against: every component's position and the region boxes. */
export interface CanvasView {
  positions: Positions;
  regions: readonly RegionGeometry[];
}

/**
 * The canvas view of a document, computed once per (model, layout): the render, the change
 * handlers and the canvas bridge all ask this one memo, so a frame or an event never lays the
 * regions out again. The model and layout keep their identity until an edit, so identity is the key.
 */
export function createCanvasView(): (model: Pick<Design, 'regions' | 'components'>, layout: Positions) => CanvasView {
  let last: { model: Pick<Design, 'regions' | 'components'>; layout: Positions; view: CanvasView } | null = null;
  return (model, layout) => {
    if (last && last.model === model && last.layout === layout) return last.view;
    const positions = withFallbackPositions(model, layout);
    const view = { positions, regions: regionGeometries(model, positions) };
    last = { model, layout, view };
    return view;
  };
}
