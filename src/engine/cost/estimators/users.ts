import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** Users are where journeys start: not infrastructure, so not priced (and not zero either). */
export const users: Estimator<KindProps<'users'>> = {
  estimate: (ledger) => ledger.external('Users', 'the people and client systems that use the platform: not a cloud cost'),
};
