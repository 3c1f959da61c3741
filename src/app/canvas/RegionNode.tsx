import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { addZone, removeRegion, removeZone, renameRegion, renameZone } from '../commands';
import { ZONE_NAME_PATTERN } from '../../model';
import { notify } from '../store';
import { EditableLabel } from './EditableLabel';
import type { RegionNode as RegionFlowNode } from './to-flow';

/**
 * A region as a container: a header (drag it to move the region with everything in it; double-
 * click the name to rename; add a zone; remove the region) and one lane per availability zone
 * (double-click a zone's name to rename it). The body lets pointer events through to the pane,
 * so box selection and panning work over regions.
 */
function RegionNodeView({ data }: NodeProps<RegionFlowNode>) {
  const { region, geometry, dropZone } = data;
  return (
    <div className={`ns-region${dropZone !== undefined ? ' is-drop-target' : ''}`} data-testid={`region-${region.id}`} style={{ width: geometry.width, height: geometry.height }}>
      <div className="ns-region-header region-drag">
        <EditableLabel value={region.name ?? region.id} testId={`region-name-${region.id}`} title="Region name" onCommit={(name) => renameRegion(region.id, name)} />
        <span className="ns-region-meta">
          {region.location} · {region.role}
        </span>
        <span className="ns-region-actions">
          <button type="button" className="nodrag" data-testid={`add-zone-${region.id}`} onClick={() => addZone(region.id)} title="Add an availability zone">
            + zone
          </button>
          <button
            type="button"
            className="nodrag"
            data-testid={`remove-region-${region.id}`}
            onClick={() => {
              removeRegion(region.id);
              notify('info', `Removed region ${region.name ?? region.id} and what was in it`, ['Undo (Ctrl+Z) brings it back.']);
            }}
            title="Remove the region and everything in it"
            aria-label="Remove region"
          >
            ×
          </button>
        </span>
      </div>
      {geometry.lanes.map((lane) => (
        <div
          key={lane.zone}
          className={`ns-lane${dropZone === lane.zone ? ' is-drop' : ''}`}
          data-testid={`zone-${region.id}-${lane.zone}`}
          style={{ left: lane.x - geometry.x, top: lane.y - geometry.y, width: lane.width, height: lane.height }}
        >
          <div className="ns-lane-header">
            <span className="ns-lane-caption">zone</span>
            <EditableLabel
              value={lane.zone}
              testId={`zone-name-${region.id}-${lane.zone}`}
              title="Zone name"
              onCommit={(next) => {
                const name = next.trim().toLowerCase();
                if (!ZONE_NAME_PATTERN.test(name)) notify('error', `"${next}" is not a zone name`, ['Use lower-case letters, digits and "-", such as a, b or 1.']);
                else if (region.zones.includes(name)) notify('error', `Region ${region.id} already has a zone ${name}`);
                else renameZone(region.id, lane.zone, name);
              }}
            />
            {region.zones.length > 1 && (
              <button
                type="button"
                className="nodrag ns-lane-remove"
                data-testid={`remove-zone-${region.id}-${lane.zone}`}
                onClick={() => removeZone(region.id, lane.zone)}
                title={`Remove zone ${lane.zone} (its components move to another zone)`}
                aria-label={`Remove zone ${lane.zone}`}
              >
                ×
              </button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

export const RegionNode = memo(RegionNodeView);
