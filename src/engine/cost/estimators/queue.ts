import type { KindProps } from '../../../catalog';
import { range, type Estimator } from '../ledger';

/** Broker pods on Kubernetes: an assumption per pod, since a broker names no size. */
const BROKER_POD = { vcpuPerPod: 1, memoryGbPerPod: 2, basis: '1 vCPU and 2 GB per broker pod (an assumption)' };

/** Queue: requests (sends, receives, deletes); a namespace where the provider charges one (Service Bus). */
export const queue: Estimator<KindProps<'queue'>> = {
  usesCluster: (props) => props.hosting === 'kubernetes',
  clusterPods: (_props, { replicas }) => [{ what: 'broker pods', pods: range(Math.max(1, replicas)), ...BROKER_POD }],
  estimate: (ledger) => {
    const { props, book } = ledger;
    if (props.hosting === 'kubernetes') {
      ledger.included('Broker pods', `run on the region's cluster nodes, which are sized for them (${BROKER_POD.basis}) and priced once with the control plane`);
      return;
    }
    const requests = ledger.usage({ name: 'requestsPerMonth', label: 'Requests', unit: 'requests/month', nature: 'usage', prop: 'requestsPerMonth', default: 10_000_000 });
    if (!requests) return;
    if (book.has('queue/namespace')) {
      ledger.charge({ what: 'Namespace base charge', key: 'queue/namespace', quantity: 1, notes: ['one namespace can hold many queues; counted once per queue component here'] });
      ledger.charge({ what: 'Messaging operations', key: 'queue/operations', quantity: requests });
      return;
    }
    const fifo = props.fifo === true;
    ledger.charge({ what: fifo ? 'FIFO requests' : 'Requests', key: fifo ? 'queue/fifo-requests' : 'queue/standard-requests', quantity: requests });
  },
};
