import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { hostingProp, hostedBy } from '../common-props';
import { defineKind } from '../define-kind';

export const queue = defineKind({
  id: 'queue',
  title: 'Queue',
  description: 'A durable message queue (SQS, Service Bus, Pub/Sub, RabbitMQ) that decouples the request path from slow or unreliable work.',
  layer: 'async',
  keywords: ['sqs', 'service bus', 'pub/sub', 'rabbitmq', 'messages', 'dead letter', 'dlq'],
  services: { aws: ['Amazon SQS', 'Amazon MQ'], azure: ['Azure Service Bus', 'Storage Queues'], gcp: ['Pub/Sub', 'Cloud Tasks'] },
  capabilities: { stateful: true, placement: 'regional', replicable: true, zoneRedundantService: true, dataRole: 'messages' },
  props: [
    hostingProp,
    { key: 'durable', label: 'Durable', help: 'Messages are persisted and replicated before the send is acknowledged, so they survive a node or zone loss.', type: 'boolean', default: true },
    { key: 'deadLetter', label: 'Dead-letter queue', help: 'Messages that keep failing move aside after a few attempts instead of blocking the queue or being lost.', type: 'boolean', default: false },
    { key: 'maxReceiveCount', label: 'Attempts before dead-letter', help: 'Deliveries before a message moves to the dead-letter queue.', type: 'integer', min: 1, max: 1000, default: 5 },
    { key: 'fifo', label: 'FIFO', help: 'Ordered, exactly-once processing per message group (costs throughput).', type: 'boolean', default: false },
    { key: 'retentionDays', label: 'Retention', help: 'Days an unprocessed message is kept. Longer than the longest outage of its consumer.', type: 'integer', min: 1, max: 14, default: 4, unit: 'days' },
    { key: 'requestsPerMonth', label: 'Requests', help: 'Sends, receives and deletes per month, for pricing.', type: 'number', min: 0, max: 1e13, default: 10_000_000 },
  ],
  initialProps: { hosting: 'managed', durable: true, deadLetter: true },
  traits: (props) => ({
    ...hostedBy(props.hosting),
    data: { role: 'messages', irreplaceable: false, deadLetter: props.deadLetter, durableWrites: props.durable, messageRetentionDays: props.retentionDays },
  }),
  remedies: {
    'dead-letter': () => ({ props: { deadLetter: true } }),
    'durable-writes': () => ({ props: { durable: true } }),
  },
  sla: (props, _component, { provider }) =>
    props.hosting === 'kubernetes'
      ? { unknown: 'runs on Kubernetes and your team operates it: no provider publishes an SLA for a broker you run yourself' }
      : byProvider(provider, { aws: () => AWS_SLA.sqs, azure: () => AZURE_SLA.serviceBus, gcp: () => GCP_SLA.pubsub }, 'queue'),
});
