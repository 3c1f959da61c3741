import {
  alarmDetectionSeconds,
  DNS_ALARM_CHECK,
  DNS_ENDPOINT_CHECKS,
  dnsDetectionSeconds,
  FAST_DNS_CHECK_MAX_TTL_SECONDS,
  HEALTH_CHECK_SOURCES,
  TARGET_HEALTH_CHECKS,
  targetDetectionSeconds,
  type DnsEndpointCheck,
  type TargetHealthCheck,
} from '../../catalog';

/**
 * The figures every recovery estimate is built from, each with where it comes from. Figures marked
 * `heuristic` are orders of magnitude (the AWS DR whitepaper's strategy ranges, common defaults), not
 * measurements: the app and reports say so, because the CTO in the room will ask.
 */
export interface Assumption {
  /** Stable id, so reports can list each assumption once. */
  id: string;
  /** What is assumed, in a sentence. */
  text: string;
  /** The figure, in seconds, when the assumption is a duration. */
  seconds?: number;
  source: string;
  /** true for orders of magnitude and conventions rather than published figures. */
  heuristic: boolean;
}

/** "1 check", "3 checks". */
const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

// An object type, not the interface, so the table of assumptions still reads as plain records (scripts/docs).
type TimedAssumption = { id: string; text: string; seconds: number; source: string; heuristic: boolean };

function targetEviction(id: string, who: string, check: TargetHealthCheck, source: string): TimedAssumption {
  const seconds = targetDetectionSeconds(check);
  return {
    id,
    text: `${who} stops sending traffic to a failed instance after ${plural(check.unhealthyThreshold, 'failed health check')} ${check.intervalSeconds} s apart: ${seconds} s (as the Terraform export configures its target groups).`,
    seconds,
    source,
    heuristic: false,
  };
}

function dnsDetection(id: string, which: string, check: DnsEndpointCheck): TimedAssumption {
  const seconds = dnsDetectionSeconds(check);
  return {
    id,
    text: `DNS health checks declare a region down after ${plural(check.failureThreshold, 'failed check')} ${check.requestIntervalSeconds} s apart for ${which}: ${seconds} s, plus the record TTL (as the Terraform export configures them).`,
    seconds,
    source: HEALTH_CHECK_SOURCES.route53,
    heuristic: false,
  };
}

const DR_WHITEPAPER = 'AWS whitepaper "Disaster Recovery of Workloads on AWS" (strategies), via docs/reliability-reference.md §3.2: recalled, not re-read';

export const ASSUMPTIONS = {
  rdsMultiAzFailover: {
    id: 'rds-multi-az-failover',
    text: 'A Multi-AZ database promotes its standby in 60-120 s; the estimate uses 120 s.',
    seconds: 120,
    source: 'Amazon RDS User Guide, "Failing over a Multi-AZ DB instance" (failover typically 60-120 s); docs/reliability-reference.md §8 makes it an editable assumption',
    heuristic: true,
  },
  clusterFailover: {
    id: 'cluster-failover',
    text: 'A database cluster (Aurora, Multi-AZ DB cluster, CloudNativePG) promotes a reader in about 60 s.',
    seconds: 60,
    source: 'Amazon Aurora and RDS Multi-AZ DB cluster documentation (a Multi-AZ DB cluster fails over in typically under 35 s; the estimate allows 60 s for Aurora and CloudNativePG as well); CloudNativePG failover defaults',
    heuristic: true,
  },
  cacheFailover: {
    id: 'cache-failover',
    text: 'A cache with automatic failover promotes a replica in about 60 s.',
    seconds: 60,
    source: 'Amazon ElastiCache documentation, Multi-AZ with automatic failover; Redis Sentinel down-after-milliseconds plus election',
    heuristic: true,
  },
  healthCheckEviction: targetEviction('health-check-eviction', 'An application load balancer', TARGET_HEALTH_CHECKS.application, HEALTH_CHECK_SOURCES.applicationTargetGroup),
  healthCheckEvictionNetwork: targetEviction('health-check-eviction-network', 'A network load balancer', TARGET_HEALTH_CHECKS.network, HEALTH_CHECK_SOURCES.networkTargetGroup),
  manualDetection: {
    id: 'manual-detection',
    text: 'Without health checks or automatic failover, someone has to notice and act: 30 min.',
    seconds: 1800,
    source: 'Designer convention for unautomated recovery (docs/reliability-reference.md §5.3 counts detection in every RTO)',
    heuristic: true,
  },
  replaceCapacity: {
    id: 'replace-capacity',
    text: 'Autoscaling replaces lost instances in the surviving zones in about 10 min.',
    seconds: 600,
    source: 'Designer convention: instance or task launch plus warm-up; REL11-BP05 prefers static stability for this reason',
    heuristic: true,
  },
  redeployStateless: {
    id: 'redeploy-stateless',
    text: 'Redeploying a stateless service by hand in another zone takes about 30 min.',
    seconds: 1800,
    source: 'Designer convention (detection plus a manual deployment)',
    heuristic: true,
  },
  restoreBase: {
    id: 'restore-base',
    text: 'Restoring a database from a backup takes 1 h plus 6 min per 100 GB, then checks before traffic returns.',
    seconds: 3600,
    source: 'Designer convention; snapshot restore time grows with size (AWS Backup and RDS restore documentation give no fixed figure)',
    heuristic: true,
  },
  rebuildRegion: {
    id: 'rebuild-region',
    text: 'Backup and restore into another region (rebuild from infrastructure code, restore data, repoint DNS) takes about 4 h.',
    seconds: 4 * 3600,
    source: `${DR_WHITEPAPER}: backup & restore recovers in hours`,
    heuristic: true,
  },
  warmStandby: {
    id: 'warm-standby',
    text: 'A warm standby region scales out and promotes its database in about 10 min, after detection and DNS.',
    seconds: 600,
    source: `${DR_WHITEPAPER}: warm standby recovers in minutes`,
    heuristic: true,
  },
  pilotLight: {
    id: 'pilot-light',
    text: 'A pilot-light region starts its servers and promotes its database in about 45 min, after detection and DNS.',
    seconds: 2700,
    source: `${DR_WHITEPAPER}: pilot light recovers in tens of minutes`,
    heuristic: true,
  },
  activeActive: {
    id: 'active-active',
    text: 'An active region already serves traffic: failover is detection plus DNS, and promoting the data it replicates.',
    seconds: 60,
    source: `${DR_WHITEPAPER}: multi-site active/active recovers in near zero time; promotion of the replicated store taken as 60 s`,
    heuristic: true,
  },
  sameRegionPromotion: {
    id: 'same-region-promotion',
    text: 'Promoting a replica in the same region by hand takes about 5 min.',
    seconds: 300,
    source: 'Amazon RDS read replica promotion (minutes); designer convention',
    heuristic: true,
  },
  dnsFailoverDetection: dnsDetection(
    'dns-failover-detection',
    `records with a TTL of ${FAST_DNS_CHECK_MAX_TTL_SECONDS} s or less`,
    DNS_ENDPOINT_CHECKS.fast,
  ),
  dnsFailoverDetectionStandard: dnsDetection(
    'dns-failover-detection-standard',
    `records with a TTL over ${FAST_DNS_CHECK_MAX_TTL_SECONDS} s`,
    DNS_ENDPOINT_CHECKS.standard,
  ),
  dnsFailoverAlarm: {
    id: 'dns-failover-alarm',
    text: `Behind a CDN, DNS health checks follow an alarm on each region's healthy load balancer targets, raised after ${plural(DNS_ALARM_CHECK.evaluationPeriods, 'period')} of ${DNS_ALARM_CHECK.periodSeconds} s with none: ${alarmDetectionSeconds(DNS_ALARM_CHECK)} s, plus the record TTL (as the Terraform export configures them).`,
    seconds: alarmDetectionSeconds(DNS_ALARM_CHECK),
    source: HEALTH_CHECK_SOURCES.route53Alarm,
    heuristic: false,
  },
  dnsManualFailover: {
    id: 'dns-manual-failover',
    text: 'Without health-checked failover records, DNS is repointed by hand: 30 min, plus the record TTL.',
    seconds: 1800,
    source: 'Designer convention (detection plus a manual change); docs/reliability-reference.md HA-007',
    heuristic: true,
  },
  pitrRecoveryPoint: {
    id: 'pitr-recovery-point',
    text: 'Point-in-time recovery restores to within 5 min of the failure (the latest restorable time), as Amazon RDS does; taken for providers that publish no figure of their own.',
    seconds: 300,
    source: 'Amazon RDS User Guide, "Restoring a DB instance to a specified time" (RDS uploads transaction logs to Amazon S3 every five minutes)',
    heuristic: false,
  },
  pitrRecoveryPointAzure: {
    id: 'pitr-recovery-point-azure',
    text: 'Point-in-time recovery of an Azure managed database restores to within 15 min of the failure.',
    seconds: 900,
    source: 'Azure Database for PostgreSQL flexible server, backup and restore (the recovery point objective of a point-in-time restore "can be up to 15 minutes")',
    heuristic: false,
  },
  pitrWithAutomatedBackups: {
    id: 'pitr-with-automated-backups',
    text: 'A managed database with automated backups on keeps its transaction logs, so it restores to a point in time even where the design does not ask for it.',
    source: 'Amazon RDS User Guide, "Restoring a DB instance to a specified time" (point-in-time restore is part of automated backups; logs uploaded every five minutes); Azure Database for PostgreSQL flexible server, backup and restore',
    heuristic: false,
  },
  crossRegionCopyIsSnapshot: {
    id: 'cross-region-copy-is-snapshot',
    text: 'A cross-region backup copy is a snapshot taken at the backup interval (daily by default): after a region loss the data restores to the last copy, without point-in-time recovery.',
    source: 'AWS Backup Developer Guide, "Copy a backup" ("the copied recovery point becomes a snapshot (periodic) backup; PITR is not available for these copies")',
    heuristic: false,
  },
  asyncReplicationLag: {
    id: 'async-replication-lag',
    text: 'Asynchronous cross-region database replication lags by up to 60 s under load.',
    seconds: 60,
    source: 'docs/reliability-reference.md §5.3 (async cross-region: seconds to minutes of lag); taken at 60 s',
    heuristic: true,
  },
  globalDatabaseLag: {
    id: 'global-database-lag',
    text: 'Aurora Global Database replicates to other regions within about 1 s.',
    seconds: 1,
    source: 'Amazon Aurora Global Database documentation (typical lag under a second)',
    heuristic: true,
  },
  objectReplication: {
    id: 'object-replication',
    text: 'With a replication-time commitment, new objects reach the other region within 15 min (S3 Replication Time Control: 99.99% of them; Cloud Storage turbo replication: a 15-minute target).',
    seconds: 900,
    source: 'Amazon S3 User Guide, "Meeting compliance requirements using S3 Replication Time Control"; Cloud Storage turbo replication',
    heuristic: false,
  },
  objectReplicationUnbounded: {
    id: 'object-replication-unbounded',
    text: 'Without a replication-time commitment, most new objects reach the other region within 15 min but large ones can take several hours: taken as 2 h, with no firm bound.',
    seconds: 2 * 3600,
    source: 'Amazon S3 User Guide, replication ("The majority of objects replicate within 15 minutes." ... "For large objects, replication can take up to several hours."); the 2 h is a designer convention',
    heuristic: true,
  },
  cacheReplicationLag: {
    id: 'cache-replication-lag',
    text: 'Cache replicas and append-only files trail the primary by about 1 s.',
    seconds: 1,
    source: 'Redis replication and appendfsync everysec defaults',
    heuristic: true,
  },
  regionOutageUnbounded: {
    id: 'region-outage-unbounded',
    text: 'With nothing outside the region to recover from, service returns only when the provider restores the region: unbounded.',
    source: 'docs/reliability-reference.md §5.3 (backups not cross-region: RTO/RPO unbounded)',
    heuristic: false,
  },
  externalUnbounded: {
    id: 'external-unbounded',
    text: "An external system's outage lasts as long as its vendor takes; the design cannot shorten it.",
    source: 'docs/reliability-reference.md HA-010',
    heuristic: false,
  },
  independentZones: {
    id: 'independent-zones',
    text: 'Zones fail independently; instances in one zone fail together.',
    source: 'AWS Well-Architected REL10-BP01; docs/reliability-reference.md §4.1 (correlation rule)',
    heuristic: false,
  },
  slaFloor: {
    id: 'sla-floor',
    text: "The SLA floor multiplies the published SLAs of what a journey cannot do without: what the providers commit to, with service credits if they miss it. It is not a forecast; a component with a failover partner counts with its own SLA, because the SLAs commit per service, not per pair.",
    source: 'docs/reliability-reference.md §4.1 ("SLAs are credit commitments, not forecasts"); AWS News Blog on the S3 SLA (an SLA sets a boundary below what a system is designed to deliver)',
    heuristic: false,
  },
  modelledDowntime: {
    id: 'modelled-downtime',
    text: 'Modelled availability: each failure scenario happens at its rate and keeps the journey down for the design\'s own recovery time, or until the provider ends the incident, whichever is sooner; incidents are rare enough not to overlap, so their downtimes add up.',
    source: 'docs/reliability-reference.md §5 (zone and region failure simulation, recovery estimates); rates and durations as listed',
    heuristic: false,
  },
  providerRestores: {
    id: 'provider-restores',
    text: "A provider service that fails by itself is restored by the provider: the design cannot shorten it, and recovery takes the service incident's typical duration.",
    source: 'The service incident duration below',
    heuristic: true,
  },
  canaryRollback: {
    id: 'canary-rollback',
    text: 'A canary release with automated rollback sends 10% of traffic to the new version and rolls a bad one back within about 10 min of its alarms.',
    seconds: 600,
    source: 'Designer convention: canary steps of 10% and alarm periods of a few minutes (AWS CodeDeploy and Argo Rollouts canary patterns)',
    heuristic: true,
  },
  blueGreenRollback: {
    id: 'blue-green-rollback',
    text: 'A blue-green release with automated rollback switches traffic back to the previous copy within about 5 min of its alarms.',
    seconds: 300,
    source: 'Designer convention: a listener or DNS switch plus alarm periods',
    heuristic: true,
  },
  rollingRollback: {
    id: 'rolling-rollback',
    text: 'A rolling release with automated rollback reaches about half the instances before its alarms roll it back, about 15 min after it starts.',
    seconds: 900,
    source: 'Designer convention: rolling batches with alarm-based rollback (Amazon ECS deployment circuit breaker)',
    heuristic: true,
  },
  month: {
    id: 'month-730h',
    text: 'A month is 730 hours.',
    source: 'docs/reliability-reference.md §4.1',
    heuristic: false,
  },
} as const satisfies Record<string, Assumption>;

export const SECONDS_PER_MONTH = 730 * 3600;
