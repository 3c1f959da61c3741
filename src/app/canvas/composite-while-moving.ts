import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';

/** How long after the viewport's last change a move counts as settled. */
const SETTLE_MS = 150;

type FlowStore = ReturnType<typeof useStoreApi>;

/**
 * Calls `start` when the viewport begins to pan or zoom and `settle` once it has been still for
 * SETTLE_MS. One timer per settle period, not one per frame: a pan frame only notes its time.
 * Returns the unsubscribe.
 */
export function watchViewportMoves(flow: FlowStore, { start, settle }: { start?: () => void; settle: () => void }): () => void {
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastMove = 0;
  const check = () => {
    const quietFor = performance.now() - lastMove;
    if (quietFor < SETTLE_MS) {
      settleTimer = setTimeout(check, SETTLE_MS - quietFor);
      return;
    }
    settleTimer = undefined;
    settle();
  };
  const unsubscribe = flow.subscribe((state, previous) => {
    if (state.transform === previous.transform) return;
    lastMove = performance.now();
    if (settleTimer === undefined) {
      start?.();
      settleTimer = setTimeout(check, SETTLE_MS);
    }
  });
  return () => {
    unsubscribe();
    clearTimeout(settleTimer);
  };
}

/**
 * Marks the pane `is-moving` while the viewport pans or zooms, and for a moment after, so the CSS can
 * give React Flow's viewport its own compositor layer for the move (`will-change: transform`).
 *
 * Why: without a layer of its own, each pan frame moves the viewport within the page's layer, and
 * Chrome repaints every component box, region and connection on screen, about 2 to 3 ms of main-thread
 * paint per frame at 1,000 components (a bare React Flow page repaints its plain boxes almost for
 * free). With a layer, a move is a change of the layer's transform, drawn by the compositor.
 * Why only while moving: a layer that keeps `will-change: transform` keeps the raster scale it had
 * when it was promoted, so text would stay blurred after a zoom; when the move settles the layer goes
 * and the diagram is painted once at its new scale.
 *
 * The class is set on the DOM node directly: a React state change would re-render the canvas on the
 * first and the last frame of every move.
 */
export function useCompositedWhileMoving(pane: RefObject<HTMLElement | null>): void {
  const flow = useStoreApi();
  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    const stop = watchViewportMoves(flow, {
      start: () => element.classList.add('is-moving'),
      settle: () => element.classList.remove('is-moving'),
    });
    return () => {
      stop();
      element.classList.remove('is-moving');
    };
  }, [flow, pane]);
}
