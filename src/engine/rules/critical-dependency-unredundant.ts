import { aloneIds, countOf, type DesignGraph } from '../graph';
import { idsOf, requestPath, remedyFix, componentRule, NO_RESULTS } from './helpers';
import type { Rule, RuleResult } from './types';

/**
 * Shared foundations (identity, DNS, secrets, delivery, keys) are asked through their capability,
 * never their kind name. Each has its own form of redundancy or fallback.
 */
export const criticalDependencyUnredundant: Rule = {
  id: 'critical-dependency-unredundant',
  title: 'A foundation every journey or release depends on has no redundancy or fallback',
  severity: 'high',
  escalation: { 'mission-critical': 'critical' },
  autoFixable: true,
  category: 'foundations',
  rationale:
    'Identity, DNS, secrets and the release pipeline sit under every journey and every recovery. They are rarely drawn in the architecture, so they are rarely made redundant, and when one fails everything fails with it, including the tools you would use to recover.',
  fix: 'Give each foundation redundancy or a fallback: tokens validated locally with cached keys, health-checked DNS failover records, secrets cached in the services and replicated to the recovery region, a second runner and a break-glass deployment path, multi-region keys.',
  sources: ['AWS Well-Architected REL05-BP01', 'AWS Well-Architected REL11-BP04', 'AWS Well-Architected REL08-BP05', 'AWS Resilience Hub tier CoreServices', 'docs/reliability-reference.md HA-006, HA-007, HA-008, HA-009, HA-041'],
  // Each foundation's own settings and its place on the request paths; DNS also reads where the
  // internet-facing components run, and keys which components replicate (reachedFrom below).
  ...componentRule(
    ['journeys'],
    (context) => {
      const { graph } = context;
      const onPath = requestPath(context);
      const multiRegion = graph.design.regions.length >= 2;
      return (i) => {
        const foundation = graph.traits[i]!.foundation;
        if (!foundation) return NO_RESULTS;
        const component = graph.components[i]!;
        const name = context.name(i);
        switch (foundation.role) {
          case 'identity': {
            if (foundation.tokensValidatedLocally || foundation.multiRegion) return NO_RESULTS;
            if (!onPath[i] && countOf(graph.in.sync, i) === 0) return NO_RESULTS;
            return [
              {
                components: aloneIds(graph, i),
                message: `Every request through ${name} depends on it live: tokens are not validated locally and it has no second region, so its outage signs everyone out.`,
                fix: `Validate tokens locally with cached signing keys (bounded refresh), or run ${name} in more than one region.`,
                autoFix: remedyFix(graph, i, 'local-token-validation', `Validate ${name}'s tokens locally`),
              },
            ];
          }
          case 'dns': {
            if (!multiRegion && entryRegionCount(graph) < 2) return NO_RESULTS;
            if (foundation.healthCheckedFailover) return NO_RESULTS;
            return [
              {
                components: aloneIds(graph, i),
                severity: multiRegion ? undefined : 'medium',
                message: `${name} has no health-checked failover records, so moving users to the other region needs a manual change while the clock runs.`,
                fix: `Use failover (or latency) records with health checks on ${name}, and a TTL of 60 s or less.`,
                autoFix: remedyFix(graph, i, 'dns-failover', `Turn on failover routing with health checks for ${name}`),
              },
            ];
          }
          case 'secrets': {
            const results: RuleResult[] = [];
            if (!foundation.cachedByClients) {
              results.push({
                components: aloneIds(graph, i),
                message: `Services fetch from ${name} without caching: a restart storm during an incident depends on it answering every call.`,
                fix: `Cache secrets in the services with a refresh interval, or inject them at deploy time.`,
                autoFix: remedyFix(graph, i, 'client-caching', `Cache ${name}'s secrets in the services`),
              });
            }
            if (multiRegion && component.region !== undefined && foundation.replicatedToRegion === undefined) {
              results.push({
                components: aloneIds(graph, i),
                message: `${name} lives only in its region: the recovery region cannot start its services without it.`,
                fix: `Replicate ${name} to the recovery region.`,
              });
            }
            return results;
          }
          case 'delivery': {
            if (foundation.redundantRunners || foundation.breakGlass) return NO_RESULTS;
            return [
              {
                components: aloneIds(graph, i),
                severity: 'medium',
                message: `${name} is the only way to deploy or roll back, with no second runner and no break-glass path: recovery waits on it.`,
                fix: `Keep a second runner pool or region, and document and rehearse a manual break-glass deployment.`,
                autoFix: remedyFix(graph, i, 'break-glass', `Mark a break-glass path for ${name}`),
              },
            ];
          }
          case 'keys': {
            if (!multiRegion || foundation.multiRegion || graph.out.replication.items.length === 0) return NO_RESULTS;
            const replicated = idsOf(graph, replicationSources(graph));
            return [
              {
                components: aloneIds(graph, i),
                severity: 'medium',
                message: `Data is replicated to another region (${replicated.slice(0, 5).join(', ')}${replicated.length > 5 ? ', ...' : ''}), but ${name}'s keys are single-region: the copies cannot be read there.`,
                fix: `Use multi-region keys (or a key in the recovery region wired into the replication).`,
                autoFix: remedyFix(graph, i, 'multi-region-keys', `Use multi-region keys for ${name}`),
              },
            ];
          }
        }
        return NO_RESULTS;
      };
    },
    (graph, t) => [
      ...(graph.kinds[t]!.capabilities.internetFacing ? foundations(graph, 'dns') : []),
      ...(countOf(graph.out.replication, t) > 0 || countOf(graph.in.replication, t) > 0 ? foundations(graph, 'keys') : []),
    ],
  ),
};

/**
 * How many regions the internet-facing components run in, counted up to two (all the DNS check
 * asks). An indexed loop of its own: a filter, a map and a Set in the check were inlined with their
 * callbacks into the check of every component.
 */
function entryRegionCount(graph: DesignGraph): number {
  let first: string | undefined;
  for (let j = 0; j < graph.components.length; j += 1) {
    const region = graph.components[j]!.region;
    if (region === undefined || !graph.kinds[j]!.capabilities.internetFacing) continue;
    if (first === undefined) first = region;
    else if (region !== first) return 2;
  }
  return first === undefined ? 0 : 1;
}

const foundationsCache = new WeakMap<DesignGraph, Map<string, number[]>>();

/** The components of a graph that play a foundation role, found once per graph. */
/** The components that replicate to another (their `replication` connections out). */
function replicationSources(graph: DesignGraph): number[] {
  const sources: number[] = [];
  for (let j = 0; j < graph.components.length; j += 1) if (countOf(graph.out.replication, j) > 0) sources.push(j);
  return sources;
}

function foundations(graph: DesignGraph, role: string): readonly number[] {
  let byRole = foundationsCache.get(graph);
  if (!byRole) {
    byRole = new Map();
    graph.traits.forEach((traits, i) => {
      const of = traits.foundation?.role;
      if (of === undefined) return;
      let list = byRole!.get(of);
      if (!list) byRole!.set(of, (list = []));
      list.push(i);
    });
    foundationsCache.set(graph, byRole);
  }
  return byRole.get(role) ?? [];
}
