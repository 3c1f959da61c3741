import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import {
  Background,
  MiniMap,
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
import { findKind } from '../../catalog';
import { firstView, gridLayout, simpleOrdering } from '../../diagram';
import { connectionId, type LayoutPoint } from '../../model';
import { canvasPainted } from '../canvas-painted';
import { addComponentOfKind, addRegion, applyLayout, connect, moveComponents, placeComponents } from '../commands';
import {
  beginGesture,
  endGesture,
  notify,
  revealSidePanel,
  setLayoutWithoutHistory,
  setSelection,
  useModel,
  useSelection,
  useStore,
} from '../store';
import { setCanvasBridge } from './canvas-bridge';
import { ConnectionEdge, EdgeLegend } from './ConnectionEdge';
import { TrustDeclaredSizes } from './declared-sizes';
import { createEdgeRoutes, EdgeRoutesContext } from './edge-routes';
import { FIT_VIEW, ZoomControls } from './ZoomControls';
import { ComponentNode, ZoneChipsOnHover } from './ComponentNode';
import { connectionEnds, dragEndMoves, dropPlacements, dropTargetAt, newRegionAnchor, paletteDrop, readEdgeSelection, readNodeChanges } from './from-flow';
import { createCanvasView, keepInView, layoutOverlaps, roundPoint, selectionBox, settleDrop, ROUTE_MAX_COMPONENTS, type RegionBox } from './geometry';
import { OverviewLayer, LAYER_COLORS } from './Overview';
import { useCompositedWhileMoving } from './composite-while-moving';
import { KIND_MIME } from './Palette';
import { RegionNode } from './RegionNode';
import { createProjection, type ConnectionEdge as FlowEdge, type FlowNode } from './to-flow';
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
/** Designs up to this size are laid out by ELK when they open without positions; larger ones by the grid alone. */
const ELK_ON_OPEN_MAX = ROUTE_MAX_COMPONENTS;

export const CANVAS_PAINTED_MARK = 'ninesmith:canvas-painted';

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

/**
 * ELK's layout, loaded with the code that drives it when a layout is first asked for: a design that
 * opens with its positions (the sample design, the templates, a saved design) never loads either,
 * and the first paint does not wait for them.
 */
async function autoLayout(design: ReturnType<typeof useStore.getState>['model']): Promise<Record<string, LayoutPoint>> {
  const elk = await import('../../diagram/elk-layout');
  return elk.autoLayout(design);
}

/** Positions for a design that opens without usable ones: ELK's layout, or the grid's alone for large designs. */
async function openingLayout(model: ReturnType<typeof useStore.getState>['model']): Promise<Record<string, LayoutPoint>> {
  const computed = model.components.length <= ELK_ON_OPEN_MAX ? await autoLayout(model) : gridLayout(model, simpleOrdering(model));
  const rounded: Record<string, LayoutPoint> = {};
  for (const [id, at] of Object.entries(computed)) rounded[id] = roundPoint(at);
  return rounded;
}

/**
 * The canvas's own bar: its actions and the key to the connections, above the pane rather than over
 * the diagram. A memo of its own: a drag frame re-renders the canvas, and the bar has nothing to redraw.
 */
const CanvasBar = memo(function CanvasBar({
  onAddRegion,
  showMap,
  onToggleMap,
  onTidyUp,
  layingOut,
}: {
  onAddRegion: () => void;
  showMap: boolean;
  onToggleMap: () => void;
  onTidyUp: () => Promise<void>;
  layingOut: boolean;
}) {
  return (
    <div className="ns-canvas-bar">
      <div className="ns-canvas-actions">
        <button type="button" data-testid="add-region" onClick={onAddRegion} title="Add a region with three availability zones">
          + Region
        </button>
        <button type="button" data-testid="toggle-minimap" aria-pressed={showMap} onClick={onToggleMap} title="Show or hide the map of the whole design">
          Map
        </button>
        <button type="button" data-testid="tidy-up" onClick={() => void onTidyUp()} disabled={layingOut} title="Lay out the design automatically (one undo step)">
          {layingOut ? 'Laying out…' : 'Tidy up'}
        </button>
        <ZoomControls />
      </div>
      <EdgeLegend />
    </div>
  );
});

function Flow() {
  const model = useModel();
  const layout = useStore((state) => state.layout);
  const designId = useStore((state) => state.designId);
  const selection = useSelection();
  const focusRequest = useStore((state) => state.focusRequest);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const [project] = useState(createProjection);
  const [viewOf] = useState(createCanvasView);
  const [drag, setDrag] = useState<{ ids: ReadonlySet<string>; regions: readonly RegionBox[] } | null>(null);
  // Positions of the components being dragged, until the drag ends (see onNodeDragStop).
  const [dragOverlay, setDragOverlay] = useState<Readonly<Record<string, LayoutPoint>> | null>(null);
  const [dropTarget, setDropTarget] = useState<{ region: string; zone: string | undefined } | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  // Hidden until the opening design has its layout and its first view: no flash of a temporary one.
  const [shownDesign, setShownDesign] = useState<string | null>(null);
  const [showMap, setShowMap] = useState(false);
  const paneRef = useRef<HTMLDivElement>(null);
  useCompositedWhileMoving(paneRef);
  useSelectionKeptInSight(paneRef, viewOf);
  const zoomedOut = useFlowStore((state) => state.transform[2] < OVERVIEW_ZOOM);
  const overview = zoomedOut && model.components.length >= OVERVIEW_MIN_COMPONENTS;

  const view = viewOf(model, layout);
  const { scene, regions } = view;
  const selectedComponents = useMemo(() => new Set(selection.components), [selection.components]);
  const selectedConnections = useMemo(() => new Set(selection.connections), [selection.connections]);
  const [edgeRoutes] = useState(createEdgeRoutes);
  const { nodes, edges, routes } = useMemo(
    () =>
      project({
        scene,
        provider: model.provider,
        selectedComponents,
        selectedConnections,
        overview,
        overlay: dragOverlay,
        simpleEdges: model.components.length >= OVERVIEW_MIN_COMPONENTS,
        dropTarget,
      }),
    [project, scene, model.provider, model.components.length, selectedComponents, selectedConnections, overview, dragOverlay, dropTarget],
  );
  // The routes travel beside the edges (edge-routes.ts): set for this render, and the connections
  // already on screen whose route moved are told once it is committed, before the frame is painted.
  edgeRoutes.stage(routes);
  useLayoutEffect(() => edgeRoutes.notify());
  /** The canvas view of the document as the store has it now (handlers run between renders). */
  const currentView = useCallback(() => {
    const { model: current, layout: currentLayout } = useStore.getState();
    return viewOf(current, currentLayout);
  }, [viewOf]);

  const tidyUp = useCallback(async () => {
    setLayingOut(true);
    try {
      applyLayout(await autoLayout(useStore.getState().model));
      requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
    } catch (error) {
      notify('error', 'The automatic layout failed', [error instanceof Error ? error.message : String(error)]);
    } finally {
      setLayingOut(false);
    }
  }, [flow]);

  useEffect(() => {
    setCanvasBridge({
      viewportCenter: () => {
        const element = document.querySelector('.ns-canvas-pane');
        const rect = element?.getBoundingClientRect();
        return rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
      },
      regions: () => currentView().regions,
      tidyUp,
      fitView: (options) => void flow.fitView({ ...FIT_VIEW, ...options }),
      getViewport: () => flow.getViewport(),
      setViewport: (viewport) => void flow.setViewport(viewport),
    });
    return () => setCanvasBridge(null);
  }, [flow, tidyUp, currentView]);

  // The shortcuts load once the canvas has painted: no key reaches the canvas before it shows, and
  // the first paint does not fetch them.
  useEffect(() => {
    let remove: (() => void) | undefined;
    let mounted = true;
    void canvasPainted()
      .then(() => import('../keyboard'))
      .then(({ installKeyboardShortcuts }) => {
        if (mounted) remove = installKeyboardShortcuts();
      });
    return () => {
      mounted = false;
      remove?.();
    };
  }, []);

  // Opening a design: lay it out when it comes without usable positions (templates and designs
  // saved by this version come with theirs; a hand-written file, or a layout from before zones
  // were columns, whose boxes overlap, does not), then show its first view: the request path at a
  // legible zoom, or all of it when that fits. The canvas stays hidden until then, so a temporary
  // layout or zoom never flashes. The first layout is part of opening, not an undo step.
  useEffect(() => {
    let cancelled = false;
    const { model: opened, layout: openedLayout } = useStore.getState();
    const show = () =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        const state = useStore.getState();
        const element = document.querySelector('.ns-canvas-pane');
        const rect = element?.getBoundingClientRect();
        const viewport = firstView(viewOf(state.model, state.layout).scene, { width: rect?.width || 1000, height: rect?.height || 700 });
        void flow.setViewport(viewport);
        requestAnimationFrame(() => {
          if (!cancelled) setShownDesign(designId);
        });
      });
    // A large design with overlapping boxes gets the grid (ELK would take seconds), never a pile of boxes.
    const needsLayout = opened.components.length > 0 && (Object.keys(openedLayout).length === 0 || layoutOverlaps(viewOf(opened, openedLayout).scene));
    if (needsLayout) {
      openingLayout(opened)
        .then((computed) => {
          if (cancelled || useStore.getState().model !== opened) return;
          setLayoutWithoutHistory(computed);
          show();
        })
        .catch((error: unknown) => {
          notify('error', 'The automatic layout failed', [error instanceof Error ? error.message : String(error)]);
          show();
        });
    } else show();
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

  const shown = shownDesign === designId;
  useEffect(() => {
    if (shown && nodes.length > 0) markPaintedOnce();
  }, [shown, nodes.length]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const { model: current, layout: currentLayout, selection: selected } = useStore.getState();
      const { moves, dragFrames, selection: components } = readNodeChanges(changes, { model: current, layout: currentLayout, view: viewOf(current, currentLayout) }, selected.components);
      if (Object.keys(moves).length > 0) moveComponents(moves);
      // Drag frames of components stay in the canvas (a React state update, batched like React
      // Flow's own): the document, and everything that listens to it, hears of the drag once.
      if (Object.keys(dragFrames).length > 0) setDragOverlay((previous) => ({ ...previous, ...dragFrames }));
      if (components) setSelection({ components, connections: useStore.getState().selection.connections });
    },
    [viewOf],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const connections = readEdgeSelection(changes, useStore.getState().selection.connections);
    if (connections) setSelection({ components: useStore.getState().selection.components, connections });
  }, []);

  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback(
    (_event, _node, dragged) => {
      beginGesture();
      const ids = new Set(dragged.map((n) => n.id));
      const state = useStore.getState();
      // The region boxes as the drag began: what the drop is judged against.
      setDrag({ ids, regions: viewOf(state.model, state.layout).regions });
    },
    [viewOf],
  );

  const onNodeDrag: OnNodeDrag<FlowNode> = useCallback(
    (_event, node) => {
      if (!drag || node.type !== 'component') return;
      const hit = dropTargetAt(drag.regions, node);
      setDropTarget((previous) => (previous?.region === hit?.region && previous?.zone === hit?.zone ? previous : hit));
    },
    [drag],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (_event, _node, dragged) => {
      const ends = dragEndMoves(dragged);
      setDragOverlay(null);
      const before = currentView();
      const sizes = new Map([...before.scene.nodes].map((n) => [n.id, { width: n.width, height: n.height }]));
      // Zones first (the zone column under each one), then where each comes to rest in them.
      const placements = dropPlacements(useStore.getState().model, ends, drag?.regions ?? before.regions, sizes);
      if (Object.keys(placements).length > 0) placeComponents(placements);
      if (Object.keys(ends).length > 0) {
        const { model: placed, layout: current } = useStore.getState();
        moveComponents(settleDrop(placed, current, ends, drag?.regions ?? before.regions));
      }
      endGesture();
      setDrag(null);
      setDropTarget(null);
    },
    [drag, currentView],
  );

  const onConnect = useCallback((connection: FlowConnection) => {
    const ends = connectionEnds(connection);
    if (!ends) return;
    connect(ends.from, ends.to, 'sync');
    const id = connectionId({ ...ends, mode: 'sync' });
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
      const { position, ...placement } = paletteDrop(kind.capabilities.placement, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }), regions);
      const drawn = currentView().regions;
      beginGesture();
      const added = addComponentOfKind(kind.id, placement, position);
      if (added) {
        // Pins the regions' corners and keeps the new component clear of the others (one undo step with the add).
        const { model: now, layout: current } = useStore.getState();
        moveComponents(settleDrop(now, current, { [added]: position }, drawn));
      }
      endGesture();
      if (!added) notify('error', `${kind.title} needs a region`, ['Add a region first (“+ Region”), then drop it into one of its zones.']);
    },
    [flow, regions, currentView],
  );

  const toggleMap = useCallback(() => setShowMap((on) => !on), []);

  const addRegionBeside = useCallback(() => {
    addRegion({ position: newRegionAnchor(currentView().regions) ?? flow.screenToFlowPosition({ x: 300, y: 200 }) });
    // Bring the new region into view once React Flow has the node.
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, maxZoom: 1 })));
  }, [flow, currentView]);

  return (
    <div className={`ns-canvas${shown ? '' : ' is-opening'}`} data-testid="canvas" data-design-shown={shownDesign ?? ''} onDragOver={onDragOver} onDrop={onDrop}>
      <CanvasBar onAddRegion={addRegionBeside} showMap={showMap} onToggleMap={toggleMap} onTidyUp={tidyUp} layingOut={layingOut} />
      <div className="ns-canvas-pane" ref={paneRef}>
        <ZoneChipsOnHover.Provider value={model.components.length >= OVERVIEW_MIN_COMPONENTS}>
          <EdgeRoutesContext.Provider value={edgeRoutes}>
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
              onNodeClick={revealSidePanel}
              onEdgeClick={revealSidePanel}
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
              {showMap && model.components.length <= MINIMAP_MAX_COMPONENTS && <MiniMap<FlowNode> pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} />}
              {overview && <OverviewLayer scene={scene} />}
            </ReactFlow>
          </EdgeRoutesContext.Provider>
        </ZoneChipsOnHover.Provider>
      </div>
    </div>
  );
}

/**
 * When the canvas narrows (the side panel opens beside it on a click, the window shrinks), the view
 * pans as little as it must to keep what is selected in sight: a component clicked near the right
 * edge is not left under the panel that opened to edit it.
 */
function useSelectionKeptInSight(paneRef: RefObject<HTMLDivElement | null>, viewOf: ReturnType<typeof createCanvasView>) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    let width = pane.clientWidth;
    const observer = new ResizeObserver(() => {
      const narrowed = pane.clientWidth < width;
      width = pane.clientWidth;
      if (!narrowed) return;
      const { model, layout, selection } = useStore.getState();
      const box = selectionBox(viewOf(model, layout).scene, selection);
      if (!box) return;
      const current = flow.getViewport();
      const next = keepInView(box, current, { width: pane.clientWidth, height: pane.clientHeight });
      if (next !== current) void flow.setViewport(next, { duration: 150 });
    });
    observer.observe(pane);
    return () => observer.disconnect();
  }, [paneRef, viewOf, flow]);
}

const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** Left-drag on the empty canvas draws a selection box (draw.io, Figma); middle or right drag, Space+drag or scrolling pans. */
const PAN_BUTTONS = [1, 2];
const FIT_OPTIONS = { padding: FIT_VIEW.padding };

export default function Canvas() {
  return (
    <ReactFlowProvider>
      <TrustDeclaredSizes />
      <Flow />
    </ReactFlowProvider>
  );
}
