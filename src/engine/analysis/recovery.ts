import { DNS_ENDPOINT_CHECKS, dnsEndpointCheck, TARGET_HEALTH_CHECKS, type BackupPolicy, type ReplicationMethod } from '../../catalog';
import { countOf, type DesignGraph, isGlobal, isPartner, source, target, zoneKey } from '../graph';
import { ASSUMPTIONS, type Assumption } from './assumptions';
import type { FailureState } from './failure';
import { modelInputs } from './rates';

/** A duration estimate and the assumptions it rests on. `seconds: null` means unbounded. */
export interface Estimate {
  seconds: number | null;
  assumptions: Assumption[];
}

const est = (seconds: number | null, ...assumptions: Assumption[]): Estimate => ({ seconds, assumptions });

/** Shared by every estimate that rests on nothing (frozen, since it is shared). */
const NO_ASSUMPTIONS: readonly Assumption[] = Object.freeze([]);

/** The later of several estimates (recovery waits for the slowest); unbounded wins. */
export function latest(estimates: readonly Estimate[]): Estimate {
  if (estimates.length === 0) return { seconds: 0, assumptions: NO_ASSUMPTIONS as Assumption[] };
  if (estimates.length === 1) return { seconds: estimates[0]!.seconds, assumptions: uniqueAssumptions(estimates[0]!.assumptions) };
  let seconds: number | null = 0;
  const assumptions: Assumption[] = [];
  for (let k = 0; k < estimates.length; k += 1) {
    const e = estimates[k]!;
    for (let a = 0; a < e.assumptions.length; a += 1) assumptions.push(e.assumptions[a]!);
    if (seconds === null || e.seconds === null) seconds = null;
    else seconds = Math.max(seconds, e.seconds);
  }
  return { seconds, assumptions: uniqueAssumptions(assumptions) };
}

export function uniqueAssumptions(list: readonly Assumption[]): Assumption[] {
  // No spreads: a spread is a loop inlined into every optimised function that calls this one.
  if (list.length <= 1) return list.slice();
  if (list.length > 16) {
    const seen = new Set<string>();
    const unique: Assumption[] = [];
    for (let k = 0; k < list.length; k += 1) {
      const a = list[k]!;
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      unique.push(a);
    }
    return unique.sort(byId);
  }
  // A few at a time (the common case, thousands of times an analysis): compared in place, without a map.
  const unique: Assumption[] = [];
  next: for (let k = 0; k < list.length; k += 1) {
    const a = list[k]!;
    for (let u = 0; u < unique.length; u += 1) if (unique[u]!.id === a.id) continue next;
    unique.push(a);
  }
  return unique.sort(byId);
}

const byId = (a: Assumption, b: Assumption): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The component's backup settings, for kinds that have them. */
export function backupOf(graph: DesignGraph, i: number): BackupPolicy | undefined {
  return graph.traits[i]!.data?.backup;
}

/** Whether the component holds data that cannot be rebuilt: the stores that RPO is about. */
export function holdsRecords(graph: DesignGraph, i: number): boolean {
  return graph.traits[i]!.data?.irreplaceable === true;
}

/** Backup vaults this component sends backups to (`backup` connections). */
export function backupTargets(graph: DesignGraph, i: number): readonly number[] {
  const list = graph.out.backup;
  const count = countOf(list, i);
  if (count === 0) return NO_TARGETS;
  const targets = new Array<number>(count);
  for (let k = 0; k < count; k += 1) targets[k] = target(graph, list.items[list.start[i]! + k]!);
  return targets;
}

const NO_TARGETS: readonly number[] = Object.freeze([]);

/**
 * The backups of `i` that survive a failure: in its own region (zone failures, the store's own loss),
 * or only as cross-region copies, which are snapshots taken every `intervalHours`. None: undefined.
 */
export type SurvivingBackup = { where: 'region' } | { where: 'copy'; intervalHours: number };

/** Hours between the copies a vault makes, when the design does not say: the daily backup plan. */
const DAILY = 24;

export function survivingBackup(graph: DesignGraph, i: number, failed: FailureState): SurvivingBackup | undefined {
  const backup = backupOf(graph, i);
  const region = graph.components[i]!.region;
  const regionLost = region !== undefined && failed.failedRegions.has(region);
  const hasBackups = backup?.enabled === true || backupTargets(graph, i).length > 0;
  if (!hasBackups) return undefined;
  if (!regionLost) return { where: 'region' };
  let interval = Number.POSITIVE_INFINITY;
  if (backup?.enabled && backup.copyToRegion && !failed.failedRegions.has(backup.copyToRegion)) interval = backup.copyIntervalHours;
  for (const v of backupTargets(graph, i)) {
    const vault = graph.components[v]!;
    const vaultTraits = graph.traits[v]!.data?.vault;
    // A vault in another region holds the backups themselves, made on the store's schedule.
    if (vault.region !== undefined && !failed.failedRegions.has(vault.region)) interval = Math.min(interval, backup?.intervalHours ?? DAILY);
    const copy = vaultTraits?.copyToRegion;
    if (copy !== undefined && !failed.failedRegions.has(copy)) interval = Math.min(interval, Math.max(backup?.intervalHours ?? 0, vaultTraits?.copyIntervalHours ?? DAILY));
  }
  return Number.isFinite(interval) ? { where: 'copy', intervalHours: interval } : undefined;
}

/** Whether backups of `i` survive a failure: its own copy region, a vault, or (zone failures) its region. */
export function backupSurvives(graph: DesignGraph, i: number, failed: FailureState): boolean {
  return survivingBackup(graph, i, failed) !== undefined;
}

/** A provider's service that failed by itself: the provider restores it, in the time its incidents typically last. */
export function providerRestore(graph: DesignGraph, i: number): Estimate {
  const inputs = modelInputs(graph);
  const own = inputs.components.get(graph.components[i]!.id)?.duration;
  return own ? est(own.seconds, ASSUMPTIONS.providerRestores, own.assumption) : est(inputs.durations.serviceIncident.seconds, ASSUMPTIONS.providerRestores, inputs.durations.serviceIncident.assumption);
}

function restoreFromBackup(graph: DesignGraph, i: number): Estimate {
  const storageGb = graph.traits[i]!.data?.sizeGb ?? 100;
  return est(ASSUMPTIONS.restoreBase.seconds + Math.round((storageGb / 100) * 360), ASSUMPTIONS.restoreBase);
}

/** How long a component that lost some zones disrupts the journeys through it before it serves again. */
export function zoneLossDisruption(graph: DesignGraph, i: number, lost: ReadonlySet<string>): Estimate {
  const traits = graph.traits[i]!;
  const primaryZone = graph.instanceZones[i]![0];
  const primaryLost = primaryZone !== undefined && lost.has(primaryZone);
  switch (traits.zonalFailover) {
    case 'service':
    case 'independent':
      return est(0);
    case 'standby':
      return primaryLost ? est(ASSUMPTIONS.rdsMultiAzFailover.seconds, ASSUMPTIONS.rdsMultiAzFailover) : est(0);
    // Nothing promotes the survivors: someone has to notice and act.
    case 'none':
      return primaryLost ? est(ASSUMPTIONS.manualDetection.seconds, ASSUMPTIONS.manualDetection) : est(0);
    case 'cluster':
      return primaryLost ? est(ASSUMPTIONS.clusterFailover.seconds, ASSUMPTIONS.clusterFailover) : est(0);
    case 'replica':
      return primaryLost ? est(ASSUMPTIONS.cacheFailover.seconds, ASSUMPTIONS.cacheFailover) : est(0);
    case 'load-balanced':
      return traits.healthChecks === false ? est(ASSUMPTIONS.manualDetection.seconds, ASSUMPTIONS.manualDetection) : targetEviction(graph, i);
  }
}

/**
 * How long the load balancers in front of `i` keep sending it traffic after an instance fails: the
 * slowest of their target checks. With none in front (a cluster behind its ingress, a worker pool
 * an orchestrator watches) the application load balancer's checks stand for them.
 */
function targetEviction(graph: DesignGraph, i: number): Estimate {
  let slowest: Estimate | undefined;
  const callers = graph.in.sync;
  for (let k = callers.start[i]!, end = callers.start[i + 1]!; k < end; k += 1) {
    const check = graph.traits[source(graph, callers.items[k]!)]?.targetHealthCheck;
    if (!check) continue;
    const assumption = check === TARGET_HEALTH_CHECKS.network ? ASSUMPTIONS.healthCheckEvictionNetwork : ASSUMPTIONS.healthCheckEviction;
    if (!slowest || assumption.seconds > slowest.seconds!) slowest = est(assumption.seconds, assumption);
  }
  return slowest ?? est(ASSUMPTIONS.healthCheckEviction.seconds, ASSUMPTIONS.healthCheckEviction);
}

/** Whether a CDN fronts the entry points: DNS then follows alarms on their targets, not probes of them. */
function cdnFronted(graph: DesignGraph): boolean {
  return graph.kinds.some((kind) => kind.id === 'cdn');
}

/** DNS failover time: health-checked failover records, or a manual change; plus the record TTL. */
export function dnsFailover(graph: DesignGraph): Estimate {
  let best: Estimate | undefined;
  for (let i = 0; i < graph.kinds.length; i += 1) {
    const foundation = graph.traits[i]!.foundation;
    if (foundation?.role !== 'dns') continue;
    const ttl = foundation.ttlSeconds;
    const detection = cdnFronted(graph)
      ? ASSUMPTIONS.dnsFailoverAlarm
      : dnsEndpointCheck(ttl) === DNS_ENDPOINT_CHECKS.fast
        ? ASSUMPTIONS.dnsFailoverDetection
        : ASSUMPTIONS.dnsFailoverDetectionStandard;
    const e = foundation.healthCheckedFailover
      ? est(detection.seconds + ttl, detection)
      : est(ASSUMPTIONS.dnsManualFailover.seconds + ttl, ASSUMPTIONS.dnsManualFailover);
    if (!best || (e.seconds ?? Infinity) < (best.seconds ?? Infinity)) best = e;
  }
  return best ?? est(ASSUMPTIONS.dnsManualFailover.seconds, ASSUMPTIONS.dnsManualFailover);
}

/** Time until partner `p` serves in place of `i`: a promotion in the same region, or a region failover. */
export function failoverTime(graph: DesignGraph, i: number, p: number): Estimate {
  const from = graph.components[i]!.region;
  const to = graph.components[p]!.region;
  if (from !== undefined && from === to) return est(ASSUMPTIONS.sameRegionPromotion.seconds, ASSUMPTIONS.sameRegionPromotion);
  const region = to !== undefined ? graph.regionsById.get(to) : undefined;
  const dns = dnsFailover(graph);
  let stand: (typeof ASSUMPTIONS)['warmStandby' | 'pilotLight' | 'activeActive'] = ASSUMPTIONS.warmStandby;
  if (region?.role === 'active') stand = ASSUMPTIONS.activeActive;
  else if (region?.strategy === 'pilot-light') stand = ASSUMPTIONS.pilotLight;
  return est((dns.seconds ?? 0) + stand.seconds, ...dns.assumptions, stand);
}

/** How long until a component that is down serves again when nothing takes over for it. */
export function restoreTime(graph: DesignGraph, i: number, failed: FailureState): Estimate {
  const kind = graph.kinds[i]!;
  const traits = graph.traits[i]!;
  const region = graph.components[i]!.region;
  const regionLost = region !== undefined && failed.failedRegions.has(region);
  if (kind.capabilities.external) return est(null, ASSUMPTIONS.externalUnbounded);
  // A global service, or a managed regional one that failed by itself, is the provider's to restore.
  if (isGlobal(graph, i)) return traits.operator === 'provider' ? providerRestore(graph, i) : est(ASSUMPTIONS.redeployStateless.seconds, ASSUMPTIONS.redeployStateless);
  if (regionLost) {
    if (holdsRecords(graph, i)) {
      const copy = traits.data?.replicatedToRegion;
      const filesReplicated = kind.capabilities.dataRole === 'files' && copy !== undefined && !failed.failedRegions.has(copy);
      if (!filesReplicated && !backupSurvives(graph, i, failed)) return est(null, ASSUMPTIONS.regionOutageUnbounded);
      return latest([est(ASSUMPTIONS.rebuildRegion.seconds, ASSUMPTIONS.rebuildRegion), filesReplicated ? est(0) : restoreFromBackup(graph, i)]);
    }
    return est(ASSUMPTIONS.rebuildRegion.seconds, ASSUMPTIONS.rebuildRegion);
  }
  if (traits.zoneRedundant) return providerRestore(graph, i);
  if (holdsRecords(graph, i)) {
    if (!backupSurvives(graph, i, failed)) return est(null, ASSUMPTIONS.regionOutageUnbounded);
    return restoreFromBackup(graph, i);
  }
  // A managed service with nothing of the team's to redeploy (a load balancer, a managed cache) that
  // failed by itself is the provider's to restore; one whose zones are gone is recreated in another.
  if (traits.operator === 'provider' && (failed.failedZones.size === 0 || !graph.instanceZones[i]!.some((zone) => failed.failedZones.has(zoneKey(region!, zone))))) {
    return providerRestore(graph, i);
  }
  if (traits.autoscaling?.enabled) return est(ASSUMPTIONS.replaceCapacity.seconds, ASSUMPTIONS.replaceCapacity);
  return est(ASSUMPTIONS.redeployStateless.seconds, ASSUMPTIONS.redeployStateless);
}

/** Object replication: bounded only where the provider commits to a replication time. */
function objectReplicationLag(graph: DesignGraph, i: number): Estimate {
  const bound = graph.traits[i]!.data?.replicationBoundSeconds;
  return bound !== undefined ? est(bound, ASSUMPTIONS.objectReplication) : est(ASSUMPTIONS.objectReplicationUnbounded.seconds, ASSUMPTIONS.objectReplicationUnbounded);
}

/** What a failover to a replica loses: the replication lag of the method that keeps it current. */
function replicationLag(graph: DesignGraph, i: number, method: ReplicationMethod): Estimate {
  switch (method) {
    case 'object-copy':
      return objectReplicationLag(graph, i);
    case 'in-memory':
      return est(ASSUMPTIONS.cacheReplicationLag.seconds, ASSUMPTIONS.cacheReplicationLag);
    case 'storage-level':
      return est(ASSUMPTIONS.globalDatabaseLag.seconds, ASSUMPTIONS.globalDatabaseLag);
    case 'database-log':
      return est(ASSUMPTIONS.asyncReplicationLag.seconds, ASSUMPTIONS.asyncReplicationLag);
  }
}

/** How close to the failure a point-in-time restore gets, by what the design's provider publishes. */
function pitrRecoveryPoint(graph: DesignGraph): Assumption & { seconds: number } {
  return graph.design.provider === 'azure' ? ASSUMPTIONS.pitrRecoveryPointAzure : ASSUMPTIONS.pitrRecoveryPoint;
}

/** The assumptions behind restoring to a point in time. */
function pitrAssumptions(graph: DesignGraph, backup: BackupPolicy | undefined): Assumption[] {
  const point = pitrRecoveryPoint(graph);
  return backup?.pitrImplied ? [point, ASSUMPTIONS.pitrWithAutomatedBackups] : [point];
}

/** The recovery point the backups of `i` that survive the failure give, if any survive. */
function lossFromBackups(graph: DesignGraph, i: number, failed: FailureState, backup: BackupPolicy | undefined): Estimate {
  const survivor = survivingBackup(graph, i, failed);
  if (!survivor) return est(null, ASSUMPTIONS.regionOutageUnbounded);
  // Only a copy in another region is left: a snapshot, whatever the store's own backups do.
  if (survivor.where === 'copy') return est(Math.round(survivor.intervalHours * 3600), ASSUMPTIONS.crossRegionCopyIsSnapshot);
  if (backup?.enabled && backup.pitr) return { seconds: pitrRecoveryPoint(graph).seconds, assumptions: pitrAssumptions(graph, backup) };
  const hours = typeof backup?.intervalHours === 'number' ? backup.intervalHours : 24;
  return est(Math.round(hours * 3600));
}

/** The recovery point a store can restore to after the failure: `null` when its data is gone. */
export function dataLoss(graph: DesignGraph, i: number, failed: FailureState, corruption = false): Estimate {
  const data = graph.traits[i]!.data;
  const role = graph.kinds[i]!.capabilities.dataRole;
  const backup = backupOf(graph, i);
  if (corruption) {
    // Corruption replicates to standbys and replicas: only backups or object versions go back in time,
    // and writes made between the corruption and its detection are lost from the restored copy.
    if (role === 'files') return data?.versioned === true ? est(0) : est(null);
    const detection = modelInputs(graph).durations.corruptionDetection;
    if (backup?.enabled && backup.pitr) return { seconds: detection.seconds, assumptions: [...pitrAssumptions(graph, backup), detection.assumption] };
    const restored = lossFromBackups(graph, i, failed, backup);
    return restored.seconds === null ? restored : est(restored.seconds + detection.seconds, ...restored.assumptions, detection.assumption);
  }
  // A replica's data lives at its source too: losing the copy loses nothing while the source is up.
  // (Not for mutual replication, as between active regions: there each side takes its own writes.)
  const sources = graph.in.replication;
  for (let k = sources.start[i]!, end = sources.start[i + 1]!; k < end; k += 1) {
    const from = source(graph, sources.items[k]!);
    if (!failed.down[from] && !isPartner(graph, i, from)) return est(0);
  }
  if (!failed.down[i]) {
    const lost = failed.lostZones.get(i);
    const primaryLost = lost !== undefined && lost.has(graph.instanceZones[i]![0]!);
    if (role === 'cache' && primaryLost) return est(ASSUMPTIONS.cacheReplicationLag.seconds, ASSUMPTIONS.cacheReplicationLag);
    return est(0);
  }
  for (let k = graph.partners.start[i]!, end = graph.partners.start[i + 1]!; k < end; k += 1) {
    if (failed.down[graph.partners.items[k]!]) continue;
    return replicationLag(graph, i, data?.replication ?? 'database-log');
  }
  if (role === 'files') {
    const copy = data?.replicatedToRegion;
    if (copy !== undefined && !failed.failedRegions.has(copy)) return objectReplicationLag(graph, i);
    const region = graph.components[i]!.region;
    // A managed object store that failed inside a healthy region keeps its data (11 nines durability).
    if (region !== undefined && !failed.failedRegions.has(region)) return est(0);
    return est(null, ASSUMPTIONS.regionOutageUnbounded);
  }
  if (role === 'cache' && data?.persistence === 'log' && !failed.failedRegions.has(graph.components[i]!.region ?? '')) {
    return est(ASSUMPTIONS.cacheReplicationLag.seconds, ASSUMPTIONS.cacheReplicationLag);
  }
  return lossFromBackups(graph, i, failed, backup);
}
