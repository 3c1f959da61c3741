import { createContext, memo, useCallback, useContext, useMemo, useState } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { findKind } from '../../catalog';
import { colourOf, kindLine, NAME_SIZE, nameLayout, NODE_WIDTH, ZONE_PITCH, type DiagramNode } from '../../diagram';
import { displayName } from '../../model';
import { renameComponent, toggleComponentZone } from '../commands';
import { useNodeAnnotation } from '../store';
import { kindTileImage } from '../icons/kind-tile';
import { EditableLabel } from './EditableLabel';
import type { ComponentNode as ComponentFlowNode } from './to-flow';

/**
 * Large designs draw a component's zone chips only while the pointer is over it or it is selected:
 * four buttons fewer for each of the hundreds of nodes that scroll into view, where the zone marks
 * under the box already show where it runs. Small designs show them always.
 */
export const ZoneChipsOnHover = createContext(false);

type ZoneSpan = NonNullable<DiagramNode['zoneSpan']>;

/**
 * The marks under the zone columns a component spans, as one gradient (solid in its layer's colour
 * where it runs, grey where it does not) rather than an element per zone.
 */
function zoneBarBackground(spans: ZoneSpan): string {
  const stops: string[] = [];
  spans.forEach((span, index) => {
    const left = index * ZONE_PITCH + 8;
    const right = left + NODE_WIDTH - 16;
    const colour = span.on ? 'var(--ns-kind-colour)' : '#d5dbe3';
    stops.push(`transparent ${left}px`, `${colour} ${left}px`, `${colour} ${right}px`, `transparent ${right}px`);
  });
  return `linear-gradient(90deg, ${stops.join(', ')})`;
}

function zoneBarTitle(spans: ZoneSpan): string {
  const on = spans.filter((span) => span.on).map((span) => span.zone);
  const off = spans.filter((span) => !span.on).map((span) => span.zone);
  return `Runs in zone${on.length === 1 ? '' : 's'} ${on.join(', ')}${off.length > 0 ? `; not in ${off.join(', ')}` : ''}`;
}

/**
 * A component on the canvas, drawn as the diagram draws it (src/diagram/svg.ts): its symbol on a
 * tile of its layer's colour, its name (double-click to rename), its kind and instances, and, for a
 * component in a network, a mark under each zone column it spans (solid where it runs). The zone
 * chips switch zones on and off; connections leave from the bottom handle and arrive at the top one; what the feature panels annotate (findings badge, greyed out when
 * a simulated failure takes it down) comes from its own annotation only.
 *
 * Why it is built this way: hundreds of nodes mount as a large design scrolls into view, and each
 * element that is positioned on its own is a paint layer of its own, with its own paint chunk for the
 * compositor to sort on every frame. So the box lays its parts out as a grid (canvas.css) and the
 * symbol is a background of the box: only React Flow's two handles, and the zone chips where they are
 * shown, are positioned.
 */
function ComponentNodeView({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const annotation = useNodeAnnotation(id);
  const chipsOnHover = useContext(ZoneChipsOnHover);
  const [hovered, setHovered] = useState(false);
  const { component, regionZones, zones, box } = data;
  const kind = findKind(component.kind);
  const colour = colourOf(component.kind);
  const classes = ['ns-node'];
  if (selected) classes.push('is-selected');
  if (annotation?.down) classes.push('is-down');
  const inColumns = box.place === 'network';
  // Stable, so the label's memo holds when the node re-renders (selection, findings).
  const rename = useCallback((name: string) => renameComponent(id, name), [id]);
  // A name too long for two lines is drawn smaller, in three, as the exported diagram draws it.
  const longName = useMemo(() => nameLayout({ component, width: box.width }).size < NAME_SIZE, [component, box.width]);
  return (
    <div
      className={classes.join(' ')}
      data-testid={`node-${id}`}
      data-kind={component.kind}
      title={kind?.description}
      style={{
        width: box.width,
        height: box.height,
        ['--ns-kind-colour' as string]: colour,
        ['--ns-tile' as string]: kindTileImage(component.kind),
        // The kind line leaves room for as many zone chips as the region has, and no more.
        ['--ns-chip-count' as string]: regionZones?.length ?? 0,
      }}
      onMouseEnter={chipsOnHover ? () => setHovered(true) : undefined}
      onMouseLeave={chipsOnHover ? () => setHovered(false) : undefined}
    >
      <Handle type="target" position={Position.Top} id="in-top" className="ns-handle" />
      <EditableLabel value={displayName(component)} testId={`node-name-${id}`} title="Name" onCommit={rename} className={longName ? 'ns-node-name is-long' : 'ns-node-name'} />
      <span className="ns-node-kind">{kindLine(component, zones, !inColumns && component.zones !== undefined)}</span>
      {regionZones && (!chipsOnHover || hovered || selected) && (
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
      {box.zoneSpan && <span className="ns-zone-bar" aria-hidden="true" title={zoneBarTitle(box.zoneSpan)} style={{ background: zoneBarBackground(box.zoneSpan) }} />}
      {annotation?.findings && annotation.findings.count > 0 && (
        <span className={`ns-badge ns-severity-${annotation.findings.severity}`} data-testid={`badge-${id}`} title={`${annotation.findings.count} findings`}>
          {annotation.findings.count}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} id="out-bottom" className="ns-handle" />
    </div>
  );
}

/**
 * What the view reads of its props: React Flow also passes the node's position and drag state, which
 * change on every drag frame and draw nothing here (the wrapper around the view moves it).
 */
const sameView = (previous: NodeProps<ComponentFlowNode>, next: NodeProps<ComponentFlowNode>) =>
  previous.id === next.id && previous.data === next.data && previous.selected === next.selected;

export const ComponentNode = memo(ComponentNodeView, sameView);
