import {
  Activity,
  Boxes,
  Braces,
  Cable,
  FolderOpen,
  Mail,
  Megaphone,
  MessageSquareText,
  Package,
  Search,
  SquareFunction,
  SquareTerminal,
  Waves,
  Archive,
  ArrowUpRight,
  BarChart3,
  Box,
  Building2,
  Clock,
  Cog,
  Database,
  DoorOpen,
  Globe,
  HardDrive,
  Inbox,
  Key,
  KeyRound,
  Lock,
  Rocket,
  Route,
  Satellite,
  Scale,
  Shield,
  Users,
  Wrench,
  Zap,
  type IconNode,
} from 'lucide';
import { findKind, type Layer } from '../catalog';
import type { Component } from '../model';

/**
 * How each kind of component is drawn: its symbol, its colour, and where it belongs in a
 * reference-architecture picture. The symbols are a neutral set (Lucide, ISC licence) for every
 * provider; docs/diagram.md says why the providers' own icon sets are not shipped.
 */

/** A symbol as SVG elements on a 24 x 24 grid, stroked (Lucide's format). */
export type Icon = IconNode;

const ICONS: Readonly<Record<string, Icon>> = {
  users: Users,
  dns: Globe,
  cdn: Satellite,
  waf: Shield,
  'load-balancer': Scale,
  'api-gateway': DoorOpen,
  ingress: Route,
  'nat-gateway': ArrowUpRight,
  'app-service': Cog,
  'worker-pool': Wrench,
  scheduler: Clock,
  queue: Inbox,
  'relational-db': Database,
  cache: Zap,
  'object-storage': Archive,
  'data-warehouse': BarChart3,
  'identity-provider': KeyRound,
  'secrets-manager': Lock,
  'key-management': Key,
  observability: Activity,
  'ci-cd': Rocket,
  'backup-vault': HardDrive,
  'external-system': Building2,
  'serverless-function': SquareFunction,
  'kubernetes-cluster': Boxes,
  'event-stream': Waves,
  'notification-topic': Megaphone,
  'key-value-db': Braces,
  'search-cluster': Search,
  'shared-file-system': FolderOpen,
  'container-registry': Package,
  'email-delivery': Mail,
  'sms-delivery': MessageSquareText,
  'private-connectivity': Cable,
  'admin-access': SquareTerminal,
};

/** The kinds with a symbol of their own (any other kind gets a plain box). */
export const KINDS_WITH_ICONS: readonly string[] = Object.keys(ICONS);

export function iconOf(kind: string): Icon {
  return (Object.hasOwn(ICONS, kind) ? ICONS[kind] : undefined) ?? Box;
}

/** Tile colours by layer, in the spirit of the providers' category colours (white symbol on top). */
export const LAYER_COLOURS: Readonly<Record<Layer, string>> = {
  edge: '#7a3fd1',
  app: '#c65b00',
  async: '#c2185b',
  data: '#3142b8',
  storage: '#3a7d22',
  security: '#c62a3d',
  operations: '#5b6b82',
  integration: '#455a78',
};

export function layerOf(kind: string): Layer {
  return findKind(kind)?.layer ?? 'app';
}

export function colourOf(kind: string): string {
  return LAYER_COLOURS[layerOf(kind)];
}

/** The request path's layers, top to bottom inside a region. */
export const REQUEST_PATH: readonly Layer[] = ['edge', 'app', 'async', 'data', 'storage'];

/**
 * Where a component is drawn:
 * - `network`: inside the region's network boundary (VPC), in its zones' columns;
 * - `service`: a regional managed service outside the network boundary, beside it on the request path;
 * - `region-side`: a regional security or operations service, in the region's side column;
 * - `top`: a global edge service or the users, above the regions;
 * - `side`: a global security, operations or other service, to the side of the regions;
 * - `external`: a system outside the design's clouds.
 */
export type Place = 'network' | 'service' | 'region-side' | 'top' | 'side' | 'external';

/** Kinds that live inside a network boundary (they have addresses in a subnet of each zone they run in). */
const IN_NETWORK = new Set(['load-balancer', 'nat-gateway', 'ingress', 'app-service', 'worker-pool', 'relational-db', 'cache', 'data-warehouse', 'kubernetes-cluster', 'search-cluster', 'admin-access']);

export function placeOf(component: Pick<Component, 'kind' | 'region'>): Place {
  const layer = layerOf(component.kind);
  if (component.region === undefined) {
    if (layer === 'integration') return 'external';
    if (layer === 'edge') return 'top';
    return 'side';
  }
  if (IN_NETWORK.has(component.kind)) return 'network';
  if (!findKind(component.kind) && (layer === 'app' || layer === 'data')) return 'network';
  if (layer === 'security' || layer === 'operations') return 'region-side';
  return 'service';
}

/** The row band of a component on the request path (edge 0 ... storage 4; others after). */
export function bandOf(kind: string): number {
  // Egress (NAT) sits at the bottom of the network, by the way out to external systems.
  if (kind === 'nat-gateway') return REQUEST_PATH.length;
  const index = REQUEST_PATH.indexOf(layerOf(kind));
  return index < 0 ? REQUEST_PATH.length : index;
}
