import { entriesOf, target } from '../graph';
import type { Rule, RuleResult } from './types';

/**
 * Walks from internet entry points over sync connections, stopping at traffic filters (WAFs):
 * a regional internet-facing component reached this way takes internet traffic unfiltered.
 */
export const edgeUnprotected: Rule = {
  id: 'edge-unprotected',
  title: 'An internet-facing entry without a WAF and rate limiting',
  severity: 'high',
  autoFixable: false,
  category: 'edge',
  rationale:
    'Layer-7 floods, scrapers and exploit traffic are an availability risk, not only a security one: one abusive client can exhaust the capacity every tenant shares. A WAF with managed rules and rate-based rules in front of the entry is the first bulkhead.',
  fix: 'Put a WAF with managed rule sets and rate-based rules in front of the load balancer or API (or on the CDN in front of it).',
  sources: ['Checkov CKV2_AWS_28', 'Checkov CKV_AWS_68', 'Trivy AVD-AWS-0011', 'AWS Well-Architected REL05-BP02', 'docs/reliability-reference.md HA-038, HA-039'],
  check: (context) => {
    const { graph } = context;
    const size = graph.components.length;
    const reached = new Uint8Array(size);
    const stack: number[] = [];
    for (const e of graph.entryPoints) {
      if (graph.traits[e]!.audience === 'internal') continue;
      reached[e] = 1;
      stack.push(e);
    }
    const filters = new Set<number>();
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const c of entriesOf(graph.out.sync, i)) {
        const next = target(graph, c);
        if (graph.kinds[next]!.capabilities.filtersTraffic) {
          filters.add(next);
          continue;
        }
        if (reached[next]) continue;
        reached[next] = 1;
        // Only the edge is walked: past the first regional component, traffic is inside.
        if (graph.components[next]!.region === undefined) stack.push(next);
      }
    }
    const results: RuleResult[] = [];
    for (let i = 0; i < size; i += 1) {
      if (!reached[i] || graph.kinds[i]!.capabilities.entryPoint) continue;
      const kind = graph.kinds[i]!;
      if (graph.components[i]!.region === undefined || !kind.capabilities.internetFacing) continue;
      if (graph.traits[i]!.exposure === 'internal') continue;
      results.push({ components: [graph.components[i]!.id], message: `${context.name(i)} takes internet traffic with no WAF in front of it.` });
    }
    for (const f of [...filters].sort((a, b) => a - b)) {
      if (graph.traits[f]!.rateLimiting === true) continue;
      results.push({
        components: [graph.components[f]!.id],
        severity: graph.design.tenancy === 'shared' ? 'high' : 'medium',
        message: `${context.name(f)} filters internet traffic but has no rate-based rules: one client can still flood the platform.`,
        fix: `Add rate-based rules to ${context.name(f)} (per client address, and per API key where there is one).`,
      });
    }
    return results;
  },
};
