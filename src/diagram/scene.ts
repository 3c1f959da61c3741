import { connectionId, type Design } from '../model';
import { buildScene, type Scene } from './geometry';
import { completePositions } from './layout';

/**
 * The scene an export draws: the whole design, or only the chosen components (with the
 * connections between them and the regions they are in), at the places the design's layout gives
 * them, so a part looks as it does in the whole.
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
  return buildScene(
    {
      regions: design.regions.filter((r) => regionIds.has(r.id)),
      components,
      connections: design.connections.filter((c) => selected.has(c.from) && selected.has(c.to)),
    },
    positions,
  );
}

/** The connection ids a scope draws (for tests and callers that list what was exported). */
export function scopeConnections(design: Design, scope: ExportScope = {}): string[] {
  const selected = scope.selection && scope.selection.length > 0 ? new Set(scope.selection) : undefined;
  return design.connections.filter((c) => !selected || (selected.has(c.from) && selected.has(c.to))).map(connectionId);
}
