import { componentZones, connectionId, type Component, type Connection, type Design, type LayoutPoint, type Region } from '../model';
import { placeOf, type Place } from './kinds';
import { elbow, routeConnections, type Box, type Point, type Router } from './route';

/**
 * The diagram's geometry, as plain functions of the document, shared by the canvas, the SVG and
 * draw.io renderers and the command line. A region is a box holding its network boundary, whose
 * availability zones are side-by-side columns of one width; a component inside the network is
 * drawn across the columns of the zones it runs in (so a glance shows what survives a zone), its
 * x follows from its zones and only its y is free; regional managed services sit in columns beside
 * the network, security and operations services in the last one; global components and external
 * systems are placed freely around the regions.
 *
 * The document's `layout` holds the top-left corner of each component and each region; widths
 * come from the zones, so nothing else needs storing.
 */

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 80;
/** Room around a node inside its zone column. */
export const ZONE_PADDING = 16;
export const ZONE_WIDTH = NODE_WIDTH + 2 * ZONE_PADDING;
export const ZONE_GAP = 16;
export const ZONE_PITCH = ZONE_WIDTH + ZONE_GAP;
export const REGION_HEADER = 44;
export const REGION_PADDING = 20;
export const NETWORK_HEADER = 30;
export const NETWORK_PADDING = 12;
/** The zone's name at the top of its column. */
export const ZONE_HEADER = 30;
/** Vertical room between rows of nodes: the channel connections run along. */
export const ROW_GAP = 56;
/** Horizontal room between free-standing nodes and between regions. */
export const COLUMN_GAP = 72;
export const REGION_GAP = 120;
const MIN_ROWS = 2;

export type Positions = Readonly<Record<string, LayoutPoint>>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ZoneColumn extends Rect {
  zone: string;
}

export interface SideColumn extends Rect {
  kind: 'service' | 'region-side';
}

export interface RegionBox extends Rect {
  region: Region;
  /** The network boundary (VPC / VNet) holding the zone columns. */
  network: Rect;
  zones: readonly ZoneColumn[];
  columns: readonly SideColumn[];
}

export interface DiagramNode extends Rect {
  id: string;
  component: Component;
  place: Place;
  /** For components in the network: the region's zones in order, and whether it runs in each one it spans. */
  zoneSpan?: readonly { zone: string; on: boolean }[];
  /** The zones it runs in (its own, or its region's first), for a component in a region. */
  zones: readonly string[];
}

export interface DiagramEdge {
  id: string;
  connection: Connection;
  points: readonly Point[];
}

export interface Scene {
  nodes: readonly DiagramNode[];
  nodeById: ReadonlyMap<string, DiagramNode>;
  regions: readonly RegionBox[];
  edges: readonly DiagramEdge[];
  /** Everything drawn, with nothing outside it. */
  bounds: Rect;
}

// --- Regions ---------------------------------------------------------------------------------

/** The side columns a region has: managed services, then security and operations, each when used. */
function sideColumnKinds(members: readonly Pick<Component, 'kind' | 'region'>[]): ('service' | 'region-side')[] {
  const places = new Set(members.map((m) => placeOf(m)));
  const kinds: ('service' | 'region-side')[] = [];
  if (places.has('service')) kinds.push('service');
  if (places.has('region-side')) kinds.push('region-side');
  return kinds;
}

/** The x of a region's parts, from its anchor: network box, zone columns, side columns. */
function regionColumns(region: Region, anchorX: number, sideKinds: readonly ('service' | 'region-side')[]) {
  const zoneCount = Math.max(1, region.zones.length);
  const networkX = anchorX + REGION_PADDING;
  const networkWidth = 2 * NETWORK_PADDING + zoneCount * ZONE_WIDTH + (zoneCount - 1) * ZONE_GAP;
  const zoneX = (index: number) => networkX + NETWORK_PADDING + index * ZONE_PITCH;
  const sideX = (index: number) => networkX + networkWidth + REGION_PADDING + index * ZONE_PITCH;
  const width = REGION_PADDING + networkWidth + (sideKinds.length > 0 ? REGION_PADDING + sideKinds.length * ZONE_PITCH - ZONE_GAP : 0) + REGION_PADDING;
  return { networkX, networkWidth, zoneX, sideX, width };
}

/** The middle of a region's network boundary, for a region anchored at `anchorX`. */
export function networkCentreX(region: Region, anchorX: number): number {
  const columns = regionColumns(region, anchorX, []);
  return columns.networkX + columns.networkWidth / 2;
}

/** Where a region's first row of nodes starts, below the region's and the network's headers. */
export function firstRowTop(anchorY: number): number {
  return anchorY + REGION_HEADER + NETWORK_HEADER + ZONE_HEADER + 8;
}

/** The smallest region height that still shows its columns (an empty region). */
const minBottom = (anchorY: number) => firstRowTop(anchorY) + MIN_ROWS * (NODE_HEIGHT + ROW_GAP) - ROW_GAP + ROW_GAP / 2 + NETWORK_PADDING + REGION_PADDING;

/**
 * A region's width from its zones and what kinds of members it has (its height follows its members).
 * Exported for the layout, which places regions side by side before their members.
 */
export function regionWidth(region: Region, members: readonly Pick<Component, 'kind' | 'region'>[]): number {
  return regionColumns(region, 0, sideColumnKinds(members)).width;
}

// --- Nodes -----------------------------------------------------------------------------------

/** The zone indexes a component runs in, within its region's zone order (the first when none match). */
function zoneIndexes(region: Region, zones: readonly string[]): number[] {
  const indexes = zones.map((z) => region.zones.indexOf(z)).filter((i) => i >= 0);
  return indexes.length > 0 ? indexes.sort((a, b) => a - b) : [0];
}

/** The x and width of a component inside its region, from its zones (network) or its column (services). */
export function memberColumn(region: Region, anchorX: number, sideKinds: readonly ('service' | 'region-side')[], component: Component, zones: readonly string[]): { x: number; width: number } {
  return columnIn(region, regionColumns(region, anchorX, sideKinds), sideKinds, component, zones);
}

function columnIn(region: Region, columns: ReturnType<typeof regionColumns>, sideKinds: readonly ('service' | 'region-side')[], component: Component, zones: readonly string[]): { x: number; width: number } {
  const place = placeOf(component);
  if (place === 'network') {
    const indexes = zoneIndexes(region, zones);
    const first = indexes[0]!;
    const last = indexes[indexes.length - 1]!;
    return { x: columns.zoneX(first) + ZONE_PADDING, width: NODE_WIDTH + (last - first) * ZONE_PITCH };
  }
  const column = Math.max(0, sideKinds.indexOf(place === 'region-side' ? 'region-side' : 'service'));
  return { x: columns.sideX(column) + ZONE_PADDING, width: NODE_WIDTH };
}

// --- Scene -----------------------------------------------------------------------------------

/**
 * The last box drawn for each component in a region, with what it was drawn from. A component
 * object is replaced by any edit of it (the model's edits never change one in place), so a box
 * whose component, region, region columns and stored position are the same is the same box: an
 * edit of one component builds one box, and keeping the others' objects lets the canvas and the
 * connections' elbows (below) see at once that they did not move.
 */
const regionalNodes = new WeakMap<Component, { node: DiagramNode; region: Region; anchor: LayoutPoint; sideKinds: string; stored: LayoutPoint | undefined }>();

function keptNode(component: Component, region: Region, anchor: LayoutPoint, sideKey: string, stored: LayoutPoint | undefined): DiagramNode | undefined {
  const kept = regionalNodes.get(component);
  if (!kept || kept.region !== region || !samePoint(kept.anchor, anchor) || kept.sideKinds !== sideKey || !samePoint(kept.stored, stored)) return undefined;
  return kept.node;
}

/** The same for components outside any region, whose box is their stored position alone. */
const globalNodes = new WeakMap<Component, { node: DiagramNode; stored: LayoutPoint | undefined }>();

const samePoint = (a: LayoutPoint | undefined, b: LayoutPoint | undefined) => a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y);

/** The last elbow drawn for each connection, with the two boxes it joined: the same boxes give the same elbow. */
const elbows = new WeakMap<Connection, { from: DiagramNode; to: DiagramNode; edge: DiagramEdge }>();

function elbowEdge(connection: Connection, from: DiagramNode, to: DiagramNode): DiagramEdge {
  const kept = elbows.get(connection);
  if (kept && kept.from === from && kept.to === to) return kept.edge;
  const edge = { id: connectionId(connection), connection, points: elbow(from, to) };
  elbows.set(connection, { from, to, edge });
  return edge;
}

export interface SceneOptions {
  /**
   * Route connections around the nodes (default); false draws plain elbows (large designs). A
   * router (`createRouter`) routes as true does, searching again only what changed since its last scene.
   */
  route?: boolean | Router;
  /** Components whose positions are overridden (a drag in progress): their edges get plain elbows. */
  overlay?: Positions | null;
}

/** Where regions without a stored corner go: side by side below the band of global services, whatever the components. */
export function defaultRegionAnchor(index: number, previousRight: number): LayoutPoint {
  return { x: index === 0 ? 0 : previousRight + REGION_GAP, y: 240 };
}

/**
 * Lays out the document as drawn: every component's box, every region's box with its network,
 * zone columns and side columns, and every connection's route. `positions` must have a point for
 * every component (see `completePositions`); regions without one get `defaultRegionAnchor`.
 */
export function buildScene(design: Pick<Design, 'regions' | 'components' | 'connections'>, positions: Positions, options: SceneOptions = {}): Scene {
  const membersOf = new Map<string, Component[]>();
  for (const component of design.components) {
    if (component.region === undefined) continue;
    const list = membersOf.get(component.region);
    if (list) list.push(component);
    else membersOf.set(component.region, [component]);
  }
  const nodes: DiagramNode[] = [];
  const regions: RegionBox[] = [];
  const drawings = new Map<string, RegionDrawing>();
  let previousRight = 0;
  design.regions.forEach((region, index) => {
    const members = membersOf.get(region.id) ?? [];
    const sideKinds = sideColumnKinds(members);
    const anchor = positions[region.id] ?? defaultRegionAnchor(index, previousRight);
    const columns = regionColumns(region, anchor.x, sideKinds);
    const drawing: RegionDrawing = { region, anchor, sideKinds, sideKey: sideKinds.join(), columns };
    drawings.set(region.id, drawing);
    let top = anchor.y;
    let bottom = minBottom(anchor.y);
    for (const component of members) {
      const dragged = options.overlay?.[component.id];
      const node = regionalNode(design, component, drawing, positions[component.id], dragged);
      nodes.push(node);
      const y = node.y;
      if (dragged !== undefined) continue;
      top = Math.min(top, y - (firstRowTop(0) - 0));
      bottom = Math.max(bottom, y + NODE_HEIGHT + ROW_GAP / 2 + NETWORK_PADDING + REGION_PADDING);
    }
    const networkY = top + REGION_HEADER;
    const networkBottom = bottom - REGION_PADDING;
    const network = { x: columns.networkX, y: networkY, width: columns.networkWidth, height: networkBottom - networkY };
    const columnTop = networkY + NETWORK_HEADER;
    const columnHeight = networkBottom - NETWORK_PADDING - columnTop;
    regions.push({
      region,
      x: anchor.x,
      y: top,
      width: columns.width,
      height: bottom - top,
      network,
      zones: region.zones.map((zone, i) => ({ zone, x: columns.zoneX(i), y: columnTop, width: ZONE_WIDTH, height: columnHeight })),
      columns: sideKinds.map((kind, i) => ({ kind, x: columns.sideX(i), y: columnTop, width: ZONE_WIDTH, height: columnHeight })),
    });
    previousRight = anchor.x + columns.width;
  });
  for (const component of design.components) {
    if (component.region !== undefined && drawings.has(component.region)) continue;
    nodes.push(globalNode(component, positions[component.id], options.overlay?.[component.id]));
  }
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const edges = routeScene(design.connections, nodeById, options);
  const scene = makeScene(nodes, nodeById, regions, edges);
  if (options.route === false && !options.overlay) {
    const nodeIndex = new Map<string, number>();
    nodes.forEach((node, index) => nodeIndex.set(node.id, index));
    sources.set(scene, { design, positions, nodeIndex, drawings, edges: { of: null } });
  }
  return scene;
}

/** A scene of its parts; the lookup by id and the bounds are made when first read, when not given. */
function makeScene(nodes: readonly DiagramNode[], byId: ReadonlyMap<string, DiagramNode> | undefined, regions: readonly RegionBox[], edges: readonly DiagramEdge[]): Scene {
  let nodeById = byId;
  // Worked out when read: the canvas builds a scene on every edit and reads the bounds only when a
  // design opens or zooms out (a pass over every box and connection point, about 1 ms at 5,000).
  let bounds: Rect | undefined;
  return {
    nodes,
    get nodeById() {
      return (nodeById ??= new Map(nodes.map((n) => [n.id, n])));
    },
    regions,
    edges,
    get bounds() {
      return (bounds ??= sceneBounds(nodes, regions, edges));
    },
  };
}

/** A region's columns as its members' boxes were drawn from them. */
interface RegionDrawing {
  region: Region;
  anchor: LayoutPoint;
  sideKinds: readonly ('service' | 'region-side')[];
  sideKey: string;
  columns: ReturnType<typeof regionColumns>;
}

/** The box of a component in a region: the one drawn before when nothing it is drawn from changed. */
function regionalNode(design: Pick<Design, 'regions'>, component: Component, drawing: RegionDrawing, stored: LayoutPoint | undefined, dragged: LayoutPoint | undefined): DiagramNode {
  const { region, anchor, sideKinds, sideKey, columns } = drawing;
  const dragging = dragged !== undefined;
  const kept = dragging ? undefined : keptNode(component, region, anchor, sideKey, stored);
  if (kept) return kept;
  const zones = componentZones(design, component);
  const { x, width } = columnIn(region, columns, sideKinds, component, zones);
  const at = dragged ?? stored ?? { x, y: firstRowTop(anchor.y) };
  const node: DiagramNode = {
    id: component.id,
    component,
    place: placeOf(component),
    // A component being dragged follows the pointer; it snaps to its zones when dropped.
    x: dragging ? at.x : x,
    y: at.y,
    width,
    height: NODE_HEIGHT,
    zones,
  };
  if (node.place === 'network') {
    const indexes = zoneIndexes(region, zones);
    node.zoneSpan = region.zones.slice(indexes[0], indexes[indexes.length - 1]! + 1).map((zone) => ({ zone, on: zones.includes(zone) }));
  }
  if (!dragging) regionalNodes.set(component, { node, region, anchor, sideKinds: sideKey, stored });
  return node;
}

/** The box of a component outside any region: its stored position alone. */
function globalNode(component: Component, stored: LayoutPoint | undefined, dragged: LayoutPoint | undefined): DiagramNode {
  const kept = dragged ? undefined : globalNodes.get(component);
  if (kept && samePoint(kept.stored, stored)) return kept.node;
  const at = dragged ?? stored ?? { x: 0, y: 0 };
  const node: DiagramNode = { id: component.id, component, place: placeOf({ kind: component.kind, region: undefined }), x: at.x, y: at.y, width: NODE_WIDTH, height: NODE_HEIGHT, zones: [] };
  if (!dragged) globalNodes.set(component, { node, stored });
  return node;
}

/**
 * What a scene of plain elbows without a drag was built from, so that the next one can be worked
 * out from it (`nextScene`). The lookups are shared by the scenes worked out from one another, as
 * long as the same components and connections are drawn in the same order.
 */
interface SceneSource {
  design: Pick<Design, 'regions' | 'components' | 'connections'>;
  positions: Positions;
  /** Where each component's box is in the scene's nodes. */
  nodeIndex: ReadonlyMap<string, number>;
  drawings: ReadonlyMap<string, RegionDrawing>;
  /** The indexes of the edges at each component, made when first needed. */
  edges: { of: Map<string, number[]> | null };
}
const sources = new WeakMap<Scene, SceneSource>();

/** Which boxes and edges of `previous` a scene worked out from it by `nextScene` replaced (by index). */
export interface SceneChange {
  previous: Scene;
  nodes: readonly number[];
  edges: readonly number[];
}
const changes = new WeakMap<Scene, SceneChange>();

/** What `nextScene` changed to make `scene`, when it was worked out from another one. */
export function sceneChange(scene: Scene): SceneChange | undefined {
  return changes.get(scene);
}

/**
 * The scene `buildScene(design, positions, { route: false })` gives, worked out from `previous`
 * (a scene of plain elbows of the design before an edit) when the edit changed some components'
 * fields and nothing else drawn: the same regions, positions and connections, the same components
 * in the same order, each in the region and the kind of place it was in. Only the boxes of the
 * components that changed and the elbows at them are drawn again, and nothing is looked at for
 * the others: at 5,000 components building a whole scene (a box and a lookup entry for each
 * component, an elbow for each connection) was several milliseconds of every edit. Anything else
 * builds the scene from nothing.
 */
export function nextScene(previous: Scene | undefined, design: Pick<Design, 'regions' | 'components' | 'connections'>, positions: Positions): Scene {
  const source = previous && sources.get(previous);
  if (
    !previous ||
    !source ||
    source.positions !== positions ||
    source.design.regions !== design.regions ||
    source.design.connections !== design.connections ||
    source.design.components.length !== design.components.length
  ) {
    return buildScene(design, positions, { route: false });
  }
  const before = source.design.components;
  const changed: Component[] = [];
  for (let i = 0; i < design.components.length; i += 1) {
    const component = design.components[i]!;
    const was = before[i]!;
    if (component === was) continue;
    if (component.id !== was.id || component.region !== was.region || placeOf(component) !== placeOf(was)) return buildScene(design, positions, { route: false });
    changed.push(component);
  }
  if (changed.length === 0) {
    const same = makeScene(previous.nodes, undefined, previous.regions, previous.edges);
    sources.set(same, { ...source, design });
    return same;
  }
  const nodes = previous.nodes.slice();
  const changedNodes: number[] = [];
  for (const component of changed) {
    const index = source.nodeIndex.get(component.id)!;
    const drawing = component.region === undefined ? undefined : source.drawings.get(component.region);
    const node = drawing ? regionalNode(design, component, drawing, positions[component.id], undefined) : globalNode(component, positions[component.id], undefined);
    if (node === nodes[index]) continue;
    nodes[index] = node;
    changedNodes.push(index);
  }
  if (changedNodes.length === 0) {
    const same = makeScene(previous.nodes, undefined, previous.regions, previous.edges);
    sources.set(same, { ...source, design });
    return same;
  }
  const edgesOf = (source.edges.of ??= edgeIndexes(previous.edges));
  const edges = previous.edges.slice();
  const changedEdges: number[] = [];
  for (const index of changedNodes) {
    for (const at of edgesOf.get(nodes[index]!.id) ?? []) {
      const { connection } = edges[at]!;
      const edge = elbowEdge(connection, nodes[source.nodeIndex.get(connection.from)!]!, nodes[source.nodeIndex.get(connection.to)!]!);
      if (edge === edges[at]) continue;
      edges[at] = edge;
      changedEdges.push(at);
    }
  }
  // The regions' boxes follow their members' y alone, which comes from the positions, unchanged.
  const scene = makeScene(nodes, undefined, previous.regions, edges);
  sources.set(scene, { ...source, design });
  changes.set(scene, { previous, nodes: changedNodes, edges: changedEdges });
  return scene;
}

function edgeIndexes(edges: readonly DiagramEdge[]): Map<string, number[]> {
  const of = new Map<string, number[]>();
  edges.forEach((edge, index) => {
    for (const end of [edge.connection.from, edge.connection.to]) {
      const list = of.get(end);
      if (list) list.push(index);
      else of.set(end, [index]);
    }
  });
  return of;
}

function routeScene(connections: readonly Connection[], nodeById: ReadonlyMap<string, DiagramNode>, options: SceneOptions): DiagramEdge[] {
  const overlay = options.overlay ?? null;
  const routed = connections.filter((c) => nodeById.has(c.from) && nodeById.has(c.to) && c.from !== c.to);
  const plain = (c: Connection) => overlay !== null && (overlay[c.from] !== undefined || overlay[c.to] !== undefined);
  const router = typeof options.route === 'function' ? options.route : routeConnections;
  const routes = options.route === false ? new Map<string, Point[]>() : router(nodeById, routed.filter((c) => !plain(c)).map((c) => ({ id: connectionId(c), from: c.from, to: c.to })));
  return routed.map((connection) => {
    if (routes.size === 0) return elbowEdge(connection, nodeById.get(connection.from)!, nodeById.get(connection.to)!);
    const id = connectionId(connection);
    const points = routes.get(id);
    return points ? { id, connection, points } : elbowEdge(connection, nodeById.get(connection.from)!, nodeById.get(connection.to)!);
  });
}

function sceneBounds(nodes: readonly Rect[], regions: readonly Rect[], edges: readonly DiagramEdge[]): Rect {
  return boundsOf([nodes, regions], edges.map((edge) => edge.points)) ?? { x: 0, y: 0, width: 0, height: 0 };
}

/** The smallest box holding every rect and every point of the lists given, or undefined when there are none. */
export function boundsOf(rectLists: readonly (readonly Rect[])[], pointLists: readonly (readonly Point[])[] = []): Rect | undefined {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const rects of rectLists) {
    for (const r of rects) {
      left = Math.min(left, r.x);
      top = Math.min(top, r.y);
      right = Math.max(right, r.x + r.width);
      bottom = Math.max(bottom, r.y + r.height);
    }
  }
  for (const points of pointLists) {
    for (const p of points) {
      left = Math.min(left, p.x);
      top = Math.min(top, p.y);
      right = Math.max(right, p.x);
      bottom = Math.max(bottom, p.y);
    }
  }
  return Number.isFinite(left) ? { x: left, y: top, width: right - left, height: bottom - top } : undefined;
}

// --- Hit-testing and drops ------------------------------------------------------------------

export function contains(rect: Rect, point: LayoutPoint): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** The region and zone column under a point (the last region drawn wins where boxes overlap). */
export function placementAt(regions: readonly RegionBox[], point: LayoutPoint): { region: string; zone: string | undefined } | undefined {
  for (let i = regions.length - 1; i >= 0; i -= 1) {
    const region = regions[i]!;
    if (!contains(region, point)) continue;
    const column = region.zones.find((z) => point.x >= z.x - ZONE_GAP / 2 && point.x <= z.x + z.width + ZONE_GAP / 2 && point.y >= region.network.y);
    return { region: region.region.id, zone: column?.zone };
  }
  return undefined;
}

export function boxesOverlap(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * A y for `box` (moving vertically only) at or below `y` where it keeps `gap` from every other
 * box: a dropped component never lands on or right against another, which would leave an edge
 * too short to see or click.
 */
export function freeY(box: Rect, others: readonly Rect[], gap: number): number {
  let y = box.y;
  for (let guard = 0; guard < others.length + 1; guard += 1) {
    const moved = { ...box, y };
    const hit = others.find((o) => boxesOverlap(moved, o, gap));
    if (!hit) return y;
    // Below the box it hits when the drop is in its lower half, above it otherwise (if there is room).
    const above = hit.y - gap - box.height;
    const below = hit.y + hit.height + gap;
    y = box.y + box.height / 2 < hit.y + hit.height / 2 && !others.some((o) => boxesOverlap({ ...box, y: above }, o, gap)) ? above : below;
  }
  return y;
}

/** The point in the middle of a box. */
export function centre(rect: Rect): LayoutPoint {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

export type { Box, Point };

/**
 * The free spot for `box` nearest to where it is, keeping `gap` from every other box, moving it
 * either way on both axes: for a component placed freely (a global one), which a hand drops beside
 * the others in a row, so the nearest spot is usually beside the box it landed on, not under it
 * (nor inside the region it landed next to). Spots are tried against the boxes near the drop only.
 */
export function nearestFree(box: Rect, others: readonly Rect[], gap: number, reach = 4): Rect {
  if (!others.some((o) => boxesOverlap(box, o, gap))) return box;
  const near = others.filter((o) => Math.abs(o.x - box.x) < reach * (box.width + o.width) && Math.abs(o.y - box.y) < reach * (box.height + o.height));
  const xs = new Set([box.x]);
  const ys = new Set([box.y]);
  for (const o of near) {
    xs.add(o.x - gap - box.width);
    xs.add(o.x + o.width + gap);
    ys.add(o.y - gap - box.height);
    ys.add(o.y + o.height + gap);
  }
  const spots: Rect[] = [];
  for (const x of xs) for (const y of ys) spots.push({ ...box, x, y });
  // Across counts half as much as up or down: rows are how people line up boxes by hand.
  const cost = (spot: Rect) => Math.abs(spot.x - box.x) + 2 * Math.abs(spot.y - box.y);
  spots.sort((a, b) => cost(a) - cost(b));
  return spots.find((spot) => !others.some((o) => boxesOverlap(spot, o, gap))) ?? { ...box, y: freeY(box, others, gap) };
}
