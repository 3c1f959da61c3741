import { canvasBridge, type CanvasViewport } from './canvas/canvas-bridge';

/**
 * The viewport handle bench/browser.bench.mjs drives, the same one its bare React Flow baseline
 * page exposes, so both are measured alike. Installed by `boot()` in bench builds only
 * (`vite build --mode bench`); a production build leaves this module out. Typed in test-hooks.d.ts.
 */
export interface CanvasBenchApi {
  setViewport(viewport: CanvasViewport): void;
  getViewport(): CanvasViewport;
  /** Fits everything in view at once (no animation), with 5% padding. */
  fitView(): void;
}

/** Before the canvas mounts there is nothing to move: the benchmark waits for the painted mark first. */
const NO_VIEWPORT: CanvasViewport = { x: 0, y: 0, zoom: 1 };

export function installBenchApi(): void {
  window.__canvasApi = {
    setViewport: (viewport) => canvasBridge()?.setViewport(viewport),
    getViewport: () => canvasBridge()?.getViewport() ?? NO_VIEWPORT,
    fitView: () => canvasBridge()?.fitView({ padding: 0.05, duration: 0 }),
  };
}
