import type { Component, Design, LayoutPoint, Region } from '../../model';
import {
  boxesOverlap,
  buildScene,
  centre,
  completePositions,
  freeY,
  nearestFree,
  placementAt,
  ROW_GAP,
  type DiagramNode,
  type Positions,
  type Rect,
  type RegionBox,
  type Scene,
} from '../../diagram';

/**
 * The canvas's view of the document: the diagram's scene (src/diagram/geometry.ts: zones as
 * columns, boxes, routes) and the rules of dropping things on it. Pure, tested in Node.
 */

export { NODE_HEIGHT, NODE_WIDTH, placementAt, type Positions, type Rect, type RegionBox } from '../../diagram';

/** Above this many components, connections are drawn as plain elbows (routing them all would cost more than it shows). */
export const ROUTE_MAX_COMPONENTS = 400;

export type PlacementKind = 'regional' | 'global' | 'either';

/**
 * Where a component lands when it is dropped at a point: into the region and zone column under it,
 * out of its region when it may be global, or unchanged. Returns undefined when nothing changes.
 *
 * A component dropped into a zone it already runs in keeps all its zones (moving a component that
 * spans zones within its region does not shrink it); dropped into another zone, it moves there;
 * dropped into its own region outside the zone columns (beside the network), it keeps its zones;
 * dropped into another region, it moves to that region's zone under the pointer (or its first).
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
  if (component.region === hit.region) {
    if (hit.zone === undefined) return undefined;
    const current = component.zones && component.zones.length > 0 ? component.zones : [target.zones[0]!];
    if (current.includes(hit.zone)) return undefined;
    return { region: hit.region, zones: [hit.zone] };
  }
  const zone = hit.zone ?? target.zones[0];
  if (zone === undefined) return undefined;
  return { region: hit.region, zones: [zone] };
}

export function roundPoint(point: LayoutPoint): LayoutPoint {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}

/** What the canvas draws and hit-tests against: a position for every component, and the scene. */
export interface CanvasView {
  positions: Positions;
  scene: Scene;
  regions: readonly RegionBox[];
}

/**
 * The canvas view of a document, computed once per (model, layout): the render, the change
 * handlers and the canvas bridge all ask this one memo, so a frame or an event never lays the
 * document out again. The model and layout keep their identity until an edit, so identity is the key.
 */
export function createCanvasView(): (model: Pick<Design, 'regions' | 'components' | 'connections'>, layout: Positions) => CanvasView {
  let last: { model: Pick<Design, 'regions' | 'components' | 'connections'>; layout: Positions; view: CanvasView } | null = null;
  return (model, layout) => {
    if (last && last.model === model && last.layout === layout) return last.view;
    const positions = completePositions(model, layout);
    const scene = buildScene(model, positions, { route: model.components.length <= ROUTE_MAX_COMPONENTS });
    const view = { positions, scene, regions: scene.regions };
    last = { model, layout, view };
    return view;
  };
}

/** The box a component would have with its top-left corner at `at` (its width is its zone span's). */
export function boxAt(node: Pick<DiagramNode, 'width' | 'height'> | undefined, at: LayoutPoint): Rect {
  return { x: at.x, y: at.y, width: node?.width ?? 208, height: node?.height ?? 80 };
}

/**
 * The positions to store after components were dropped at `ends` (and placed in `placed` zones):
 * a component in a region's network takes the x of its zone columns; none lands on or right
 * against another (a regional one moves down until it clears them by half a row, a global one to
 * the nearest free spot outside the regions), so no connection is left too short to see or click,
 * and no global component is drawn inside a region; and every region without a stored corner gets the one it was drawn
 * at before the drop (`before`), so a region never moves because a component was dropped beside it
 * (without a corner, where a region is drawn depends on what else the design holds).
 */
export function settleDrop(
  model: Pick<Design, 'regions' | 'components' | 'connections'>,
  layout: Positions,
  ends: Readonly<Record<string, LayoutPoint>>,
  before: readonly RegionBox[],
): Record<string, LayoutPoint> {
  const moved = new Set(Object.keys(ends));
  const result: Record<string, LayoutPoint> = {};
  for (const region of before) if (layout[region.region.id] === undefined) result[region.region.id] = { x: region.x, y: region.y };
  const positions = { ...completePositions(model, layout), ...result, ...ends };
  const scene = buildScene(model, positions, { route: false });
  const others: Rect[] = scene.nodes.filter((n) => !moved.has(n.id));
  for (const id of moved) {
    const node = scene.nodeById.get(id);
    if (!node) continue;
    // A global component is drawn outside every region (a region's box is in its way as a component's
    // is) and may move across; a regional one keeps its zone columns and moves down only.
    const spot = node.component.region === undefined ? nearestFree(node, [...others, ...scene.regions], ROW_GAP / 2) : { ...node, y: freeY(node, others, ROW_GAP / 2) };
    result[id] = roundPoint({ x: spot.x, y: spot.y });
    others.push({ ...node, x: spot.x, y: spot.y });
  }
  return result;
}

/**
 * The positions to store after components changed their width where they stand (their zones
 * changed): settled as if dropped there, so one that grew into a zone column another component
 * stands in moves down clear of it rather than being drawn over it.
 */
export function settleInPlace(
  model: Pick<Design, 'regions' | 'components' | 'connections'>,
  layout: Positions,
  ids: readonly string[],
  before: readonly RegionBox[],
): Record<string, LayoutPoint> {
  const positions = completePositions(model, layout);
  const ends: Record<string, LayoutPoint> = {};
  for (const id of ids) if (positions[id]) ends[id] = positions[id];
  return settleDrop(model, layout, ends, before);
}

/** Whether a stored layout draws components on top of each other (a layout from before zones were columns). */
export function layoutOverlaps(scene: Scene): boolean {
  const nodes = [...scene.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < nodes.length; i += 1) {
    for (let j = i + 1; j < nodes.length && nodes[j]!.x < nodes[i]!.x + nodes[i]!.width; j += 1) {
      if (boxesOverlap(nodes[i]!, nodes[j]!)) return true;
    }
  }
  return false;
}

export { centre, placementAt as zoneAt };

/**
 * A connection without a route (an end is being dragged): from the source's bottom handle down
 * to half way, across, and down into the target's top handle.
 */
export function handleElbow(sourceX: number, sourceY: number, targetX: number, targetY: number): LayoutPoint[] {
  if (sourceX === targetX) return [{ x: sourceX, y: sourceY }, { x: targetX, y: targetY }];
  const middle = (sourceY + targetY) / 2;
  return [
    { x: sourceX, y: sourceY },
    { x: sourceX, y: middle },
    { x: targetX, y: middle },
    { x: targetX, y: targetY },
  ];
}
