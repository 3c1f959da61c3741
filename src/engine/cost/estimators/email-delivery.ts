import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** E-mail: messages sent, and a dedicated sending address where asked for; a vendor bills under its own contract. */
export const emailDelivery: Estimator<KindProps<'email-delivery'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    if (props.provider === 'vendor') {
      ledger.external('E-mail delivery', "billed by the delivery vendor under its own contract");
      return;
    }
    const messages = ledger.usage({ name: 'messagesPerMonth', label: 'Messages', unit: 'messages/month', nature: 'usage', prop: 'messagesPerMonth', default: 100_000 });
    if (messages) ledger.charge({ what: 'Messages sent', key: 'email/messages', quantity: messages });
    if (props.dedicatedIp) ledger.charge({ what: 'Dedicated sending IP', key: 'email/dedicated-ip', quantity: 1 });
  },
};
