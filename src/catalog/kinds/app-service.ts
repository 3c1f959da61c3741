import { autoscalingProp, autoscalingRemedy, healthCheckProp, runtimeProp, sizeProp } from '../common-props';
import { computeSla } from '../compute-sla';
import { defineKind } from '../define-kind';

export const appService = defineKind({
  id: 'app-service',
  title: 'App service',
  description: 'A stateless web or API service behind a load balancer. Keep sessions and files outside it so any instance can serve any request.',
  layer: 'app',
  keywords: ['web', 'api', 'backend', 'service', 'ecs', 'fargate', 'deployment', 'container'],
  services: { aws: ['Amazon ECS on Fargate', 'EC2 Auto Scaling'], azure: ['Azure Container Apps', 'App Service'], gcp: ['Cloud Run', 'Compute Engine'] },
  capabilities: { stateful: false, placement: 'regional', instances: true, healthChecked: true, deployable: true },
  props: [
    runtimeProp,
    sizeProp('m5.large', ['t3.medium', 'm5.large', 'm5.xlarge', 'c5.large', 'r5.large']),
    {
      key: 'sessionState',
      label: 'Session state',
      help: 'External: sessions live in a shared store (Redis, the database, signed tokens). Local: sessions live in one instance\'s memory, so losing it logs users out and scaling needs sticky sessions.',
      type: 'choice',
      choices: [
        { value: 'external', label: 'External (stateless)' },
        { value: 'local', label: 'Local to the instance' },
      ],
      default: 'external',
    },
    {
      key: 'workload',
      label: 'Workload',
      help: 'Interactive serves users; reporting runs long read queries (route them to a replica or a warehouse, not the primary database).',
      type: 'choice',
      choices: [
        { value: 'interactive', label: 'Interactive' },
        { value: 'reporting', label: 'Reporting and analytics' },
      ],
      default: 'interactive',
    },
    healthCheckProp,
    autoscalingProp,
    { key: 'perTenantRateLimits', label: 'Per-tenant rate limits', help: 'The service limits each tenant\'s request rate and concurrency, so a noisy tenant cannot starve the others.', type: 'boolean', default: false },
    { key: 'vcpu', label: 'vCPU per instance', help: 'For managed containers and Kubernetes pods: CPU requested per instance.', type: 'number', min: 0.25, max: 192, default: 1 },
    { key: 'memoryGb', label: 'Memory per instance', help: 'For managed containers and Kubernetes pods: memory requested per instance.', type: 'number', min: 0.5, max: 1536, default: 2, unit: 'GB' },
  ],
  initialProps: { runtime: 'containers', sessionState: 'external', healthChecks: true },
  initialReplicas: 2,
  traits: (props) => ({
    runtime: props.runtime,
    healthChecks: props.healthChecks,
    autoscaling: props.autoscaling,
    sessionState: props.sessionState,
    workload: props.workload,
    tenantLimits: props.perTenantRateLimits,
  }),
  remedies: {
    'health-checks': () => ({ props: { healthChecks: true } }),
    autoscaling: (_props, component) => autoscalingRemedy(component.replicas),
    'external-sessions': () => ({ props: { sessionState: 'external' } }) as const,
  },
  sla: (props, component, context) => computeSla(component.replicas, props.runtime, context),
});
