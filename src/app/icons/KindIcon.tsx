import type { KindId } from '../../catalog';
import {
  Activity,
  Archive,
  ArrowUpRight,
  BarChart3,
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
  Box,
  type LucideIcon,
} from 'lucide-react';

/**
 * The symbol drawn for each component kind, in the palette, on canvas nodes and in panels.
 * SVG rather than the catalog's emoji, which many machines (headless Linux among them) cannot draw.
 */
const KIND_ICONS: Readonly<Record<KindId, LucideIcon>> = {
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
};

export function KindIcon({ kind, size = 16, className }: { kind: string; size?: number; className?: string }) {
  const Icon = (Object.hasOwn(KIND_ICONS, kind) ? KIND_ICONS[kind as KindId] : undefined) ?? Box;
  return <Icon size={size} strokeWidth={1.75} className={className} aria-hidden focusable={false} />;
}

export const KNOWN_ICON_KINDS = Object.keys(KIND_ICONS);
