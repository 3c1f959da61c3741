import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** Keys per month (each multi-region replica is billed as a key) and cryptographic requests. */
export const keyManagement: Estimator<KindProps<'key-management'>> = {
  estimate: (ledger) => {
    const { props, index } = ledger;
    const keys = ledger.usage({ name: 'keys', label: 'Customer-managed keys', unit: 'keys', nature: 'provisioned', prop: 'keys', default: 5 });
    const copies = props.multiRegionKeys ? Math.max(1, index.design.regions.length) : 1;
    if (keys) ledger.charge({ what: copies > 1 ? `Keys (${copies} regions)` : 'Keys', key: 'keys/key', quantity: keys.expected * copies, ...(copies > 1 ? { notes: ['each multi-region replica key is billed as a key'] } : {}) });
    const requests = ledger.usage({ name: 'requestsPerMonth', label: 'Requests', unit: 'requests/month', nature: 'usage', default: 1_000_000 });
    if (requests) ledger.charge({ what: 'Requests', key: 'keys/requests', quantity: requests });
  },
};
