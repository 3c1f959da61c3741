import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { CONNECTION_MODES, type ConnectionMode } from '../../model';
import { setConnectionMode } from '../commands';
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
 * A connection, drawn by its mode: sync solid, async dashed, replication a double line,
 * backup dotted. When selected, a small toolbar at its middle switches the mode.
 */
function ConnectionEdgeView(props: EdgeProps<ConnectionFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const mode = data?.mode ?? 'sync';
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <g className={`ns-edge ns-edge-${mode}${selected ? ' is-selected' : ''}${data?.simple ? ' is-simple' : ''}`} data-testid={`edge-${source}-${target}`} data-mode={mode}>
      {mode === 'replication' && <path d={path} className="ns-edge-rail" fill="none" />}
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={18} />
      {selected && (
        <EdgeLabelRenderer>
          <div
            className="ns-edge-toolbar nodrag nopan"
            data-testid="edge-toolbar"
            role="toolbar"
            aria-label="Connection mode"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
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
    </g>
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
