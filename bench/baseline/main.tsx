/**
 * The bare React Flow page the browser benchmark compares the app with (docs/performance.md): the
 * same generated design as `?synthetic=N&seed=S` in the app, drawn as plain default nodes with
 * React Flow's own state handling, no store, no custom nodes. Not part of the app's bundle:
 * bench/browser.bench.mjs builds it on its own into dist-bench/bench-baseline/.
 *
 * URL: ?n=1000&seed=1&cull=1&x=&y=&w=&h= (the box the canvas occupies, to match the app's).
 */
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, type Edge, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { syntheticDesign } from '../../src/catalog';
import { buildScene, firstView, gridLayout, simpleOrdering } from '../../src/diagram';

const params = new URLSearchParams(window.location.search);
const size = Number(params.get('n') ?? 1000);
const seed = Number(params.get('seed') ?? 1);
const cull = params.get('cull') !== '0';
const design = syntheticDesign(size, seed);
const box = ['x', 'y', 'w', 'h'].map((key) => Number(params.get(key) ?? NaN));
// The same boxes the app draws for this design (the diagram's grid, as the app lays out a large
// design whose stored positions overlap), each a plain default node of the same size, and the app's
// first view: the comparison is the library's cost for the same picture, not for a sparser one.
const scene = buildScene(design, gridLayout(design, simpleOrdering(design)), { route: false });
const initialNodes: Node[] = scene.nodes.map((node) => ({
  id: node.id,
  position: { x: node.x, y: node.y },
  data: { label: node.component.name ?? node.id },
  width: node.width,
  height: node.height,
  style: { width: node.width, height: node.height },
}));
const edges: Edge[] = design.connections.map((c, index) => ({ id: `e${index}`, source: c.from, target: c.to }));
/**
 * The benchmark's edit on this page (bench/browser.bench.mjs, edit to paint): one node's label
 * replaced, as a React Flow app updates a node (a new nodes array with that one node new), so the
 * bench can time an edit to its paint here as it times the app's edit to its painted findings.
 */
export interface BaselineEditApi {
  /** The generated design's components, to pick the same kind of component the app's edit picks. */
  components: readonly { id: string; kind: string; zones?: readonly string[] }[];
  setLabel(id: string, label: string): void;
}

declare global {
  interface Window {
    __baselineEdit: BaselineEditApi;
  }
}

const openingView = firstView(scene, { width: Number.isFinite(box[2]) ? box[2]! : window.innerWidth, height: Number.isFinite(box[3]) ? box[3]! : window.innerHeight });

function Flow() {
  const [nodes, setNodes] = useState(initialNodes);
  const flow = useReactFlow();
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((current) => applyNodeChanges(changes, current)), []);
  useEffect(() => {
    // The same handle as the app's bench build (src/app/bench-api.ts, typed in src/app/test-hooks.d.ts).
    window.__canvasApi = {
      setViewport: (v) => void flow.setViewport(v),
      getViewport: () => flow.getViewport(),
      fitView: () => void flow.fitView({ padding: 0.05 }),
    };
    window.__baselineEdit = {
      components: design.components,
      setLabel: (id, label) => setNodes((current) => current.map((node) => (node.id === id ? { ...node, data: { ...node.data, label } } : node))),
    };
    const check = () => {
      if (document.querySelector('.react-flow__node')) requestAnimationFrame(() => performance.mark('ninesmith:canvas-painted'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, [flow]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onlyRenderVisibleElements={cull}
      defaultViewport={openingView}
      minZoom={0.02}
    />
  );
}

const style = box.every(Number.isFinite) ? { left: box[0], top: box[1], width: box[2], height: box[3] } : { left: 0, top: 0, width: '100%', height: '100%' };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <div id="box" style={style}>
      <ReactFlowProvider>
        <Flow />
      </ReactFlowProvider>
    </div>
  </StrictMode>,
);
