import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** API gateway: priced per request. */
export const apiGateway: Estimator<KindProps<'api-gateway'>> = {
  estimate: (ledger) => {
    const derived = ledger.fromTraffic(1, 'one request each');
    const requests = ledger.usage({ name: 'requestsPerMonth', label: 'API requests', unit: 'requests/month', nature: 'usage', prop: 'requestsPerMonth', default: 10_000_000, derived });
    if (requests) ledger.charge({ what: 'API requests', key: 'api/requests', quantity: requests, notes: derived ? [derived.derivation] : undefined });
  },
};
