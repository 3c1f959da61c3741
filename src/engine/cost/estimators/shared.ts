import { kindOf, type KindProps } from '../../../catalog';
import { componentZones } from '../../../model';
import { HOURS_PER_MONTH, mapRange, type ComponentLedger } from '../ledger';
import type { Range } from '../types';

export const hours = (count: Range): Range => mapRange(count, (n) => n * HOURS_PER_MONTH);

/** Assumed monthly traffic over one connection when the design says nothing (GB). */
export const DEFAULT_CONNECTION_GB = 20;
/** Assumed share of stored data that changes in a month, for replication and backup copies. */
export const MONTHLY_CHANGE_SHARE = 0.2;
/** Assumed share of a database's storage that changes per day, for backup retention. */
export const DAILY_CHANGE_SHARE = 0.02;

/** What compute estimates read: the props app services and worker pools share. */
type ComputeProps = Pick<KindProps<'app-service'> & KindProps<'worker-pool'>, 'runtime' | 'size' | 'vcpu' | 'memoryGb'>;

/**
 * Instances of app services and worker pools: virtual machines, managed containers (priced
 * per vCPU and GB of memory, e.g. Fargate) or Kubernetes nodes.
 */
export function estimateCompute(ledger: ComponentLedger<ComputeProps>): void {
  const { props } = ledger;
  const size = props.size;
  const instances = ledger.instances();
  switch (props.runtime) {
    case 'vm':
      ledger.charge({ what: `Instances (${size}), on-demand`, key: `compute/${size}`, quantity: hours(instances) });
      return;
    case 'kubernetes': {
      const nodes = ledger.usage({
        name: 'nodes',
        label: 'Cluster nodes for this workload',
        unit: 'nodes',
        nature: 'provisioned',
        default: instances.expected,
      });
      const nodeRange = nodes && nodes.expected !== instances.expected ? nodes : instances;
      ledger.charge({
        what: `Cluster nodes (${size}), on-demand`,
        key: `compute/${size}`,
        quantity: hours(nodeRange),
        notes: ['priced as one node per replica unless pricing.usage sets `nodes`; packing several pods per node costs less'],
      });
      return;
    }
    default: {
      const { vcpu, memoryGb } = props;
      const note = `${vcpu} vCPU and ${memoryGb} GB per task; the size prop (${size}) does not apply to managed containers`;
      ledger.charge({ what: `Container vCPU (${vcpu} per task)`, key: 'containers/vcpu', quantity: mapRange(hours(instances), (h) => h * vcpu), notes: [note] });
      ledger.charge({ what: `Container memory (${memoryGb} GB per task)`, key: 'containers/memory', quantity: mapRange(hours(instances), (h) => h * memoryGb) });
    }
  }
}

/** Prices `gb` of data in tiers (first 10 TB, next 40 TB, next 100 TB) from the keys given. */
export function chargeTiered(ledger: ComponentLedger, what: string, gb: Range, tiers: readonly { key: string; upToGb: number; label: string }[]): void {
  let floor = 0;
  for (const tier of tiers) {
    const inTier = mapRange(gb, (g) => Math.max(0, Math.min(g, tier.upToGb) - floor));
    if (inTier.high > 0) ledger.charge({ what: `${what}, ${tier.label}`, key: tier.key, quantity: inTier });
    floor = tier.upToGb;
  }
  const beyond = tiers[tiers.length - 1]?.upToGb ?? 0;
  if (gb.high > beyond) ledger.notInCatalog(`${what} beyond ${Math.round(beyond / 1024)} TB`, 'the catalog has no price for this tier');
}

export const INTERNET_TIERS = [
  { key: 'transfer/internet-tier1', upToGb: 10 * 1024, label: 'first 10 TB' },
  { key: 'transfer/internet-tier2', upToGb: 50 * 1024, label: 'next 40 TB' },
  { key: 'transfer/internet-tier3', upToGb: 150 * 1024, label: 'next 100 TB' },
] as const;

/** The price key for data sent from one region to another (AWS prices us-east-1 -> us-east-2 lower). */
export function interRegionKey(ledger: ComponentLedger, fromLocation: string, toLocation: string): string {
  const special = `transfer/inter-region-${toLocation}`;
  return ledger.book.find(special, fromLocation)?.regionMatch === 'exact' ? special : 'transfer/inter-region';
}

/** Stored gigabytes a stateful component holds, for replication traffic defaults. */
function stateGb(ledger: ComponentLedger): number {
  return ledger.traits.data?.sizeGb ?? DEFAULT_CONNECTION_GB;
}

/**
 * Data transfer the design implies: between zones, where instances in several zones call a
 * zonal service (a database primary, cache nodes), and between regions, wherever a
 * connection crosses regions (replication sends the share of data that changes each month).
 */
export function estimateTransfer(ledger: ComponentLedger): void {
  const { component, index } = ledger;
  if (component.region === undefined) return;
  const connections = index.outgoing.get(component.id);
  if (!connections) return;
  const fromZones = ledger.zones.length;
  let crossZoneGb = 0;
  const crossRegion = new Map<string, number>();
  for (const connection of connections) {
    const target = index.components.get(connection.to);
    if (!target || target.region === undefined) continue;
    const targetKind = kindOf(target);
    if (target.region !== component.region) {
      const gb = connection.mode === 'replication' || connection.mode === 'backup' ? Math.max(1, stateGb(ledger) * MONTHLY_CHANGE_SHARE) : DEFAULT_CONNECTION_GB;
      crossRegion.set(target.region, (crossRegion.get(target.region) ?? 0) + gb);
      continue;
    }
    // Only instance-to-instance traffic is billed between zones; regional endpoints (queues, buckets) are not.
    if (!ledger.kind.capabilities.instances || !targetKind.capabilities.instances || fromZones < 2) continue;
    const targetZones = componentZones(index.design, target);
    const shared = ledger.zones.filter((zone) => targetZones.includes(zone)).length;
    // A stateful target answers from one primary zone; a spread stateless target answers locally where it can.
    const crossingShare = targetKind.capabilities.stateful ? (fromZones - 1) / fromZones : 1 - shared / fromZones;
    crossZoneGb += DEFAULT_CONNECTION_GB * crossingShare;
  }
  if (crossZoneGb > 0) {
    const gb = ledger.usage({ name: 'crossZoneGbPerMonth', label: 'Data crossing zones', unit: 'GB/month', nature: 'usage', default: Math.round(crossZoneGb) });
    if (gb && gb.high > 0) {
      ledger.charge({
        what: 'Data transfer between zones',
        key: 'transfer/inter-zone',
        quantity: mapRange(gb, (g) => g * 2),
        notes: ['billed in each direction: GB crossing zones x 2'],
      });
    }
  }
  const fromLocation = ledger.location;
  for (const [regionId, defaultGb] of [...crossRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const toLocation = ledger.locationOf(regionId) ?? regionId;
    const gb = ledger.usage({ name: `crossRegionGbPerMonth.${regionId}`, label: `Data sent to region ${regionId}`, unit: 'GB/month', nature: 'usage', default: Math.round(defaultGb) });
    if (gb && gb.high > 0) ledger.charge({ what: `Data transfer to region ${regionId} (${toLocation})`, key: interRegionKey(ledger, fromLocation, toLocation), quantity: gb });
  }
}

/** Backup storage in another region or account, and the transfer of a copy between regions. */
export function chargeBackupCopy(ledger: ComponentLedger, options: { key: string; storedGb: Range; monthlyCopyGb: number; targetRegion?: string; separateAccount: boolean }): void {
  const target = options.targetRegion;
  const targetLocation = ledger.locationOf(target);
  if (target && targetLocation) {
    ledger.charge({ what: `Backup copies in region ${target} (${targetLocation})`, key: options.key, quantity: options.storedGb, location: targetLocation });
    const copied = ledger.usage({ name: 'backupCopyGbPerMonth', label: 'Backup data copied to another region', unit: 'GB/month', nature: 'usage', default: Math.round(options.monthlyCopyGb) });
    if (copied && copied.high > 0) ledger.charge({ what: `Backup copy transfer to ${targetLocation}`, key: interRegionKey(ledger, ledger.location, targetLocation), quantity: copied });
  } else if (options.separateAccount) {
    ledger.charge({
      what: 'Backup copies in a separate account',
      key: options.key,
      quantity: options.storedGb,
      notes: ['copies in another account are billed there in full; the free allowance covers only the source account'],
    });
  }
}

/** Backup storage of a database-like component: the retained set, with what the provider includes free. */
export function backupStorage(ledger: ComponentLedger, storageGb: number): Range | undefined {
  const backup = ledger.traits.data?.backup;
  if (!backup?.enabled) return undefined;
  const retention = backup.retentionDays;
  return ledger.usage({
    name: 'backupStorageGb',
    label: 'Backup storage retained',
    unit: 'GB',
    nature: 'usage',
    default: Math.round(storageGb * (1 + DAILY_CHANGE_SHARE * retention)),
  });
}

/** The component this one sends backups to (a `backup` connection), if any. */
export function backupTarget(ledger: ComponentLedger): string | undefined {
  return ledger.index.outgoing.get(ledger.component.id)?.find((connection) => connection.mode === 'backup')?.to;
}

/** Gigabytes that arrive over `backup` connections: the sources' stored data, where they state it. */
export function incomingBackupGb(ledger: ComponentLedger): number | undefined {
  let total: number | undefined;
  for (const connection of ledger.index.design.connections) {
    if (connection.to !== ledger.component.id || connection.mode !== 'backup') continue;
    const source = ledger.index.components.get(connection.from);
    const gb = source?.props?.storageGb;
    if (typeof gb === 'number') total = (total ?? 0) + gb;
  }
  return total;
}
