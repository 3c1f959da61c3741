import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { hoursOf } from './shared';

/** Streams: provisioned shards (or partitions) by the hour, and the data written. */
export const eventStream: Estimator<KindProps<'event-stream'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    if (props.engine === 'kafka') {
      ledger.notInCatalog('Kafka brokers', 'managed Kafka is billed per broker instance and storage, which this catalog does not hold; size the brokers and import a price book');
      return;
    }
    ledger.charge({ what: `Shards (${props.shards})`, key: 'stream/shard', quantity: hoursOf(props.shards) });
    const gb = ledger.usage({ name: 'ingressGbPerMonth', label: 'Data in', unit: 'GB/month', nature: 'usage', prop: 'ingressGbPerMonth', default: 100 });
    if (gb) ledger.charge({ what: 'Data in', key: 'stream/ingress', quantity: gb });
    if (props.retentionHours > 24) ledger.charge({ what: 'Extended retention', key: 'stream/extended-retention', quantity: hoursOf(props.shards), notes: [`${props.retentionHours} hours kept (beyond the 24 included)`] });
  },
};
