import type { Edge, Node, NodeHandle } from '@xyflow/react';
import { MarkerType, Position, type EdgeMarker } from '@xyflow/react';
import { componentZones, connectionId, type Component, type Connection, type ConnectionMode, type Design, type Region } from '../../model';
import { NODE_HEIGHT, NODE_WIDTH, type Positions, type RegionGeometry } from './geometry';

/**
 * The one mapping from the document to React Flow's nodes and edges. The node data is a
 * read-only view of the document (the component object itself), never a second copy to edit.
 *
 * The projection keeps node and edge identity: it remembers what each node was built from and
 * returns the previous object when nothing it depends on changed, so a drag replaces one node
 * object per frame and React Flow re-renders only that node.
 */

export interface ComponentNodeData extends Record<string, unknown> {
  component: Component;
  /** The zones of the component's region, for the zone chips; undefined for global components. */
  regionZones: readonly string[] | undefined;
  /** The zones it runs in (`componentZones`): its own, or its region's first. */
  zones: readonly string[];
}

export interface RegionNodeData extends Record<string, unknown> {
  region: Region;
  geometry: RegionGeometry;
  /** The zone lane a drag would drop into, highlighted while dragging. */
  dropZone: string | undefined;
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  mode: ConnectionMode;
  label: string | undefined;
  /** Thin lines without arrowheads: large designs, where every pixel of edge costs paint. */
  simple: boolean;
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
  sync: { type: MarkerType.ArrowClosed, color: '#3b4a5e', width: 16, height: 16 },
  async: { type: MarkerType.ArrowClosed, color: '#0f6bd0', width: 16, height: 16 },
  replication: { type: MarkerType.ArrowClosed, color: '#7b3fc4', width: 14, height: 14 },
  backup: { type: MarkerType.ArrowClosed, color: '#1e7f4f', width: 16, height: 16 },
};

const HANDLE_SIZE = 10;
/** Handles declared up front, so edges to culled (never measured) nodes still have their ends. */
const COMPONENT_HANDLES: NodeHandle[] = [
  { id: 'in', type: 'target', position: Position.Left, x: -HANDLE_SIZE / 2, y: NODE_HEIGHT / 2 - HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
  { id: 'in-top', type: 'target', position: Position.Top, x: NODE_WIDTH / 2 - HANDLE_SIZE / 2, y: -HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
  { id: 'out', type: 'source', position: Position.Right, x: NODE_WIDTH - HANDLE_SIZE / 2, y: NODE_HEIGHT / 2 - HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
  { id: 'out-bottom', type: 'source', position: Position.Bottom, x: NODE_WIDTH / 2 - HANDLE_SIZE / 2, y: NODE_HEIGHT - HANDLE_SIZE / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
];
const COMPONENT_MEASURED = { width: NODE_WIDTH, height: NODE_HEIGHT };

export interface ProjectionInput {
  model: Design;
  positions: Positions;
  selectedComponents: ReadonlySet<string>;
  selectedConnections: ReadonlySet<string>;
  /**
   * The region boxes to draw, one per region in the model's order (geometry.ts, computed once per
   * model and layout by the canvas; during a drag, the boxes without the dragged components, so a
   * region does not stretch after a component on its way out).
   */
  regions: readonly RegionGeometry[];
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
}

interface CachedComponent {
  node: ComponentNode;
  component: Component;
  x: number;
  y: number;
  selected: boolean;
  regionZones: readonly string[] | undefined;
  hidden: boolean;
}

interface CachedEdge {
  edge: ConnectionEdge;
  connection: Connection;
  selected: boolean;
  hidden: boolean;
  vertical: boolean;
  simple: boolean;
}

/**
 * Which sides a connection leaves and enters by: bottom to top when the target is mostly below
 * the source (a chain of global components above a region), right to left otherwise.
 */
export function isVerticalConnection(from: { x: number; y: number } | undefined, to: { x: number; y: number } | undefined): boolean {
  if (!from || !to) return false;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  return dy > NODE_HEIGHT && dy > Math.abs(dx) * 0.75;
}

interface CachedRegion {
  node: RegionNode;
  region: Region;
  geometry: RegionGeometry;
  dropZone: string | undefined;
}

const sameGeometry = (a: RegionGeometry, b: RegionGeometry) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.lanes.length === b.lanes.length;

/** A projection with its own identity cache; one per canvas. */
export function createProjection(): (input: ProjectionInput) => Projection {
  let components = new Map<string, CachedComponent>();
  let edges = new Map<string, CachedEdge>();
  let regions = new Map<string, CachedRegion>();
  // The previous arrays, returned again when no element changed: React Flow rebuilds its edge
  // lookup whenever the edges array is new, so a drag frame that touches no edge must not make one.
  let lastNodes: FlowNode[] = [];
  let lastEdges: ConnectionEdge[] = [];
  const sameList = <T,>(previous: readonly T[], next: readonly T[]) => previous.length === next.length && next.every((item, index) => item === previous[index]);

  return (input) => {
    const { model, positions, regions: geometries, selectedComponents, selectedConnections, overview, overlay, simpleEdges } = input;
    const zonesByRegion = new Map(model.regions.map((r) => [r.id, r.zones]));

    const nextRegions = new Map<string, CachedRegion>();
    const regionNodes: RegionNode[] = [];
    model.regions.forEach((region, index) => {
      const geometry = geometries[index]!;
      const dropZone = input.dropTarget?.region === region.id ? (input.dropTarget.zone ?? '') : undefined;
      const cached = regions.get(region.id);
      if (cached && cached.region === region && cached.dropZone === dropZone && sameGeometry(cached.geometry, geometry)) {
        nextRegions.set(region.id, cached);
        regionNodes.push(cached.node);
        return;
      }
      const node: RegionNode = {
        id: regionNodeId(region.id),
        type: 'region',
        position: { x: geometry.x, y: geometry.y },
        data: { region, geometry, dropZone },
        width: geometry.width,
        height: geometry.height,
        measured: { width: geometry.width, height: geometry.height },
        handles: [],
        selectable: false,
        connectable: false,
        dragHandle: '.region-drag',
      };
      nextRegions.set(region.id, { node, region, geometry, dropZone });
      regionNodes.push(node);
    });
    regions = nextRegions;

    const nextComponents = new Map<string, CachedComponent>();
    const componentNodes: ComponentNode[] = [];
    for (const component of model.components) {
      const at = overlay?.[component.id] ?? positions[component.id] ?? { x: 0, y: 0 };
      const selected = selectedComponents.has(component.id);
      const regionZones = component.region === undefined ? undefined : zonesByRegion.get(component.region);
      const cached = components.get(component.id);
      if (
        cached &&
        cached.component === component &&
        cached.x === at.x &&
        cached.y === at.y &&
        cached.selected === selected &&
        cached.regionZones === regionZones &&
        cached.hidden === overview
      ) {
        nextComponents.set(component.id, cached);
        componentNodes.push(cached.node);
        continue;
      }
      const node: ComponentNode = {
        id: component.id,
        type: 'component',
        position: { x: at.x, y: at.y },
        data: { component, regionZones, zones: componentZones(model, component) },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        measured: COMPONENT_MEASURED,
        handles: COMPONENT_HANDLES,
        selected,
        hidden: overview,
      };
      nextComponents.set(component.id, { node, component, x: at.x, y: at.y, selected, regionZones, hidden: overview });
      componentNodes.push(node);
    }
    components = nextComponents;

    const nextEdges = new Map<string, CachedEdge>();
    const edgeList: ConnectionEdge[] = [];
    for (const connection of model.connections) {
      const id = connectionId(connection);
      const selected = selectedConnections.has(id);
      const vertical = isVerticalConnection(overlay?.[connection.from] ?? positions[connection.from], overlay?.[connection.to] ?? positions[connection.to]);
      const cached = edges.get(id);
      if (cached && cached.connection === connection && cached.selected === selected && cached.hidden === overview && cached.vertical === vertical && cached.simple === simpleEdges) {
        nextEdges.set(id, cached);
        edgeList.push(cached.edge);
        continue;
      }
      const edge: ConnectionEdge = {
        id,
        type: 'connection',
        source: connection.from,
        target: connection.to,
        sourceHandle: vertical ? 'out-bottom' : 'out',
        targetHandle: vertical ? 'in-top' : 'in',
        data: { mode: connection.mode, label: connection.label, simple: simpleEdges },
        markerEnd: simpleEdges ? undefined : MARKERS[connection.mode],
        selected,
        hidden: overview,
      };
      nextEdges.set(id, { edge, connection, selected, hidden: overview, vertical, simple: simpleEdges });
      edgeList.push(edge);
    }
    edges = nextEdges;

    const nodes: FlowNode[] = [...regionNodes, ...componentNodes];
    // In the overview the connections are drawn on the canvas. React Flow would still mount a
    // wrapper (and a store subscription) for every hidden edge whose ends are in view, so it gets
    // no edges at all.
    if (overview) edgeList.length = 0;
    if (!sameList(lastNodes, nodes)) lastNodes = nodes;
    if (!sameList(lastEdges, edgeList)) lastEdges = edgeList;
    return { nodes: lastNodes, edges: lastEdges };
  };
}
