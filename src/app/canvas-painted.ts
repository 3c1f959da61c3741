import { useEffect, useState } from 'react';
import { useStore } from './store';

/** The mark the canvas sets once it has painted nodes (src/app/canvas/Canvas.tsx, CANVAS_PAINTED_MARK; not imported, so the canvas stays out of this chunk). */
const CANVAS_PAINTED = 'ninesmith:canvas-painted';
/** How long to wait for the canvas's mark before loading the engine anyway. */
const CANVAS_PAINT_PATIENCE_MS = 5000;

/**
 * Resolves once the canvas has painted, so what it does not need (the engine, the pricing) is
 * fetched and run after the first paint, not before it. A design with no components paints no
 * nodes and sets no mark: it waits one frame.
 */
export function afterCanvasPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(CANVAS_PAINTED).length > 0) return resolve();
    if (useStore.getState().model.components.length === 0) {
      requestAnimationFrame(() => resolve());
      return;
    }
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName(CANVAS_PAINTED).length > 0) done();
    });
    const timer = setTimeout(() => done(), CANVAS_PAINT_PATIENCE_MS);
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    observer.observe({ type: 'mark' });
  });
}

let painted: Promise<void> | undefined;

/** `afterCanvasPaint`, shared: one wait for the whole app. */
export function canvasPainted(): Promise<void> {
  painted ??= afterCanvasPaint();
  return painted;
}

/** True once the canvas has painted: what is not needed for the first paint renders after it. */
export function useCanvasPainted(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    void canvasPainted().then(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, []);
  return done;
}
