import { entriesOf, source } from '../graph';
import { idsOf, remedyFix, requestPath, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const singlePrivateLink: Rule = {
  id: 'single-private-link',
  title: 'A journey needs a system reached only through one private link',
  severity: 'high',
  escalation: { 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'integration',
  rationale:
    'A VPN tunnel pair ends on one customer device; a Direct Connect, ExpressRoute or Interconnect circuit runs through one facility and one router. When the only path to the ERP is one such link, a router reboot, a carrier cut or a facility outage stops every journey that needs the ERP, however redundant the rest of the platform is. The providers\' SLAs cover such links only with two or more.',
  fix: 'Give the link a second independent path: a second VPN connection to another device, a second circuit at another location, or a VPN as backup to a dedicated circuit.',
  sources: ['AWS Direct Connect Resiliency Recommendations', 'AWS Well-Architected REL02-BP02', 'Azure ExpressRoute documentation, "Designing for high availability with ExpressRoute"'],
  // The external system's own kind, the links in front of it (over sync or async connections), and the journeys that need it or reach it.
  ...componentRule(['sync-sources', 'async-sources', 'journeys'], (context) => {
    const { graph } = context;
    const needed = new Set(graph.design.journeys.flatMap((j) => j.needs));
    const onPath = requestPath(context);
    return (e) => {
      const component = graph.components[e]!;
      const capabilities = graph.kinds[e]!.capabilities;
      if (!capabilities.external || capabilities.entryPoint) return NO_RESULTS;
      if (!needed.has(component.id) && onPath[e] !== 1) return NO_RESULTS;
      const sources = [...entriesOf(graph.in.sync, e), ...entriesOf(graph.in.async, e)].map((c) => source(graph, c)).filter((s) => s >= 0);
      if (sources.length === 0) return NO_RESULTS;
      const links = sources.filter((s) => graph.traits[s]!.privateLink !== undefined);
      // Only systems reached solely through private links; another path (the internet, a NAT) is not this rule's.
      if (links.length !== sources.length) return NO_RESULTS;
      const paths = links.reduce((sum, s) => sum + graph.traits[s]!.privateLink!.paths, 0);
      if (paths >= 2) return NO_RESULTS;
      const link = links[0]!;
      return [
        {
          components: [...idsOf(graph, links), component.id],
          message: `${context.name(e)} is reached only through ${context.name(link)}, one connection: a device, circuit or facility failure cuts every journey that needs it.`,
          fix: `Add a second independent connection to ${context.name(link)} (another device or location), or a second link.`,
          autoFix: remedyFix(graph, link, 'redundant-path', `Add a second connection to ${context.name(link)}`),
        },
      ];
    };
  }),
};
