import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { chargeLoadBalancer } from './load-balancer';

/**
 * Ingress controller: its pods run on the cluster's nodes (priced with them); in front of it the
 * cloud's load balancer: an application LB for the provider's controller, a network LB for
 * Traefik or NGINX exposed as a LoadBalancer service.
 */
export const ingress: Estimator<KindProps<'ingress'>> = {
  usesCluster: () => true,
  estimate: (ledger) => {
    const provider = ledger.props.controller === 'provider';
    if (!provider) ledger.included(`Controller pods (${String(ledger.props.controller)})`, 'run on the cluster nodes, priced with the workloads that run there');
    chargeLoadBalancer(ledger, provider ? 'application' : 'network', provider ? 'Load balancer for the ingress' : 'Load balancer in front of the controller');
  },
};
