import { findKind } from '../catalog';
import { displayName, type Component, type ConnectionMode, type Provider } from '../model';
import type { DiagramNode } from './geometry';
import { wrapText } from './text';

/**
 * The words the diagram shows, shared by the canvas and the renderers: a node's name lines and
 * kind line, a region's caption, the network boundary's and the columns' names per provider.
 */

export const NAME_SIZE = 14;
export const KIND_SIZE = 12;
export const NAME_LINE_HEIGHT = 17;
/** Left edge of a node's text: after the symbol tile. */
export const TEXT_LEFT = 54;
export const TEXT_RIGHT_PADDING = 10;
export const TILE_SIZE = 34;
export const TILE_INSET = 10;

/** A long name's size: the kind line's, so it is as legible as the smallest text at the first view's zoom. */
export const LONG_NAME_SIZE = 12;
export const LONG_NAME_LINE_HEIGHT = 14;

export interface NameLayout {
  lines: string[];
  size: number;
  lineHeight: number;
}

/**
 * A node's name as drawn: up to two lines at 14 px, or, for a name that does not fit in two, up to
 * three at 12 px (three 14 px lines would run into the kind line), so the names people give their
 * components are drawn whole; only a name too long even for that ends with "…".
 */
export function nameLayout(node: Pick<DiagramNode, 'component' | 'width'>): NameLayout {
  const name = displayName(node.component);
  const width = node.width - TEXT_LEFT - TEXT_RIGHT_PADDING;
  const lines = wrapText(name, width, NAME_SIZE, true, 2);
  if (lines.length === 0) return { lines: [node.component.id], size: NAME_SIZE, lineHeight: NAME_LINE_HEIGHT };
  const whole = (drawn: readonly string[]) => drawn.join('').replace(/\s+/g, '') === name.replace(/\s+/g, '');
  if (whole(lines)) return { lines, size: NAME_SIZE, lineHeight: NAME_LINE_HEIGHT };
  return { lines: wrapText(name, width, LONG_NAME_SIZE, true, 3), size: LONG_NAME_SIZE, lineHeight: LONG_NAME_LINE_HEIGHT };
}

export function kindLine(component: Component, zones: readonly string[], showZones: boolean): string {
  const title = findKind(component.kind)?.title ?? component.kind;
  const replicas = component.replicas !== undefined && component.replicas > 1 ? ` ×${component.replicas}` : '';
  const zoneText = showZones && zones.length > 0 ? ` · ${zones.length === 1 ? 'zone' : 'zones'} ${zones.join(' ')}` : '';
  return `${title}${replicas}${zoneText}`;
}

export const NETWORK_NAMES: Readonly<Record<Provider, string>> = { aws: 'VPC', azure: 'Virtual network', gcp: 'VPC network' };
export const ZONE_CAPTIONS: Readonly<Record<Provider, string>> = { aws: 'Availability Zone', azure: 'Availability zone', gcp: 'Zone' };
export const COLUMN_CAPTIONS = { service: 'Regional services', 'region-side': 'Security and operations' } as const;

export const MODE_TITLES: Readonly<Record<ConnectionMode, string>> = { sync: 'Sync', async: 'Async', replication: 'Replication', backup: 'Backup' };
export const MODE_COLOURS: Readonly<Record<ConnectionMode, string>> = { sync: '#3b4a5e', async: '#0f6bd0', replication: '#7b3fc4', backup: '#1e7f4f' };
