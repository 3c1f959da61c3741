import type { DiagramNode, Rect, Scene } from './geometry';
import { KIND_SIZE } from './labels';

/**
 * What a design shows when it opens: all of it when it fits at a zoom where the smallest label is
 * still legible (11 CSS px), otherwise the request path (the users and edge services, down into the
 * first region's network) at that zoom, with the rest one fit-to-view away.
 */

export interface ViewportSize {
  width: number;
  height: number;
}

/** The smallest text on a node (its kind line) at 11 CSS px. */
export const LEGIBLE_ZOOM = 11 / KIND_SIZE;
const PADDING = 32;

function union(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The request path: the global edge services, and the first region's network and regional services. */
export function requestPathNodes(scene: Scene): DiagramNode[] {
  const firstRegion = scene.regions[0]?.region.id;
  return scene.nodes.filter((n) => n.place === 'top' || (firstRegion !== undefined && n.component.region === firstRegion && (n.place === 'network' || n.place === 'service')));
}

/**
 * The request path's box: the global edge services and the first region's network and services,
 * with the region's top-left corner, so its border and its name (left of and above its first
 * components) are on screen rather than cut by the canvas's edge.
 */
export function requestPathBox(scene: Scene): Rect {
  const firstRegion = scene.regions[0];
  const path: Rect[] = requestPathNodes(scene);
  if (firstRegion) path.push({ x: firstRegion.x, y: firstRegion.y, width: 0, height: 0 });
  return union(path) ?? scene.bounds;
}

/** The viewport (pan in screen px, zoom) to open `scene` with in a canvas of `size`. */
export function firstView(scene: Scene, size: ViewportSize, maxZoom = 1): { x: number; y: number; zoom: number } {
  const b = scene.bounds;
  if (b.width === 0 && b.height === 0) return { x: size.width / 2, y: size.height / 2, zoom: 1 };
  const fit = Math.min((size.width - 2 * PADDING) / b.width, (size.height - 2 * PADDING) / b.height);
  if (fit >= LEGIBLE_ZOOM) {
    const zoom = Math.min(fit, maxZoom);
    return { x: size.width / 2 - (b.x + b.width / 2) * zoom, y: size.height / 2 - (b.y + b.height / 2) * zoom, zoom };
  }
  const zoom = Math.max(LEGIBLE_ZOOM, Math.min(maxZoom, (size.width - 2 * PADDING) / requestPathBox(scene).width));
  const path = requestPathBox(scene);
  const visibleWidth = (size.width - 2 * PADDING) / zoom;
  // Centred on the path when it fits across, else from its left edge; from the top of the diagram.
  const left = path.width <= visibleWidth ? path.x + path.width / 2 - visibleWidth / 2 : path.x;
  const top = Math.min(path.y, b.y);
  return { x: PADDING - left * zoom, y: PADDING - top * zoom, zoom };
}
