import { defineKind } from '../define-kind';

export const scheduler = defineKind({
  id: 'scheduler',
  title: 'Scheduler',
  description: 'Starts jobs on a schedule (EventBridge Scheduler, Kubernetes CronJobs, Cloud Scheduler): nightly invoicing, ERP reconciliation.',
  layer: 'async',
  keywords: ['cron', 'cronjob', 'eventbridge', 'timer', 'schedule'],
  services: { aws: ['Amazon EventBridge Scheduler'], azure: ['Logic Apps recurrence', 'Functions timer trigger'], gcp: ['Cloud Scheduler'] },
  capabilities: { stateful: false, placement: 'either', zoneRedundantService: true },
  props: [
    { key: 'catchUpMissedRuns', label: 'Catches up missed runs', help: 'A run missed during an outage is started afterwards instead of silently skipped.', type: 'boolean', default: false },
    { key: 'singleExecution', label: 'One run at a time', help: 'A lock or concurrency policy prevents two copies of the same job running at once after a retry or failover.', type: 'boolean', default: true },
    { key: 'invocationsPerMonth', label: 'Invocations', help: 'Scheduled runs per month, for pricing.', type: 'number', min: 0, max: 1e9, default: 10_000 },
  ],
});
