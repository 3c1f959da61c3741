import { aloneIds } from '../graph';
import { placement, spreadFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

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
  // The component's own zones and its region's (a change to the regions is analysed in full).
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      const component = graph.components[i]!;
      const kind = graph.kinds[i]!;
      if (component.region === undefined || kind.capabilities.external || kind.capabilities.egress) return NO_RESULTS;
      const region = graph.regionsById.get(component.region);
      if (!region || region.zones.length < 2 || graph.instanceZones[i]!.length !== 1) return NO_RESULTS;
      return [
        {
          components: aloneIds(graph, i),
          message: `${context.name(i)} runs as ${placement(graph, i)}, although the region has zones ${region.zones.join(', ')}.`,
          autoFix: spreadFix(graph, i),
        },
      ];
    };
  }),
};
