import type { Connection as FlowConnection, EdgeChange, NodeChange } from '@xyflow/react';
import { findKind } from '../../catalog';
import type { Design, LayoutPoint } from '../../model';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  placementAfterDrop,
  placementAt,
  roundPoint,
  type CanvasView,
  type PlacementKind,
  type Positions,
  type RegionBox,
} from './geometry';
import { isRegionNodeId, regionIdOfNode, type ConnectionEdge, type FlowNode } from './to-flow';

/**
 * The way back from React Flow to the document: its node, edge and connection events read as
 * document commands (positions to write, placements, selections, a connection to add). Pure
 * functions of the event and the document, tested in Node beside to-flow.ts; Canvas.tsx only
 * calls them and hands the result to the commands.
 */

export type Moves = Record<string, LayoutPoint>;
export type Placements = Record<string, { region: string | undefined; zones: string[] | undefined }>;

/** What a batch of node changes asks of the document and the canvas. */
export interface NodeChangesOutcome {
  /** Positions for the document now: a region dragged by its header, with everything in it; a node moved without a drag. */
  moves: Moves;
  /** Where dragged components are this frame: canvas state until the drag ends, never the document. */
  dragFrames: Moves;
  /** The selected components after the changes, or null when the batch selected nothing. */
  selection: string[] | null;
}

/**
 * A region dragged by its header to `to` (its box's new top-left corner): the region's anchor and
 * every component in it move by the same whole-number offset. Empty when it did not move.
 */
export function regionDragMoves(model: Pick<Design, 'components'>, layout: Positions, view: CanvasView, regionId: string, to: LayoutPoint): Moves {
  const current = view.regions.find((r) => r.region.id === regionId);
  if (!current) return {};
  const dx = Math.round(to.x - current.x);
  const dy = Math.round(to.y - current.y);
  if (dx === 0 && dy === 0) return {};
  const anchor = layout[regionId] ?? { x: Math.round(current.x), y: Math.round(current.y) };
  const moves: Moves = { [regionId]: { x: anchor.x + dx, y: anchor.y + dy } };
  for (const c of model.components) {
    const at = view.positions[c.id];
    if (c.region === regionId && at) moves[c.id] = { x: at.x + dx, y: at.y + dy };
  }
  return moves;
}

/** Reads React Flow's node changes: moves, drag frames and selection (region nodes are never selected). */
export function readNodeChanges(
  changes: readonly NodeChange<FlowNode>[],
  document: { model: Pick<Design, 'components'>; layout: Positions; view: CanvasView },
  selected: readonly string[],
): NodeChangesOutcome {
  const moves: Moves = {};
  const dragFrames: Moves = {};
  let selection: Set<string> | null = null;
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      if (isRegionNodeId(change.id)) Object.assign(moves, regionDragMoves(document.model, document.layout, document.view, regionIdOfNode(change.id), change.position));
      else if (change.dragging) dragFrames[change.id] = roundPoint(change.position);
      else moves[change.id] = roundPoint(change.position);
    } else if (change.type === 'select' && !isRegionNodeId(change.id)) {
      selection ??= new Set(selected);
      if (change.selected) selection.add(change.id);
      else selection.delete(change.id);
    }
  }
  return { moves, dragFrames, selection: selection ? [...selection] : null };
}

/** The selected connections after React Flow's edge changes, or null when none was a selection. */
export function readEdgeSelection(changes: readonly EdgeChange<ConnectionEdge>[], selected: readonly string[]): string[] | null {
  let selection: Set<string> | null = null;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    selection ??= new Set(selected);
    if (change.selected) selection.add(change.id);
    else selection.delete(change.id);
  }
  return selection ? [...selection] : null;
}

/** Where the dragged components ended, rounded: written to the document once, when the drag ends. */
export function dragEndMoves(dragged: readonly Pick<FlowNode, 'id' | 'type' | 'position'>[]): Moves {
  const moves: Moves = {};
  for (const node of dragged) if (node.type === 'component') moves[node.id] = roundPoint(node.position);
  return moves;
}

const placementOf = (kindId: string): PlacementKind => findKind(kindId)?.capabilities.placement ?? 'regional';

/** The middle of a box of `size` with its top-left corner at `at` (a component's width follows its zones). */
const middle = (at: LayoutPoint, size: { width?: number; height?: number } | undefined) => ({ x: at.x + (size?.width ?? NODE_WIDTH) / 2, y: at.y + (size?.height ?? NODE_HEIGHT) / 2 });

/**
 * The region and zones each dropped component lands in (the zone column under its centre, in the
 * region boxes as they were when the drag began); components whose placement does not change are
 * left out. `sizes` gives each component's box size (its width follows its zones).
 */
export function dropPlacements(
  model: Pick<Design, 'components' | 'regions'>,
  ends: Readonly<Moves>,
  regions: readonly RegionBox[],
  sizes?: ReadonlyMap<string, { width: number; height: number }>,
): Placements {
  const byId = new Map(model.components.map((c) => [c.id, c]));
  const placements: Placements = {};
  for (const [id, at] of Object.entries(ends)) {
    const component = byId.get(id);
    if (!component) continue;
    const next = placementAfterDrop(component, placementOf(component.kind), model.regions, placementAt(regions, middle(at, sizes?.get(id))));
    if (next) placements[id] = next;
  }
  return placements;
}

/** The region and zone column a dragged component would drop into, for the highlight; null outside regions. */
export function dropTargetAt(regions: readonly RegionBox[], node: Pick<FlowNode, 'type' | 'position' | 'width' | 'height'>): { region: string; zone: string | undefined } | null {
  if (node.type !== 'component') return null;
  return placementAt(regions, middle(node.position, { width: node.width, height: node.height })) ?? null;
}

/** A connection drawn between two handles, as a new connection's ends; none for a loop or a loose end. */
export function connectionEnds(connection: Pick<FlowConnection, 'source' | 'target'>): { from: string; to: string } | undefined {
  if (!connection.source || !connection.target || connection.source === connection.target) return undefined;
  return { from: connection.source, to: connection.target };
}

/**
 * A kind dropped from the palette at a point on the canvas: centred there, in the region and zone
 * lane under it (a global kind never lands in a region).
 */
export function paletteDrop(placement: PlacementKind, point: LayoutPoint, regions: readonly RegionBox[]): { region?: string; zones?: string[]; position: LayoutPoint } {
  const hit = placement === 'global' ? undefined : placementAt(regions, point);
  const position = roundPoint({ x: point.x - NODE_WIDTH / 2, y: point.y - NODE_HEIGHT / 2 });
  return hit ? { region: hit.region, zones: hit.zone ? [hit.zone] : undefined, position } : { position };
}

/** The gap between a new region and the rightmost one. */
export const NEW_REGION_GAP = 80;

/** Where "+ Region" anchors a new region: right of the rightmost region, level with the first; none without regions. */
export function newRegionAnchor(regions: readonly RegionBox[]): LayoutPoint | undefined {
  if (regions.length === 0) return undefined;
  const right = regions.reduce((max, r) => Math.max(max, r.x + r.width), -Infinity);
  return { x: right + NEW_REGION_GAP, y: regions[0]!.y };
}
