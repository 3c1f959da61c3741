import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const eventStream = defineKind({
  id: 'event-stream',
  title: 'Event stream',
  description: 'An ordered, replayable log of events that several consumers read at their own pace (Kinesis, Event Hubs, Pub/Sub, managed Kafka). Events are kept for the retention period, read or not.',
  layer: 'async',
  keywords: ['stream', 'streaming', 'kinesis', 'event hubs', 'pub/sub', 'kafka', 'msk', 'confluent', 'log', 'events', 'cdc'],
  services: { aws: ['Amazon Kinesis Data Streams', 'Amazon MSK (Kafka)'], azure: ['Azure Event Hubs'], gcp: ['Pub/Sub', 'Managed Service for Apache Kafka'] },
  capabilities: { stateful: true, placement: 'regional', replicable: true, zoneRedundantService: true, dataRole: 'messages' },
  props: [
    {
      key: 'engine',
      label: 'Engine',
      help: 'The provider\'s own stream (Kinesis, Event Hubs, Pub/Sub) or managed Apache Kafka (MSK, Event Hubs Kafka endpoint, Managed Service for Apache Kafka).',
      type: 'choice',
      choices: [
        { value: 'native', label: 'Provider stream' },
        { value: 'kafka', label: 'Managed Kafka' },
      ],
      default: 'native',
    },
    { key: 'retentionHours', label: 'Retention', help: 'Hours an event is kept. A consumer that is down longer than this loses what it had not read, so keep it above the longest recovery of every consumer (with margin).', type: 'integer', min: 1, max: 8760, default: 24, unit: 'hours' },
    { key: 'shards', label: 'Shards or partitions', help: 'Units of throughput and ordering (Kinesis shards, Event Hubs partitions and throughput units, Kafka partitions). Each carries about 1 MB/s in.', type: 'integer', min: 1, max: 10000, default: 2 },
    { key: 'failureDestination', label: 'Failure destination', help: 'Records a consumer keeps failing on go to a queue or topic (an on-failure destination, a dead-letter topic) instead of blocking the shard until they expire.', type: 'boolean', default: false },
    { key: 'ingressGbPerMonth', label: 'Data in', help: 'Gigabytes written per month, for pricing.', type: 'number', min: 0, max: 1e9, default: 100, unit: 'GB' },
  ],
  initialProps: { retentionHours: 168, failureDestination: true },
  traits: (props) => ({
    operator: 'provider',
    runtime: 'managed-service',
    data: {
      role: 'messages',
      irreplaceable: false,
      deadLetter: props.failureDestination,
      // Every provider's stream replicates each write across zones before acknowledging it.
      durableWrites: true,
      messageRetentionDays: props.retentionHours / 24,
      replayable: true,
    },
  }),
  remedies: {
    'dead-letter': () => ({ props: { failureDestination: true } }),
    'longer-retention': (props, _component, { hours }) => ({ props: { retentionHours: Math.min(8760, Math.max(props.retentionHours, Math.ceil(hours ?? props.retentionHours))) } }),
  },
  sla: (props, _component, { provider }) =>
    byProvider(
      provider,
      {
        aws: () => (props.engine === 'kafka' ? AWS_SLA.msk : AWS_SLA.kinesisStreams),
        azure: () => AZURE_SLA.eventHubs,
        gcp: () => (props.engine === 'kafka' ? { unknown: 'no SLA figure for Managed Service for Apache Kafka in the catalog' } : GCP_SLA.pubsub),
      },
      'event stream',
    ),
});
