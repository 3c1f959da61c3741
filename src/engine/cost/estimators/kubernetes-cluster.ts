import type { KindProps } from '../../../catalog';
import { range, type Estimator } from '../ledger';

/**
 * A cluster drawn as a component: it owns its region's control plane and nodes (priced once per region,
 * with the first Kubernetes component there), and names the node size the nodes are priced at.
 */
export const kubernetesCluster: Estimator<KindProps<'kubernetes-cluster'>> = {
  usesCluster: () => true,
  clusterPods: (props) => [{ what: 'node size of the cluster', pods: range(0), vcpuPerPod: 0, memoryGbPerPod: 0, basis: "the cluster's node size", nodeSize: props.size }],
  estimate: (ledger) => {
    const region = ledger.component.region;
    if (region === undefined) {
      ledger.unsupported('Kubernetes cluster', 'a cluster needs a region to be priced');
      return;
    }
    const owner = ledger.index.clusterOwners.get(region);
    // The owner's ledger gets the control plane and node lines; another cluster component in the region says where they are.
    if (owner !== ledger.component.id) ledger.included('Control plane and nodes', `priced once for region ${region}, with \`${owner}\``);
  },
};
