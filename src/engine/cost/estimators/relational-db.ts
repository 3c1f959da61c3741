import type { KindProps } from '../../../catalog';
import { mapRange, range, type ComponentLedger, type Estimator, type PodRequests } from '../ledger';
import type { PriceBook } from '../price-catalog';
import { backupStorage, backupTarget, chargeBackupCopy, DAILY_CHANGE_SHARE, hoursOf } from './shared';

const INSTANCE_PREFIX: Readonly<Record<string, string>> = {
  postgres: 'db/postgres',
  'aurora-postgresql': 'db/aurora-postgresql',
};

/** The pods of a database run on Kubernetes (an operator such as CloudNativePG): one per instance, of the size's shape. */
function databasePods(props: KindProps<'relational-db'>, book: PriceBook): PodRequests {
  const instances = 1 + (props.ha === 'single' ? 0 : props.ha === 'cluster' ? 2 : 1) + Number(props.readReplicas ?? 0);
  const size = String(props.size);
  const shape = book.shape(size) ?? book.shape(size.replace(/^db\./, ''));
  return shape
    ? { what: 'database pods', pods: range(instances), vcpuPerPod: shape.vcpu, memoryGbPerPod: shape.memoryGb, basis: `the shape of ${size}` }
    : { what: 'database pods', pods: range(instances), vcpuPerPod: 2, memoryGbPerPod: 8, basis: `${size}'s shape is not in the catalog: 2 vCPU and 8 GB assumed` };
}

function instanceKey(engine: string, size: string): string {
  return `${INSTANCE_PREFIX[engine] ?? `db/${engine}`}/${size}`;
}

/** Backups: the retained set beyond what the provider includes (100% of provisioned storage on RDS). */
function chargeBackups(ledger: ComponentLedger, storageGb: number, key: string): void {
  const backup = (ledger.props.backup ?? {}) as { retentionDays?: number; copyToRegion?: string; separateAccount?: boolean };
  const retained = backupStorage(ledger, storageGb);
  if (!retained) return;
  ledger.free(`Backup storage up to ${storageGb} GB`, 'backup storage up to the provisioned database storage is included at no charge');
  const beyond = mapRange(retained, (gb) => Math.max(0, gb - storageGb));
  if (beyond.high > 0) ledger.charge({ what: 'Backup storage beyond the database size', key, quantity: beyond, notes: [`${backup.retentionDays ?? 7} days retained, ${DAILY_CHANGE_SHARE * 100}% of the data changing per day`] });
  const vault = backupTarget(ledger);
  if (vault) ledger.included(`Backup copies kept in ${vault}`, `a backup connection sends the copies to ${vault}, which prices their storage`);
  // A vault that copies its recovery points to the same region makes the one copy there (one copy rule in
  // the exported plan): priced by the vault, not twice.
  const vaultCopies = vault !== undefined && backup.copyToRegion !== undefined && ledger.traitsOf(vault)?.data?.vault?.copyToRegion === backup.copyToRegion;
  if (vaultCopies) {
    ledger.included(`Backup copies in region ${backup.copyToRegion}`, `${vault} copies its recovery points to ${backup.copyToRegion} and prices them; one copy, counted once`);
  }
  chargeBackupCopy(ledger, {
    key,
    storedGb: retained,
    monthlyCopyGb: storageGb * DAILY_CHANGE_SHARE * 30,
    targetRegion: vaultCopies ? undefined : backup.copyToRegion,
    // Copies that go to a vault of the design are priced there, not twice.
    separateAccount: backup.separateAccount === true && vault === undefined,
  });
}

/**
 * Providers that price database instances by vCPU and memory (Cloud SQL): a custom machine
 * `db-custom-<vCPUs>-<memory MB>`; high availability is priced at the regional (HA) rates.
 */
function chargeVcpuInstances(ledger: ComponentLedger, vcpus: number, memoryGb: number, storageGb: number, readReplicas: number): void {
  const ha = ledger.props.ha !== 'single';
  const suffix = ha ? '-ha' : '';
  const label = ha ? ', high availability (regional)' : '';
  ledger.charge({ what: `Primary vCPUs (${vcpus})${label}`, key: `db/vcpu${suffix}`, quantity: vcpus * 730 });
  ledger.charge({ what: `Primary memory (${memoryGb} GB)${label}`, key: `db/memory${suffix}`, quantity: memoryGb });
  ledger.charge({ what: `Storage (${storageGb} GB)${label}`, key: ha ? 'db/storage-multi-az' : 'db/storage', quantity: storageGb });
  if (readReplicas > 0) {
    ledger.charge({ what: `Read replica vCPUs (${readReplicas} x ${vcpus})`, key: 'db/vcpu', quantity: readReplicas * vcpus * 730 });
    ledger.charge({ what: `Read replica memory (${readReplicas} x ${memoryGb} GB)`, key: 'db/memory', quantity: readReplicas * memoryGb });
    ledger.charge({ what: `Read replica storage (${readReplicas} x ${storageGb} GB)`, key: 'db/storage', quantity: readReplicas * storageGb });
  }
  const retained = backupStorage(ledger, storageGb);
  if (retained) ledger.charge({ what: 'Backup storage', key: 'db/backup', quantity: retained });
}

/**
 * Relational database: the primary, a Multi-AZ standby (paid in full), read replicas (each
 * another instance with its own storage), storage, and backups. Aurora: a writer, a replica
 * per standby or reader, one shared cluster volume, and I/O that depends on usage.
 */
export const relationalDb: Estimator<KindProps<'relational-db'>> = {
  usesCluster: (props) => props.hosting === 'kubernetes',
  clusterPods: (props, { book }) => [databasePods(props, book)],
  backupProfile: (props) => {
    if (props.hosting === 'kubernetes') return undefined;
    const aurora = String(props.engine).startsWith('aurora');
    return { gb: Number(props.storageGb ?? 100), key: aurora ? 'backup/aurora-snapshot' : 'backup/rds-snapshot', label: aurora ? 'Aurora snapshots' : 'database snapshots' };
  },
  estimate: (ledger) => {
    const { props } = ledger;
    const engine = String(props.engine);
    const size = String(props.size);
    const storageGb = Number(props.storageGb ?? 100);
    const readReplicas = Number(props.readReplicas ?? 0);
    if (props.hosting === 'kubernetes') {
      const pods = databasePods(props, ledger.book);
      ledger.included(`Database pods (${pods.pods.expected} x ${engine}, ${pods.vcpuPerPod} vCPU / ${pods.memoryGbPerPod} GB each)`, `run on the region's cluster nodes, which are sized for them (${pods.basis}) and priced once with the control plane`);
      ledger.charge({ what: `Persistent volumes (${pods.pods.expected} x ${storageGb} GB)`, key: 'storage/block', quantity: pods.pods.expected * storageGb, notes: ['one volume per database pod'] });
      return;
    }
    const custom = /^db-custom-(\d+)-(\d+)$/.exec(size);
    if (custom && ledger.book.has('db/vcpu')) {
      chargeVcpuInstances(ledger, Number(custom[1]), Number(custom[2]) / 1024, storageGb, readReplicas);
      return;
    }
    const key = instanceKey(engine, size);
    const noInstancePrice = !ledger.book.has(key) ? ` (the catalog prices ${Object.keys(INSTANCE_PREFIX).join(' and ')} instances)` : '';
    if (engine.startsWith('aurora')) {
      ledger.charge({ what: `Writer instance (${size})${noInstancePrice}`, key, quantity: hoursOf(1) });
      const standbys = props.ha === 'single' ? 0 : 1;
      if (standbys > 0) ledger.charge({ what: `Aurora replica in another zone, the failover target (${size})`, key, quantity: hoursOf(standbys), notes: ['each Aurora replica is another instance at the same price'] });
      if (readReplicas > 0) ledger.charge({ what: `Read replicas (${readReplicas} x ${size})`, key, quantity: hoursOf(readReplicas) });
      ledger.charge({ what: `Cluster storage (${storageGb} GB, shared by all instances)`, key: 'db/aurora-storage', quantity: storageGb });
      const io = ledger.usage({ name: 'ioRequestsPerMonth', label: 'I/O requests', unit: 'requests/month', nature: 'usage' });
      if (io) ledger.charge({ what: 'I/O requests', key: 'db/aurora-io', quantity: io });
      else ledger.dependsOnUsage('I/O requests', 'ioRequestsPerMonth', 'Aurora Standard bills every I/O request');
      chargeBackups(ledger, storageGb, 'db/aurora-backup');
      return;
    }
    if (props.ha === 'cluster') {
      // A Multi-AZ DB cluster: a writer and two readable standbys in three zones, each billed as a
      // cluster instance, and cluster storage billed once for the cluster.
      ledger.charge({ what: `Multi-AZ DB cluster instances (3 x ${size}: a writer and two readable standbys)`, key: `${instanceKey(engine, size).replace(/^(db\/[^/]+)\//, '$1-cluster/')}`, quantity: hoursOf(3), notes: ['a Multi-AZ DB cluster always runs three instances'] });
      ledger.charge({ what: `Cluster storage (${storageGb} GB)`, key: 'db/storage-cluster', quantity: storageGb });
    } else {
      const multiAzKey = key.replace(/^(db\/[^/]+)\//, '$1-multi-az/');
      if (props.ha === 'multi-az' && ledger.book.find(multiAzKey, ledger.location)) {
        // The price list has the Multi-AZ deployment's own price (primary and standby together).
        ledger.charge({ what: `Multi-AZ instance (${size}, primary and standby)`, key: multiAzKey, quantity: hoursOf(1) });
      } else {
        ledger.charge({ what: `Primary instance (${size})${noInstancePrice}`, key, quantity: hoursOf(1) });
      }
      if (props.ha === 'multi-az' && !ledger.book.find(multiAzKey, ledger.location)) {
        ledger.charge({
          what: `Multi-AZ standby (${size})`,
          key,
          quantity: hoursOf(1),
          multiplier: { key: 'db/multi-az-multiplier', minus: 1, label: 'Multi-AZ instance price' },
        });
      }
    }
    if (readReplicas > 0) ledger.charge({ what: `Read replicas (${readReplicas} x ${size})`, key, quantity: hoursOf(readReplicas) });
    if (props.ha !== 'cluster') {
      const multiAz = props.ha === 'multi-az';
      ledger.charge({ what: `Storage (${storageGb} GB${multiAz ? ', Multi-AZ' : ''})`, key: multiAz ? 'db/storage-multi-az' : 'db/storage', quantity: storageGb, notes: multiAz ? ['the standby keeps its own copy, so Multi-AZ storage costs twice'] : undefined });
    }
    if (readReplicas > 0) ledger.charge({ what: `Read replica storage (${readReplicas} x ${storageGb} GB)`, key: 'db/storage', quantity: readReplicas * storageGb });
    chargeBackups(ledger, storageGb, 'db/backup');
  },
};
