import type { Rule } from './types';
import { activeActiveSingleWriter } from './active-active-single-writer';
import { availabilityBelowTarget } from './availability-below-target';
import { backupSameBoundary } from './backup-same-boundary';
import { cacheAsDurableStore } from './cache-as-durable-store';
import { criticalDependencyUnredundant } from './critical-dependency-unredundant';
import { drUntested } from './dr-untested';
import { edgeUnprotected } from './edge-unprotected';
import { missingReplica } from './missing-replica';
import { natSingleZone } from './nat-single-zone';
import { noAutoscaling } from './no-autoscaling';
import { noBackup } from './no-backup';
import { noHealthChecks } from './no-health-checks';
import { noObservability } from './no-observability';
import { noProgressiveDelivery } from './no-progressive-delivery';
import { noTenantIsolation } from './no-tenant-isolation';
import { queueWithoutDeadLetter } from './queue-without-dead-letter';
import { regionFailureExceedsRto } from './region-failure-exceeds-rto';
import { reportingOnPrimary } from './reporting-on-primary';
import { rpoExceedsTarget } from './rpo-exceeds-target';
import { singlePointOfFailure } from './single-point-of-failure';
import { singleZone } from './single-zone';
import { statefulAppTier } from './stateful-app-tier';
import { syncExternalDependency } from './sync-external-dependency';
import { untestedBackup } from './untested-backup';
import { zoneFailureBreaksJourney } from './zone-failure-breaks-journey';
import { registrySingleRegion } from './registry-single-region';
import { keyValueWithoutPitr } from './key-value-without-pitr';
import { streamRetentionBelowRecovery } from './stream-retention-below-recovery';
import { oneZoneFileSystem } from './one-zone-file-system';
import { singlePrivateLink } from './single-private-link';
import { clusterNodesSingleZone } from './cluster-nodes-single-zone';

/**
 * Every rule, keyed by its id. Explicit, so no rule depends on import side effects; a test checks
 * that every rule file is registered here and that each key is its rule's id.
 */
export const RULES = {
  'active-active-single-writer': activeActiveSingleWriter,
  'availability-below-target': availabilityBelowTarget,
  'backup-same-boundary': backupSameBoundary,
  'cache-as-durable-store': cacheAsDurableStore,
  'critical-dependency-unredundant': criticalDependencyUnredundant,
  'dr-untested': drUntested,
  'edge-unprotected': edgeUnprotected,
  'missing-replica': missingReplica,
  'nat-single-zone': natSingleZone,
  'no-autoscaling': noAutoscaling,
  'no-backup': noBackup,
  'no-health-checks': noHealthChecks,
  'no-observability': noObservability,
  'no-progressive-delivery': noProgressiveDelivery,
  'no-tenant-isolation': noTenantIsolation,
  'queue-without-dead-letter': queueWithoutDeadLetter,
  'region-failure-exceeds-rto': regionFailureExceedsRto,
  'reporting-on-primary': reportingOnPrimary,
  'rpo-exceeds-target': rpoExceedsTarget,
  'single-point-of-failure': singlePointOfFailure,
  'single-zone': singleZone,
  'stateful-app-tier': statefulAppTier,
  'sync-external-dependency': syncExternalDependency,
  'untested-backup': untestedBackup,
  'zone-failure-breaks-journey': zoneFailureBreaksJourney,
  'registry-single-region': registrySingleRegion,
  'key-value-without-pitr': keyValueWithoutPitr,
  'stream-retention-below-recovery': streamRetentionBelowRecovery,
  'one-zone-file-system': oneZoneFileSystem,
  'single-private-link': singlePrivateLink,
  'cluster-nodes-single-zone': clusterNodesSingleZone,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const ALL_RULES: readonly Rule[] = Object.values(RULES);

export * from './types';
