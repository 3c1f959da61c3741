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

export function nameLines(node: Pick<DiagramNode, 'component' | 'width'>): string[] {
  const lines = wrapText(displayName(node.component), node.width - TEXT_LEFT - TEXT_RIGHT_PADDING, NAME_SIZE, true, 2);
  return lines.length > 0 ? lines : [node.component.id];
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
