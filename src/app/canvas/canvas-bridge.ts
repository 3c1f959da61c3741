import type { LayoutPoint } from '../../model';
import type { RegionBox } from './geometry';

/** The visible part of the canvas: the pan offset in screen pixels and the zoom factor. */
export interface CanvasViewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * What the canvas lets its neighbours (the palette, the toolbar, the keyboard shortcuts, test and
 * benchmark builds' hooks) ask of it without importing React Flow: where the middle of the view
 * is, the regions' boxes, tidy up, the viewport. Set while a canvas is mounted.
 */
export interface CanvasBridge {
  viewportCenter(): LayoutPoint;
  regions(): readonly RegionBox[];
  tidyUp(): Promise<void>;
  /** Fits the design in view: padding as a share of the view, animated over `duration` ms (default 0.1, 200). */
  fitView(options?: { padding?: number; duration?: number }): void;
  getViewport(): CanvasViewport;
  setViewport(viewport: CanvasViewport): void;
}

let bridge: CanvasBridge | null = null;

export function setCanvasBridge(next: CanvasBridge | null): void {
  bridge = next;
}

export function canvasBridge(): CanvasBridge | null {
  return bridge;
}
