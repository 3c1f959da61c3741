import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { findKind } from '../../catalog';
import { displayName } from '../../model';
import { toggleComponentZone } from '../commands';
import { useNodeAnnotation } from '../store';
import type { ComponentNode as ComponentFlowNode } from './to-flow';
import { KindIcon } from '../icons/KindIcon';

/**
 * A component on the canvas: icon, name, kind and instances, the zones it runs in, and what the
 * feature panels annotate on it (findings badge, greyed out when a simulated failure takes it
 * down). It subscribes to its own annotation only.
 */
function ComponentNodeView({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const annotation = useNodeAnnotation(id);
  const { component, regionZones, zones } = data;
  const kind = findKind(component.kind);
  const classes = ['ns-node', `ns-layer-${kind?.layer ?? 'app'}`];
  if (selected) classes.push('is-selected');
  if (annotation?.down) classes.push('is-down');
  return (
    <div className={classes.join(' ')} data-testid={`node-${id}`} data-kind={component.kind} title={kind?.description}>
      <Handle type="target" position={Position.Left} id="in" className="ns-handle" />
      <Handle type="target" position={Position.Top} id="in-top" className="ns-handle" />
      <span className="ns-node-icon" aria-hidden="true">
        <KindIcon kind={component.kind} size={16} />
      </span>
      <span className="ns-node-text">
        <span className="ns-node-name">{displayName(component)}</span>
        <span className="ns-node-kind">
          {kind?.title ?? component.kind}
          {component.replicas !== undefined && component.replicas > 1 ? ` ×${component.replicas}` : ''}
        </span>
      </span>
      {regionZones && (
        <span className="ns-zone-chips" aria-label="Zones">
          {regionZones.map((zone) => {
            const on = zones.includes(zone);
            return (
              <button
                key={zone}
                type="button"
                className={`ns-zone-chip nodrag${on ? ' is-on' : ''}`}
                data-testid={`zone-chip-${id}-${zone}`}
                aria-pressed={on}
                title={on ? `Runs in zone ${zone} (click to take it out)` : `Not in zone ${zone} (click to add it)`}
                onClick={(event) => {
                  event.stopPropagation();
                  toggleComponentZone(id, zone);
                }}
              >
                {zone}
              </button>
            );
          })}
        </span>
      )}
      {annotation?.findings && annotation.findings.count > 0 && (
        <span className={`ns-badge ns-severity-${annotation.findings.severity}`} data-testid={`badge-${id}`} title={`${annotation.findings.count} findings`}>
          {annotation.findings.count}
        </span>
      )}
      <Handle type="source" position={Position.Right} id="out" className="ns-handle" />
      <Handle type="source" position={Position.Bottom} id="out-bottom" className="ns-handle" />
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);
