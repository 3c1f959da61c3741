/**
 * Orthogonal connection routing around the boxes of a laid-out diagram. The boxes stay where the
 * layout put them (zone columns are fixed, so no layered layout engine may move them); each
 * connection is routed on the grid of the boxes' margins and the channels between them (the
 * orthogonal visibility grid of libavoid and draw.io's orthogonal router) by A* with a cost per
 * bend, then segments that share a channel are spread apart so that every line stays visible and
 * clickable. Pure: tested in Node (route.test.ts, and the no-crossing test over every template).
 */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface RouteRequest {
  id: string;
  from: string;
  to: string;
}

/** How far routes keep from boxes they pass, and how long the straight stub out of a side is. */
export const ROUTE_MARGIN = 12;
/** Distance between parallel lines sharing a channel. */
export const ROUTE_SEPARATION = 8;
const BEND_COST = 48;
/** Segments hugging a box's margin cost more than those along a channel's middle. */
const HUG_FACTOR = 1.6;

/** The sides a connection leaves its source and enters its target by, from their relative places. */
export function portSides(source: Box, target: Box): [Side, Side] {
  const gap = 2 * ROUTE_MARGIN;
  if (target.y >= source.y + source.height + gap) return ['bottom', 'top'];
  if (target.y + target.height <= source.y - gap) return ['top', 'bottom'];
  if (target.x >= source.x + source.width + gap) return ['right', 'left'];
  if (target.x + target.width <= source.x - gap) return ['left', 'right'];
  return target.y >= source.y ? ['bottom', 'top'] : ['top', 'bottom'];
}

/**
 * Where on its side a connection leaves a box: straight across to the other box when their spans
 * overlap (a vertical line from a wide load balancer down to a service under it), else the point
 * of the side nearest the other box.
 */
export function portPoint(box: Box, side: Side, other: Box): Point {
  const inset = Math.min(24, box.width / 4, box.height / 4);
  if (side === 'top' || side === 'bottom') {
    const low = Math.max(box.x + inset, other.x + inset);
    const high = Math.min(box.x + box.width - inset, other.x + other.width - inset);
    const x = low <= high ? (low + high) / 2 : clamp(other.x + other.width / 2, box.x + inset, box.x + box.width - inset);
    return { x: Math.round(x), y: side === 'top' ? box.y : box.y + box.height };
  }
  const low = Math.max(box.y + inset, other.y + inset);
  const high = Math.min(box.y + box.height - inset, other.y + other.height - inset);
  const y = low <= high ? (low + high) / 2 : clamp(other.y + other.height / 2, box.y + inset, box.y + box.height - inset);
  return { x: side === 'left' ? box.x : box.x + box.width, y: Math.round(y) };
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

function stub(point: Point, side: Side): Point {
  if (side === 'top') return { x: point.x, y: point.y - ROUTE_MARGIN };
  if (side === 'bottom') return { x: point.x, y: point.y + ROUTE_MARGIN };
  if (side === 'left') return { x: point.x - ROUTE_MARGIN, y: point.y };
  return { x: point.x + ROUTE_MARGIN, y: point.y };
}

/** A path with a corner at each change of direction: source port, stub, corners, stub, target port. */
export function elbow(source: Box, target: Box): Point[] {
  const [from, to] = portSides(source, target);
  const start = portPoint(source, from, target);
  const end = portPoint(target, to, source);
  const a = stub(start, from);
  const b = stub(end, to);
  const vertical = from === 'top' || from === 'bottom';
  const middle = vertical ? [{ x: a.x, y: (a.y + b.y) / 2 }, { x: b.x, y: (a.y + b.y) / 2 }] : [{ x: (a.x + b.x) / 2, y: a.y }, { x: (a.x + b.x) / 2, y: b.y }];
  return simplify([start, a, ...middle, b, end]);
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size() {
    return this.keys.length;
  }
  push(key: number, value: number) {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0]!;
    const lastKey = keys.pop()!;
    const lastValue = values.pop()!;
    if (keys.length > 0) {
      let i = 0;
      const n = keys.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && keys[right]! < keys[left]! ? right : left;
        if (keys[child]! >= lastKey) break;
        keys[i] = keys[child]!;
        values[i] = values[child]!;
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}

/** What `search` gives for a connection no window can route. */
const ENCLOSED = 'enclosed';

interface Inflated {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Whether a box is in a search's window: a box that is not leaves the window's grid as it is. */
const overlaps = (o: Inflated, window: Inflated) => o.right > window.left && o.left < window.right && o.bottom > window.top && o.top < window.bottom;

const inflate = (box: Box): Inflated => ({ left: box.x - ROUTE_MARGIN, right: box.x + box.width + ROUTE_MARGIN, top: box.y - ROUTE_MARGIN, bottom: box.y + box.height + ROUTE_MARGIN });

/**
 * The grid lines of one axis, sorted and unique: the box margins and the window's edges (`bounds`,
 * sorted here in place), a channel line midway between two neighbouring margins more than two
 * separations apart, and the route's ends (`extra`). `hug` marks the margins that are not ends.
 * One pass over the sorted margins: a midway line lies strictly between its two margins, so the
 * lines come out in order, and only the two ends are looked up. A search of a large design sorts
 * a thousand margins or more, for each of its thousands of connections.
 */
export function gridLines(bounds: Float64Array, extra: readonly [number, number]): { values: number[]; hug: boolean[] } {
  bounds.sort();
  const values: number[] = [];
  const hug: boolean[] = [];
  let previous = NaN;
  for (let k = 0; k < bounds.length; k += 1) {
    const value = bounds[k]!;
    if (value === previous) continue;
    if (values.length > 0 && value - previous > 2 * ROUTE_SEPARATION) {
      values.push(Math.round((previous + value) / 2));
      hug.push(false);
    }
    values.push(value);
    hug.push(true);
    previous = value;
  }
  for (const value of extra) {
    const at = lowerIndex(values, value);
    if (values[at] === value) hug[at] = false;
    else {
      values.splice(at, 0, value);
      hug.splice(at, 0, false);
    }
  }
  return { values, hug };
}

/** The first position in sorted `values` whose value is not below `v`. */
function lowerIndex(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Routes one connection from `start` (leaving by `startSide`) to `end` on the grid around
 * `obstacles`, within `window` (the search area). Undefined when no route exists there; ENCLOSED
 * when none exists in any window: an end strictly inside a box's margins (two boxes closer than
 * twice the margin), from where every step of every grid is blocked, the box's own edges being
 * lines of any grid that holds the end.
 */
function search(obstacles: readonly Inflated[], start: Point, startVertical: boolean, end: Point, endVertical: boolean, window: Inflated): Point[] | typeof ENCLOSED | undefined {
  // The boxes in the window, and their margins on each axis with the window's edges.
  const inside: Inflated[] = [];
  for (let k = 0; k < obstacles.length; k += 1) {
    const o = obstacles[k]!;
    if (overlaps(o, window)) inside.push(o);
  }
  const xBounds = new Float64Array(2 * inside.length + 2);
  const yBounds = new Float64Array(2 * inside.length + 2);
  for (let k = 0; k < inside.length; k += 1) {
    const o = inside[k]!;
    xBounds[2 * k] = o.left;
    xBounds[2 * k + 1] = o.right;
    yBounds[2 * k] = o.top;
    yBounds[2 * k + 1] = o.bottom;
  }
  xBounds[2 * inside.length] = window.left;
  xBounds[2 * inside.length + 1] = window.right;
  yBounds[2 * inside.length] = window.top;
  yBounds[2 * inside.length + 1] = window.bottom;
  const xs = gridLines(xBounds, [start.x, end.x]);
  const ys = gridLines(yBounds, [start.y, end.y]);
  const nx = xs.values.length;
  const ny = ys.values.length;
  const index = (i: number, j: number) => j * nx + i;
  // Blocked vertices and segments: a vertex strictly inside a box; a segment whose middle is.
  const blocked = new Uint8Array(nx * ny);
  const blockedRight = new Uint8Array(nx * ny);
  const blockedDown = new Uint8Array(nx * ny);
  for (const o of inside) {
    const i0 = lowerIndex(xs.values, o.left);
    const i1 = lowerIndex(xs.values, o.right);
    const j0 = lowerIndex(ys.values, o.top);
    const j1 = lowerIndex(ys.values, o.bottom);
    for (let j = j0; j <= j1 && j < ny; j += 1) {
      const y = ys.values[j]!;
      const yInside = y > o.top && y < o.bottom;
      for (let i = i0; i <= i1 && i < nx; i += 1) {
        const x = xs.values[i]!;
        const xInside = x > o.left && x < o.right;
        if (xInside && yInside) blocked[index(i, j)] = 1;
        // The segment to the right of (i, j) lies inside when y is inside and it spans inside x.
        if (yInside && i + 1 < nx && x >= o.left && xs.values[i + 1]! <= o.right) blockedRight[index(i, j)] = 1;
        if (xInside && j + 1 < ny && y >= o.top && ys.values[j + 1]! <= o.bottom) blockedDown[index(i, j)] = 1;
      }
    }
  }
  const si = xs.values.indexOf(start.x);
  const sj = ys.values.indexOf(start.y);
  const ei = xs.values.indexOf(end.x);
  const ej = ys.values.indexOf(end.y);
  if (si < 0 || sj < 0 || ei < 0 || ej < 0) return undefined;
  if (blocked[index(si, sj)] || blocked[index(ei, ej)]) return ENCLOSED;
  // State: vertex * 2 + direction (0 horizontal, 1 vertical).
  const states = nx * ny * 2;
  const cost = new Float64Array(states).fill(Infinity);
  const previous = new Int32Array(states).fill(-1);
  const heap = new MinHeap();
  const startState = index(si, sj) * 2 + (startVertical ? 1 : 0);
  cost[startState] = 0;
  const heuristic = (i: number, j: number) => Math.abs(xs.values[i]! - end.x) + Math.abs(ys.values[j]! - end.y);
  heap.push(heuristic(si, sj), startState);
  const goalVertex = index(ei, ej);
  let reached = -1;
  while (heap.size > 0) {
    const state = heap.pop();
    const vertex = state >> 1;
    const direction = state & 1;
    const here = cost[state]!;
    const i = vertex % nx;
    const j = (vertex - i) / nx;
    if (vertex === goalVertex) {
      reached = state;
      break;
    }
    const relax = (ni: number, nj: number, nextDirection: number, length: number, hug: boolean) => {
      const next = index(ni, nj);
      if (blocked[next] && next !== goalVertex) return;
      let step = length * (hug ? HUG_FACTOR : 1);
      if (nextDirection !== direction) step += BEND_COST;
      if (next === goalVertex && (nextDirection === 1) !== endVertical) step += BEND_COST;
      const nextState = next * 2 + nextDirection;
      const total = here + step;
      if (total < cost[nextState]!) {
        cost[nextState] = total;
        previous[nextState] = state;
        heap.push(total + heuristic(ni, nj), nextState);
      }
    };
    if (i + 1 < nx && !blockedRight[vertex]) relax(i + 1, j, 0, xs.values[i + 1]! - xs.values[i]!, ys.hug[j]!);
    if (i > 0 && !blockedRight[index(i - 1, j)]) relax(i - 1, j, 0, xs.values[i]! - xs.values[i - 1]!, ys.hug[j]!);
    if (j + 1 < ny && !blockedDown[vertex]) relax(i, j + 1, 1, ys.values[j + 1]! - ys.values[j]!, xs.hug[i]!);
    if (j > 0 && !blockedDown[index(i, j - 1)]) relax(i, j - 1, 1, ys.values[j]! - ys.values[j - 1]!, xs.hug[i]!);
  }
  if (reached < 0) return undefined;
  const points: Point[] = [];
  for (let state = reached; state >= 0; state = previous[state]!) {
    const vertex = state >> 1;
    const i = vertex % nx;
    points.push({ x: xs.values[i]!, y: ys.values[(vertex - i) / nx]! });
  }
  return points.reverse();
}

/**
 * Routes every connection between `boxes` (by id) around all the boxes. Returns a polyline per
 * request id: the source port, the corners, the target port. A connection whose ends overlap or
 * that has no route gets a plain elbow.
 */
export function routeConnections(boxes: ReadonlyMap<string, Box>, requests: readonly RouteRequest[]): Map<string, Point[]> {
  return routeAgain(boxes, requests, undefined).routes;
}

/** Routes connections as `routeConnections` does, each call reusing what the last one searched (see `routeAgain`). */
export type Router = (boxes: ReadonlyMap<string, Box>, requests: readonly RouteRequest[]) => Map<string, Point[]>;

/**
 * A router for a diagram that changes a little at a time (the canvas, on each edit): the routes it
 * gives are those of `routeConnections`, and a connection is searched again only when a box that
 * changed (moved, resized, added or removed) overlaps the window its last search looked in (its own
 * boxes are in that window). Up to 400 components the canvas routes every connection on every edit:
 * at 300, searching them all was most of an edit's time.
 */
export function createRouter(): Router {
  let last: Routed | undefined;
  return (boxes, requests) => (last = routeAgain(boxes, requests, last)).routes;
}

/**
 * What one search found for a connection, and what it depended on. Its ends' boxes are in its
 * window, so a change of either is a changed box that overlaps it.
 */
interface Searched {
  readonly from: string;
  readonly to: string;
  /** Where the search looked: a box that overlaps it could change the route. */
  readonly window: Inflated;
  /** Searched over the whole diagram (its own window held no route): any change of a box can change it. */
  readonly whole: boolean;
  readonly points: Point[];
}

export interface Routed {
  /** How many connections were searched (not reused). */
  readonly fresh: number;
  /** Each box with its margins, by id, as routed. */
  readonly inflated: ReadonlyMap<string, Inflated>;
  readonly searched: ReadonlyMap<string, Searched>;
  readonly routes: Map<string, Point[]>;
}

const sameInflated = (a: Inflated, b: Inflated) => a.left === b.left && a.right === b.right && a.top === b.top && a.bottom === b.bottom;

/**
 * Routes `requests`; with `previous` (the last call's, as `createRouter` keeps it), reuses the
 * search of each connection that nothing changed could reach. A search depends only on its ends' boxes, the window they make and
 * the boxes that overlap that window (the others never enter its grid), so a reused route is the
 * route searching again would find. The spreading of shared lines (`nudge`) runs over every route.
 */
export function routeAgain(boxes: ReadonlyMap<string, Box>, requests: readonly RouteRequest[], previous: Routed | undefined): Routed {
  const inflated = new Map<string, Inflated>();
  for (const [id, box] of boxes) inflated.set(id, inflate(box));
  const all = [...inflated.values()];
  // The boxes that changed since the last call, as they were and as they are.
  const changed: Inflated[] = [];
  if (previous) {
    for (const [id, now] of inflated) {
      const before = previous.inflated.get(id);
      if (before && sameInflated(before, now)) continue;
      changed.push(now);
      if (before) changed.push(before);
    }
    for (const [id, before] of previous.inflated) if (!inflated.has(id)) changed.push(before);
  }
  // Every box's margins together: the window of a route that its own window cannot hold.
  const around: Inflated = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (const o of all) {
    around.left = Math.min(around.left, o.left);
    around.right = Math.max(around.right, o.right);
    around.top = Math.min(around.top, o.top);
    around.bottom = Math.max(around.bottom, o.bottom);
  }
  const searched = new Map<string, Searched>();
  const routes = new Map<string, Point[]>();
  let fresh = 0;
  for (const request of requests) {
    const source = boxes.get(request.from);
    const target = boxes.get(request.to);
    if (!source || !target) continue;
    const known = previous?.searched.get(request.id);
    if (
      known &&
      known.from === request.from &&
      known.to === request.to &&
      (known.whole ? changed.length === 0 : !changed.some((o) => overlaps(o, known.window)))
    ) {
      searched.set(request.id, known);
      routes.set(request.id, known.points);
      continue;
    }
    fresh += 1;
    const [fromSide, toSide] = portSides(source, target);
    const start = portPoint(source, fromSide, target);
    const end = portPoint(target, toSide, source);
    const a = stub(start, fromSide);
    const b = stub(end, toSide);
    const vertical = (side: Side) => side === 'top' || side === 'bottom';
    // The ends' own boxes are obstacles too (a route must not cut back through its source), but
    // the stubs sit on their margins, which a route may use.
    const margin = 240;
    let window: Inflated = {
      left: Math.min(a.x, b.x, source.x, target.x) - margin,
      right: Math.max(a.x, b.x, source.x + source.width, target.x + target.width) + margin,
      top: Math.min(a.y, b.y, source.y, target.y) - margin,
      bottom: Math.max(a.y, b.y, source.y + source.height, target.y + target.height) + margin,
    };
    let path = search(all, a, vertical(fromSide), b, vertical(toSide), window);
    // Not in the window: the whole diagram (a connection enclosed at an end has no route anywhere).
    const whole = path === undefined;
    if (whole) {
      window = {
        left: Math.min(window.left, around.left) - margin,
        right: Math.max(window.right, around.right) + margin,
        top: Math.min(window.top, around.top) - margin,
        bottom: Math.max(window.bottom, around.bottom) + margin,
      };
      path = search(all, a, vertical(fromSide), b, vertical(toSide), window);
    }
    const points = path !== undefined && path !== ENCLOSED ? simplify([start, ...path, end]) : elbow(source, target);
    searched.set(request.id, { from: request.from, to: request.to, window, whole, points });
    routes.set(request.id, points);
  }
  return { fresh, inflated, searched, routes: nudge(routes, boxes, requests) };
}

interface Segment {
  route: string;
  index: number;
  vertical: boolean;
  at: number;
  low: number;
  high: number;
}

/**
 * Spreads apart segments of different routes that run along the same line and overlap, so each
 * stays visible and can be clicked: within a group they get offsets a few pixels apart, centred
 * on the line. A segment that ends at a box's side (a port) moves along that side.
 */
function nudge(routes: Map<string, Point[]>, boxes: ReadonlyMap<string, Box>, requests: readonly RouteRequest[]): Map<string, Point[]> {
  const segments: Segment[] = [];
  for (const [route, points] of routes) {
    for (let index = 0; index + 1 < points.length; index += 1) {
      const p = points[index]!;
      const q = points[index + 1]!;
      if (p.x === q.x && p.y !== q.y) segments.push({ route, index, vertical: true, at: p.x, low: Math.min(p.y, q.y), high: Math.max(p.y, q.y) });
      else if (p.y === q.y && p.x !== q.x) segments.push({ route, index, vertical: false, at: p.y, low: Math.min(p.x, q.x), high: Math.max(p.x, q.x) });
    }
  }
  const groups = new Map<string, Segment[]>();
  for (const segment of segments) {
    const key = `${segment.vertical ? 'v' : 'h'}${segment.at}`;
    const group = groups.get(key);
    if (group) group.push(segment);
    else groups.set(key, [segment]);
  }
  const offsets = new Map<string, number>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => a.low - b.low || a.high - b.high || a.route.localeCompare(b.route));
    // Clusters of overlapping segments (from different routes) share the line: spread each cluster.
    let cluster: Segment[] = [];
    let clusterHigh = -Infinity;
    const flush = () => {
      const routesInCluster = [...new Set(cluster.map((s) => s.route))];
      if (routesInCluster.length > 1) {
        const step = Math.min(ROUTE_SEPARATION, (2 * (ROUTE_MARGIN - 2)) / (routesInCluster.length - 1));
        routesInCluster.forEach((route, k) => {
          const offset = Math.round((k - (routesInCluster.length - 1) / 2) * step);
          for (const s of cluster) if (s.route === route) offsets.set(`${s.route}#${s.index}`, offset);
        });
      }
      cluster = [];
      clusterHigh = -Infinity;
    };
    for (const segment of group) {
      if (segment.low >= clusterHigh) flush();
      cluster.push(segment);
      clusterHigh = Math.max(clusterHigh, segment.high);
    }
    flush();
  }
  if (offsets.size === 0) return routes;
  const ends = new Map(requests.map((r) => [r.id, r]));
  const result = new Map<string, Point[]>();
  for (const [route, original] of routes) {
    const points = original.map((p) => ({ ...p }));
    for (let index = 0; index + 1 < original.length; index += 1) {
      const offset = offsets.get(`${route}#${index}`);
      if (!offset) continue;
      const p = original[index]!;
      const q = original[index + 1]!;
      const vertical = p.x === q.x;
      for (const k of [index, index + 1]) {
        if (vertical) points[k]!.x = original[k]!.x + offset;
        else points[k]!.y = original[k]!.y + offset;
      }
    }
    // A port moved off the end of its side is pulled back onto it.
    const request = ends.get(route);
    const source = request ? boxes.get(request.from) : undefined;
    const target = request ? boxes.get(request.to) : undefined;
    if (source) keepOnSide(points, 0, 1, source);
    if (target) keepOnSide(points, points.length - 1, points.length - 2, target);
    result.set(route, points);
  }
  return result;
}

function keepOnSide(points: Point[], port: number, next: number, box: Box) {
  const p = points[port];
  const q = points[next];
  if (!p || !q) return;
  if (p.x === q.x) {
    const x = clamp(p.x, box.x + 4, box.x + box.width - 4);
    p.x = x;
    q.x = x;
  } else if (p.y === q.y) {
    const y = clamp(p.y, box.y + 4, box.y + box.height - 4);
    p.y = y;
    q.y = y;
  }
}
