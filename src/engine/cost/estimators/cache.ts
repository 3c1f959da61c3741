import type { KindProps } from '../../../catalog';
import { mapRange, range, type Estimator } from '../ledger';
import { hours } from './shared';

/** Cache: every node (the primary and each replica) x hours x price, and snapshots kept beyond the one included. */
export const cache: Estimator<KindProps<'cache'>> = {
  usesCluster: (props) => props.hosting === 'kubernetes',
  estimate: (ledger) => {
    const { props, component } = ledger;
    const engine = String(props.engine);
    const size = String(props.size);
    if (props.hosting === 'kubernetes') {
      ledger.included(`Cache pods (${engine})`, 'run on the cluster nodes, priced with the workloads that run there');
      return;
    }
    const nodes = component.replicas ?? 1;
    const key = `cache/${engine}/${size}`;
    const catalogNote = ledger.book.has(key) ? '' : ' (the catalog prices Redis OSS nodes)';
    ledger.charge({ what: `Primary node (${size})${catalogNote}`, key, quantity: hours(range(1)) });
    if (nodes > 1) ledger.charge({ what: `Replica nodes (${nodes - 1} x ${size})${catalogNote}`, key, quantity: hours(range(nodes - 1)), notes: ['a replication group pays for each replica as a full node'] });
    const backup = (props.backup ?? {}) as { enabled?: boolean; retentionDays?: number };
    if (backup.enabled || props.persistence === 'snapshot') {
      const snapshotGb = ledger.usage({ name: 'snapshotGb', label: 'Snapshot size', unit: 'GB', nature: 'usage', default: 10 });
      const retention = backup.retentionDays ?? 1;
      if (snapshotGb) {
        ledger.free('One snapshot', 'storage for one snapshot per cluster is included');
        if (retention > 1) ledger.charge({ what: `Snapshots kept ${retention} days`, key: 'cache/backup', quantity: mapRange(snapshotGb, (gb) => gb * (retention - 1)) });
      }
    }
  },
};
