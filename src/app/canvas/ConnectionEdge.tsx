import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { roundedPath, type Point } from '../../diagram';
import { CONNECTION_MODES, type ConnectionMode } from '../../model';
import { setConnectionMode } from '../commands';
import { useEdgeRoute } from './edge-routes';
import { handleElbow } from './geometry';
import type { ConnectionEdge as ConnectionFlowEdge } from './to-flow';

export const MODE_TITLES: Readonly<Record<ConnectionMode, string>> = {
  sync: 'Sync',
  async: 'Async',
  replication: 'Replication',
  backup: 'Backup',
};

export const MODE_HELP: Readonly<Record<ConnectionMode, string>> = {
  sync: 'A request that waits for the answer: the caller fails when the callee does.',
  async: 'A message or event: the caller carries on when the receiver is down.',
  replication: 'Data copied continuously to a standby or replica.',
  backup: 'Data copied periodically to a backup store.',
};

/**
 * The middle of a route's longest segment, where its toolbar goes, and whether that segment runs
 * up and down (the toolbar then sits to its right) or across (above it), so it never hides the
 * line it edits.
 */
export function routeMiddle(points: readonly Point[]): Point & { vertical: boolean } {
  let best = -1;
  let at: Point & { vertical: boolean } = { ...(points[0] ?? { x: 0, y: 0 }), vertical: false };
  for (let i = 0; i + 1 < points.length; i += 1) {
    const p = points[i]!;
    const q = points[i + 1]!;
    const length = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    if (length > best) {
      best = length;
      at = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, vertical: Math.abs(q.y - p.y) > Math.abs(q.x - p.x) };
    }
  }
  return at;
}

/** Beside the segment, clear of the line and its arrow: right of a vertical one, above a horizontal one. */
const TOOLBAR_GAP = 10;
function toolbarTransform(middle: Point & { vertical: boolean }): string {
  return middle.vertical
    ? `translate(${TOOLBAR_GAP}px, -50%) translate(${middle.x}px, ${middle.y}px)`
    : `translate(-50%, calc(-100% - ${TOOLBAR_GAP}px)) translate(${middle.x}px, ${middle.y}px)`;
}

/**
 * A connection along its route (the diagram's orthogonal path around the boxes), drawn by its
 * mode: sync solid, async dashed, replication a double line, backup dotted. When selected, a
 * small toolbar beside the middle of its longest segment switches the mode.
 */
function ConnectionEdgeView(props: EdgeProps<ConnectionFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, data, selected, markerEnd } = props;
  const mode = data?.mode ?? 'sync';
  const route = useEdgeRoute(id);
  const points = !data?.free && route && route.length > 1 ? route : handleElbow(sourceX, sourceY, targetX, targetY);
  const path = roundedPath(points);
  // Where the toolbar goes: worked out only for the selected connection (edges mount by the hundred as a large design pans).
  const middle = selected ? routeMiddle(points) : undefined;
  // The `<g>` around these is React Flow's own, with the edge's classes and test id (to-flow.ts).
  return (
    <>
      {mode === 'replication' && <path d={path} className="ns-edge-rail" fill="none" />}
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={10} />
      {middle && (
        <EdgeLabelRenderer>
          <div
            className="ns-edge-toolbar nodrag nopan"
            data-testid="edge-toolbar"
            role="toolbar"
            aria-label="Connection mode"
            style={{ transform: toolbarTransform(middle) }}
          >
            {CONNECTION_MODES.map((option) => (
              <button
                key={option}
                type="button"
                data-testid={`edge-mode-${option}`}
                aria-pressed={option === mode}
                title={MODE_HELP[option]}
                onClick={() => setConnectionMode(id, option)}
              >
                {MODE_TITLES[option]}
              </button>
            ))}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ConnectionEdge = memo(ConnectionEdgeView);

/** The legend of connection modes, drawn with the same classes as the edges. */
export function EdgeLegend() {
  return (
    <div className="ns-legend" data-testid="edge-legend" aria-label="Connection modes">
      {CONNECTION_MODES.map((mode) => (
        <span key={mode} className="ns-legend-item" title={MODE_HELP[mode]}>
          <svg width="36" height="10" aria-hidden="true" className={`ns-edge ns-edge-${mode}`}>
            {mode === 'replication' && <path d="M2 5 L34 5" className="ns-edge-rail" />}
            <path d="M2 5 L34 5" className="react-flow__edge-path" />
          </svg>
          {MODE_TITLES[mode]}
        </span>
      ))}
    </div>
  );
}
