import { healthCheckProp } from '../common-props';
import { computeSla } from '../compute-sla';
import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const ingress = defineKind({
  id: 'ingress',
  title: 'Ingress controller',
  description: 'Routes HTTP traffic into a Kubernetes cluster (Traefik, NGINX, or the cloud\'s own controller), with replicas spread over zones.',
  layer: 'edge',
  keywords: ['traefik', 'nginx', 'kubernetes', 'k8s', 'gateway api', 'router'],
  services: { aws: ['AWS Load Balancer Controller'], azure: ['Application Gateway for Containers'], gcp: ['GKE Gateway controller'] },
  capabilities: { stateful: false, placement: 'regional', healthChecked: true, deployable: true, terminatesTls: true },
  props: [
    {
      key: 'controller',
      label: 'Controller',
      help: 'Traefik, NGINX, or the provider\'s controller (AWS Load Balancer Controller, AGIC, GKE Ingress).',
      type: 'choice',
      choices: [
        { value: 'traefik', label: 'Traefik' },
        { value: 'nginx', label: 'NGINX' },
        { value: 'provider', label: "The cloud's own" },
      ],
      default: 'traefik',
    },
    healthCheckProp,
    { key: 'podDisruptionBudget', label: 'Pod disruption budget', help: 'Keeps a minimum of controller pods running through node drains and upgrades.', type: 'boolean', default: true },
  ],
  initialProps: { controller: 'traefik' },
  initialReplicas: 2,
  traits: (props) => ({ runtime: 'kubernetes', healthChecks: props.healthChecks }),
  remedies: { 'health-checks': () => ({ props: { healthChecks: true } }) },
  // The cloud's own controller provisions the provider's load balancer; Traefik or NGINX are pods on the cluster's nodes.
  sla: (props, component, context) =>
    props.controller === 'provider'
      ? byProvider(
          context.provider,
          {
            aws: () => (context.zones.length >= 2 ? AWS_SLA.elbMultiAz : AWS_SLA.elbSingleAz),
            azure: () => AZURE_SLA.applicationGateway,
            gcp: () => GCP_SLA.loadBalancing,
          },
          'ingress controller',
        )
      : computeSla(component.replicas, 'kubernetes', context),
});
