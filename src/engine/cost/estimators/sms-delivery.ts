import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** SMS: the price of a message depends on the destination country and carrier, which the design does not say. */
export const smsDelivery: Estimator<KindProps<'sms-delivery'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    if (props.provider === 'vendor') {
      ledger.external('SMS delivery', 'billed by the SMS vendor under its own contract');
      return;
    }
    ledger.notInCatalog('Text messages', 'SMS prices differ by destination country and carrier, and the catalog holds none; import a price book for your destinations');
  },
};
