import { CONNECTION_MODES, type ConnectionMode } from './format-constants';
import type { Component, Connection, Design } from './schema';

/** Connections have no id in the format; this one is stable as long as the connection exists. */
export function connectionId(connection: Pick<Connection, 'from' | 'to' | 'mode'>): string {
  return `${connection.from}->${connection.to}:${connection.mode}`;
}

/**
 * The ends and mode a `connectionId` names, or undefined for text that is not one. Component ids
 * never hold `>` or `:`, so the id reads back unambiguously.
 */
export function parseConnectionId(id: string): Pick<Connection, 'from' | 'to' | 'mode'> | undefined {
  const match = /^([^>:]+)->([^>:]+):([^>:]+)$/.exec(id);
  if (!match) return undefined;
  const mode = match[3] as ConnectionMode;
  if (!CONNECTION_MODES.includes(mode)) return undefined;
  return { from: match[1]!, to: match[2]!, mode };
}

/** The name people see: the display name, or the id when there is none. */
export function displayName(component: Pick<Component, 'id' | 'name'>): string {
  return component.name?.trim() ? component.name : component.id;
}

/**
 * A fresh id for a new thing, derived from a readable stem (`web`, `web-2`, `web-3`, ...),
 * never colliding with `taken`.
 */
export function uniqueId(stem: string, taken: ReadonlySet<string>): string {
  const base =
    stem
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 56) || 'item';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Every id used by components, regions and journeys of a design. */
export function takenIds(design: Pick<Design, 'components' | 'regions' | 'journeys'>): Set<string> {
  return new Set([
    ...design.components.map((c) => c.id),
    ...design.regions.map((r) => r.id),
    ...design.journeys.map((j) => j.id),
  ]);
}

/** The zones a component runs in: its `zones`, or the first zone of its region; none when global. */
export function componentZones(design: Pick<Design, 'regions'>, component: Pick<Component, 'region' | 'zones'>): string[] {
  if (component.region === undefined) return [];
  if (component.zones && component.zones.length > 0) return component.zones;
  const region = design.regions.find((r) => r.id === component.region);
  return region ? [region.zones[0]!] : [];
}
