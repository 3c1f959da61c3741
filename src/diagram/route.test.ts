import { describe, expect, it } from 'vitest';
import { elbow, routeConnections, ROUTE_MARGIN, type Box } from './route';
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
