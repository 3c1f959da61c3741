import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const serverlessFunction = defineKind({
  id: 'serverless-function',
  title: 'Serverless function',
  description: 'Code the provider runs on demand, per event or request (Lambda, Azure Functions, Cloud Run functions): no instances to keep, billed per invocation and duration.',
  layer: 'app',
  keywords: ['serverless', 'function', 'faas', 'lambda', 'azure functions', 'cloud functions', 'event handler', 'trigger'],
  services: { aws: ['AWS Lambda'], azure: ['Azure Functions'], gcp: ['Cloud Run functions', 'Cloud Functions'] },
  // Deployed by the team, run by the provider across the region's zones.
  capabilities: { stateful: false, placement: 'regional', deployable: true, zoneRedundantService: true },
  props: [
    { key: 'memoryMb', label: 'Memory', help: 'Memory per invocation; CPU grows with it on every provider. Sets the price per second of duration.', type: 'integer', min: 128, max: 32768, default: 512, unit: 'MB' },
    { key: 'timeoutSeconds', label: 'Timeout', help: 'The longest one invocation may run before the provider stops it. Keep it below the caller\'s own timeout.', type: 'integer', min: 1, max: 3600, default: 30, unit: 's' },
    { key: 'reservedConcurrency', label: 'Reserved concurrency', help: 'Invocations that may run at once, reserved for this function so a busy neighbour cannot take the account\'s whole quota. Empty: shares the account\'s pool.', type: 'integer', min: 0, max: 100000, nullable: true, nullLabel: 'Shared pool' },
    { key: 'idempotent', label: 'Idempotent handler', help: 'Handling an event twice has the same effect as once. Event sources retry, so an event can arrive again after a timeout or crash.', type: 'boolean', default: true },
    { key: 'failureDestination', label: 'Failure destination', help: 'Events that still fail after the retries go to a queue or topic (a dead-letter queue or on-failure destination) instead of being dropped.', type: 'boolean', default: false },
    { key: 'invocationsPerMonth', label: 'Invocations', help: 'Invocations per month, for pricing.', type: 'number', min: 0, max: 1e13, default: 10_000_000 },
    { key: 'averageDurationMs', label: 'Average duration', help: 'Average run time of one invocation, for pricing (duration x memory is billed in GB-seconds).', type: 'number', min: 1, max: 3_600_000, default: 200, unit: 'ms' },
  ],
  initialProps: { memoryMb: 512, idempotent: true, failureDestination: true },
  // The provider places invocations in healthy zones and scales them with the events; the team owns the code.
  traits: () => ({ operator: 'provider', runtime: 'managed-service', zoneRedundant: true, zonalFailover: 'service', autoscaling: { enabled: true } }),
  sla: (_props, _component, { provider }) =>
    byProvider(provider, { aws: () => AWS_SLA.lambda, azure: () => AZURE_SLA.functions, gcp: () => GCP_SLA.cloudRunFunctions }, 'serverless function'),
});
