import type { FailureScenario } from '../../src/engine';
import { backupOf, type ComponentFacts, type DesignFacts } from '../design-facts';

/** The failure modes a runbook is written for; each id is also the runbook's file name. */
export const FAILURE_MODES = [
  'database-failover',
  'zone-loss',
  'region-failover',
  'queue-backlog',
  'cache-loss',
  'certificate-expiry',
  'identity-provider-outage',
  'external-integration-degraded',
  'restore-from-backup',
  'release-rollback',
  'cluster-upgrade',
  'private-link-down',
] as const;
export type FailureModeId = (typeof FAILURE_MODES)[number];

/** One failure the design can suffer: what fails, and where. */
export interface FailureMode {
  readonly id: FailureModeId;
  /** Ids of the components the failure is about, in design order. */
  readonly components: readonly string[];
  /** Ids of the regions it concerns. */
  readonly regions: readonly string[];
  /** The engine's scenarios of this failure, with their recovery estimates (absent: not analysed). */
  readonly scenarios?: readonly FailureScenario[];
}

/** What an operator fails over or drains, by the data it holds: records, a cache, messages. */
const isDatabase = (c: ComponentFacts) => c.traits.data?.role === 'records';
const isCache = (c: ComponentFacts) => c.traits.data?.role === 'cache';
const isQueue = (c: ComponentFacts) => c.traits.data?.role === 'messages';

function regionsOf(components: readonly ComponentFacts[]): string[] {
  return [...new Set(components.map((c) => c.region?.id).filter((id): id is string => id !== undefined))];
}

function mode(id: FailureModeId, components: readonly ComponentFacts[], regions = regionsOf(components)): FailureMode {
  return { id, components: components.map((c) => c.id), regions };
}

/**
 * The failure modes this design can suffer, derived from its components and their kinds'
 * capabilities; with the engine's failure scenarios, each mode carries the scenarios it covers
 * and their recovery estimates.
 */
export function failureModesOf(facts: DesignFacts, scenarios?: readonly FailureScenario[]): FailureMode[] {
  const modes = modesFromDesign(facts);
  if (!scenarios) return modes;
  const covered = scenariosByMode(modes, scenarios);
  return modes.map((m, index) => ({ ...m, scenarios: covered[index]! }));
}

/** The kinds of scenario each mode quotes, and whether only those about one of its components. */
const COVERED: Readonly<Record<FailureModeId, { readonly kinds: readonly FailureScenario['kind'][]; readonly about: boolean }>> = {
  'zone-loss': { kinds: ['zone'], about: false },
  'region-failover': { kinds: ['region'], about: false },
  'restore-from-backup': { kinds: ['corruption'], about: true },
  'external-integration-degraded': { kinds: ['component', 'external'], about: true },
  'identity-provider-outage': { kinds: ['component', 'external'], about: true },
  'database-failover': { kinds: ['component', 'external'], about: true },
  'queue-backlog': { kinds: ['component', 'external'], about: true },
  'cache-loss': { kinds: ['component', 'external'], about: true },
  'private-link-down': { kinds: ['component'], about: true },
  'certificate-expiry': { kinds: [], about: false },
  'release-rollback': { kinds: [], about: false },
  'cluster-upgrade': { kinds: [], about: false },
};

/**
 * The engine's scenarios that each runbook covers, in the engine's order: zone and region losses,
 * the loss of each component the runbook is about, unavailable external systems, corruption of the
 * stores. Certificate expiry, release rollback and cluster upgrades are changes, not failures the
 * engine simulates. One pass over the scenarios for all modes: a design of thousands of components
 * has thousands of scenarios, and modes of thousands of components.
 */
function scenariosByMode(modes: readonly FailureMode[], scenarios: readonly FailureScenario[]): FailureScenario[][] {
  const covered = modes.map((): FailureScenario[] => []);
  // For each component, the modes (as bits of their index) that are about it.
  const aboutModes = new Map<string, number>();
  modes.forEach((m, index) => {
    if (!COVERED[m.id].about) return;
    for (const id of m.components) aboutModes.set(id, (aboutModes.get(id) ?? 0) | (1 << index));
  });
  for (const s of scenarios) {
    let about = 0;
    for (const id of s.failure.components ?? []) about |= aboutModes.get(id) ?? 0;
    modes.forEach((m, index) => {
      const { kinds, about: needsAbout } = COVERED[m.id];
      if (kinds.includes(s.kind) && (!needsAbout || (about & (1 << index)) !== 0)) covered[index]!.push(s);
    });
  }
  return covered;
}

function modesFromDesign(facts: DesignFacts): FailureMode[] {
  const all = facts.components;
  const modes: FailureMode[] = [];
  const databases = all.filter(isDatabase);
  if (databases.length > 0) modes.push(mode('database-failover', databases));
  const zonal = all.filter((c) => c.region !== undefined && !c.kind.capabilities.external);
  if (zonal.length > 0) modes.push(mode('zone-loss', zonal));
  const standby = facts.regions.filter((r) => r.role === 'secondary' || r.role === 'active');
  if (facts.regions.length >= 2 && standby.length > 0) {
    const replicated = all.filter((c) => (facts.outgoing.get(c.id) ?? []).some((conn) => conn.mode === 'replication'));
    modes.push(mode('region-failover', replicated.length > 0 ? replicated : zonal, facts.regions.map((r) => r.id)));
  }
  const queues = all.filter(isQueue);
  if (queues.length > 0) modes.push(mode('queue-backlog', queues));
  const caches = all.filter(isCache);
  if (caches.length > 0) modes.push(mode('cache-loss', caches));
  const tls = all.filter((c) => c.kind.capabilities.internetFacing && !c.kind.capabilities.entryPoint && c.kind.capabilities.foundation !== 'dns');
  const terminating = all.filter((c) => c.kind.capabilities.terminatesTls);
  if (tls.length + terminating.length > 0) {
    const listed = new Set(tls);
    modes.push(mode('certificate-expiry', [...tls, ...terminating.filter((c) => !listed.has(c))]));
  }
  const identity = all.filter((c) => c.kind.capabilities.foundation === 'identity');
  if (identity.length > 0) modes.push(mode('identity-provider-outage', identity));
  const external = all.filter((c) => c.kind.capabilities.external && !c.kind.capabilities.entryPoint);
  if (external.length > 0) modes.push(mode('external-integration-degraded', external));
  const restorable = all.filter(
    (c) => (backupOf(c)?.enabled ?? false) || c.traits.data?.role === 'backups' || (c.traits.data?.role === 'files' && c.traits.data.versioned === true),
  );
  if (restorable.length > 0) modes.push(mode('restore-from-backup', restorable));
  const deployable = all.filter((c) => c.kind.capabilities.deployable);
  if (deployable.length > 0) modes.push(mode('release-rollback', deployable));
  const clusters = all.filter((c) => c.traits.cluster !== undefined);
  if (clusters.length > 0) modes.push(mode('cluster-upgrade', clusters));
  const links = all.filter((c) => c.traits.privateLink !== undefined);
  if (links.length > 0) modes.push(mode('private-link-down', links));
  return modes;
}
