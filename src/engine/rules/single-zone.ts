import { placement, spreadFix } from './helpers';
import type { Rule, RuleResult } from './types';

export const singleZone: Rule = {
  id: 'single-zone',
  title: 'A regional component runs in one zone',
  severity: 'high',
  autoFixable: true,
  category: 'topology',
  rationale:
    'The region has several zones, but this component uses one: a zone event takes it down although the region stays up. Spreading over zones is the cheapest redundancy there is, and it is what the provider\'s multi-AZ SLAs assume.',
  fix: 'Place it in at least two zones of its region (instances in each, or the service\'s Multi-AZ option).',
  sources: ['AWS Well-Architected REL10-BP01', 'AWS compute SLA (Region-Level vs Instance-Level)', 'Checkov CKV_AWS_157', 'docs/reliability-reference.md HA-014, HA-022, HA-024'],
  check: (context) => {
    const { graph } = context;
    const results: RuleResult[] = [];
    graph.components.forEach((component, i) => {
      const kind = graph.kinds[i]!;
      if (component.region === undefined || kind.capabilities.external || kind.capabilities.egress) return;
      const region = graph.regionsById.get(component.region);
      if (!region || region.zones.length < 2 || graph.instanceZones[i]!.length !== 1) return;
      results.push({
        components: [component.id],
        message: `${context.name(i)} runs as ${placement(graph, i)}, although the region has zones ${region.zones.join(', ')}.`,
        autoFix: spreadFix(graph, i),
      });
    });
    return results;
  },
};
