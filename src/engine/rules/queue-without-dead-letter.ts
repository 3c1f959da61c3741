import { aloneIds } from '../graph';
import { remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule, RuleResult } from './types';

export const queueWithoutDeadLetter: Rule = {
  id: 'queue-without-dead-letter',
  title: 'A queue without a dead-letter queue, or not durable',
  severity: 'medium',
  escalation: { 'mission-critical': 'high' },
  autoFixable: true,
  category: 'integration',
  rationale:
    'A poison message that fails every time either blocks the queue or loops forever, and nobody notices until the backlog is days old. A queue that is not durable loses every message in flight when a node goes.',
  fix: 'Add a dead-letter queue after a few attempts (SQS redrive_policy with maxReceiveCount 5), alarm on its depth, and keep the queue durable.',
  sources: ['AWS Well-Architected REL05-BP04', 'Terraform aws_sqs_queue.redrive_policy', 'docs/reliability-reference.md HA-031'],
  // The queue's own settings only.
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      const data = graph.traits[i]!.data;
      if (data?.role !== 'messages') return NO_RESULTS;
      const results: RuleResult[] = [];
      if (data.deadLetter !== true) {
        results.push({
          components: aloneIds(graph, i),
          message: `${context.name(i)} has no dead-letter queue: a message that always fails blocks or loops.`,
          autoFix: remedyFix(graph, i, 'dead-letter', `Add a dead-letter queue to ${context.name(i)}`),
        });
      }
      if (data.durableWrites === false) {
        results.push({
          components: aloneIds(graph, i),
          severity: 'high',
          message: `${context.name(i)} is not durable: messages in flight are lost when a node or zone fails.`,
          fix: `Make ${context.name(i)} durable (persisted and replicated before a send is acknowledged).`,
          autoFix: remedyFix(graph, i, 'durable-writes', `Make ${context.name(i)} durable`),
        });
      }
      return results;
    };
  }),
};
