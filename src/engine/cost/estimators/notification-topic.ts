import type { KindProps } from '../../../catalog';
import { mapRange, type Estimator } from '../ledger';

/** Topics: messages published; deliveries to queues and functions, and HTTP deliveries, by subscriber. */
export const notificationTopic: Estimator<KindProps<'notification-topic'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    const publishes = ledger.usage({ name: 'publishesPerMonth', label: 'Publishes', unit: 'messages/month', nature: 'usage', prop: 'publishesPerMonth', default: 1_000_000 });
    if (!publishes) return;
    ledger.charge({ what: 'Publishes', key: 'topic/publishes', quantity: publishes });
    if (props.subscribers > 0) {
      ledger.charge({ what: `Deliveries (${props.subscribers} subscribers)`, key: 'topic/deliveries', quantity: mapRange(publishes, (n) => n * props.subscribers) });
    }
  },
};
