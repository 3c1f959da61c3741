import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  type Connection as FlowConnection,
  type EdgeChange,
  type NodeChange,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { findKind, syntheticDesign } from '../../catalog';
import { connectionId, type LayoutPoint } from '../../model';
import { addComponentOfKind, addRegionAt, applyLayout, connect, moveComponents, placeComponents } from '../commands';
import { installKeyboardShortcuts } from '../keyboard';
import {
  beginGesture,
  endGesture,
  notify,
  replaceDocument,
  setLayoutWithoutHistory,
  setSelection,
  useModel,
  useSelection,
  useStore,
} from '../store';
import { computeLayout } from './auto-layout';
import { setCanvasBridge } from './canvas-bridge';
import { ConnectionEdge, EdgeLegend } from './ConnectionEdge';
import { ComponentNode } from './ComponentNode';
import { NODE_HEIGHT, NODE_WIDTH, nodeCenter, placementAfterDrop, placementAt, regionGeometries, roundPoint, withFallbackPositions, type RegionGeometry } from './geometry';
import { OverviewLayer, LAYER_COLORS } from './Overview';
import { KIND_MIME } from './Palette';
import { RegionNode } from './RegionNode';
import { createProjection, isRegionNodeId, regionIdOfNode, type ConnectionEdge as FlowEdge, type FlowNode } from './to-flow';
import './canvas.css';

/** Outside render, so React Flow never sees new node or edge types. */
const nodeTypes = { component: ComponentNode, region: RegionNode };
const edgeTypes = { connection: ConnectionEdge };

/** Below this zoom, large designs switch to the canvas overview (docs/performance.md). */
export const OVERVIEW_ZOOM = 0.4;
/** Small designs stay as DOM at every zoom: a few hundred nodes paint fine and stay editable. */
export const OVERVIEW_MIN_COMPONENTS = 300;
/** Above this, the minimap's one SVG rectangle per node costs more than it helps. */
const MINIMAP_MAX_COMPONENTS = 400;
/** Designs up to this size open fitted to the view; larger ones open at 100% at their top-left. */
const FIT_ON_OPEN_MAX = 300;

export const CANVAS_PAINTED_MARK = 'ninesmith:canvas-painted';

/**
 * `?synthetic=N&seed=S` opens a generated design of N components (for benchmarks and scale
 * tests). Its design id starts with `synthetic-`, which the library must not save.
 */
function openSyntheticFromUrl(): void {
  if (typeof window === 'undefined') return;
  const params = new URLSearchParams(window.location.search);
  const size = Number(params.get('synthetic'));
  if (!Number.isInteger(size) || size <= 0) return;
  const seed = Number(params.get('seed') ?? 1) || 1;
  replaceDocument(`synthetic-${size}-${seed}`, syntheticDesign(Math.min(size, 50_000), seed));
}
openSyntheticFromUrl();

let paintedMarked = false;
function markPaintedOnce(): void {
  if (paintedMarked) return;
  const check = () => {
    if (document.querySelector('.react-flow__node-component, .ns-overview')) {
      paintedMarked = true;
      // One more frame: the mark lands after the nodes have been painted, not just mounted.
      requestAnimationFrame(() => performance.mark(CANVAS_PAINTED_MARK));
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const minimapColor = (node: FlowNode) => {
  if (node.type !== 'component') return 'transparent';
  return LAYER_COLORS[findKind(node.data.component.kind)?.layer ?? 'app'];
};

function Flow() {
  const model = useModel();
  const layout = useStore((state) => state.layout);
  const designId = useStore((state) => state.designId);
  const selection = useSelection();
  const focusRequest = useStore((state) => state.focusRequest);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const [project] = useState(createProjection);
  const [drag, setDrag] = useState<{ ids: ReadonlySet<string>; regions: RegionGeometry[] } | null>(null);
  // Positions of the components being dragged, until the drag ends (see onNodeDragStop).
  const [dragOverlay, setDragOverlay] = useState<Readonly<Record<string, LayoutPoint>> | null>(null);
  const [dropTarget, setDropTarget] = useState<{ region: string; zone: string | undefined } | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  const zoomedOut = useFlowStore((state) => state.transform[2] < OVERVIEW_ZOOM);
  const overview = zoomedOut && model.components.length >= OVERVIEW_MIN_COMPONENTS;

  const positions = useMemo(() => withFallbackPositions(model, layout), [model, layout]);
  const selectedComponents = useMemo(() => new Set(selection.components), [selection.components]);
  const selectedConnections = useMemo(() => new Set(selection.connections), [selection.connections]);
  const { nodes, edges, regions } = useMemo(
    () =>
      project({
        model,
        positions,
        selectedComponents,
        selectedConnections,
        overview,
        dragging: drag?.ids ?? null,
        overlay: dragOverlay,
        simpleEdges: model.components.length >= OVERVIEW_MIN_COMPONENTS,
        dropTarget,
      }),
    [project, model, positions, selectedComponents, selectedConnections, overview, drag, dragOverlay, dropTarget],
  );

  const tidyUp = useCallback(async () => {
    setLayingOut(true);
    try {
      applyLayout(await computeLayout(useStore.getState().model));
      requestAnimationFrame(() => void flow.fitView({ padding: 0.1, duration: 200 }));
    } catch (error) {
      notify('error', 'The automatic layout failed', [error instanceof Error ? error.message : String(error)]);
    } finally {
      setLayingOut(false);
    }
  }, [flow]);

  useEffect(() => {
    setCanvasBridge({
      viewportCenter: () => {
        const element = document.querySelector('.ns-canvas');
        const rect = element?.getBoundingClientRect();
        return rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      },
      regions: () => regionGeometries(useStore.getState().model, withFallbackPositions(useStore.getState().model, useStore.getState().layout)),
      tidyUp,
      fitView: () => void flow.fitView({ padding: 0.1, duration: 200 }),
    });
    return () => setCanvasBridge(null);
  }, [flow, tidyUp]);

  useEffect(() => installKeyboardShortcuts(), []);

  // The viewport handle the browser benchmark drives (bench/browser.bench.mjs), the same one the
  // bare baseline page exposes.
  useEffect(() => {
    (window as unknown as { __canvasApi?: unknown }).__canvasApi = {
      setViewport: (viewport: { x: number; y: number; zoom: number }) => flow.setViewport(viewport),
      getViewport: () => flow.getViewport(),
      fitView: () => flow.fitView({ padding: 0.05 }),
    };
  }, [flow]);

  // Opening a design: lay it out when it comes without positions (templates, hand-written
  // files), then fit it to the view. The first layout is part of opening, not an undo step.
  useEffect(() => {
    let cancelled = false;
    const { model: opened, layout: openedLayout } = useStore.getState();
    const frame = () =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        if (opened.components.length <= FIT_ON_OPEN_MAX) void flow.fitView({ padding: 0.1, maxZoom: 1 });
        else {
          const first = Object.values(openedLayout)[0];
          void flow.setViewport({ x: 40 - (first?.x ?? 0), y: 40 - (first?.y ?? 0), zoom: 1 });
        }
      });
    if (Object.keys(openedLayout).length === 0 && opened.components.length > 0) {
      computeLayout(opened)
        .then((computed) => {
          if (cancelled || useStore.getState().model !== opened) return;
          const rounded: Record<string, LayoutPoint> = {};
          for (const [id, at] of Object.entries(computed)) rounded[id] = roundPoint(at);
          setLayoutWithoutHistory(rounded);
          frame();
        })
        .catch((error: unknown) => notify('error', 'The automatic layout failed', [error instanceof Error ? error.message : String(error)]));
    } else frame();
    return () => {
      cancelled = true;
    };
    // Only when another design is opened, not on every edit of this one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [designId]);

  useEffect(() => {
    if (!focusRequest || focusRequest.componentIds.length === 0) return;
    void flow.fitView({ nodes: focusRequest.componentIds.map((id) => ({ id })), padding: 0.4, maxZoom: 1.2, duration: 250 });
  }, [focusRequest, flow]);

  useEffect(() => {
    if (nodes.length > 0) markPaintedOnce();
  }, [nodes.length]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const state = useStore.getState();
    const moved: Record<string, LayoutPoint> = {};
    const dragged: Record<string, LayoutPoint> = {};
    let selected: Set<string> | null = null;
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        if (isRegionNodeId(change.id)) {
          // Dragging a region's header moves the region with everything in it.
          const regionId = regionIdOfNode(change.id);
          const current = regionGeometries(state.model, withFallbackPositions(state.model, state.layout)).find((r) => r.regionId === regionId);
          if (!current) continue;
          const dx = Math.round(change.position.x - current.x);
          const dy = Math.round(change.position.y - current.y);
          if (dx === 0 && dy === 0) continue;
          const anchor = state.layout[regionId] ?? { x: Math.round(current.x), y: Math.round(current.y) };
          moved[regionId] = { x: anchor.x + dx, y: anchor.y + dy };
          const filled = withFallbackPositions(state.model, state.layout);
          for (const c of state.model.components) {
            const at = filled[c.id];
            if (c.region === regionId && at) moved[c.id] = { x: at.x + dx, y: at.y + dy };
          }
        } else if (change.dragging) dragged[change.id] = roundPoint(change.position);
        else moved[change.id] = roundPoint(change.position);
      } else if (change.type === 'select' && !isRegionNodeId(change.id)) {
        selected ??= new Set(useStore.getState().selection.components);
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
    }
    if (Object.keys(moved).length > 0) moveComponents(moved);
    // Drag frames of components stay in the canvas (a React state update, batched like React
    // Flow's own): the document, and everything that listens to it, hears of the drag once.
    if (Object.keys(dragged).length > 0) setDragOverlay((previous) => ({ ...previous, ...dragged }));
    if (selected) setSelection({ components: [...selected], connections: useStore.getState().selection.connections });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    let selected: Set<string> | null = null;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      selected ??= new Set(useStore.getState().selection.connections);
      if (change.selected) selected.add(change.id);
      else selected.delete(change.id);
    }
    if (selected) setSelection({ components: useStore.getState().selection.components, connections: [...selected] });
  }, []);

  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback((_event, _node, dragged) => {
    beginGesture();
    const ids = new Set(dragged.map((n) => n.id));
    const state = useStore.getState();
    setDrag({ ids, regions: regionGeometries(state.model, withFallbackPositions(state.model, state.layout), ids) });
  }, []);

  const onNodeDrag: OnNodeDrag<FlowNode> = useCallback(
    (_event, node) => {
      if (!drag || node.type !== 'component') return;
      const hit = placementAt(drag.regions, nodeCenter(node.position)) ?? null;
      setDropTarget((previous) => (previous?.region === hit?.region && previous?.zone === hit?.zone ? previous : hit));
    },
    [drag],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, _node, dragged) => {
      const final: Record<string, LayoutPoint> = {};
      for (const node of dragged) if (node.type === 'component') final[node.id] = roundPoint(node.position);
      if (Object.keys(final).length > 0) moveComponents(final);
      setDragOverlay(null);
      const state = useStore.getState();
      const frozen = drag?.regions ?? regionGeometries(state.model, withFallbackPositions(state.model, state.layout));
      const byId = new Map(state.model.components.map((c) => [c.id, c]));
      const placements: Record<string, { region: string | undefined; zones: string[] | undefined }> = {};
      for (const node of dragged) {
        const component = byId.get(node.id);
        const at = state.layout[node.id];
        if (!component || !at) continue;
        const kind = findKind(component.kind);
        const next = placementAfterDrop(component, kind?.capabilities.placement ?? 'regional', state.model.regions, placementAt(frozen, nodeCenter(at)));
        if (next) placements[node.id] = next;
      }
      if (Object.keys(placements).length > 0) placeComponents(placements);
      endGesture();
      setDrag(null);
      setDropTarget(null);
    },
    [drag],
  );

  const onConnect = useCallback((connection: FlowConnection) => {
    if (!connection.source || !connection.target || connection.source === connection.target) return;
    connect(connection.source, connection.target, 'sync');
    const id = connectionId({ from: connection.source, to: connection.target, mode: 'sync' });
    if (useStore.getState().model.connections.some((c) => connectionId(c) === id)) setSelection({ components: [], connections: [id] });
  }, []);

  const isValidConnection = useCallback((connection: FlowConnection | FlowEdge) => connection.source !== connection.target, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kindId = event.dataTransfer.getData(KIND_MIME);
      const kind = findKind(kindId);
      if (!kind) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const hit = kind.capabilities.placement === 'global' ? undefined : placementAt(regions, point);
      const position = roundPoint({ x: point.x - NODE_WIDTH / 2, y: point.y - NODE_HEIGHT / 2 });
      const added = addComponentOfKind(kind.id, hit ? { region: hit.region, zones: hit.zone ? [hit.zone] : undefined } : {}, position);
      if (!added) notify('error', `${kind.title} needs a region`, ['Add a region first (“+ Region”), then drop it into one of its zones.']);
    },
    [flow, regions],
  );

  const addRegion = useCallback(() => {
    const state = useStore.getState();
    const existing = regionGeometries(state.model, withFallbackPositions(state.model, state.layout));
    const right = existing.reduce((max, r) => Math.max(max, r.x + r.width), -Infinity);
    const top = existing[0]?.y ?? flow.screenToFlowPosition({ x: 0, y: 0 }).y;
    addRegionAt(Number.isFinite(right) ? { x: right + 80, y: top } : flow.screenToFlowPosition({ x: 300, y: 200 }));
    // Bring the new region into view once React Flow has the node.
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ padding: 0.1, duration: 200, maxZoom: 1 })));
  }, [flow]);

  return (
    <div className="ns-canvas" data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        disableKeyboardA11y
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionOnDrag
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        zoomOnPinch
        minZoom={0.02}
        maxZoom={2.5}
        elevateNodesOnSelect={false}
        fitViewOptions={FIT_OPTIONS}
      >
        {model.components.length <= MINIMAP_MAX_COMPONENTS && <Background gap={24} />}
        <Controls showInteractive={false} />
        {model.components.length <= MINIMAP_MAX_COMPONENTS && <MiniMap<FlowNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} />}
        <Panel position="top-right" className="ns-canvas-actions">
          <button type="button" data-testid="add-region" onClick={addRegion} title="Add a region with three availability zones">
            + Region
          </button>
          <button type="button" data-testid="tidy-up" onClick={() => void tidyUp()} disabled={layingOut} title="Lay out the design automatically (one undo step)">
            {layingOut ? 'Laying out…' : 'Tidy up'}
          </button>
        </Panel>
        <Panel position="bottom-center">
          <EdgeLegend />
        </Panel>
        {overview && <OverviewLayer model={model} positions={positions} />}
      </ReactFlow>
    </div>
  );
}

const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** Left-drag on the empty canvas draws a selection box (draw.io, Figma); middle or right drag, Space+drag or scrolling pans. */
const PAN_BUTTONS = [1, 2];
const FIT_OPTIONS = { padding: 0.1 };

export default function Canvas() {
  return (
    <ReactFlowProvider>
      <Flow />
    </ReactFlowProvider>
  );
}
