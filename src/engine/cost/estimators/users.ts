import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { DEFAULT_AVERAGE_TO_PEAK_PERCENT, DEFAULT_RESPONSE_KB } from '../traffic';

/**
 * Users are where journeys start: not infrastructure, so not priced (and not zero either). Their
 * peak request rate, with the average-to-peak share and response size, is the traffic that
 * request- and transfer-priced lines downstream are derived from; the three are listed as
 * assumptions so they can be read and changed.
 */
export const users: Estimator<KindProps<'users'>> = {
  peakRequestsPerSecond: (props, explicit) => (explicit.has('peakRequestsPerSecond') ? props.peakRequestsPerSecond : undefined),
  estimate: (ledger) => {
    ledger.usage({ name: 'peakRequestsPerSecond', label: 'Peak requests per second', unit: 'req/s', nature: 'provisioned', prop: 'peakRequestsPerSecond' });
    ledger.usage({ name: 'averageToPeakPercent', label: 'Average load, as a share of the peak (an assumption)', unit: '%', nature: 'provisioned', default: DEFAULT_AVERAGE_TO_PEAK_PERCENT });
    ledger.usage({ name: 'responseKb', label: 'Average response size (an assumption)', unit: 'KB', nature: 'provisioned', default: DEFAULT_RESPONSE_KB });
    ledger.external('Users', 'the people and client systems that use the platform: not a cloud cost');
  },
};
