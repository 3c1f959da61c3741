import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { COLUMN_CAPTIONS, NETWORK_NAMES, ZONE_CAPTIONS } from '../../diagram';
import { MAX_ZONES_PER_REGION, ZONE_NAME_PATTERN } from '../../model';
import { addZone, removeRegion, removeZone, renameRegion, renameZone } from '../commands';
import { notify } from '../store';
import { EditableLabel } from './EditableLabel';
import type { RegionNode as RegionFlowNode } from './to-flow';

/**
 * A region as the diagram draws it: a box with a header (drag it to move the region with
 * everything in it; double-click the name to rename; add a zone; remove the region), the network
 * boundary holding one column per availability zone (double-click a zone's name to rename it), and
 * the columns of regional services beside it. The body lets pointer events through to the pane, so
 * box selection and panning work over regions.
 */
function RegionNodeView({ data }: NodeProps<RegionFlowNode>) {
  const { box, dropZone, provider } = data;
  const { region } = box;
  const at = (rect: { x: number; y: number; width: number; height: number }) => ({ left: rect.x - box.x, top: rect.y - box.y, width: rect.width, height: rect.height });
  return (
    <div className={`ns-region${dropZone !== undefined ? ' is-drop-target' : ''}`} data-testid={`region-${region.id}`} style={{ width: box.width, height: box.height }}>
      <div className="ns-region-header region-drag">
        <EditableLabel value={region.name ?? region.id} testId={`region-name-${region.id}`} title="Region name" onCommit={(name) => renameRegion(region.id, name)} />
        <span className="ns-region-meta">
          {region.location} · {region.role}
        </span>
        <span className="ns-region-actions">
          <button
            type="button"
            className="nodrag"
            data-testid={`add-zone-${region.id}`}
            onClick={() => addZone(region.id)}
            disabled={region.zones.length >= MAX_ZONES_PER_REGION}
            title={region.zones.length >= MAX_ZONES_PER_REGION ? `A region has at most ${MAX_ZONES_PER_REGION} zones` : 'Add an availability zone'}
          >
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
      <div className="ns-network" style={at(box.network)}>
        <span className="ns-network-caption">{NETWORK_NAMES[provider]}</span>
      </div>
      {box.zones.map((column) => (
        <div key={column.zone} className={`ns-lane${dropZone === column.zone ? ' is-drop' : ''}`} data-testid={`zone-${region.id}-${column.zone}`} style={at(column)}>
          <div className="ns-lane-header">
            <span className="ns-lane-caption">{ZONE_CAPTIONS[provider]}</span>
            <EditableLabel
              value={column.zone}
              testId={`zone-name-${region.id}-${column.zone}`}
              title="Zone name"
              onCommit={(next) => {
                const name = next.trim().toLowerCase();
                if (!ZONE_NAME_PATTERN.test(name)) notify('error', `"${next}" is not a zone name`, ['Use lower-case letters, digits and "-", such as a, b or 1.']);
                else if (region.zones.includes(name)) notify('error', `Region ${region.id} already has a zone ${name}`);
                else renameZone(region.id, column.zone, name);
              }}
            />
            {region.zones.length > 1 && (
              <button
                type="button"
                className="nodrag ns-lane-remove"
                data-testid={`remove-zone-${region.id}-${column.zone}`}
                onClick={() => removeZone(region.id, column.zone)}
                title={`Remove zone ${column.zone} (its components move to another zone)`}
                aria-label={`Remove zone ${column.zone}`}
              >
                ×
              </button>
            )}
          </div>
        </div>
      ))}
      {box.columns.map((column) => (
        <div key={column.kind} className="ns-side-column" data-testid={`column-${region.id}-${column.kind}`} style={at(column)}>
          <span className="ns-side-caption">{COLUMN_CAPTIONS[column.kind]}</span>
        </div>
      ))}
    </div>
  );
}

export const RegionNode = memo(RegionNodeView);
