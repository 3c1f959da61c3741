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

/**
 * A binary min-heap of states by cost, in typed arrays kept from search to search. Which of two
 * states of equal cost comes first depends on this exact sifting, and with it which of two routes
 * of equal cost a search returns: a change here changes routes.
 */
class MinHeap {
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024);
  size = 0;
  /** Empties the heap; arrays grown past KEPT_HEAP_ENTRIES by a large search are let go. */
  clear() {
    this.size = 0;
    if (this.keys.length > KEPT_HEAP_ENTRIES) {
      this.keys = new Float64Array(1024);
      this.values = new Int32Array(1024);
    }
  }
  push(key: number, value: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(2 * this.size);
      const values = new Int32Array(2 * this.size);
      keys.set(this.keys);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    const keys = this.keys;
    const values = this.values;
    let i = this.size;
    this.size += 1;
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
    this.size -= 1;
    const n = this.size;
    if (n > 0) {
      const lastKey = keys[n]!;
      const lastValue = values[n]!;
      let i = 0;
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

/** What a grid vertex's flags say (`SearchScratch.flags`): the vertex, the segment to its right, the segment below it. */
const BLOCKED = 1;
const BLOCKED_RIGHT = 2;
const BLOCKED_DOWN = 4;

/**
 * The arrays a search works in, kept from one search to the next (a search runs to its end before
 * another starts). An entry belongs to the current search only when its stamp is the search's, so a
 * search neither makes nor fills arrays the size of its grid: it writes the vertices its boxes
 * block and the states it reaches. A search of the canvas takes states off its heap about a sixth
 * as many times as its grid has vertices, and an edit at 300 components searches tens of
 * connections again, each of which made and filled five arrays of every vertex or state.
 */
class SearchScratch {
  /** The current search's stamp; 0 is no search's. */
  private epoch = 0;
  /** Per vertex: the stamp of the search that wrote its flags. */
  readonly vertexStamps: Int32Array;
  /** Per vertex: BLOCKED, BLOCKED_RIGHT, BLOCKED_DOWN. */
  readonly flags: Uint8Array;
  /** Per state (vertex * 2 + direction): the stamp of the search that reached it. */
  readonly stateStamps: Int32Array;
  /** Per state: the cost of the cheapest way found to it, and the state it came from. */
  readonly costs: Float64Array;
  readonly previous: Int32Array;
  readonly heap = new MinHeap();

  constructor(readonly vertices: number) {
    this.vertexStamps = new Int32Array(vertices);
    this.flags = new Uint8Array(vertices);
    this.stateStamps = new Int32Array(2 * vertices);
    this.costs = new Float64Array(2 * vertices);
    this.previous = new Int32Array(2 * vertices);
  }

  /** A new search's stamp, with an empty heap. */
  begin(): number {
    if (this.epoch === 0x7fffffff) {
      this.vertexStamps.fill(0);
      this.stateStamps.fill(0);
      this.epoch = 0;
    }
    this.heap.clear();
    return (this.epoch += 1);
  }
}

/**
 * The largest grid whose scratch arrays are kept (37 bytes a vertex: under 5 MB): the canvas's
 * searches (up to 400 components) stay well under it; a larger one, as the whole-diagram fallback
 * of a large design's export can be, gets arrays of its own that go when it ends.
 */
const KEPT_SCRATCH_VERTICES = 1 << 17;
/** The most heap entries (12 bytes each) kept from one search to the next. */
const KEPT_HEAP_ENTRIES = 1 << 18;
let keptScratch: SearchScratch | undefined;

function scratchFor(vertices: number): SearchScratch {
  if (vertices > KEPT_SCRATCH_VERTICES) return new SearchScratch(vertices);
  if (keptScratch === undefined || keptScratch.vertices < vertices) {
    // Grown to twice the last size at least, so a few searches of growing grids do not each make new arrays.
    keptScratch = new SearchScratch(Math.min(KEPT_SCRATCH_VERTICES, Math.max(vertices, 2 * (keptScratch?.vertices ?? 0), 4096)));
  }
  return keptScratch;
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
  const xv = xs.values;
  const yv = ys.values;
  const nx = xv.length;
  const ny = yv.length;
  const scratch = scratchFor(nx * ny);
  const stamp = scratch.begin();
  const { vertexStamps, flags, stateStamps, costs, previous, heap } = scratch;
  // Blocked vertices and segments (vertex j * nx + i): a vertex strictly inside a box; a segment whose middle is.
  for (const o of inside) {
    const i0 = lowerIndex(xv, o.left);
    const i1 = lowerIndex(xv, o.right);
    const j0 = lowerIndex(yv, o.top);
    const j1 = lowerIndex(yv, o.bottom);
    for (let j = j0; j <= j1 && j < ny; j += 1) {
      const y = yv[j]!;
      const yInside = y > o.top && y < o.bottom;
      for (let i = i0; i <= i1 && i < nx; i += 1) {
        const x = xv[i]!;
        const xInside = x > o.left && x < o.right;
        let bits = 0;
        if (xInside && yInside) bits |= BLOCKED;
        // The segment to the right of (i, j) lies inside when y is inside and it spans inside x.
        if (yInside && i + 1 < nx && x >= o.left && xv[i + 1]! <= o.right) bits |= BLOCKED_RIGHT;
        if (xInside && j + 1 < ny && y >= o.top && yv[j + 1]! <= o.bottom) bits |= BLOCKED_DOWN;
        if (bits === 0) continue;
        const vertex = j * nx + i;
        if (vertexStamps[vertex] === stamp) flags[vertex]! |= bits;
        else {
          vertexStamps[vertex] = stamp;
          flags[vertex] = bits;
        }
      }
    }
  }
  const flagsOf = (vertex: number) => (vertexStamps[vertex] === stamp ? flags[vertex]! : 0);
  const si = xv.indexOf(start.x);
  const sj = yv.indexOf(start.y);
  const ei = xv.indexOf(end.x);
  const ej = yv.indexOf(end.y);
  if (si < 0 || sj < 0 || ei < 0 || ej < 0) return undefined;
  const goalVertex = ej * nx + ei;
  if (flagsOf(sj * nx + si) & BLOCKED || flagsOf(goalVertex) & BLOCKED) return ENCLOSED;
  // State: vertex * 2 + direction (0 horizontal, 1 vertical); its cost is Infinity until this search reaches it.
  const startState = (sj * nx + si) * 2 + (startVertical ? 1 : 0);
  stateStamps[startState] = stamp;
  costs[startState] = 0;
  previous[startState] = -1;
  heap.push(Math.abs(xv[si]! - end.x) + Math.abs(yv[sj]! - end.y), startState);
  let reached = -1;
  while (heap.size > 0) {
    const state = heap.pop();
    const vertex = state >> 1;
    const direction = state & 1;
    const here = costs[state]!;
    const i = vertex % nx;
    const j = (vertex - i) / nx;
    if (vertex === goalVertex) {
      reached = state;
      break;
    }
    // The four steps, right, left, down and up, in that order (the order decides between routes of equal cost).
    for (let side = 0; side < 4; side += 1) {
      let ni: number;
      let nj: number;
      let length: number;
      let hug: boolean;
      if (side === 0) {
        if (i + 1 >= nx || flagsOf(vertex) & BLOCKED_RIGHT) continue;
        ni = i + 1;
        nj = j;
        length = xv[i + 1]! - xv[i]!;
        hug = ys.hug[j]!;
      } else if (side === 1) {
        if (i <= 0 || flagsOf(vertex - 1) & BLOCKED_RIGHT) continue;
        ni = i - 1;
        nj = j;
        length = xv[i]! - xv[i - 1]!;
        hug = ys.hug[j]!;
      } else if (side === 2) {
        if (j + 1 >= ny || flagsOf(vertex) & BLOCKED_DOWN) continue;
        ni = i;
        nj = j + 1;
        length = yv[j + 1]! - yv[j]!;
        hug = xs.hug[i]!;
      } else {
        if (j <= 0 || flagsOf(vertex - nx) & BLOCKED_DOWN) continue;
        ni = i;
        nj = j - 1;
        length = yv[j]! - yv[j - 1]!;
        hug = xs.hug[i]!;
      }
      const nextDirection = side < 2 ? 0 : 1;
      const next = nj * nx + ni;
      if (flagsOf(next) & BLOCKED && next !== goalVertex) continue;
      let step = length * (hug ? HUG_FACTOR : 1);
      if (nextDirection !== direction) step += BEND_COST;
      if (next === goalVertex && (nextDirection === 1) !== endVertical) step += BEND_COST;
      const nextState = next * 2 + nextDirection;
      const total = here + step;
      if (stateStamps[nextState] !== stamp || total < costs[nextState]!) {
        stateStamps[nextState] = stamp;
        costs[nextState] = total;
        previous[nextState] = state;
        heap.push(total + (Math.abs(xv[ni]! - end.x) + Math.abs(yv[nj]! - end.y)), nextState);
      }
    }
  }
  if (reached < 0) return undefined;
  const points: Point[] = [];
  for (let state = reached; state >= 0; state = previous[state]!) {
    const vertex = state >> 1;
    const i = vertex % nx;
    points.push({ x: xv[i]!, y: yv[(vertex - i) / nx]! });
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
  /** How far the segment moves off its line; undefined until its cluster is spread. */
  offset: number | undefined;
}

/**
 * Spreads apart segments of different routes that run along the same line and overlap, so each
 * stays visible and can be clicked: within a group they get offsets a few pixels apart, centred
 * on the line. A segment that ends at a box's side (a port) moves along that side.
 */
function nudge(routes: Map<string, Point[]>, boxes: ReadonlyMap<string, Box>, requests: readonly RouteRequest[]): Map<string, Point[]> {
  // Every route's segments, route after route in the order of `routes`, each route's in order.
  const segments: Segment[] = [];
  for (const [route, points] of routes) {
    for (let index = 0; index + 1 < points.length; index += 1) {
      const p = points[index]!;
      const q = points[index + 1]!;
      if (p.x === q.x && p.y !== q.y) segments.push({ route, index, vertical: true, at: p.x, low: Math.min(p.y, q.y), high: Math.max(p.y, q.y), offset: undefined });
      else if (p.y === q.y && p.x !== q.x) segments.push({ route, index, vertical: false, at: p.y, low: Math.min(p.x, q.x), high: Math.max(p.x, q.x), offset: undefined });
    }
  }
  // The segments on each line: vertical ones by x, horizontal ones by y.
  const verticalLines = new Map<number, Segment[]>();
  const horizontalLines = new Map<number, Segment[]>();
  for (const segment of segments) {
    const lines = segment.vertical ? verticalLines : horizontalLines;
    const group = lines.get(segment.at);
    if (group) group.push(segment);
    else lines.set(segment.at, [segment]);
  }
  let spread = false;
  const spreadLine = (group: Segment[]) => {
    if (group.length < 2) return;
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
          for (const s of cluster) {
            if (s.route !== route) continue;
            s.offset = offset;
            spread = true;
          }
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
  };
  for (const group of verticalLines.values()) spreadLine(group);
  for (const group of horizontalLines.values()) spreadLine(group);
  if (!spread) return routes;
  const ends = new Map(requests.map((r) => [r.id, r]));
  const result = new Map<string, Point[]>();
  // The segments are in the order of the routes: each route's are the next ones.
  let next = 0;
  for (const [route, original] of routes) {
    const points = original.map((p) => ({ ...p }));
    for (; next < segments.length && segments[next]!.route === route; next += 1) {
      const { index, offset } = segments[next]!;
      if (!offset) continue;
      const vertical = original[index]!.x === original[index + 1]!.x;
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
