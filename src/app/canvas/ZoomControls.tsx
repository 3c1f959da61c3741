import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';

/** How the whole design is fitted into view, by the Fit button, Shift+1 and on opening a design. */
export const FIT_VIEW = { padding: 0.1, duration: 200 } as const;

/**
 * Zoom out, the zoom level, zoom in and fit, in the canvas's bar rather than floating over the
 * diagram (React Flow's own controls sit on the pane's corner, over the components there). The level
 * is read as a whole percentage, so a pan does not re-render it.
 */
export function ZoomControls() {
  const flow = useReactFlow();
  const percent = useFlowStore((state) => Math.round(state.transform[2] * 100));
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
