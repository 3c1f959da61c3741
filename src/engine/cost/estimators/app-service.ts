import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { computePods, estimateCompute } from './shared';

/** App services: instances x hours x price for the runtime (VMs, managed containers, pods on Kubernetes nodes). */
export const appService: Estimator<KindProps<'app-service'>> = {
  usesCluster: (props) => props.runtime === 'kubernetes',
  clusterPods: (props, context) => computePods(props, context),
  estimate: estimateCompute,
};
