import { aloneIds } from '../graph';
import { spreadFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const clusterNodesSingleZone: Rule = {
  id: 'cluster-nodes-single-zone',
  title: 'A Kubernetes cluster whose node groups sit in one zone',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'topology',
  rationale:
    'The provider runs the control plane across zones, but the pods run on your nodes. With every node group in one zone, a zone loss stops every workload on the cluster at once, whatever replicas the deployments ask for; and an in-place upgrade without disruption budgets drains those nodes with nowhere else to go.',
  fix: 'Spread each node group over at least two zones (three where the region has them), with topology spread constraints on the workloads and pod disruption budgets for upgrades.',
  sources: ['Amazon EKS Best Practices Guide, "Reliability: data plane"', 'AKS documentation, "Availability zones"', 'GKE documentation, "Regional clusters"', 'AWS Well-Architected REL10-BP01'],
  // The cluster's own node groups and its region's zones (a change to the regions is analysed in full).
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      const component = graph.components[i]!;
      const cluster = graph.traits[i]!.cluster;
      const region = component.region !== undefined ? graph.regionsById.get(component.region) : undefined;
      if (!cluster || !region || region.zones.length < 2 || new Set(cluster.nodeZones).size >= 2) return NO_RESULTS;
      const upgrade = cluster.upgrade === 'in-place' && !cluster.disruptionBudgets ? ' An in-place upgrade without pod disruption budgets drains them with nowhere else to go.' : '';
      return [
        {
          components: aloneIds(graph, i),
          message: `${context.name(i)} has ${cluster.nodeGroups === 1 ? 'its node group' : `all ${cluster.nodeGroups} node groups`} in zone ${cluster.nodeZones.join(', ')}: losing it stops every workload on the cluster.${upgrade}`,
          autoFix: spreadFix(graph, i),
        },
      ];
    };
  }),
};
