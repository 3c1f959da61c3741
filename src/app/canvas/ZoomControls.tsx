import { useEffect, useState } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { watchViewportMoves } from './composite-while-moving';

/** How the whole design is fitted into view, by the Fit button, Shift+1 and on opening a design. */
export const FIT_VIEW = { padding: 0.1, duration: 200 } as const;

const percentOf = (flow: ReturnType<typeof useStoreApi>) => Math.round(flow.getState().transform[2] * 100);

/**
 * The zoom level as a whole percentage, written when the view settles rather than on every frame
 * of a zoom: a change of text in the bar repaints the page around the canvas (over 1 ms a frame with
 * a large design open), which the moving diagram does not.
 */
function useSettledZoomPercent(): number {
  const flow = useStoreApi();
  const [percent, setPercent] = useState(() => percentOf(flow));
  useEffect(() => watchViewportMoves(flow, { settle: () => setPercent(percentOf(flow)) }), [flow]);
  return percent;
}

/**
 * Zoom out, the zoom level, zoom in and fit, in the canvas's bar rather than floating over the
 * diagram (React Flow's own controls sit on the pane's corner, over the components there).
 */
export function ZoomControls() {
  const flow = useReactFlow();
  const percent = useSettledZoomPercent();
  return (
    <span className="ns-zoom-controls" role="group" aria-label="Zoom">
      <button type="button" data-testid="zoom-out" onClick={() => void flow.zoomOut({ duration: 150 })} title="Zoom out" aria-label="Zoom out">
        −
      </button>
      <span className="ns-zoom-level" data-testid="zoom-level" aria-live="polite" title="Zoom level">
        {percent}%
      </span>
      <button type="button" data-testid="zoom-in" onClick={() => void flow.zoomIn({ duration: 150 })} title="Zoom in" aria-label="Zoom in">
        +
      </button>
      <button type="button" data-testid="fit-view" onClick={() => void flow.fitView(FIT_VIEW)} title="Fit the whole design in view (Shift+1)">
        Fit
      </button>
    </span>
  );
}
