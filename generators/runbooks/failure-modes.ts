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
  return scenarios ? modes.map((m) => ({ ...m, scenarios: scenariosOf(m, scenarios) })) : modes;
}

/**
 * The engine's scenarios that a runbook covers: zone and region losses, the loss of each
 * component the runbook is about, unavailable external systems, corruption of the stores.
 * Certificate expiry and release rollback are changes, not failures the engine simulates.
 */
function scenariosOf(m: FailureMode, scenarios: readonly FailureScenario[]): FailureScenario[] {
  const ids = new Set(m.components);
  const about = (s: FailureScenario) => (s.failure.components ?? []).some((id) => ids.has(id));
  switch (m.id) {
    case 'zone-loss':
      return scenarios.filter((s) => s.kind === 'zone');
    case 'region-failover':
      return scenarios.filter((s) => s.kind === 'region');
    case 'restore-from-backup':
      return scenarios.filter((s) => s.kind === 'corruption' && about(s));
    case 'external-integration-degraded':
    case 'identity-provider-outage':
    case 'database-failover':
    case 'queue-backlog':
    case 'cache-loss':
      return scenarios.filter((s) => (s.kind === 'component' || s.kind === 'external') && about(s));
    case 'private-link-down':
      return scenarios.filter((s) => s.kind === 'component' && about(s));
    case 'certificate-expiry':
    case 'release-rollback':
    case 'cluster-upgrade':
      return [];
  }
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
  if (tls.length + terminating.length > 0) modes.push(mode('certificate-expiry', [...tls, ...terminating.filter((c) => !tls.includes(c))]));
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
