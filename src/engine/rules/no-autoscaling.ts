import { aloneIds } from '../graph';
import { remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

/**
 * Static stability for one lost zone. Per-instance capacity is not in the format, so the check
 * assumes the fleet was sized to run at two thirds of its capacity at peak (a common target-tracking
 * set point): losing a zone is absorbed when at least two thirds of the instances survive it.
 */
export const noAutoscaling: Rule = {
  id: 'no-autoscaling',
  title: 'A stateless tier whose fixed capacity cannot absorb the loss of a zone',
  severity: 'medium',
  autoFixable: true,
  category: 'capacity',
  rationale:
    'When a zone goes, its share of traffic lands on the instances left. A fixed fleet without headroom saturates and the zone failure becomes a full outage; autoscaling (or enough standing headroom) keeps the survivors below their limits.',
  fix: 'Turn on autoscaling with a minimum that carries peak load with one zone lost and a maximum that can replace a whole zone, or keep N+1 zones of capacity standing.',
  sources: ['AWS Well-Architected REL07-BP01', 'AWS Well-Architected REL11-BP05', 'Azure WAF RE:06', 'docs/reliability-reference.md HA-003, HA-025'],
  // The component's own fleet and zones only.
  ...componentRule([], (context) => {
    const { graph } = context;
    return (i) => {
      const autoscaling = graph.traits[i]!.autoscaling;
      if (graph.kinds[i]!.capabilities.stateful || !autoscaling) return NO_RESULTS;
      const component = graph.components[i]!;
      const replicas = component.replicas ?? 1;
      const zones = graph.instanceZones[i]!;
      const name = context.name(i);
      const perZone = Math.ceil(replicas / Math.max(1, zones.length));
      const surviving = zones.length < 2 ? 0 : replicas - perZone;
      if (autoscaling.enabled) {
        if (autoscaling.max === undefined || autoscaling.max >= replicas) return NO_RESULTS;
        return [{ components: aloneIds(graph, i), message: `${name} autoscales to at most ${autoscaling.max}, fewer than the ${replicas} instances it runs.` }];
      }
      if (surviving * 3 >= replicas * 2) return NO_RESULTS;
      return [
        {
          components: aloneIds(graph, i),
          message: `${name} runs a fixed ${replicas} instance${replicas === 1 ? '' : 's'} in ${zones.length} zone${zones.length === 1 ? '' : 's'}: losing a zone leaves ${surviving}, too few to carry the load, and nothing adds more.`,
          autoFix: remedyFix(graph, i, 'autoscaling', `Turn on autoscaling for ${name}`),
          details: { replicas, zones: zones.length, survivingInstances: surviving },
        },
      ];
    };
  }),
};
