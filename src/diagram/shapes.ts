import { colourOf, iconOf, type Icon } from './kinds';

/**
 * The pieces of SVG the canvas draws as the diagram's SVG does: a kind's tile and a route with
 * rounded corners. Apart from svg.ts so that the canvas's first paint does not fetch the whole SVG
 * document writer, which only the exports use.
 */

/** A coordinate as the SVG writes it: whole numbers as they are, others to one decimal. */
export const svgNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * A symbol's elements. Symbols are fixed drawings (Lucide's, `kinds.ts`), never design text, and
 * kinds.test.ts checks that none of their names or values holds a character XML escapes: they are
 * written as they are, which keeps the escapers out of the canvas's first paint.
 */
export function iconElements(icon: Icon): string {
  return icon
    .map(([tag, attributes]) => `<${tag} ${Object.entries(attributes as Record<string, string | number>)
      .map(([key, value]) => `${key}="${value}"`)
      .join(' ')}/>`)
    .join('');
}

/** A kind's symbol on a 34 px tile of its layer's colour, as a standalone SVG document (draw.io's image, the canvas's tile). */
export function kindTileSvg(kind: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="34" height="34" viewBox="0 0 34 34"><rect width="34" height="34" rx="6" fill="${colourOf(kind)}"/><g transform="translate(5 5)" fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${iconElements(iconOf(kind))}</g></svg>`;
}

/** A polyline with rounded corners, as an SVG path. */
export function roundedPath(points: readonly { x: number; y: number }[], radius = 6): string {
  const f = svgNumber;
  if (points.length === 0) return '';
  let d = `M${f(points[0]!.x)} ${f(points[0]!.y)}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const p = points[i - 1]!;
    const q = points[i]!;
    const r = points[i + 1]!;
    const inLength = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    const outLength = Math.abs(r.x - q.x) + Math.abs(r.y - q.y);
    const k = Math.min(radius, inLength / 2, outLength / 2);
    const a = { x: q.x - Math.sign(q.x - p.x) * k, y: q.y - Math.sign(q.y - p.y) * k };
    const b = { x: q.x + Math.sign(r.x - q.x) * k, y: q.y + Math.sign(r.y - q.y) * k };
    d += ` L${f(a.x)} ${f(a.y)} Q${f(q.x)} ${f(q.y)} ${f(b.x)} ${f(b.y)}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${f(last.x)} ${f(last.y)}`;
}
