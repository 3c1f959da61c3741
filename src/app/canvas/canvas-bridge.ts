import type { LayoutPoint } from '../../model';
import type { RegionGeometry } from './geometry';

/**
 * What the canvas lets its neighbours (the palette, the toolbar) ask of it without importing
 * React Flow: where the middle of the view is, the regions' boxes, tidy up. Set while a canvas
 * is mounted.
 */
export interface CanvasBridge {
  viewportCenter(): LayoutPoint;
  regions(): readonly RegionGeometry[];
  tidyUp(): Promise<void>;
  fitView(): void;
}

let bridge: CanvasBridge | null = null;

export function setCanvasBridge(next: CanvasBridge | null): void {
  bridge = next;
}

export function canvasBridge(): CanvasBridge | null {
  return bridge;
}
