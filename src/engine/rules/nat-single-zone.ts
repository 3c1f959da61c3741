import { entriesOf, source } from '../graph';
import { listOf, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const natSingleZone: Rule = {
  id: 'nat-single-zone',
  title: 'Several zones egress through a NAT gateway in fewer zones',
  severity: 'high',
  autoFixable: true,
  category: 'network',
  rationale:
    'A NAT gateway lives in one zone. When services in several zones send their outbound traffic through it, losing that one zone cuts egress (the ERP, the identity provider, SaaS APIs) for all of them: a hidden cross-zone dependency that defeats the multi-AZ layout.',
  fix: 'Run one NAT gateway per zone, each zone routing through its own.',
  sources: ['AWS Well-Architected REL10-BP01', 'docs/reliability-reference.md HA-026'],
  // The gateway's own zones and those of the components in its region that send through it.
  ...componentRule(['sync-sources'], (context) => {
    const { graph } = context;
    return (i) => {
      const component = graph.components[i]!;
      if (!graph.kinds[i]!.capabilities.egress || component.region === undefined) return NO_RESULTS;
      const natZones = new Set(graph.instanceZones[i]);
      const consumerZones = new Set<string>();
      const consumers: string[] = [];
      for (const c of entriesOf(graph.in.sync, i)) {
        const s = source(graph, c);
        if (graph.components[s]!.region !== component.region) continue;
        consumers.push(graph.components[s]!.id);
        for (const zone of graph.instanceZones[s]!) consumerZones.add(zone);
      }
      const uncovered = [...consumerZones].filter((zone) => !natZones.has(zone)).sort();
      if (consumerZones.size < 2 || uncovered.length === 0) return NO_RESULTS;
      const zones = [...consumerZones].sort();
      return [
        {
          components: [component.id, ...consumers],
          message: `${context.name(i)} runs in zone ${[...natZones].join(', ')} but carries egress for zones ${zones.join(', ')}: losing its zone cuts outbound traffic from ${listOf(consumers.map((id) => context.name(graph.indexById.get(id)!)))} in every zone.`,
          fix: `Run ${context.name(i)} in zones ${zones.join(', ')}, one gateway per zone.`,
          autoFix: {
            label: `Run one NAT gateway per zone for ${context.name(i)}`,
            apply: (design) => ({
              ...design,
              components: design.components.map((c) => (c.id === component.id ? { ...c, zones: [...zones], replicas: zones.length } : c)),
            }),
          },
          details: { uncoveredZones: uncovered },
        },
      ];
    };
  }),
};
