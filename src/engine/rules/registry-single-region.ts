import { aloneIds } from '../graph';
import { listOf, remedyFix } from './helpers';
import type { Rule, RuleResult } from './types';

export const registrySingleRegion: Rule = {
  id: 'registry-single-region',
  title: 'Images only in the primary region: a region failover cannot start anything',
  severity: 'high',
  escalation: { 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'recovery',
  rationale:
    'Every container, pod and function image is pulled from the registry when it starts. A standby region whose images live only in the lost region cannot start its services or scale them out: the failover stalls on image pulls, the part of a region plan nobody draws.',
  fix: 'Replicate the registry to every region that runs containers (ECR cross-region replication, ACR geo-replication, a multi-region Artifact Registry), or run a registry in each region that the pipeline pushes to.',
  sources: ['AWS Well-Architected REL10-BP01', 'Amazon ECR User Guide, "Private image replication"', 'Azure Well-Architected RE:05'],
  // What runs from images (deployed services, clusters) and where, and the registries (their regions, copies and names).
  scope: { kind: 'design', concerns: (graph, i) => graph.kinds[i]!.capabilities.deployable === true || graph.traits[i]!.cluster !== undefined || graph.traits[i]!.images !== undefined, reads: [], ignores: ['zones', 'replicas'] },
  check: (context) => {
    const { graph } = context;
    if (graph.design.regions.length < 2) return [];
    const results: RuleResult[] = [];
    // Regions that start containers, pods or functions from images.
    const running = new Set<string>();
    graph.components.forEach((component, i) => {
      const runtime = graph.traits[i]!.runtime;
      if (component.region !== undefined && graph.kinds[i]!.capabilities.deployable && runtime !== 'vm') running.add(component.region);
      if (component.region !== undefined && graph.traits[i]!.cluster) running.add(component.region);
    });
    const holding = new Set<string>();
    graph.components.forEach((component, i) => {
      const images = graph.traits[i]!.images;
      if (!images || component.region === undefined) return;
      holding.add(component.region);
      for (const region of images.replicatedToRegions) holding.add(region);
    });
    graph.components.forEach((component, i) => {
      const images = graph.traits[i]!.images;
      if (!images || component.region === undefined) return;
      const missing = [...running].filter((region) => !holding.has(region)).sort();
      if (missing.length === 0) return;
      const names = missing.map((id) => graph.regionsById.get(id)?.name ?? id);
      results.push({
        components: aloneIds(graph, i),
        message: `${context.name(i)} holds the images only in ${graph.regionsById.get(component.region)?.name ?? component.region}, but ${listOf(names)} also ${missing.length === 1 ? 'runs' : 'run'} containers: losing this region leaves ${missing.length === 1 ? 'it' : 'them'} unable to pull an image to start or scale anything.`,
        fix: `Replicate ${context.name(i)} to ${listOf(names)}.`,
        autoFix: remedyFix(graph, i, 'image-replication', `Replicate ${context.name(i)} to ${listOf(names)}`, { zones: [], regions: missing }),
        details: { regionsWithoutImages: missing },
      });
    });
    return results;
  },
};
