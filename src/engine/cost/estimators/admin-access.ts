import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { hours } from './shared';

/** Administrative access: a managed session service by the hour where it is billed so, or the bastion instances. */
export const adminAccess: Estimator<KindProps<'admin-access'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    if (props.method === 'managed') {
      ledger.charge({ what: 'Managed session service', key: 'admin/managed-hour', quantity: hours({ low: 1, expected: 1, high: 1 }) });
      return;
    }
    ledger.charge({ what: `Bastion hosts (${props.size})`, key: `compute/${props.size}`, quantity: hours(ledger.instances()) });
  },
};
