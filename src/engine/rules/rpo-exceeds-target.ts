import { aloneIds } from '../graph';
import { formatDuration } from '../../model';
import { componentRule, NO_RESULTS } from './helpers';
import type { FailureScenario } from '../analysis/scenarios';
import type { Rule } from './types';

/**
 * For each store, the worst data loss over the scenarios that hit it: a zone, the store itself,
 * corruption, and (when the design plans a second region) a region. Single-region designs are
 * judged on region loss by region-failure-exceeds-rto, so this rule does not report them twice.
 */
export const rpoExceedsTarget: Rule = {
  id: 'rpo-exceeds-target',
  title: 'A store could lose more data than the RPO allows',
  severity: 'high',
  autoFixable: false,
  category: 'data',
  rationale:
    'The RPO is the most recent work the business accepts to lose: timesheets, approvals, invoices. A store whose only way back is last night\'s snapshot loses a day of client work after a corruption or a failed disk, whatever the tier promises.',
  fix: 'Turn on point-in-time recovery (continuous log archiving), keep a synchronous standby for zone failures, replicate to the recovery region for region failures (with a replication-time commitment for object storage), and notice corruption sooner (data checks, alerts) with a way to replay writes.',
  sources: ['AWS Well-Architected REL13-BP01', 'AWS Well-Architected REL09-BP03', 'Azure WAF RE:04', 'docs/reliability-reference.md HA-004, HA-016'],
  // What the scenarios say each store loses, and the store's own backups.
  ...componentRule(['data-loss'], (context, only) => {
    const { graph, tier } = context;
    const multiRegion = graph.design.regions.length >= 2;
    // Worked out only for the components to check, when the analysis of a change says which.
    const wanted = only && new Set(only.map((i) => graph.components[i]!.id));
    const worst = worstLosses(context.scenarios(), multiRegion, wanted);
    // The same for every store: worked out once, not in each store's check.
    const target = formatDuration(tier.rpoSeconds);
    return (i) => {
      const component = graph.components[i]!;
      const loss = worst.get(component.id);
      if (!loss || (loss.seconds !== null && loss.seconds <= tier.rpoSeconds)) return NO_RESULTS;
      const amount =
        loss.seconds === null
          ? 'all of its data (nothing to restore from)'
          : loss.corruption
            ? `up to ${formatDuration(loss.seconds)} of writes (those made before the corruption is noticed, unless they can be replayed)`
            : `up to ${formatDuration(loss.seconds)} of writes`;
      // Point-in-time recovery reaches the second before a corruption: what is lost is only the writes made
      // until it is noticed, which no backup setting shortens (medium: detect sooner, or replay them).
      const detectionOnly = loss.corruption && graph.traits[i]!.data?.backup?.pitr === true;
      return [
        {
          components: aloneIds(graph, i),
          // Data that cannot be recovered at all is critical at any tier (docs/reliability-reference.md HA-004).
          severity: loss.seconds === null ? 'critical' : detectionOnly ? 'medium' : undefined,
          message: `${context.name(i)} could lose ${amount} when "${loss.scenario}", beyond the ${target} RPO.`,
          details: { rpoSeconds: loss.seconds, targetSeconds: tier.rpoSeconds, scenario: loss.scenario },
        },
      ];
    };
  }),
};

interface WorstLoss {
  readonly seconds: number | null;
  readonly scenario: string;
  readonly corruption: boolean;
}

/**
 * Each store's worst data loss over the scenarios (of those in `wanted`, when given). A function of
 * its own: its loop over thousands of scenarios is what the optimising compiler compiles (on stack),
 * and the rest of the rule's preparation, run once per analysis, need not be compiled with it.
 */
function worstLosses(scenarios: readonly FailureScenario[], multiRegion: boolean, wanted: ReadonlySet<string> | undefined): Map<string, WorstLoss> {
  const worst = new Map<string, WorstLoss>();
  for (let s = 0; s < scenarios.length; s += 1) {
    const scenario = scenarios[s]!;
    if (scenario.kind === 'region' && !multiRegion) continue;
    for (let k = 0; k < scenario.dataLoss.length; k += 1) {
      const loss = scenario.dataLoss[k]!;
      if (wanted && !wanted.has(loss.component)) continue;
      const current = worst.get(loss.component);
      const worse = !current || (current.seconds !== null && (loss.rpoSeconds === null || loss.rpoSeconds > current.seconds));
      if (worse) worst.set(loss.component, { seconds: loss.rpoSeconds, scenario: scenario.title, corruption: scenario.kind === 'corruption' });
    }
  }
  return worst;
}
