import { type ComponentTraits, type KindProps } from '../../../catalog';
import { HOURS_PER_MONTH, mapRange, type BackupProfile, type ComponentLedger, type PodRequests } from '../ledger';
import type { PriceBook } from '../price-catalog';
import type { Range } from '../types';
import { formatCents, formatNumber } from '../numbers';

/** Hours in a month of `count` things. Written out rather than by mapRange: it runs for most lines, and a function made per call is garbage. */
export const hours = (count: Range): Range => ({ low: count.low * HOURS_PER_MONTH, expected: count.expected * HOURS_PER_MONTH, high: count.high * HOURS_PER_MONTH });
/** Hours in a month of `count` things in every profile: hours(range(count)), without the range made to be read once. */
export const hoursOf = (count: number): Range => {
  const monthly = count * HOURS_PER_MONTH;
  return { low: monthly, expected: monthly, high: monthly };
};

/** Assumed monthly traffic over one connection when the design says nothing (GB). */
export const DEFAULT_CONNECTION_GB = 20;
/** Assumed share of stored data that changes in a month, for replication and backup copies. */
export const MONTHLY_CHANGE_SHARE = 0.2;
/** Assumed share of a database's storage that changes per day, for backup retention. */
export const DAILY_CHANGE_SHARE = 0.02;

/** What compute estimates read: the props app services and worker pools share. */
type ComputeProps = Pick<KindProps<'app-service'> & KindProps<'worker-pool'>, 'runtime' | 'size' | 'vcpu' | 'memoryGb'>;

const count = (n: number): string => formatNumber(n);

/** Whether the design file sets a prop itself (rather than the kind's default filling it in). */
export function isExplicit(ledger: { component: { props?: Readonly<Record<string, unknown>> } }, key: string): boolean {
  return ledger.component.props !== undefined && key in ledger.component.props;
}

/**
 * The vCPUs and memory of one task or pod: the `vcpu` and `memoryGb` the design sets; else, when it
 * sets a `size`, that instance type's shape; else the kind's defaults. Says which.
 */
export function taskShape(ledger: ComponentLedger<ComputeProps>): { vcpu: number; memoryGb: number; basis: string } | { unknownSize: string } {
  const { props } = ledger;
  const ownVcpu = isExplicit(ledger, 'vcpu');
  const ownMemory = isExplicit(ledger, 'memoryGb');
  if (isExplicit(ledger, 'size') && !(ownVcpu && ownMemory)) {
    const shape = ledger.book.shape(props.size);
    if (!shape) return { unknownSize: props.size };
    const vcpu = ownVcpu ? props.vcpu : shape.vcpu;
    const memoryGb = ownMemory ? props.memoryGb : shape.memoryGb;
    return { vcpu, memoryGb, basis: `the shape of size ${props.size} (${shape.vcpu} vCPU, ${shape.memoryGb} GB; ${shape.source})${ownVcpu || ownMemory ? ', with the vcpu or memoryGb the design sets' : ''}` };
  }
  const stated = ownVcpu || ownMemory ? 'as the design sets them' : "the kind's defaults (set vcpu and memoryGb, or a size)";
  return { vcpu: props.vcpu, memoryGb: props.memoryGb, basis: `${props.vcpu} vCPU and ${props.memoryGb} GB per task, ${stated}` };
}

/**
 * Instances of app services and worker pools: virtual machines of their size; managed
 * containers (priced per vCPU and GB of memory, e.g. Fargate) of the size's shape when a size is
 * given; or pods on the region's Kubernetes cluster, whose nodes are priced once per region.
 */
export function estimateCompute(ledger: ComponentLedger<ComputeProps>): void {
  const { props } = ledger;
  const size = props.size;
  const instances = ledger.instances();
  switch (props.runtime) {
    case 'vm':
      ledger.charge({ what: `Instances (${count(instances.expected)} x ${size})`, key: `compute/${size}`, quantity: hours(instances) });
      return;
    case 'kubernetes': {
      const shape = taskShape(ledger);
      if ('unknownSize' in shape) {
        ledger.notInCatalog(`Pods (${count(instances.expected)})`, `the catalog does not know the vCPUs and memory of ${shape.unknownSize}; set vcpu and memoryGb`);
        return;
      }
      ledger.included(`Pods (${count(instances.expected)} x ${shape.vcpu} vCPU, ${shape.memoryGb} GB)`, `run on the region's cluster nodes (${size}), which are sized for every pod there and priced once, with the control plane; ${shape.basis}`);
      return;
    }
    default: {
      const shape = taskShape(ledger);
      if ('unknownSize' in shape) {
        ledger.notInCatalog(`Tasks (${count(instances.expected)} x ${shape.unknownSize})`, `the catalog does not know the vCPUs and memory of ${shape.unknownSize}, so tasks of that size cannot be priced; set vcpu and memoryGb`);
        return;
      }
      const notes = [`managed containers: ${count(instances.expected)} tasks of ${shape.vcpu} vCPU and ${shape.memoryGb} GB, from ${shape.basis}`];
      if (isExplicit(ledger, 'size')) {
        const instance = ledger.book.find(`compute/${size}`, ledger.location);
        if (instance) {
          const asInstances = Math.round(instances.expected * HOURS_PER_MONTH * instance.price.usd * 100) / 100;
          notes.push(`the same capacity as ${count(instances.expected)} ${size} instances (runtime: vm, or containers on EC2 capacity) would be $${formatCents(asInstances)} a month`);
        }
      }
      // Hours first, then the task's size, as mapRange(hours(instances), ...) multiplied (the same figures to the last bit).
      const { vcpu, memoryGb } = shape;
      ledger.charge({
        what: `Container vCPU (${count(instances.expected)} tasks x ${vcpu} vCPU)`,
        key: 'containers/vcpu',
        quantity: { low: instances.low * HOURS_PER_MONTH * vcpu, expected: instances.expected * HOURS_PER_MONTH * vcpu, high: instances.high * HOURS_PER_MONTH * vcpu },
        notes,
      });
      ledger.charge({
        what: `Container memory (${count(instances.expected)} tasks x ${memoryGb} GB)`,
        key: 'containers/memory',
        quantity: { low: instances.low * HOURS_PER_MONTH * memoryGb, expected: instances.expected * HOURS_PER_MONTH * memoryGb, high: instances.high * HOURS_PER_MONTH * memoryGb },
      });
    }
  }
}

/** The pods a compute workload on Kubernetes asks for; its size names the cluster's node size. */
export function computePods(props: ComputeProps, context: { replicas: number; traits: ComponentTraits; book: PriceBook; explicit: ReadonlySet<string> }): PodRequests[] {
  const explicit = { size: context.explicit.has('size'), vcpu: context.explicit.has('vcpu'), memoryGb: context.explicit.has('memoryGb') };
  const autoscaling = context.traits.autoscaling;
  const replicas = context.replicas;
  const pods: Range = autoscaling?.enabled ? { low: Math.min(autoscaling.min ?? replicas, replicas), expected: replicas, high: Math.max(autoscaling.max ?? replicas, replicas) } : { low: replicas, expected: replicas, high: replicas };
  const shape = explicit.size && !(explicit.vcpu && explicit.memoryGb) ? context.book.shape(props.size) : undefined;
  const vcpu = explicit.vcpu || !shape ? props.vcpu : shape.vcpu;
  const memoryGb = explicit.memoryGb || !shape ? props.memoryGb : shape.memoryGb;
  return [{ what: 'application pods', pods, vcpuPerPod: vcpu, memoryGbPerPod: memoryGb, basis: shape ? `shape of ${props.size}` : explicit.vcpu || explicit.memoryGb ? 'vcpu and memoryGb' : 'default requests', nodeSize: props.size }];
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
  // Made for the few components with a connection to another region only.
  let crossRegion: Map<string, number> | undefined;
  // Indexed loops: for-of made an iterator result for every connection and zone here, about 0.4 MB a pricing at 5,000 components.
  for (let c = 0; c < connections.length; c++) {
    const connection = connections[c]!;
    const at = index.positions.get(connection.to);
    if (at === undefined) continue;
    const target = index.design.components[at]!;
    if (target.region === undefined) continue;
    const targetKind = index.kinds[at]!;
    if (target.region !== component.region) {
      const gb = connection.mode === 'replication' || connection.mode === 'backup' ? Math.max(1, stateGb(ledger) * MONTHLY_CHANGE_SHARE) : DEFAULT_CONNECTION_GB;
      crossRegion ??= new Map();
      crossRegion.set(target.region, (crossRegion.get(target.region) ?? 0) + gb);
      continue;
    }
    // Only instance-to-instance traffic is billed between zones; regional endpoints (queues, buckets) are not.
    if (!ledger.kind.capabilities.instances || !targetKind.capabilities.instances || fromZones < 2) continue;
    const targetZones = index.zones[at]!;
    let shared = 0;
    const zones = ledger.zones;
    for (let z = 0; z < zones.length; z++) if (targetZones.includes(zones[z]!)) shared += 1;
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
  if (crossRegion === undefined) return;
  const fromLocation = ledger.location;
  for (const [regionId, defaultGb] of [...crossRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (ledger.coversTransfer(regionId)) {
      ledger.included(`Data transfer to region ${regionId}`, 'the replication this component already prices carries it; not counted twice');
      continue;
    }
    const toLocation = ledger.locationOf(regionId) ?? regionId;
    const gb = ledger.usage({ name: `crossRegionGbPerMonth.${regionId}`, label: `Data sent to region ${regionId}`, unit: 'GB/month', nature: 'usage', default: Math.round(defaultGb) });
    if (gb && gb.high > 0) ledger.charge({ what: `Data transfer to region ${regionId} (${toLocation})`, key: interRegionKey(ledger, fromLocation, toLocation), quantity: gb });
  }
}

/** Backup storage in another region or account, and the transfer of a copy between regions. */
export function chargeBackupCopy(
  ledger: ComponentLedger,
  options: { key: string; storedGb: Range; monthlyCopyGb: number; targetRegion?: string; separateAccount: boolean; label?: string; usageName?: string },
): void {
  const target = options.targetRegion;
  const targetLocation = ledger.locationOf(target);
  const label = options.label ?? 'Backup copies';
  if (target && targetLocation) {
    ledger.charge({ what: `${label} in region ${target} (${targetLocation})`, key: options.key, quantity: options.storedGb, location: targetLocation });
    const copied = ledger.usage({ name: options.usageName ?? 'backupCopyGbPerMonth', label: 'Backup data copied to another region', unit: 'GB/month', nature: 'usage', default: Math.round(options.monthlyCopyGb) });
    if (copied && copied.high > 0) ledger.charge({ what: `${label}: transfer to ${targetLocation}`, key: interRegionKey(ledger, ledger.location, targetLocation), quantity: copied });
  } else if (options.separateAccount) {
    ledger.charge({
      what: `${label} in a separate account`,
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

/** The components that send backups to this one (`backup` connections), with what each sends where it can say. */
export function incomingBackups(ledger: ComponentLedger): { id: string; profile: BackupProfile | undefined }[] {
  const sources: { id: string; profile: BackupProfile | undefined }[] = [];
  for (const connection of ledger.index.incoming.get(ledger.component.id) ?? []) {
    if (connection.mode !== 'backup') continue;
    sources.push({ id: connection.from, profile: ledger.index.backups.get(connection.from) });
  }
  return sources;
}

/** Public IPv4 addresses, billed per address-hour whether in use or idle. */
export function publicAddresses(ledger: ComponentLedger, count: number, why: string): void {
  ledger.charge({ what: `Public IPv4 addresses (${count})`, key: 'network/public-ipv4', quantity: hours({ low: count, expected: count, high: count }), notes: [why] });
}
