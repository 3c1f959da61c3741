import { componentZones, type Component, type Design, type LayoutPoint } from '../model';
import { bandOf, placeOf } from './kinds';
import {
  buildScene,
  COLUMN_GAP,
  firstRowTop,
  freeY,
  memberColumn,
  networkCentreX,
  NODE_HEIGHT,
  NODE_WIDTH,
  REGION_GAP,
  regionWidth,
  ROW_GAP,
  type Positions,
  type Rect,
} from './geometry';

/**
 * The automatic layout: a reference-architecture arrangement computed from the document.
 *
 * - Above: the users and the global edge services in request order (users, DNS, CDN, WAF).
 * - Below them, the regions side by side. Inside each, rows follow the request path down by layer
 *   (edge, app, async, data, storage): ELK's layered algorithm (direction down, one partition per
 *   layer) decides the rows and the order within them from the region's connections, and each
 *   component is then set in the columns of its zones; components whose zones overlap in one row
 *   get a row each. Managed services take the row ELK gives them in their side column; security and
 *   operations services stack in the last column.
 * - To the right of the regions: global security and operations services, then external systems.
 *
 * `elk-layout.ts` loads ELK for the rows (the canvas's opening layout and "Tidy up");
 * `completePositions` does the same without ELK (synchronously, in model order) for components
 * that have no position yet, and for designs too large to lay out with ELK at once.
 */

/** Where each component goes in the grid: its row within its region (request-path components) and its order. */
export interface Ordering {
  row: ReadonlyMap<string, number>;
  order: ReadonlyMap<string, number>;
}

export type LayoutDesign = Pick<Design, 'regions' | 'components' | 'connections'>;

/** Components that take part in the request path's rows of a region (not its security and operations column). */
export const inRows = (c: Component) => {
  const place = placeOf(c);
  return place === 'network' || place === 'service';
};

/** Orders the global edge services along their connections (users first), otherwise in model order. */
function topOrder(design: LayoutDesign, top: readonly Component[]): Map<string, number> {
  const ids = new Set(top.map((c) => c.id));
  const incoming = new Map(top.map((c) => [c.id, 0]));
  const next = new Map<string, string[]>();
  for (const c of design.connections) {
    if (!ids.has(c.from) || !ids.has(c.to) || c.from === c.to) continue;
    incoming.set(c.to, (incoming.get(c.to) ?? 0) + 1);
    next.set(c.from, [...(next.get(c.from) ?? []), c.to]);
  }
  const order = new Map<string, number>();
  const ready = top.filter((c) => incoming.get(c.id) === 0 || c.kind === 'users').map((c) => c.id);
  const queue = [...new Set(ready)].sort((a, b) => (a === 'users' ? -1 : b === 'users' ? 1 : 0));
  while (order.size < top.length) {
    const id = queue.shift() ?? top.find((c) => !order.has(c.id))!.id;
    if (order.has(id)) continue;
    order.set(id, order.size);
    for (const to of next.get(id) ?? []) {
      incoming.set(to, (incoming.get(to) ?? 1) - 1);
      if (incoming.get(to)! <= 0 && !order.has(to)) queue.push(to);
    }
  }
  return order;
}

/** Rows without ELK: by layer band, then by depth along the region's connections within the band. */
export function simpleOrdering(design: LayoutDesign): Ordering {
  const row = new Map<string, number>();
  const order = new Map<string, number>();
  design.components.forEach((c, index) => order.set(c.id, index));
  const byRegion = new Map<string, Component[]>();
  for (const c of design.components) if (c.region !== undefined && inRows(c)) byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c]);
  for (const members of byRegion.values()) {
    const ids = new Set(members.map((m) => m.id));
    const band = new Map(members.map((m) => [m.id, bandOf(m.kind)]));
    const predecessors = new Map<string, string[]>();
    for (const c of design.connections) {
      if (!ids.has(c.from) || !ids.has(c.to) || c.from === c.to) continue;
      if (band.get(c.from) !== band.get(c.to)) continue;
      predecessors.set(c.to, [...(predecessors.get(c.to) ?? []), c.from]);
    }
    const depth = new Map<string, number>();
    const visiting = new Set<string>();
    const depthOf = (id: string): number => {
      const known = depth.get(id);
      if (known !== undefined) return known;
      if (visiting.has(id)) return 0;
      visiting.add(id);
      const d = Math.max(0, ...(predecessors.get(id) ?? []).map((p) => depthOf(p) + 1));
      visiting.delete(id);
      depth.set(id, d);
      return d;
    };
    const keys = [...new Set(members.map((m) => band.get(m.id)! * 1000 + depthOf(m.id)))].sort((a, b) => a - b);
    for (const m of members) row.set(m.id, keys.indexOf(band.get(m.id)! * 1000 + depthOf(m.id)));
  }
  return { row, order };
}

/** Positions for every component and a corner for every region, from an ordering (see the module comment). */
export function gridLayout(design: LayoutDesign, ordering: Ordering): Record<string, LayoutPoint> {
  const positions: Record<string, LayoutPoint> = {};
  const orderOf = (c: Component) => ordering.order.get(c.id) ?? 0;
  const byOrder = (a: Component, b: Component) => orderOf(a) - orderOf(b) || a.id.localeCompare(b.id);
  const global = design.components.filter((c) => c.region === undefined || !design.regions.some((r) => r.id === c.region));
  const top = global.filter((c) => placeOf({ kind: c.kind, region: undefined }) === 'top');
  const topRank = topOrder(design, top);
  top.sort((a, b) => topRank.get(a.id)! - topRank.get(b.id)!);
  const regionsTop = top.length > 0 ? NODE_HEIGHT + 112 : 0;

  let cursor = 0;
  let firstNetworkCentre: number | undefined;
  for (const region of design.regions) {
    const members = design.components.filter((c) => c.region === region.id);
    const anchor = { x: cursor, y: regionsTop };
    positions[region.id] = anchor;
    const sideKinds = (['service', 'region-side'] as const).filter((kind) => members.some((m) => placeOf(m) === kind));
    const column = (c: Component) => memberColumn(region, anchor.x, sideKinds, c, componentZones(design, c));
    const rows = new Map<number, Component[]>();
    for (const m of members.filter(inRows)) rows.set(ordering.row.get(m.id) ?? 0, [...(rows.get(ordering.row.get(m.id) ?? 0) ?? []), m]);
    let y = firstRowTop(anchor.y);
    for (const key of [...rows.keys()].sort((a, b) => a - b)) {
      const inRow = rows.get(key)!.sort(byOrder);
      // Sub-rows: components whose zone spans overlap cannot share one; services stack in their column.
      const taken: { x: number; right: number }[][] = [];
      let services = 0;
      for (const m of inRow) {
        const { x, width } = column(m);
        let sub: number;
        if (placeOf(m) === 'service') sub = services++;
        else {
          sub = taken.findIndex((spans) => spans.every((s) => x + width <= s.x || x >= s.right));
          if (sub < 0) sub = taken.push([]) - 1;
          taken[sub]!.push({ x, right: x + width });
        }
        positions[m.id] = { x, y: y + sub * (NODE_HEIGHT + ROW_GAP) };
      }
      y += Math.max(1, taken.length, services) * (NODE_HEIGHT + ROW_GAP);
    }
    members
      .filter((m) => !inRows(m))
      .sort(byOrder)
      .forEach((m, index) => (positions[m.id] = { x: column(m).x, y: firstRowTop(anchor.y) + index * (NODE_HEIGHT + ROW_GAP) }));
    const width = regionWidth(region, members);
    firstNetworkCentre ??= networkCentreX(region, anchor.x);
    cursor += width + REGION_GAP;
  }

  // Beside the regions: global security and operations (and anything else global), then external systems.
  const sideTop = regionsTop + (design.regions.length > 0 ? firstRowTop(0) : 0);
  let sideX = design.regions.length > 0 ? cursor - REGION_GAP + COLUMN_GAP : 0;
  // Further groups of users stand above the first, so the row is one request path wide however many
  // entry points lead into it (the first view fits the request path across the canvas).
  const entries = top.filter((c) => c.kind === 'users');
  const row = top.filter((c) => c.kind !== 'users' || c === entries[0]);
  const topWidth = row.length * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP;
  if (design.regions.length === 0 && top.length > 0) sideX = topWidth + COLUMN_GAP;
  for (const place of ['side', 'external'] as const) {
    const list = global.filter((c) => c.region === undefined && placeOf({ kind: c.kind, region: undefined }) === place).sort(byOrder);
    if (list.length === 0) continue;
    list.forEach((c, index) => (positions[c.id] = { x: sideX, y: sideTop + index * (NODE_HEIGHT + ROW_GAP) }));
    sideX += NODE_WIDTH + COLUMN_GAP;
  }
  // Components in a region the design does not have: with the side services.
  for (const c of global) positions[c.id] ??= { x: sideX, y: sideTop };

  // The edge services above, centred over the first region's network (the request path flows down into it).
  const topLeft = firstNetworkCentre === undefined ? 0 : Math.round(firstNetworkCentre - topWidth / 2);
  row.forEach((c, index) => (positions[c.id] = { x: topLeft + index * (NODE_WIDTH + COLUMN_GAP), y: 0 }));
  entries.slice(1).forEach((c, index) => (positions[c.id] = { x: positions[entries[0]!.id]!.x, y: -(index + 1) * (NODE_HEIGHT + ROW_GAP) }));
  return positions;
}

/**
 * The positions with a place for every component: those missing (added by a panel, pasted from a
 * file without positions, or a whole design without a layout) get the automatic layout's place,
 * moved down until they clear what is already placed. Returns `layout` itself when nothing is missing.
 */
export function completePositions(design: LayoutDesign, layout: Positions): Positions {
  const missing = design.components.filter((c) => layout[c.id] === undefined);
  const regionsMissing = design.regions.filter((r) => layout[r.id] === undefined);
  if (missing.length === 0 && (regionsMissing.length === 0 || Object.keys(layout).length > 0)) return layout;
  const grid = gridLayout(design, simpleOrdering(design));
  if (Object.keys(layout).length === 0) return grid;
  const filled: Record<string, LayoutPoint> = { ...layout };
  for (const c of missing) filled[c.id] = grid[c.id]!;
  // The boxes as drawn with the missing ones at their automatic places; those then move down clear of the rest.
  const scene = buildScene(design, filled, { route: false });
  const missingIds = new Set(missing.map((c) => c.id));
  const boxes: Rect[] = scene.nodes.filter((n) => !missingIds.has(n.id));
  for (const c of missing) {
    const node = scene.nodeById.get(c.id)!;
    const y = freeY(node, boxes, ROW_GAP / 2);
    filled[c.id] = { x: node.x, y };
    boxes.push({ ...node, y });
  }
  return filled;
}
