import { autoscalingProp, autoscalingRemedy, healthCheckProp, runtimeProp, sizeProp } from '../common-props';
import { computeSla } from '../compute-sla';
import { defineKind } from '../define-kind';

export const workerPool = defineKind({
  id: 'worker-pool',
  title: 'Worker pool',
  description: 'Background workers that take jobs from a queue: exports, emails, ERP synchronisation. Idempotent handlers make retries safe.',
  layer: 'async',
  keywords: ['worker', 'jobs', 'consumer', 'background', 'batch', 'sidekiq', 'celery'],
  services: { aws: ['Amazon ECS on Fargate', 'EC2 Auto Scaling'], azure: ['Azure Container Apps jobs'], gcp: ['Cloud Run jobs', 'Compute Engine'] },
  capabilities: { stateful: false, placement: 'regional', instances: true, healthChecked: true, deployable: true },
  props: [
    runtimeProp,
    sizeProp('m5.large', ['t3.medium', 'm5.large', 'c5.large', 'c5.xlarge']),
    {
      key: 'workload',
      label: 'Workload',
      help: 'Jobs, or reporting and analytics queries (route those to a replica or a warehouse).',
      type: 'choice',
      choices: [
        { value: 'interactive', label: 'Jobs' },
        { value: 'reporting', label: 'Reporting and analytics' },
      ],
      default: 'interactive',
    },
    { key: 'idempotent', label: 'Idempotent handlers', help: 'Handling a message twice has the same effect as once, so redelivery after a crash is safe.', type: 'boolean', default: true },
    healthCheckProp,
    autoscalingProp,
    { key: 'vcpu', label: 'vCPU per instance', help: 'For managed containers and Kubernetes pods: CPU requested per instance.', type: 'number', min: 0.25, max: 192, default: 1 },
    { key: 'memoryGb', label: 'Memory per instance', help: 'For managed containers and Kubernetes pods: memory requested per instance.', type: 'number', min: 0.5, max: 1536, default: 2, unit: 'GB' },
  ],
  initialProps: { runtime: 'containers', idempotent: true },
  initialReplicas: 2,
  traits: (props) => ({ runtime: props.runtime, healthChecks: props.healthChecks, autoscaling: props.autoscaling, workload: props.workload }),
  remedies: {
    'health-checks': () => ({ props: { healthChecks: true } }),
    autoscaling: (_props, component) => autoscalingRemedy(component.replicas),
  },
  sla: (props, component, context) => computeSla(component.replicas, props.runtime, context),
});
