import type { Rule, RuleResult } from './types';

export const noObservability: Rule = {
  id: 'no-observability',
  title: 'No observability, or no alerting or synthetic checks on the journeys',
  severity: 'high',
  autoFixable: false,
  category: 'operations',
  rationale:
    'You cannot fail over from a failure you cannot see. Without alerts on what users feel, the first signal of an outage is a client calling; without synthetic checks, DNS, TLS and edge failures are invisible from inside.',
  fix: 'Collect metrics, logs and traces from every component, alert on symptoms users feel (errors, latency, saturation), and run synthetic checks through each journey every minute.',
  sources: ['AWS Well-Architected REL11-BP01', 'AWS Well-Architected REL06-BP01', 'AWS Well-Architected REL11-BP06', 'Azure WAF RE:10', 'Checkov CKV_AWS_65', 'docs/reliability-reference.md HA-033, HA-034'],
  // The monitoring components' settings and names, and the journeys' names.
  scope: { kind: 'design', concerns: (graph, i) => graph.kinds[i]!.capabilities.monitoring === true, reads: ['journeys'] },
  check: (context) => {
    const { graph } = context;
    const monitors = graph.components.map((_, i) => i).filter((i) => graph.kinds[i]!.capabilities.monitoring);
    if (monitors.length === 0) {
      return [{ components: [], message: 'The design has no observability: nothing collects metrics or logs, nothing alerts, nothing checks the journeys from outside.' }];
    }
    const results: RuleResult[] = [];
    if (!monitors.some((i) => graph.traits[i]!.monitoring?.alerting === true)) {
      results.push({ components: monitors.map((i) => graph.components[i]!.id), message: `${monitors.map(context.name).join(', ')} collect${monitors.length === 1 ? 's' : ''} data but nothing alerts: failures are found by clients.` });
    }
    if (graph.design.journeys.length > 0 && !monitors.some((i) => graph.traits[i]!.monitoring?.syntheticChecks === true)) {
      results.push({
        components: monitors.map((i) => graph.components[i]!.id),
        severity: context.tierClass === 'standard' ? 'medium' : 'high',
        message: `No synthetic checks walk the journeys (${graph.design.journeys.map((j) => j.name).join(', ')}): outages outside the services (DNS, TLS, CDN, WAF) go unseen.`,
        fix: 'Turn on synthetic checks that run each journey from outside every minute.',
      });
    }
    return results;
  },
};
