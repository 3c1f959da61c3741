import type { ElkNode } from 'elkjs/lib/elk-api';
import { componentZones, type Design, type LayoutPoint } from '../../model';
import { LANE_LABEL_WIDTH, MIN_LANE_HEIGHT, MIN_REGION_BODY_WIDTH, NODE_HEIGHT, NODE_WIDTH, REGION_HEADER, REGION_PADDING } from './geometry';

/**
 * Automatic layout with elkjs, in two passes that respect regions and zones:
 *
 * 1. Inside each region, ELK's layered algorithm (left to right, following the connections
 *    among the region's components) decides the columns. Each component is then centred on its
 *    zones' lanes: a component in one zone sits in that zone's lane, one that spans zones sits
 *    across them. Components that would overlap in a column wrap onto a sub-column.
 * 2. At the top level, ELK lays out the global components (users, DNS, CDN...) around the
 *    region boxes, as fixed-size nodes, following the connections between them, top to bottom
 *    (the regions are wide, so the design as a whole stays near the shape of a screen).
 *
 * ELK is loaded with a dynamic import on first use, so it is not in the initial bundle.
 */

const COLUMN_GAP = 56;
const NODE_GAP = 16;
type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elkPromise: Promise<Elk> | undefined;

async function loadElk(): Promise<Elk> {
  elkPromise ??= import('elkjs/lib/elk.bundled.js').then((module) => {
    const ELK = module.default;
    return new ELK() as unknown as Elk;
  });
  return elkPromise;
}

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

export interface MemberOrder {
  id: string;
  /** Lane indexes of the component's zones within its region. */
  lanes: readonly number[];
  /** ELK's column (layer) and position within the column. */
  column: number;
  order: number;
}

/**
 * Places a region's components into columns and lanes (pure; positions relative to the region's
 * top-left corner). Exported for tests.
 */
export function placeInLanes(members: readonly MemberOrder[], laneCount: number): { positions: Record<string, LayoutPoint>; width: number; height: number } {
  const laneHeight = MIN_LANE_HEIGHT;
  const lanesTop = REGION_HEADER;
  const positions: Record<string, LayoutPoint> = {};
  const columns = new Map<number, MemberOrder[]>();
  for (const member of members) {
    const column = columns.get(member.column);
    if (column) column.push(member);
    else columns.set(member.column, [member]);
  }
  let left = LANE_LABEL_WIDTH + REGION_PADDING;
  let bottom = lanesTop + Math.max(1, laneCount) * laneHeight;
  for (const columnKey of [...columns.keys()].sort((a, b) => a - b)) {
    const column = columns.get(columnKey)!.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    const subColumns: { top: number; bottom: number }[][] = [];
    for (const member of column) {
      const lanes = member.lanes.length > 0 ? member.lanes : [0];
      const centre = lanesTop + lanes.reduce((sum, lane) => sum + (lane + 0.5) * laneHeight, 0) / lanes.length;
      const top = Math.round(centre - NODE_HEIGHT / 2);
      const span = { top: top - NODE_GAP / 2, bottom: top + NODE_HEIGHT + NODE_GAP / 2 };
      let index = subColumns.findIndex((taken) => taken.every((t) => span.bottom <= t.top || span.top >= t.bottom));
      if (index < 0) {
        index = subColumns.length;
        subColumns.push([]);
      }
      subColumns[index]!.push(span);
      positions[member.id] = { x: left + index * (NODE_WIDTH + COLUMN_GAP), y: top };
      bottom = Math.max(bottom, top + NODE_HEIGHT + REGION_PADDING);
    }
    left += subColumns.length * (NODE_WIDTH + COLUMN_GAP);
  }
  return { positions, width: Math.max(left - COLUMN_GAP + REGION_PADDING, LANE_LABEL_WIDTH + MIN_REGION_BODY_WIDTH), height: bottom };
}

/** Lays out a whole design; returns a position for every component and every region's corner. */
export async function computeLayout(design: Pick<Design, 'regions' | 'components' | 'connections'>): Promise<Record<string, LayoutPoint>> {
  const elk = await loadElk();
  const regionOf = new Map(design.components.map((c) => [c.id, c.region]));

  // Pass 1: rows inside each region.
  const interiors = new Map<string, { positions: Record<string, LayoutPoint>; width: number; height: number }>();
  for (const region of design.regions) {
    const members = design.components.filter((c) => c.region === region.id);
    const memberIds = new Set(members.map((c) => c.id));
    const graph: ElkNode = {
      id: `region:${region.id}`,
      layoutOptions: LAYERED,
      children: members.map((c) => ({ id: c.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      edges: design.connections
        .filter((c) => memberIds.has(c.from) && memberIds.has(c.to))
        .map((c, index) => ({ id: `e${index}`, sources: [c.from], targets: [c.to] })),
    };
    const laidOut = members.length > 0 ? await elk.layout(graph) : graph;
    const columnsByX = [...new Set((laidOut.children ?? []).map((child) => Math.round(child.x ?? 0)))].sort((a, b) => a - b);
    const order: MemberOrder[] = (laidOut.children ?? []).map((child) => {
      const component = members.find((c) => c.id === child.id)!;
      return {
        id: child.id,
        lanes: componentZones(design, component).map((z) => region.zones.indexOf(z)).filter((i) => i >= 0),
        column: columnsByX.indexOf(Math.round(child.x ?? 0)),
        order: child.y ?? 0,
      };
    });
    interiors.set(region.id, placeInLanes(order, region.zones.length));
  }

  // Pass 2: regions as fixed boxes, global components around them.
  const topId = (componentId: string) => {
    const region = regionOf.get(componentId);
    return region === undefined ? componentId : `region:${region}`;
  };
  const seen = new Set<string>();
  const edges: NonNullable<ElkNode['edges']> = [];
  for (const c of design.connections) {
    const from = topId(c.from);
    const to = topId(c.to);
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `t${edges.length}`, sources: [from], targets: [to] });
  }
  const root: ElkNode = {
    id: 'root',
    layoutOptions: { ...LAYERED, 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '64', 'elk.layered.spacing.nodeNodeBetweenLayers': '64' },
    children: [
      ...design.components.filter((c) => c.region === undefined).map((c) => ({ id: c.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
      ...design.regions.map((r) => ({ id: `region:${r.id}`, width: interiors.get(r.id)!.width, height: interiors.get(r.id)!.height })),
    ],
    edges,
  };
  const top = await elk.layout(root);
  const result: Record<string, LayoutPoint> = {};
  for (const child of top.children ?? []) {
    const x = Math.round(child.x ?? 0);
    const y = Math.round(child.y ?? 0);
    if (!child.id.startsWith('region:')) {
      result[child.id] = { x, y };
      continue;
    }
    const regionId = child.id.slice('region:'.length);
    result[regionId] = { x, y };
    for (const [id, at] of Object.entries(interiors.get(regionId)!.positions)) result[id] = { x: x + at.x, y: y + at.y };
  }
  return result;
}
