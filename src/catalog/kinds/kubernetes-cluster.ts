import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { sizeProp } from '../common-props';
import { defineKind } from '../define-kind';

export const kubernetesCluster = defineKind({
  id: 'kubernetes-cluster',
  title: 'Kubernetes cluster',
  description: 'A managed Kubernetes cluster (EKS, AKS, GKE): the provider\'s control plane and your node groups, in the zones you place it in. Workloads on Kubernetes in its region run on it.',
  layer: 'app',
  keywords: ['kubernetes', 'k8s', 'eks', 'aks', 'gke', 'cluster', 'node group', 'node pool', 'control plane', 'upgrade'],
  services: { aws: ['Amazon EKS'], azure: ['Azure Kubernetes Service (AKS)'], gcp: ['Google Kubernetes Engine (GKE)'] },
  capabilities: { stateful: false, placement: 'regional', instances: true, healthChecked: true },
  props: [
    {
      key: 'controlPlane',
      label: 'Control plane',
      help: 'Regional: the provider runs the API servers in several zones (EKS always; GKE regional clusters; AKS with zones). Zonal: in one zone, so losing it stops deployments and scaling (running pods keep serving).',
      type: 'choice',
      choices: [
        { value: 'regional', label: 'Regional' },
        { value: 'zonal', label: 'Zonal' },
      ],
      default: 'regional',
    },
    {
      key: 'tier',
      label: 'Support tier',
      help: 'Standard: the paid tier with an uptime SLA for the API server. Free: AKS Free tier and similar, with no financially backed SLA.',
      type: 'choice',
      choices: [
        { value: 'standard', label: 'Standard (with SLA)' },
        { value: 'free', label: 'Free (no SLA)' },
      ],
      default: 'standard',
    },
    { key: 'version', label: 'Kubernetes version', help: 'The minor version the cluster runs. Providers support each for about 14 months; after that an upgrade is forced or extended support is billed.', type: 'text', default: '1.31', suggestions: ['1.30', '1.31', '1.32', '1.33'], maxLength: 16 },
    { key: 'nodeGroups', label: 'Node groups', help: 'Node groups (node pools). Each spreads its nodes over the zones the component is placed in; drop it in one zone only and every node shares that zone\'s fate.', type: 'integer', min: 1, max: 100, default: 1 },
    sizeProp('m5.large', ['t3.large', 'm5.large', 'm5.xlarge', 'm6g.large', 'c5.xlarge', 'r6g.large']),
    {
      key: 'upgradeStrategy',
      label: 'Node upgrade',
      help: 'How a version upgrade replaces nodes. In place: drain and replace one at a time, so capacity dips. Surge: extra nodes first, then drain. Blue-green: a new node group beside the old, switched over and kept until the new one is proven.',
      type: 'choice',
      choices: [
        { value: 'in-place', label: 'In place' },
        { value: 'surge', label: 'Surge' },
        { value: 'blue-green', label: 'Blue-green node groups' },
      ],
      default: 'surge',
    },
    { key: 'podDisruptionBudgets', label: 'Pod disruption budgets', help: 'Every workload declares how many replicas may be down at once, so draining nodes during an upgrade or a scale-in never takes a service below what it needs.', type: 'boolean', default: false },
    { key: 'clusterAutoscaler', label: 'Node autoscaling', help: 'Nodes are added when pods cannot be scheduled (Cluster Autoscaler, Karpenter, node auto-provisioning), so a lost zone\'s pods find room in the others.', type: 'boolean', default: true },
  ],
  initialProps: { controlPlane: 'regional', nodeGroups: 1, podDisruptionBudgets: true },
  initialReplicas: 3,
  traits: (props, component, { zones }) => ({
    runtime: 'kubernetes',
    // Nodes are instances the team runs; pods move off a failed node, and the provider runs the control plane.
    instanceUnits: component.replicas ?? 1,
    zonalFailover: 'load-balanced',
    healthChecks: true,
    autoscaling: { enabled: props.clusterAutoscaler },
    cluster: { controlPlane: props.controlPlane, nodeZones: [...zones], nodeGroups: props.nodeGroups, upgrade: props.upgradeStrategy, disruptionBudgets: props.podDisruptionBudgets },
  }),
  remedies: {
    spread: (_props, component, { zones }) => ({ zones: [...zones], replicas: Math.max(component.replicas ?? 1, zones.length) }),
    autoscaling: () => ({ props: { clusterAutoscaler: true } }),
  },
  sla: (props, _component, { provider, zones }) => {
    if (props.tier === 'free') return { unknown: 'the free tier of a managed Kubernetes service carries no financially backed SLA for its API server' };
    return byProvider(
      provider,
      {
        aws: () => AWS_SLA.eksControlPlane,
        azure: () => (zones.length >= 2 ? AZURE_SLA.aksZones : AZURE_SLA.aksNoZones),
        gcp: () => (props.controlPlane === 'regional' ? GCP_SLA.gkeRegional : GCP_SLA.gkeZonal),
      },
      'Kubernetes cluster',
    );
  },
});
