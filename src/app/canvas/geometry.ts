import type { Component, Design, LayoutPoint, Region } from '../../model';
import {
  boundsOf,
  boxesOverlap,
  buildScene,
  centre,
  completePositions,
  createRouter,
  freeY,
  nearestFree,
  nextScene,
  placementAt,
  ROW_GAP,
  type DiagramNode,
  type Positions,
  type Rect,
  type RegionBox,
  type Scene,
} from '../../diagram';
import type { CanvasViewport } from './canvas-bridge';

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
  // Routes each connection again only when an edit changed a box near it (createRouter).
  const router = createRouter();
  return (model, layout) => {
    if (last && last.model === model && last.layout === layout) return last.view;
    const positions = completePositions(model, layout);
    // A large design's scene is worked out from the one before: an edit of a few components draws those again.
    const scene =
      model.components.length <= ROUTE_MAX_COMPONENTS ? buildScene(model, positions, { route: router }) : nextScene(last?.view.scene, model, positions);
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
  return settleDrop(regionsOf(model, ids), layout, ends, before);
}

/**
 * The part of the design that components widening where they stand can come to stand over: their
 * regions and what is in them, when every one of them is in a region (a region's box holds its
 * members, and `settleDrop` pins every region's corner, so the rest of the design draws them no
 * differently). The whole design otherwise. Saves building the scene of thousands of components
 * for a click on one zone chip.
 */
function regionsOf(model: Pick<Design, 'regions' | 'components' | 'connections'>, ids: readonly string[]): Pick<Design, 'regions' | 'components' | 'connections'> {
  const wanted = new Set(ids);
  const regions = new Set<string>();
  for (const component of model.components) {
    if (!wanted.has(component.id)) continue;
    if (component.region === undefined) return model;
    regions.add(component.region);
  }
  return {
    regions: model.regions.filter((region) => regions.has(region.id)),
    components: model.components.filter((component) => component.region !== undefined && regions.has(component.region)),
    connections: [],
  };
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

/**
 * The viewport that shows `box` (diagram coordinates) whole in a canvas of `size` CSS px, `margin`
 * px from its edges, panning as little as it can: the same viewport when the box is already in
 * view. When the box is wider or taller than the canvas, its left or top edge is kept. Used when
 * the canvas narrows (the side panel opens) so that what the user just clicked stays in sight.
 */
export function keepInView(box: Rect, viewport: CanvasViewport, size: { width: number; height: number }, margin = 24): CanvasViewport {
  const shift = (start: number, length: number, room: number) => {
    const end = start + length;
    let delta = 0;
    if (end > room - margin) delta = room - margin - end;
    if (start + delta < margin) delta = margin - start;
    return delta;
  };
  const dx = shift(box.x * viewport.zoom + viewport.x, box.width * viewport.zoom, size.width);
  const dy = shift(box.y * viewport.zoom + viewport.y, box.height * viewport.zoom, size.height);
  return dx === 0 && dy === 0 ? viewport : { x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom };
}

/** The box around the selected components and the routes of the selected connections, if any is drawn. */
export function selectionBox(scene: Scene, selection: { components: readonly string[]; connections: readonly string[] }): Rect | undefined {
  const nodes: Rect[] = [];
  for (const id of selection.components) {
    const node = scene.nodeById.get(id);
    if (node) nodes.push(node);
  }
  const wanted = new Set(selection.connections);
  const routes = wanted.size === 0 ? [] : scene.edges.filter((edge) => wanted.has(edge.id)).map((edge) => edge.points);
  return boundsOf([nodes], routes);
}
