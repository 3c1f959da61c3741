import { idsOf, requestPath } from './helpers';
import type { Rule } from './types';

export const noTenantIsolation: Rule = {
  id: 'no-tenant-isolation',
  title: 'A shared multi-tenant design without per-tenant limits',
  severity: 'medium',
  escalation: { premium: 'high', 'mission-critical': 'high' },
  autoFixable: false,
  category: 'tenancy',
  rationale:
    'In a shared platform one tenant\'s month-end import, runaway integration or poison request degrades every other tenant. Per-tenant quotas and rate limits (or cells) bound the blast radius of a noisy neighbour.',
  fix: 'Limit each tenant\'s request rate and concurrency in the services or the API gateway; give large tenants their own queues, pools or cells.',
  sources: ['AWS Well-Architected REL10-BP03 (bulkheads)', 'AWS Well-Architected REL05-BP02', 'Azure WAF reliability/metrics.md (noisy neighbours)', 'docs/reliability-reference.md HA-040'],
  // Whatever can carry per-tenant limits, the deployed services (their names), and the request paths.
  scope: { kind: 'design', concerns: (graph, i) => graph.kinds[i]!.capabilities.deployable === true || graph.traits[i]!.tenantLimits !== undefined, reads: ['journeys'] },
  check: (context) => {
    const { graph } = context;
    if (graph.design.tenancy !== 'shared') return [];
    const limited = graph.traits.some((traits) => traits.tenantLimits === true);
    if (limited) return [];
    const onPath = requestPath(context);
    const services = graph.components.map((_, i) => i).filter((i) => graph.kinds[i]!.capabilities.deployable && onPath[i]);
    // Nothing shared serves a journey yet: nothing to isolate.
    if (services.length === 0) return [];
    return [
      {
        components: idsOf(graph, services),
        message: `All tenants share ${services.map(context.name).join(', ')} with no per-tenant quotas or rate limits: one tenant can starve the others.`,
      },
    ];
  },
};
