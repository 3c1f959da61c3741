import { connectionId, type Design, type LayoutPoint } from '../model';
import { buildScene, type Scene } from './geometry';
import { completePositions } from './layout';

/**
 * The scene an export draws: the whole design, or only the chosen components (with the
 * connections between them and the regions they are in), at the places the design's layout gives
 * them, so a part looks as it does in the whole; only the rows of a region above its first chosen
 * component are left out (the chosen ones move up together), so a part chosen low in a tall region
 * is not drawn under a tall empty box.
 */
export interface ExportScope {
  /** Component ids to draw; all when undefined or empty. */
  selection?: readonly string[];
}

export function exportScene(design: Design, scope: ExportScope = {}): Scene {
  const positions = completePositions(design, design.layout ?? {});
  const selected = scope.selection && scope.selection.length > 0 ? new Set(scope.selection) : undefined;
  if (!selected) return buildScene(design, positions);
  const components = design.components.filter((c) => selected.has(c.id));
  const regionIds = new Set(components.map((c) => c.region).filter((r): r is string => r !== undefined));
  const whole = buildScene(design, positions, { route: false });
  const raised: Record<string, LayoutPoint> = {};
  for (const regionId of regionIds) {
    // A region without a stored corner is drawn where the regions before it leave room: pinned
    // where the whole drew it, so leaving the others out does not move it from under its components.
    const box = whole.regions.find((r) => r.region.id === regionId);
    if (positions[regionId] === undefined && box) raised[regionId] = { x: box.x, y: box.y };
    const members = whole.nodes.filter((n) => n.component.region === regionId);
    const chosen = members.filter((n) => selected.has(n.id));
    const rise = Math.min(...chosen.map((n) => n.y)) - Math.min(...members.map((n) => n.y));
    if (rise > 0) for (const node of chosen) raised[node.id] = { x: node.x, y: node.y - rise };
  }
  return buildScene(
    {
      regions: design.regions.filter((r) => regionIds.has(r.id)),
      components,
      connections: design.connections.filter((c) => selected.has(c.from) && selected.has(c.to)),
    },
    { ...positions, ...raised },
  );
}

/** The connection ids a scope draws (for tests and callers that list what was exported). */
export function scopeConnections(design: Design, scope: ExportScope = {}): string[] {
  const selected = scope.selection && scope.selection.length > 0 ? new Set(scope.selection) : undefined;
  return design.connections.filter((c) => !selected || (selected.has(c.from) && selected.has(c.to))).map(connectionId);
}
