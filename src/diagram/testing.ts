import type { Point, Rect, Scene } from './geometry';

/**
 * What a laid-out diagram must never show, as checks the tests run over every template and over
 * generated designs: two component boxes overlapping, or a connection drawn through a box.
 */

/** Pairs of components whose boxes overlap (touching edges do not count). */
export function overlappingNodes(scene: Scene): [string, string][] {
  const found: [string, string][] = [];
  const nodes = [...scene.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < nodes.length; i += 1) {
    const a = nodes[i]!;
    for (let j = i + 1; j < nodes.length; j += 1) {
      const b = nodes[j]!;
      if (b.x >= a.x + a.width) break;
      if (a.y < b.y + b.height && b.y < a.y + a.height) found.push([a.id, b.id]);
    }
  }
  return found;
}

/** Whether the segment p-q passes through the inside of `box` (running along its border does not count). */
export function segmentCrossesBox(p: Point, q: Point, box: Rect): boolean {
  const left = Math.min(p.x, q.x);
  const right = Math.max(p.x, q.x);
  const top = Math.min(p.y, q.y);
  const bottom = Math.max(p.y, q.y);
  if (p.x === q.x) return p.x > box.x && p.x < box.x + box.width && bottom > box.y && top < box.y + box.height;
  if (p.y === q.y) return p.y > box.y && p.y < box.y + box.height && right > box.x && left < box.x + box.width;
  // Routes are orthogonal; a diagonal segment is a fault of its own.
  return true;
}

/** Connections drawn through a component box: any box for the middle of a route, other boxes for its ends. */
export function edgesThroughNodes(scene: Scene): { edge: string; node: string }[] {
  const found: { edge: string; node: string }[] = [];
  for (const edge of scene.edges) {
    const points = edge.points;
    for (let i = 0; i + 1 < points.length; i += 1) {
      for (const node of scene.nodes) {
        if (segmentCrossesBox(points[i]!, points[i + 1]!, node)) found.push({ edge: edge.id, node: node.id });
      }
    }
  }
  return found;
}

/** Segments that are neither horizontal nor vertical. */
export function diagonalSegments(scene: Scene): string[] {
  return scene.edges.filter((edge) => edge.points.some((p, i) => i > 0 && p.x !== edge.points[i - 1]!.x && p.y !== edge.points[i - 1]!.y)).map((edge) => edge.id);
}
