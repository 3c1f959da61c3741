import { entriesOf, target } from '../graph';
import { idsOf } from './helpers';
import type { Rule, RuleResult } from './types';

export const activeActiveSingleWriter: Rule = {
  id: 'active-active-single-writer',
  title: 'Active-active regions that all write to one database in one region',
  severity: 'high',
  escalation: { 'mission-critical': 'critical' },
  autoFixable: false,
  category: 'recovery',
  rationale:
    'Two regions serving traffic look like region redundancy, but if both write to one database in one region, that region is still a single point of failure, and every write from the other region pays a cross-region round trip.',
  fix: 'Give each region its own writer for the tenants it owns (home regions, cells) and replicate to the other, or run a multi-writer store; at least, keep a promotable replica in each active region.',
  sources: ['AWS Well-Architected REL10-BP01', 'AWS Well-Architected REL13-BP02', 'docs/reliability-reference.md §4.3 D'],
  // The services and databases (their regions and sync connections), in the active regions (a change to the regions is analysed in full).
  scope: { kind: 'design', concerns: (graph, i) => graph.kinds[i]!.capabilities.deployable === true || graph.kinds[i]!.capabilities.dataRole === 'records', reads: [], ignores: ['zones', 'replicas'] },
  check: (context) => {
    const { graph } = context;
    const active = graph.design.regions.filter((r) => r.role === 'active').map((r) => r.id);
    if (active.length < 2) return [];
    const writerRegions = new Map<string, Set<number>>();
    const services = new Set<number>();
    const serviceRegions = new Set<string>();
    graph.components.forEach((component, i) => {
      if (!graph.kinds[i]!.capabilities.deployable || component.region === undefined || !active.includes(component.region)) return;
      for (const c of entriesOf(graph.out.sync, i)) {
        const db = target(graph, c);
        if (graph.kinds[db]!.capabilities.dataRole !== 'records' || graph.components[db]!.region === undefined) continue;
        services.add(i);
        serviceRegions.add(component.region);
        const region = graph.components[db]!.region!;
        let set = writerRegions.get(region);
        if (!set) writerRegions.set(region, (set = new Set()));
        set.add(db);
      }
    });
    if (serviceRegions.size < 2 || writerRegions.size !== 1) return [];
    const [region, dbs] = [...writerRegions][0]!;
    const results: RuleResult[] = [
      {
        components: [...idsOf(graph, dbs), ...idsOf(graph, services)],
        message: `Services in ${[...serviceRegions].sort().join(' and ')} all write to ${[...dbs].map(context.name).join(', ')} in ${region}: losing ${region} stops writes everywhere.`,
      },
    ];
    return results;
  },
};
