import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { healthCheckProp } from '../common-props';
import { defineKind } from '../define-kind';
import { TARGET_HEALTH_CHECKS } from '../health-checks';

export const loadBalancer = defineKind({
  id: 'load-balancer',
  title: 'Load balancer',
  description: 'Spreads requests over healthy instances in several zones (ALB, NLB, Azure Load Balancer or Application Gateway, Cloud Load Balancing).',
  layer: 'edge',
  keywords: ['alb', 'nlb', 'elb', 'application gateway', 'balancer'],
  services: { aws: ['Application Load Balancer', 'Network Load Balancer'], azure: ['Azure Load Balancer', 'Application Gateway'], gcp: ['Cloud Load Balancing'] },
  capabilities: { stateful: false, placement: 'regional', internetFacing: true, healthChecked: true },
  props: [
    {
      key: 'type',
      label: 'Type',
      help: 'Application (HTTP, routing by path and host) or network (TCP/UDP, static addresses).',
      type: 'choice',
      choices: [
        { value: 'application', label: 'Application (L7)' },
        { value: 'network', label: 'Network (L4)' },
      ],
      default: 'application',
    },
    {
      key: 'scheme',
      label: 'Scheme',
      help: 'Internet-facing, or internal to the network.',
      type: 'choice',
      choices: [
        { value: 'internet-facing', label: 'Internet-facing' },
        { value: 'internal', label: 'Internal' },
      ],
      default: 'internet-facing',
    },
    healthCheckProp,
    { key: 'healthCheckPath', label: 'Health check path', help: 'The path targets answer on when healthy, e.g. /healthz. It should check what the instance needs, not more.', type: 'text', default: '/healthz', maxLength: 200 },
  ],
  initialProps: { type: 'application', healthChecks: true },
  // The provider takes a lost zone's load balancer nodes out of service itself, whatever the
  // targets' health checks say: the load balancer's own zonal failover is the service's.
  traits: (props) => ({ healthChecks: props.healthChecks, healthCheckPath: props.healthCheckPath, targetHealthCheck: TARGET_HEALTH_CHECKS[props.type], exposure: props.scheme === 'internal' ? 'internal' : 'public', zonalFailover: 'service' }),
  remedies: { 'health-checks': () => ({ props: { healthChecks: true } }) },
  sla: (props, _component, { provider, zones }) =>
    byProvider(
      provider,
      {
        aws: () => (zones.length >= 2 ? AWS_SLA.elbMultiAz : AWS_SLA.elbSingleAz),
        azure: () => (props.type === 'application' ? AZURE_SLA.applicationGateway : AZURE_SLA.loadBalancer),
        gcp: () => GCP_SLA.loadBalancing,
      },
      'load balancer',
    ),
});
