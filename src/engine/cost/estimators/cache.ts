import type { KindProps } from '../../../catalog';
import { mapRange, range, type Estimator, type PodRequests } from '../ledger';
import type { PriceBook } from '../price-catalog';
import { hoursOf } from './shared';

/** Cache pods on Kubernetes (Redis with Sentinel, say): one per node, of the size's shape. */
function cachePods(props: KindProps<'cache'>, nodes: number, book: PriceBook): PodRequests {
  const size = String(props.size);
  const shape = book.shape(size) ?? book.shape(size.replace(/^cache\./, ''));
  return shape
    ? { what: 'cache pods', pods: range(nodes), vcpuPerPod: shape.vcpu, memoryGbPerPod: shape.memoryGb, basis: `the shape of ${size}` }
    : { what: 'cache pods', pods: range(nodes), vcpuPerPod: 1, memoryGbPerPod: 4, basis: `${size}'s shape is not in the catalog: 1 vCPU and 4 GB assumed` };
}

/** Cache: every node (the primary and each replica) x hours x price, and snapshots kept beyond the one included. */
export const cache: Estimator<KindProps<'cache'>> = {
  usesCluster: (props) => props.hosting === 'kubernetes',
  clusterPods: (props, { replicas, book }) => [cachePods(props, replicas, book)],
  estimate: (ledger) => {
    const { props, component } = ledger;
    const engine = String(props.engine);
    const size = String(props.size);
    const nodes = component.replicas ?? 1;
    if (props.hosting === 'kubernetes') {
      const pods = cachePods(props, nodes, ledger.book);
      ledger.included(`Cache pods (${nodes} x ${engine}, ${pods.vcpuPerPod} vCPU / ${pods.memoryGbPerPod} GB each)`, `run on the region's cluster nodes, which are sized for them (${pods.basis}) and priced once with the control plane`);
      return;
    }
    const key = `cache/${engine}/${size}`;
    const catalogNote = ledger.book.has(key) ? '' : ' (the catalog prices Redis OSS nodes)';
    ledger.charge({ what: `Primary node (${size})${catalogNote}`, key, quantity: hoursOf(1) });
    if (nodes > 1) ledger.charge({ what: `Replica nodes (${nodes - 1} x ${size})${catalogNote}`, key, quantity: hoursOf(nodes - 1), notes: ['a replication group pays for each replica as a full node'] });
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
