import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { computePods, estimateCompute } from './shared';

/** Worker pools are priced like app services: instances x hours x price for the runtime. */
export const workerPool: Estimator<KindProps<'worker-pool'>> = {
  usesCluster: (props) => props.runtime === 'kubernetes',
  clusterPods: (props, context) => computePods(props, context),
  estimate: estimateCompute,
};
