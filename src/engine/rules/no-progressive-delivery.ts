import { idsOf, remedyFix } from './helpers';
import type { Rule, RuleResult } from './types';

export const noProgressiveDelivery: Rule = {
  id: 'no-progressive-delivery',
  title: 'Releases without canary or blue-green and automated rollback',
  severity: 'medium',
  escalation: { premium: 'high', 'mission-critical': 'high' },
  autoFixable: true,
  category: 'delivery',
  rationale:
    'Most outages start with a change. A rolling release without automated rollback puts a bad build in front of every user before anyone sees the error rate climb; a canary or blue-green release with alarms that roll back limits it to a few percent for a few minutes.',
  fix: 'Release by canary or blue-green, gated on health and error-rate alarms, with automated rollback (ECS deployment circuit breaker with rollback, CodeDeploy, Argo Rollouts).',
  sources: ['AWS Well-Architected REL08-BP05', 'AWS Well-Architected REL08-BP04', 'AWS Well-Architected REL08-BP02', 'Terraform aws_ecs_service.deployment_circuit_breaker', 'docs/reliability-reference.md HA-036'],
  // The delivery pipelines' settings and names, and which components are deployed.
  scope: { kind: 'design', concerns: (graph, i) => graph.kinds[i]!.capabilities.foundation === 'delivery' || graph.kinds[i]!.capabilities.deployable === true, reads: [], ignores: ['zones', 'replicas'] },
  check: (context) => {
    const { graph } = context;
    const pipelines = graph.components.map((_, i) => i).filter((i) => graph.kinds[i]!.capabilities.foundation === 'delivery');
    const deployables = graph.components.map((_, i) => i).filter((i) => graph.kinds[i]!.capabilities.deployable);
    if (pipelines.length === 0) {
      if (deployables.length === 0) return [];
      return [{ components: idsOf(graph, deployables.slice(0, 20)), message: 'The design has no release pipeline: how releases reach production, and how they are rolled back, is undecided.' }];
    }
    const results: RuleResult[] = [];
    for (const i of pipelines) {
      const delivery = graph.traits[i]!.foundation;
      if (delivery?.role !== 'delivery') continue;
      const progressive = delivery.strategy === 'canary' || delivery.strategy === 'blue-green';
      const rollback = delivery.automatedRollback;
      if (progressive && rollback) continue;
      const missing = [!progressive ? `releases ${delivery.strategy} to everyone at once` : undefined, !rollback ? 'has no automated rollback' : undefined].filter(Boolean).join(' and ');
      results.push({
        components: [graph.components[i]!.id],
        message: `${context.name(i)} ${missing}: a bad release reaches every user before anyone reacts.`,
        autoFix: remedyFix(graph, i, 'progressive-delivery', `Release by canary with automated rollback in ${context.name(i)}`),
      });
    }
    return results;
  },
};
