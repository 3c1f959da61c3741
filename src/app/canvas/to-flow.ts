import type { Edge, Node, NodeHandle } from '@xyflow/react';
import { MarkerType, Position, type EdgeMarker } from '@xyflow/react';
import { MODE_COLOURS, sceneChange, type DiagramNode, type Point, type RegionBox, type Scene, type SceneChange } from '../../diagram';
import { connectionId, type Component, type Connection, type ConnectionMode, type Provider } from '../../model';
import type { Positions } from './geometry';

/**
 * The one mapping from the document's diagram (src/diagram: boxes, region columns, routes) to
 * React Flow's nodes and edges. The node data is a read-only view of the document (the component
 * object itself and its box), never a copy to edit.
 *
 * The projection keeps node and edge identity: it remembers what each node was built from and
 * returns the previous object when nothing it depends on changed. A drag frame, where only the
 * dragged components' positions change, takes a shorter path still: it replaces the dragged nodes
 * in a copy of the previous array and their connections once per drag, and builds nothing for the
 * rest of the design (the maps over every component and connection are built once per document change).
 */

export interface ComponentNodeData extends Record<string, unknown> {
  component: Component;
  /** Its box and, for a component in a network, the zone columns it spans. */
  box: DiagramNode;
  /** The zones of the component's region, for the zone chips; undefined for global components. */
  regionZones: readonly string[] | undefined;
  /** The zones it runs in (`componentZones`): its own, or its region's first. */
  zones: readonly string[];
}

export interface RegionNodeData extends Record<string, unknown> {
  box: RegionBox;
  provider: Provider;
  /** The zone column a drag would drop into ('' for the region outside its columns), highlighted while dragging. */
  dropZone: string | undefined;
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  mode: ConnectionMode;
  label: string | undefined;
  /** Thin lines without arrowheads: large designs, where every pixel of edge costs paint. */
  simple: boolean;
  /**
   * Drawn from the handles while an end is being dragged. Otherwise along its route, which is kept
   * out of the edge (`Projection.routes`, edge-routes.ts) so that a route that moved does not make
   * a new edges array.
   */
  free: boolean;
}

export type ComponentNode = Node<ComponentNodeData, 'component'>;
export type RegionNode = Node<RegionNodeData, 'region'>;
export type FlowNode = ComponentNode | RegionNode;
export type ConnectionEdge = Edge<ConnectionEdgeData, 'connection'>;

export const REGION_NODE_PREFIX = 'region:';
export const regionNodeId = (regionId: string) => `${REGION_NODE_PREFIX}${regionId}`;
export const isRegionNodeId = (id: string) => id.startsWith(REGION_NODE_PREFIX);
export const regionIdOfNode = (id: string) => id.slice(REGION_NODE_PREFIX.length);

/** One arrowhead per mode, shared by every edge of that mode. */
const MARKERS: Readonly<Record<ConnectionMode, EdgeMarker>> = {
  sync: { type: MarkerType.ArrowClosed, color: MODE_COLOURS.sync, width: 16, height: 16 },
  async: { type: MarkerType.ArrowClosed, color: MODE_COLOURS.async, width: 16, height: 16 },
  replication: { type: MarkerType.ArrowClosed, color: MODE_COLOURS.replication, width: 14, height: 14 },
  backup: { type: MarkerType.ArrowClosed, color: MODE_COLOURS.backup, width: 16, height: 16 },
};

const HANDLE_SIZE = 10;
/** Handles declared up front, so edges to culled (never measured) nodes still have their ends. One set per width. */
const handlesByWidth = new Map<string, NodeHandle[]>();
function handlesFor(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`;
  let handles = handlesByWidth.get(key);
  if (!handles) {
    handles = [
      { id: 'in-top', type: 'target', position: Position.Top, x: width / 2 - HANDLE_SIZE / 2, y: -HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
      { id: 'out-bottom', type: 'source', position: Position.Bottom, x: width / 2 - HANDLE_SIZE / 2, y: height - HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
    ];
    handlesByWidth.set(key, handles);
  }
  return handles;
}

export interface ProjectionInput {
  /** The document's diagram, computed once per (model, layout) by the canvas. */
  scene: Scene;
  provider: Provider;
  selectedComponents: ReadonlySet<string>;
  selectedConnections: ReadonlySet<string>;
  /** The overview draws components and connections on a canvas instead of as DOM. */
  overview: boolean;
  /**
   * Where the dragged components are while the drag is under way. The document gets their
   * positions once, when the drag ends (one undo step, one store update).
   */
  overlay: Positions | null;
  /** Draw connections thin and without arrowheads (large designs). */
  simpleEdges: boolean;
  dropTarget: { region: string; zone: string | undefined } | null;
}

export interface Projection {
  nodes: FlowNode[];
  edges: ConnectionEdge[];
  /** Each connection's route (source port, corners, target port), the same array while it is unchanged. */
  routes: ReadonlyMap<string, readonly Point[]>;
}

interface CachedComponent {
  node: ComponentNode;
  box: DiagramNode;
  selected: boolean;
  hidden: boolean;
}

interface CachedEdge {
  edge: ConnectionEdge;
  connection: Connection;
  selected: boolean;
  hidden: boolean;
  simple: boolean;
}

interface CachedRegion {
  node: RegionNode;
  box: RegionBox;
  dropZone: string | undefined;
}

const samePoints = (a: readonly Point[], b: readonly Point[]) => a === b || (a.length === b.length && a.every((p, i) => p.x === b[i]!.x && p.y === b[i]!.y));
const sameBox = (a: DiagramNode, b: DiagramNode) =>
  a === b ||
  (a.component === b.component && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.zones.length === b.zones.length && a.zones.every((z, i) => z === b.zones[i]));
const sameRegion = (a: RegionBox, b: RegionBox) =>
  a.region === b.region && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.columns.length === b.columns.length && a.network.width === b.network.width;

function componentNode(box: DiagramNode, regionZones: readonly string[] | undefined, selected: boolean, hidden: boolean): ComponentNode {
  return {
    id: box.id,
    type: 'component',
    position: { x: box.x, y: box.y },
    data: { component: box.component, box, regionZones, zones: box.zones },
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
    handles: handlesFor(box.width, box.height),
    selected,
    hidden,
  };
}

/**
 * The classes and test attributes of a connection go on React Flow's own `<g>` for the edge (its
 * `className` and `domAttributes`), so `ConnectionEdge` draws its paths without a wrapper of its own:
 * one element fewer for each of the hundreds of edges that mount as a large design pans.
 */
function connectionEdge(id: string, connection: Connection, free: boolean, selected: boolean, hidden: boolean, simple: boolean): ConnectionEdge {
  const domAttributes: Record<`data-${string}`, string> = { 'data-testid': `edge-${connection.from}-${connection.to}`, 'data-mode': connection.mode };
  return {
    id,
    type: 'connection',
    source: connection.from,
    target: connection.to,
    sourceHandle: 'out-bottom',
    targetHandle: 'in-top',
    data: { mode: connection.mode, label: connection.label, simple, free },
    markerEnd: simple ? undefined : MARKERS[connection.mode],
    className: `ns-edge ns-edge-${connection.mode}${selected ? ' is-selected' : ''}${simple ? ' is-simple' : ''}`,
    domAttributes,
    selected,
    hidden,
  };
}

/**
 * The routes of the projected connections by id: a view over one list of routes in the edges'
 * order. An edit that moved a few routes copies that list (references only), where a map of
 * thousands of routes copied per edit took milliseconds at 5,000 components.
 */
class RouteList implements ReadonlyMap<string, readonly Point[]> {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly ids: readonly string[],
    private readonly points: readonly (readonly Point[])[],
  ) {}
  get(id: string): readonly Point[] | undefined {
    const at = this.index.get(id);
    return at === undefined ? undefined : this.points[at];
  }
  has(id: string): boolean {
    return this.index.has(id);
  }
  keyAt(at: number): string | undefined {
    return this.ids[at];
  }
  at(index: number): readonly Point[] | undefined {
    return this.points[index];
  }
  /** A copy of the routes in order, to change and hand to `withPoints`. */
  allPoints(): (readonly Point[])[] {
    return this.points.slice();
  }
  get size(): number {
    return this.ids.length;
  }
  /** The same ids with these routes (one for each, in order): a new list, this one left as it was. */
  withPoints(points: readonly (readonly Point[])[]): RouteList {
    return new RouteList(this.index, this.ids, points);
  }
  *entries(): MapIterator<[string, readonly Point[]]> {
    for (let i = 0; i < this.ids.length; i += 1) yield [this.ids[i]!, this.points[i]!];
  }
  *keys(): MapIterator<string> {
    yield* this.ids;
  }
  *values(): MapIterator<readonly Point[]> {
    yield* this.points;
  }
  forEach(callback: (value: readonly Point[], key: string, map: ReadonlyMap<string, readonly Point[]>) => void): void {
    for (let i = 0; i < this.ids.length; i += 1) callback(this.points[i]!, this.ids[i]!, this);
  }
  [Symbol.iterator](): MapIterator<[string, readonly Point[]]> {
    return this.entries();
  }
}

const NO_ROUTES = new RouteList(new Map(), [], []);

/** A projection with its own identity cache; one per canvas. */
export function createProjection(): (input: ProjectionInput) => Projection {
  let components = new Map<string, CachedComponent>();
  let edges = new Map<string, CachedEdge>();
  let routes: RouteList = NO_ROUTES;
  let regions = new Map<string, CachedRegion>();
  // The previous arrays, returned again when no element changed: React Flow rebuilds its edge
  // lookup whenever the edges array is new, so a frame that touches no edge must not make one.
  let lastNodes: FlowNode[] = [];
  let lastEdges: ConnectionEdge[] = [];
  // What the last full build was made from, and where each node and edge sits in its arrays.
  let base: Omit<ProjectionInput, 'overlay'> | null = null;
  let nodeIndex = new Map<string, number>();
  let edgesOf = new Map<string, number[]>();
  let baseNodes: FlowNode[] = [];
  let baseEdges: ConnectionEdge[] = [];
  let lastOverlay: Positions | null = null;
  // The dragged components (sorted ids) and the edges array drawn for them, kept for the whole drag.
  let draggedKey = '';
  let draggedEdges: ConnectionEdge[] = [];
  const sameList = <T,>(previous: readonly T[], next: readonly T[]) => previous.length === next.length && next.every((item, index) => item === previous[index]);

  const sameBase = (input: ProjectionInput) =>
    base !== null &&
    base.scene === input.scene &&
    base.provider === input.provider &&
    base.selectedComponents === input.selectedComponents &&
    base.selectedConnections === input.selectedConnections &&
    base.overview === input.overview &&
    base.simpleEdges === input.simpleEdges &&
    base.dropTarget === input.dropTarget;

  /**
   * A drag frame: only the dragged nodes (and those dragged last frame) change. Their connections
   * are replaced once, when the set of dragged components changes, by ones without a route, which
   * React Flow draws from the moving node's handle (`ConnectionEdge` draws them as plain elbows):
   * the edges array then stays the same from frame to frame, so React Flow does not rebuild its
   * edge lookup (a pass over every connection) 60 times a second.
   */
  const frame = (input: ProjectionInput): Projection => {
    const overlay = input.overlay ?? {};
    const dragged = Object.keys(overlay);
    const touched = new Set([...dragged, ...Object.keys(lastOverlay ?? {})]);
    lastOverlay = input.overlay;
    const nodes = baseNodes.slice();
    for (const id of touched) {
      const index = nodeIndex.get(id);
      const cached = components.get(id);
      const at = overlay[id];
      // The same data object at the new position: the node's view (a memo over its data) does not re-render on a drag frame.
      if (index !== undefined && cached && at) nodes[index] = { ...cached.node, position: at };
    }
    const key = dragged.sort().join('\n');
    if (key !== draggedKey) {
      draggedKey = key;
      const edgeList = baseEdges.slice();
      let changed = false;
      for (const id of dragged) {
        for (const index of edgesOf.get(id) ?? []) {
          const { connection, selected, hidden, simple } = edges.get(baseEdges[index]!.id)!;
          edgeList[index] = connectionEdge(baseEdges[index]!.id, connection, true, selected, hidden, simple);
          changed = true;
        }
      }
      draggedEdges = changed ? edgeList : baseEdges;
    }
    lastNodes = nodes;
    lastEdges = input.overview ? [] : draggedEdges;
    return { nodes: lastNodes, edges: lastEdges, routes };
  };

  /**
   * A scene worked out from the last one projected (`nextScene`), everything else as it was: only
   * the boxes and routes it replaced are looked at. The nodes keep their places and the connections
   * their objects (an edit of a component's fields leaves its connections as they were), so the
   * lookups of where each node and edge sits stay as they are.
   */
  const patch = (input: ProjectionInput, change: SceneChange): Projection => {
    const { scene, selectedComponents, overview } = input;
    const offset = scene.regions.length;
    let nodes: FlowNode[] | null = null;
    for (const index of change.nodes) {
      const box = scene.nodes[index]!;
      const selected = selectedComponents.has(box.id);
      const cached = components.get(box.id);
      if (cached && cached.selected === selected && cached.hidden === overview && sameBox(cached.box, box)) continue;
      const region = box.component.region;
      const regionZones = region === undefined ? undefined : scene.regions.find((r) => r.region.id === region)?.region.zones;
      const node = componentNode(box, regionZones, selected, overview);
      components.set(box.id, { node, box, selected, hidden: overview });
      (nodes ??= baseNodes.slice())[offset + index] = node;
    }
    let points: (readonly Point[])[] | null = null;
    for (const index of change.edges) {
      const { points: route } = scene.edges[index]!;
      if (!samePoints(routes.at(index)!, route)) (points ??= routes.allPoints())[index] = route;
    }
    if (points) routes = routes.withPoints(points);
    if (nodes) baseNodes = nodes;
    base = { ...input };
    lastNodes = baseNodes;
    lastEdges = overview ? [] : baseEdges;
    return { nodes: lastNodes, edges: lastEdges, routes };
  };

  return (input) => {
    const change = sceneChange(input.scene);
    if (
      change &&
      base !== null &&
      change.previous === base.scene &&
      change.previous.regions === input.scene.regions &&
      input.overlay === null &&
      lastOverlay === null &&
      sameBase({ ...input, scene: base.scene })
    ) {
      return patch(input, change);
    }
    if (sameBase(input) && (input.overlay !== null || lastOverlay !== null)) {
      if (input.overlay !== null) return frame(input);
      // The drag ended without a change to the document (dropped where it began): back to the full build's arrays.
      lastOverlay = null;
      draggedKey = '';
      lastNodes = baseNodes;
      lastEdges = input.overview ? [] : baseEdges;
      return { nodes: lastNodes, edges: lastEdges, routes };
    }
    const { scene, selectedComponents, selectedConnections, overview, simpleEdges, provider } = input;
    const zonesByRegion = new Map(scene.regions.map((r) => [r.region.id, r.region.zones]));

    const nextRegions = new Map<string, CachedRegion>();
    const regionNodes: RegionNode[] = [];
    for (const box of scene.regions) {
      const region = box.region;
      const dropZone = input.dropTarget?.region === region.id ? (input.dropTarget.zone ?? '') : undefined;
      const cached = regions.get(region.id);
      if (cached && cached.dropZone === dropZone && sameRegion(cached.box, box) && cached.node.data.provider === provider) {
        nextRegions.set(region.id, cached);
        regionNodes.push(cached.node);
        continue;
      }
      const node: RegionNode = {
        id: regionNodeId(region.id),
        type: 'region',
        position: { x: box.x, y: box.y },
        data: { box, provider, dropZone },
        width: box.width,
        height: box.height,
        measured: { width: box.width, height: box.height },
        handles: [],
        selectable: false,
        connectable: false,
        dragHandle: '.region-drag',
        // Under the connections (which React Flow draws under nodes of the same z-index).
        zIndex: -1,
      };
      nextRegions.set(region.id, { node, box, dropZone });
      regionNodes.push(node);
    }
    regions = nextRegions;

    // The caches are updated in place: an edit changes a few entries of thousands, and a new map
    // per edit was most of this function's time at 5,000 components. An entry whose element left
    // the scene makes a cache larger than the scene; it is then rebuilt from what the scene holds.
    const componentNodes: ComponentNode[] = [];
    for (const box of scene.nodes) {
      const selected = selectedComponents.has(box.id);
      const cached = components.get(box.id);
      if (cached && cached.selected === selected && cached.hidden === overview && sameBox(cached.box, box)) {
        componentNodes.push(cached.node);
        continue;
      }
      const regionZones = box.component.region === undefined ? undefined : zonesByRegion.get(box.component.region);
      const node = componentNode(box, regionZones, selected, overview);
      components.set(box.id, { node, box, selected, hidden: overview });
      componentNodes.push(node);
    }
    if (components.size !== scene.nodes.length) components = new Map(scene.nodes.map((box) => [box.id, components.get(box.id)!]));

    // The routes are handed to the mounted connections, which compare the routes before with the
    // routes after: routes that changed are a new list, never the old one written over.
    const edgeList: ConnectionEdge[] = [];
    const routeIds: string[] = [];
    const routePoints: (readonly Point[])[] = [];
    let routesMoved = false;
    for (const sceneEdge of scene.edges) {
      const { connection, points } = sceneEdge;
      const id = sceneEdge.id;
      const route = routes.get(id);
      const kept = route !== undefined && samePoints(route, points) ? route : points;
      routesMoved ||= kept !== route;
      routeIds.push(id);
      routePoints.push(kept);
      const selected = selectedConnections.has(id);
      const cached = edges.get(id);
      if (cached && cached.connection === connection && cached.selected === selected && cached.hidden === overview && cached.simple === simpleEdges) {
        edgeList.push(cached.edge);
        continue;
      }
      const edge = connectionEdge(id, connection, false, selected, overview, simpleEdges);
      edges.set(id, { edge, connection, selected, hidden: overview, simple: simpleEdges });
      edgeList.push(edge);
    }
    if (edges.size !== scene.edges.length) edges = new Map(scene.edges.map((edge) => [edge.id, edges.get(edge.id)!]));
    // The lookup by id is made again only when the connections drawn, or their order, changed.
    if (routes.size !== routeIds.length || routeIds.some((id, index) => routes.keyAt(index) !== id)) routes = new RouteList(new Map(routeIds.map((id, index) => [id, index])), routeIds, routePoints);
    else if (routesMoved) routes = routes.withPoints(routePoints);

    const nodes: FlowNode[] = [...regionNodes, ...componentNodes];
    // Compared with the previous full build's arrays, not the last drag frame's: a rebuild during a
    // drag (the drop target changed) that changes no connection keeps the edges array and the dragged
    // components' connections, so React Flow does not rebuild its edge lookup mid-drag.
    const edgesUnchanged = sameList(baseEdges, edgeList);
    // Where each node and each component's connections sit: the same while the ids keep their places
    // (an edit of a component's fields replaces its node but not its place).
    if (nodes.length !== baseNodes.length || nodes.some((node, index) => node.id !== baseNodes[index]!.id)) nodeIndex = new Map(nodes.map((node, index) => [node.id, index]));
    if (!edgesUnchanged) {
      edgesOf = new Map();
      edgeList.forEach((edge, index) => {
        for (const end of [edge.source, edge.target]) {
          const list = edgesOf.get(end);
          if (list) list.push(index);
          else edgesOf.set(end, [index]);
        }
      });
    }
    baseNodes = sameList(baseNodes, nodes) ? baseNodes : nodes;
    baseEdges = edgesUnchanged ? baseEdges : edgeList;
    base = { ...input };
    lastOverlay = null;
    if (!edgesUnchanged || !input.overlay) draggedKey = '';
    // In the overview the connections are drawn on the canvas. React Flow would still mount a
    // wrapper (and a store subscription) for every hidden edge whose ends are in view, so it gets
    // no edges at all.
    lastNodes = baseNodes;
    lastEdges = overview ? [] : baseEdges;
    if (input.overlay) return frame(input);
    return { nodes: lastNodes, edges: lastEdges, routes };
  };
}

export { connectionId };
