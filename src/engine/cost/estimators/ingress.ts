import type { KindProps } from '../../../catalog';
import { range, type Estimator } from '../ledger';
import { chargeLoadBalancer } from './load-balancer';

/** Controller pods: an assumption per pod, since the kind names no size. */
const CONTROLLER_POD = { vcpuPerPod: 0.5, memoryGbPerPod: 0.5, basis: '0.5 vCPU and 0.5 GB per controller pod (an assumption)' };

/**
 * Ingress controller: its pods run on the cluster's nodes (which are sized for them); in front
 * of it the cloud's load balancer: an application LB for the provider's controller, a network LB
 * for Traefik or NGINX exposed as a LoadBalancer service.
 */
export const ingress: Estimator<KindProps<'ingress'>> = {
  usesCluster: () => true,
  clusterPods: (props, { replicas }) => (props.controller === 'provider' ? [] : [{ what: 'controller pods', pods: range(Math.max(2, replicas)), ...CONTROLLER_POD }]),
  estimate: (ledger) => {
    const provider = ledger.props.controller === 'provider';
    if (!provider) ledger.included(`Controller pods (${String(ledger.props.controller)})`, `run on the region's cluster nodes, which are sized for them (${CONTROLLER_POD.basis}) and priced once with the control plane`);
    chargeLoadBalancer(ledger, provider ? 'application' : 'network', provider ? 'Load balancer for the ingress' : 'Load balancer in front of the controller', true);
  },
};
