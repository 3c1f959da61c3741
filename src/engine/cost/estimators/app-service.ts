import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { estimateCompute } from './shared';

/** App services: instances x hours x price for the runtime (VMs, managed containers, Kubernetes nodes). */
export const appService: Estimator<KindProps<'app-service'>> = {
  usesCluster: (props) => props.runtime === 'kubernetes',
  estimate: estimateCompute,
};
