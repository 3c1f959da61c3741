import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const notificationTopic = defineKind({
  id: 'notification-topic',
  title: 'Notification topic',
  description: 'Publish once, deliver to every subscriber (SNS, Event Grid, Pub/Sub topics): fan-out of events to queues, functions and webhooks, with retries per subscription.',
  layer: 'async',
  keywords: ['topic', 'pub/sub', 'publish', 'subscribe', 'fan-out', 'sns', 'event grid', 'eventbridge', 'webhook', 'notification'],
  services: { aws: ['Amazon SNS', 'Amazon EventBridge'], azure: ['Azure Event Grid'], gcp: ['Pub/Sub topics', 'Eventarc'] },
  capabilities: { stateful: true, placement: 'regional', zoneRedundantService: true, dataRole: 'messages' },
  props: [
    { key: 'deadLetter', label: 'Dead-letter per subscription', help: 'Deliveries that keep failing after the provider\'s retries go to a dead-letter queue instead of being dropped.', type: 'boolean', default: false },
    { key: 'fifo', label: 'FIFO', help: 'Ordered delivery with deduplication (SNS FIFO topics, ordering keys), at lower throughput.', type: 'boolean', default: false },
    { key: 'publishesPerMonth', label: 'Publishes', help: 'Messages published per month, for pricing.', type: 'number', min: 0, max: 1e13, default: 1_000_000 },
    { key: 'subscribers', label: 'Subscribers', help: 'Subscriptions each message is delivered to, for pricing deliveries.', type: 'integer', min: 0, max: 100000, default: 2 },
  ],
  initialProps: { deadLetter: true },
  traits: (props) => ({
    operator: 'provider',
    runtime: 'managed-service',
    // A topic keeps a message only while it retries delivery (hours to a day), not for consumers to read later.
    data: { role: 'messages', irreplaceable: false, deadLetter: props.deadLetter, durableWrites: true },
  }),
  remedies: { 'dead-letter': () => ({ props: { deadLetter: true } }) },
  sla: (_props, _component, { provider }) =>
    byProvider(provider, { aws: () => AWS_SLA.sns, azure: () => AZURE_SLA.eventGrid, gcp: () => GCP_SLA.pubsub }, 'notification topic'),
});
