import { entriesOf } from '../graph';
import { idsOf, listOf, remedyFix } from './helpers';
import { formatDuration } from '../../model';
import type { FailureScenario } from '../analysis/scenarios';
import type { Rule, RuleResult } from './types';

export const streamRetentionBelowRecovery: Rule = {
  id: 'stream-retention-below-recovery',
  title: 'A stream keeps events for less time than its consumers may take to recover',
  severity: 'high',
  autoFixable: true,
  category: 'data',
  rationale:
    'A stream drops events when they age out, read or not. A consumer that is down longer than the retention comes back to a gap: events it never processed are gone, with no dead-letter queue to catch them. The retention must outlast the longest outage its consumers may have, which the design promises as its recovery time.',
  fix: 'Raise the stream\'s retention above the longest recovery time of its consumers, with margin (Kinesis up to 365 days, Event Hubs up to 90, Kafka by topic).',
  sources: ['AWS Well-Architected REL05-BP04', 'Amazon Kinesis Data Streams Developer Guide, "Changing the data retention period"', 'docs/reliability-reference.md HA-031'],
  check: (context) => {
    const { graph } = context;
    const results: RuleResult[] = [];
    // Only a failure that keeps a consumer down longer than the recovery time objective can ask for
    // more retention than it: those scenarios, and for each component those of them that take it down.
    let longer: { scenarios: readonly FailureScenario[]; takingDown: Map<string, number[]> } | undefined;
    const slowerFailures = () => {
      const scenarios = context.scenarios().filter((s) => s.rtoSeconds !== null && s.rtoSeconds > graph.tier.rtoSeconds);
      const takingDown = new Map<string, number[]>();
      scenarios.forEach((scenario, k) => {
        for (const id of scenario.downComponents) {
          const list = takingDown.get(id);
          if (list) list.push(k);
          else takingDown.set(id, [k]);
        }
      });
      return { scenarios, takingDown };
    };
    graph.components.forEach((component, i) => {
      const data = graph.traits[i]!.data;
      if (data?.role !== 'messages' || data.replayable !== true || data.messageRetentionDays === undefined) return;
      const consumers = [...entriesOf(graph.out.async, i), ...entriesOf(graph.out.sync, i)].map((c) => graph.connectionTo[c]!).filter((t) => t >= 0);
      if (consumers.length === 0) return;
      const ids = new Set(consumers.map((t) => graph.components[t]!.id));
      // The design's recovery time objective, or longer where a failure keeps a consumer down longer while the stream lives on.
      let needed = graph.tier.rtoSeconds;
      longer ??= slowerFailures();
      const streamDown = new Set(longer.takingDown.get(component.id));
      for (const id of ids) {
        for (const k of longer.takingDown.get(id) ?? []) if (!streamDown.has(k)) needed = Math.max(needed, longer.scenarios[k]!.rtoSeconds!);
      }
      const retentionSeconds = data.messageRetentionDays * 86400;
      if (retentionSeconds >= needed) return;
      const names = idsOf(graph, consumers).map((id) => context.name(graph.indexById.get(id)!));
      const hours = Math.ceil((2 * needed) / 3600);
      results.push({
        components: [component.id, ...idsOf(graph, consumers)],
        message: `${context.name(i)} keeps events for ${formatDuration(retentionSeconds)}, but ${listOf(names)} may take ${formatDuration(needed)} to recover: events they have not read by then are dropped.`,
        fix: `Keep events in ${context.name(i)} for at least ${hours} hours (twice the recovery time).`,
        autoFix: remedyFix(graph, i, 'longer-retention', `Keep events in ${context.name(i)} for ${hours} hours`, { zones: [], hours }),
        details: { retentionSeconds, recoverySeconds: needed },
      });
    });
    return results;
  },
};
