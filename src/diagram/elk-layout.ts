import type { ElkNode } from 'elkjs/lib/elk-api';
import { componentZones, type LayoutPoint } from '../model';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry';
import { bandOf } from './kinds';
import { gridLayout, inRows, simpleOrdering, type LayoutDesign, type Ordering } from './layout';

/**
 * The automatic layout with ELK deciding the rows (see layout.ts). Kept apart from the rest of the
 * diagram so that only what lays designs out interactively (the canvas) loads ELK: the command line
 * and the generators place components without a position with the same grid, in model order.
 */

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elkPromise: Promise<Elk> | undefined;

async function loadElk(): Promise<Elk> {
  elkPromise ??= import('elkjs/lib/elk.bundled.js').then((module) => {
    const ELK = (module as unknown as { default: new () => Elk }).default;
    return new ELK();
  });
  return elkPromise;
}

/** Rows from ELK's layered algorithm, per region, with one partition per layer band. */
export async function elkOrdering(design: LayoutDesign): Promise<Ordering> {
  const elk = await loadElk();
  const { row, order } = simpleOrdering(design);
  const rows = new Map(row);
  for (const region of design.regions) {
    const members = design.components.filter((c) => c.region === region.id && inRows(c));
    if (members.length === 0) continue;
    const ids = new Set(members.map((m) => m.id));
    const graph: ElkNode = {
      id: `region:${region.id}`,
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.partitioning.activate': 'true',
        // One drawing for the whole region: separately packed pieces would each start their own layers.
        'elk.separateConnectedComponents': 'false',
        'elk.spacing.nodeNode': '40',
        'elk.layered.spacing.nodeNodeBetweenLayers': '40',
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
        'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
        'elk.randomSeed': '1',
      },
      children: members.map((m) => ({
        id: m.id,
        width: NODE_WIDTH * Math.max(1, componentZones(design, m).length),
        height: NODE_HEIGHT,
        layoutOptions: { 'elk.partitioning.partition': String(bandOf(m.kind)) },
      })),
      edges: design.connections
        .filter((c) => ids.has(c.from) && ids.has(c.to) && c.from !== c.to && c.mode !== 'backup')
        .map((c, index) => ({ id: `e${index}`, sources: [c.from], targets: [c.to] })),
    };
    const laidOut = await elk.layout(graph);
    const ys = [...new Set((laidOut.children ?? []).map((child) => Math.round(child.y ?? 0)))].sort((a, b) => a - b);
    // ELK decides the rows; within a row each component goes to its own zones' columns, and where
    // spans overlap, model order decides which comes first (it is the order the author wrote).
    for (const child of laidOut.children ?? []) rows.set(child.id, ys.indexOf(Math.round(child.y ?? 0)));
  }
  return { row: rows, order };
}

/** The automatic layout with ELK (async: ELK is loaded on first use). */
export async function autoLayout(design: LayoutDesign): Promise<Record<string, LayoutPoint>> {
  return gridLayout(design, await elkOrdering(design));
}

