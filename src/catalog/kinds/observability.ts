import { defineKind } from '../define-kind';

export const observability = defineKind({
  id: 'observability',
  title: 'Observability',
  description: 'Metrics, logs, traces and alerts (CloudWatch, Azure Monitor, Grafana, Datadog), with synthetic checks that walk the journeys the way users do.',
  layer: 'operations',
  keywords: ['monitoring', 'metrics', 'logs', 'tracing', 'alerts', 'cloudwatch', 'grafana', 'datadog', 'prometheus', 'synthetics'],
  services: { aws: ['Amazon CloudWatch', 'Amazon Managed Grafana'], azure: ['Azure Monitor', 'Application Insights'], gcp: ['Cloud Monitoring', 'Cloud Logging'] },
  capabilities: { stateful: false, placement: 'either', zoneRedundantService: true, monitoring: true },
  props: [
    { key: 'alerting', label: 'Alerting', help: 'Alerts on symptoms users feel (errors, latency, saturation) page someone.', type: 'boolean', default: true },
    { key: 'syntheticChecks', label: 'Synthetic checks', help: 'Scripted probes run the journeys from outside every minute, so an outage is known before a client calls.', type: 'boolean', default: false },
    { key: 'tracing', label: 'Distributed tracing', help: 'Requests are traced across services, to find which dependency is slow or failing.', type: 'boolean', default: false },
    { key: 'logRetentionDays', label: 'Log retention', help: 'Days logs are kept.', type: 'integer', min: 1, max: 3650, default: 30, unit: 'days' },
    { key: 'logsGbPerMonth', label: 'Logs ingested', help: 'Gigabytes of logs ingested per month, for pricing.', type: 'number', min: 0, max: 1e8, default: 50, unit: 'GB/month' },
  ],
  initialProps: { alerting: true, syntheticChecks: true },
  traits: (props) => ({ monitoring: { alerting: props.alerting, syntheticChecks: props.syntheticChecks } }),
});
