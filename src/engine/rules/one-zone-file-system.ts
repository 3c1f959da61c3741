import { entriesOf, source, target } from '../graph';
import { idsOf, listOf, remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const oneZoneFileSystem: Rule = {
  id: 'one-zone-file-system',
  title: 'A one-zone store mounted by a tier that runs in several zones',
  severity: 'high',
  escalation: { premium: 'critical', 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'topology',
  rationale:
    'A one-zone file system (EFS One Zone, a zonal Filestore, LRS Azure Files) lives in one zone. The instances that mount it run in several zones for resilience, but losing the file system\'s zone takes the files from all of them: the multi-zone tier is only as available as that one zone, and its data is lost with it.',
  fix: 'Use the provider\'s regional (multi-zone) file system for anything a multi-zone tier mounts, or keep the data where a zone loss cannot reach it.',
  sources: ['AWS Well-Architected REL10-BP01', 'Amazon EFS User Guide, "EFS file system types"', 'docs/reliability-reference.md HA-001'],
  // The file system's own placement and that of the components that mount it (over sync connections either way).
  ...componentRule(['sync-sources', 'sync-targets'], (context) => {
    const { graph } = context;
    return (i) => {
      const component = graph.components[i]!;
      const traits = graph.traits[i]!;
      if (traits.data?.role !== 'files' || traits.zoneRedundant || traits.zonalFailover !== 'none' || component.region === undefined) return NO_RESULTS;
      const users = new Set<number>();
      for (const c of entriesOf(graph.in.sync, i)) users.add(source(graph, c));
      for (const c of entriesOf(graph.out.sync, i)) users.add(target(graph, c));
      const zones = new Set<string>();
      const multiZoneUsers = [...users].filter((u) => u >= 0 && graph.components[u]!.region === component.region && graph.instanceZones[u]!.length >= 2);
      for (const u of multiZoneUsers) for (const zone of graph.instanceZones[u]!) zones.add(zone);
      if (multiZoneUsers.length === 0) return NO_RESULTS;
      const names = idsOf(graph, multiZoneUsers).map((id) => context.name(graph.indexById.get(id)!));
      return [
        {
          components: [component.id, ...idsOf(graph, multiZoneUsers)],
          message: `${context.name(i)} lives in zone ${graph.instanceZones[i]!.join(', ')} only, while ${listOf(names)} ${multiZoneUsers.length === 1 ? 'runs' : 'run'} in zones ${[...zones].sort().join(', ')}: losing its zone takes the files from every zone.`,
          fix: `Make ${context.name(i)} regional (multi-zone).`,
          autoFix: remedyFix(graph, i, 'regional-storage', `Make ${context.name(i)} regional`),
        },
      ];
    };
  }),
};
