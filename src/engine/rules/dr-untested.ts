import { byTier } from './helpers';
import type { Rule, RuleResult } from './types';

export const drUntested: Rule = {
  id: 'dr-untested',
  title: 'A recovery region whose failover has not been exercised recently',
  severity: 'medium',
  escalation: { 'mission-critical': 'high' },
  autoFixable: false,
  category: 'recovery',
  rationale:
    'A standby region that has never taken traffic hides drift: a missing secret, an old image, a quota never raised, a DNS record nobody can change under pressure. Failover that is not rehearsed takes hours the first time, whatever the design says.',
  fix: 'Run a failover exercise (AWS FIS region or AZ impairment, or a planned switch of traffic) on a schedule, and record the date on the region.',
  sources: ['AWS Well-Architected REL13-BP03', 'AWS Well-Architected REL12-BP05', 'Azure WAF RE:08', 'AWS Resilience Hub (validate with AWS FIS)', 'docs/reliability-reference.md HA-037'],
  check: (context) => {
    const { graph } = context;
    if (graph.design.regions.length < 2) return [];
    const maxDays = byTier(context.tierClass, { standard: 365, premium: 180, 'mission-critical': 90 });
    const results: RuleResult[] = [];
    for (const region of graph.design.regions) {
      if (region.role === 'primary') continue;
      const days = region.failoverTestedDays;
      if (typeof days === 'number' && days <= maxDays) continue;
      const components = (graph.byRegion.get(region.id) ?? []).map((i) => graph.components[i]!.id);
      results.push({
        components,
        message:
          typeof days === 'number'
            ? `Failover to ${region.name ?? region.id} was last exercised ${days} days ago; this tier expects it every ${maxDays} days.`
            : `Failover to ${region.name ?? region.id} has never been exercised.`,
        details: { region: region.id, failoverTestedDays: days ?? null, maxDays },
      });
    }
    return results;
  },
};
