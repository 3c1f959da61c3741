import type { KindProps } from '../../../catalog';
import { range, type Estimator } from '../ledger';
import { hours } from './shared';

/** Search clusters: data nodes x hours at the node's price, and their storage. */
export const searchCluster: Estimator<KindProps<'search-cluster'>> = {
  usesCluster: (props) => props.hosting === 'kubernetes',
  clusterPods: (_props, { replicas }) => [{ what: 'search nodes', pods: range(Math.max(1, replicas)), vcpuPerPod: 2, memoryGbPerPod: 8, basis: '2 vCPU and 8 GB per search node pod (an assumption)' }],
  estimate: (ledger) => {
    const { props } = ledger;
    if (props.hosting === 'kubernetes') {
      ledger.included('Search node pods', "run on the region's cluster nodes, priced once with the control plane");
      return;
    }
    const nodes = ledger.instances();
    ledger.charge({ what: `Data nodes (${props.size})`, key: `search/${props.size}`, quantity: hours(nodes) });
    ledger.charge({ what: 'Node storage', key: 'search/storage', quantity: { low: nodes.low * props.storageGb, expected: nodes.expected * props.storageGb, high: nodes.high * props.storageGb } });
  },
};
