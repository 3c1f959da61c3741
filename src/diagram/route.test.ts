import { describe, expect, it, vi } from 'vitest';
import { syntheticDesign } from '../catalog';
import { buildScene } from './geometry';
import { completePositions } from './layout';
import { createRouter, elbow, gridLines, routeAgain, routeConnections, ROUTE_MARGIN, ROUTE_SEPARATION, type Box, type Routed } from './route';
import { segmentCrossesBox } from './testing';

const crosses = (points: readonly { x: number; y: number }[], box: Box) => points.some((p, i) => i > 0 && segmentCrossesBox(points[i - 1]!, p, box));

describe('routing around boxes', () => {
  // a above c with b in between, all in one column: the straight line from a to c goes through b.
  const boxes = new Map<string, Box>([
    ['a', { x: 0, y: 0, width: 200, height: 80 }],
    ['b', { x: 0, y: 140, width: 200, height: 80 }],
    ['c', { x: 0, y: 280, width: 200, height: 80 }],
  ]);

  it('a plain elbow would cross the box in the way (the check can fail)', () => {
    expect(crosses(elbow(boxes.get('a')!, boxes.get('c')!), boxes.get('b')!)).toBe(true);
  });

  it('the routed connection goes around it, orthogonally, from side to side', () => {
    const route = routeConnections(boxes, [{ id: 'a-c', from: 'a', to: 'c' }]).get('a-c')!;
    expect(crosses(route, boxes.get('b')!)).toBe(false);
    for (let i = 1; i < route.length; i += 1) expect(route[i]!.x === route[i - 1]!.x || route[i]!.y === route[i - 1]!.y).toBe(true);
    expect(route[0]).toMatchObject({ y: 80 });
    expect(route.at(-1)).toMatchObject({ y: 280 });
    // It keeps its margin from the box it passes.
    const side = route.filter((p) => p.y > 140 && p.y < 220);
    for (const p of side) expect(p.x <= -ROUTE_MARGIN + 1 || p.x >= 200 + ROUTE_MARGIN - 1).toBe(true);
  });

  it('spreads connections that would share a line, so each can be seen and clicked', () => {
    const two = new Map<string, Box>([
      ['a', { x: 0, y: 0, width: 200, height: 80 }],
      ['b', { x: 0, y: 300, width: 200, height: 80 }],
    ]);
    const routes = routeConnections(two, [
      { id: 'a-b', from: 'a', to: 'b' },
      { id: 'b-a', from: 'b', to: 'a' },
    ]);
    const x1 = routes.get('a-b')![0]!.x;
    const x2 = routes.get('b-a')!.at(-1)!.x;
    expect(Math.abs(x1 - x2)).toBeGreaterThanOrEqual(6);
  });
});

describe('the grid a route is searched on', () => {
  /** The grid lines as first written: every set made and sorted, which a large design paid for each of its connections. */
  function reference(bounds: readonly number[], extra: readonly number[]): { values: number[]; hug: boolean[] } {
    const sorted = [...new Set(bounds)].sort((a, b) => a - b);
    const all = new Set<number>([...sorted, ...extra]);
    for (let i = 0; i + 1 < sorted.length; i += 1) {
      if (sorted[i + 1]! - sorted[i]! > 2 * ROUTE_SEPARATION) all.add(Math.round((sorted[i]! + sorted[i + 1]!) / 2));
    }
    const values = [...all].sort((a, b) => a - b);
    return { values, hug: values.map((v) => sorted.includes(v) && !extra.includes(v)) };
  }

  it('has the margins, a channel between margins far enough apart, and the ends, each once and in order', () => {
    // Seeded, so a failure can be run again: margins on a coarse grid (so they repeat), ends on
    // margins, on channel lines or between them, and fractions.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 400; run += 1) {
      const bounds = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.round(random() * 60) * 12 + (random() < 0.1 ? 0.5 : 0));
      const pick = (): number => {
        const r = random();
        if (r < 0.3) return bounds[Math.floor(random() * bounds.length)]!;
        const made = reference(bounds, []).values;
        if (r < 0.6) return made[Math.floor(random() * made.length)]!;
        return Math.round(random() * 800) - 40;
      };
      const extra: [number, number] = [pick(), random() < 0.2 ? NaN : pick()];
      if (Number.isNaN(extra[1])) extra[1] = extra[0];
      expect(gridLines(Float64Array.from(bounds), extra)).toEqual(reference(bounds, extra));
    }
  });
});

describe('a connection that no window can route', () => {
  it('gets a plain elbow when its end lies inside another box\'s margins', () => {
    // b sits 10 px right of a: the stub out of a's right side is inside b's margin, as it is inside
    // a's from b's left side; c is far to the right.
    const boxes = new Map<string, Box>([
      ['a', { x: 0, y: 0, width: 200, height: 80 }],
      ['b', { x: 210, y: 0, width: 200, height: 80 }],
      ['c', { x: 900, y: 0, width: 200, height: 80 }],
    ]);
    expect(routeConnections(boxes, [{ id: 'a-c', from: 'a', to: 'c' }]).get('a-c')).toEqual(elbow(boxes.get('a')!, boxes.get('c')!));
    // The same from the other side: the end at a is enclosed by b's margin.
    expect(routeConnections(boxes, [{ id: 'c-a', from: 'c', to: 'a' }]).get('c-a')).toEqual(elbow(boxes.get('c')!, boxes.get('a')!));
    // With room between a and b, the same connection is routed (around b), not drawn as an elbow.
    const apart = new Map(boxes).set('b', { x: 260, y: 0, width: 200, height: 80 });
    const routed = routeConnections(apart, [{ id: 'a-c', from: 'a', to: 'c' }]).get('a-c')!;
    expect(routed).not.toEqual(elbow(apart.get('a')!, apart.get('c')!));
    expect(crosses(routed, apart.get('b')!)).toBe(false);
  });
});

/** A generated design's boxes and connections as the canvas routes them. */
function sceneOf(size: number, seed = 3) {
  const design = syntheticDesign(size, seed);
  const positions = completePositions(design, design.layout ?? {});
  const scene = buildScene(design, positions, { route: false });
  const boxes = new Map<string, Box>(scene.nodes.map((node) => [node.id, { x: node.x, y: node.y, width: node.width, height: node.height }]));
  const requests = design.connections.filter((c) => c.from !== c.to).map((c) => ({ id: `${c.from}>${c.to}`, from: c.from, to: c.to }));
  return { boxes, requests };
}

describe('a search, which works in arrays kept from the searches before it', () => {
  it('routes a diagram as a search in a fresh module does, after routing larger and other diagrams, in any order', async () => {
    const small = sceneOf(60, 5);
    vi.resetModules();
    const fresh = await import('./route');
    const expected = fresh.routeConnections(small.boxes, small.requests);
    // This module's searches have left their arrays behind: a larger grid's, then other diagrams'.
    for (const [size, seed] of [[300, 9], [120, 4], [30, 2]] as const) {
      const other = sceneOf(size, seed);
      routeConnections(other.boxes, other.requests);
    }
    expect(routeConnections(small.boxes, small.requests)).toEqual(expected);
    expect(routeConnections(small.boxes, [...small.requests].reverse())).toEqual(expected);
  });
});

describe('a router that reuses what an edit did not reach', () => {
  it('gives, edit after edit, the routes of routing everything again, and searches only near what changed', () => {
    const { boxes, requests } = sceneOf(200);
    // What a router keeps (createRouter), called here directly to see how many it searched.
    let last: Routed = routeAgain(boxes, requests, undefined);
    expect(last.routes).toEqual(routeConnections(boxes, requests));
    expect(last.fresh).toBe(requests.length);
    // Seeded edits: a box moved a little or far, resized, removed and put back; a connection removed and added.
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const ids = [...boxes.keys()];
    let current = new Map(boxes);
    let wanted = [...requests];
    const searchedAfterOneMove: number[] = [];
    for (let edit = 0; edit < 40; edit += 1) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const box = boxes.get(id)!;
      const kind = edit % 5;
      current = new Map(current);
      if (kind === 0) current.set(id, { ...box, x: box.x + Math.round(random() * 60 - 30), y: box.y + Math.round(random() * 60 - 30) });
      else if (kind === 1) current.set(id, { ...box, x: box.x + 3000 });
      else if (kind === 2) current.set(id, { ...box, width: box.width + 120 });
      else if (kind === 3) current.delete(id);
      else {
        current.set(id, box);
        wanted = random() < 0.5 ? wanted.slice(1) : [...wanted, requests[Math.floor(random() * requests.length)]!].filter((r, k, all) => all.findIndex((o) => o.id === r.id) === k);
      }
      last = routeAgain(current, wanted, last);
      expect(last.routes).toEqual(routeConnections(current, wanted));
      if (kind === 0) searchedAfterOneMove.push(last.fresh);
    }
    // A box moved a little is searched around, not everywhere: most connections keep their route.
    for (const count of searchedAfterOneMove) expect(count).toBeLessThan(wanted.length / 3);
    // Nothing changed: nothing is searched.
    expect(routeAgain(current, wanted, last).fresh).toBe(0);
  });

  it('is what the canvas routes with: each call from the last', () => {
    const { boxes, requests } = sceneOf(60);
    const router = createRouter();
    const first = router(boxes, requests);
    expect(first).toEqual(routeConnections(boxes, requests));
    const id = [...boxes.keys()][5]!;
    const moved = new Map(boxes).set(id, { ...boxes.get(id)!, y: boxes.get(id)!.y + 400 });
    expect(router(moved, requests)).toEqual(routeConnections(moved, requests));
  });
});
