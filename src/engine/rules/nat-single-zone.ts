import { source } from '../graph';
import { listOf } from './helpers';
import type { Rule, RuleResult } from './types';

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
  check: (context) => {
    const { graph } = context;
    const results: RuleResult[] = [];
    graph.components.forEach((component, i) => {
      if (!graph.kinds[i]!.capabilities.egress || component.region === undefined) return;
      const natZones = new Set(graph.instanceZones[i]);
      const consumerZones = new Set<string>();
      const consumers: string[] = [];
      for (const c of graph.in.sync[i]!) {
        const s = source(graph, c);
        if (graph.components[s]!.region !== component.region) continue;
        consumers.push(graph.components[s]!.id);
        for (const zone of graph.instanceZones[s]!) consumerZones.add(zone);
      }
      const uncovered = [...consumerZones].filter((zone) => !natZones.has(zone)).sort();
      if (consumerZones.size < 2 || uncovered.length === 0) return;
      results.push({
        components: [component.id, ...consumers],
        message: `${context.name(i)} runs in zone ${[...natZones].join(', ')} but carries egress for zones ${[...consumerZones].sort().join(', ')}: losing its zone cuts outbound traffic from ${listOf(consumers.map((id) => context.name(graph.indexById.get(id)!)))} in every zone.`,
        fix: `Run ${context.name(i)} in zones ${[...consumerZones].sort().join(', ')}, one gateway per zone.`,
        autoFix: {
          label: `Run one NAT gateway per zone for ${context.name(i)}`,
          apply: (design) => ({
            ...design,
            components: design.components.map((c) => (c.id === component.id ? { ...c, zones: [...consumerZones].sort(), replicas: consumerZones.size } : c)),
          }),
        },
        details: { uncoveredZones: uncovered },
      });
    });
    return results;
  },
};
