import type { BackupPolicy, PropsOf, PropSpec } from './types';

export const runtimeProp = {
  key: 'runtime',
  label: 'Runtime',
  help: 'Where the code runs: managed containers (ECS on Fargate, Cloud Run, Container Apps), a Kubernetes cluster, or virtual machines.',
  type: 'choice',
  choices: [
    { value: 'containers', label: 'Managed containers' },
    { value: 'kubernetes', label: 'Kubernetes' },
    { value: 'vm', label: 'Virtual machines' },
  ],
  default: 'containers',
} as const satisfies PropSpec;

export const sizeProp = (defaultSize: string, suggestions: readonly string[]) =>
  ({
    key: 'size',
    label: 'Instance class',
    help: "The provider's instance class for each instance (m5.large, db.r6g.large, cache.r6g.large). It sets capacity and price.",
    type: 'text',
    default: defaultSize,
    suggestions,
    maxLength: 64,
  }) as const satisfies PropSpec;

export const hostingProp = {
  key: 'hosting',
  label: 'Hosting',
  help: "Managed: the provider's service runs it (RDS, ElastiCache, SQS). Kubernetes: an operator or chart in your cluster runs it, and your team operates it.",
  type: 'choice',
  choices: [
    { value: 'managed', label: 'Managed service' },
    { value: 'kubernetes', label: 'On Kubernetes' },
  ],
  default: 'managed',
} as const satisfies PropSpec;

/** Who operates a kind with a `hosting` prop, and where it runs. */
export const hostedBy = (hosting: PropsOf<[typeof hostingProp]>['hosting']) =>
  hosting === 'kubernetes' ? ({ operator: 'team', runtime: 'kubernetes' } as const) : ({ operator: 'provider', runtime: 'managed-service' } as const);

export const healthCheckProp = {
  key: 'healthChecks',
  label: 'Health checks',
  help: 'Instances are probed (readiness and liveness, or load balancer target checks) and taken out of rotation when they fail. Without them a hung instance keeps receiving traffic.',
  type: 'boolean',
  default: true,
} as const satisfies PropSpec;

export const autoscalingProp = {
  key: 'autoscaling',
  label: 'Autoscaling',
  help: 'Scale out on load, and back to full capacity after losing a zone. Without it, the fixed instance count must carry peak load with a zone gone.',
  type: 'group',
  fields: [
    { key: 'enabled', label: 'Enabled', help: 'Add and remove instances on load.', type: 'boolean', default: false },
    { key: 'min', label: 'Minimum', help: 'Instances kept even when idle. Keep enough to carry peak load with one zone lost (static stability).', type: 'integer', min: 1, max: 10000 },
    { key: 'max', label: 'Maximum', help: 'The ceiling: high enough to replace a lost zone at peak load.', type: 'integer', min: 1, max: 10000 },
  ],
} as const satisfies PropSpec;

/** Autoscaling that can replace a lost zone at peak: from the current count (at least two) to three times that. */
export function autoscalingRemedy(replicas: number | undefined) {
  const floor = Math.max(replicas ?? 1, 2);
  return { props: { autoscaling: { enabled: true, min: floor, max: floor * 3 } } };
}

const restoreTestedDays = {
  key: 'restoreTestedDays',
  label: 'Days since restore tested',
  help: 'Days since a restore from these backups was last tested end to end (restored, started, checked). Empty means never: an untested backup is a hope, not a backup.',
  type: 'integer',
  min: 0,
  max: 100000,
  nullable: true,
  nullLabel: 'Never tested',
  unit: 'days',
} as const satisfies PropSpec;

export const backupProp = {
  key: 'backup',
  label: 'Backups',
  help: 'Automated backups, how long they are kept, where copies go, and when a restore was last tested.',
  type: 'group',
  fields: [
    { key: 'enabled', label: 'Enabled', help: 'Take automated backups (snapshots).', type: 'boolean', default: false },
    { key: 'pitr', label: 'Point-in-time recovery', help: 'Continuous log archiving so a restore can reach any second in the retention window: RPO of minutes rather than a day. Managed databases on AWS and Azure have it whenever automated backups are on.', type: 'boolean', default: false },
    { key: 'retentionDays', label: 'Retention', help: 'Days backups are kept. Long enough to notice corruption before the last good copy ages out.', type: 'integer', min: 1, max: 3650, default: 7, unit: 'days' },
    { key: 'intervalHours', label: 'Snapshot interval', help: 'Hours between snapshots when there is no point-in-time recovery. Sets the data lost on a restore.', type: 'number', min: 0.25, max: 168, default: 24, unit: 'hours' },
    restoreTestedDays,
    { key: 'copyToRegion', label: 'Copy to region', help: 'A region of this design that receives copies, so a region loss does not take the backups with it. Copies are snapshots taken at the snapshot interval (daily by default): a copy of a continuous backup has no point-in-time recovery, so a region loss restores to the last copy.', type: 'region' },
    { key: 'separateAccount', label: 'Copy to a separate account', help: 'Copies land in another account (or subscription, project), so a compromised or deleted production account does not take the backups with it.', type: 'boolean', default: false },
  ],
} as const satisfies PropSpec;

/**
 * The `backup` group as the engine reads backups. `pitrWithBackups`: the service archives logs
 * whenever automated backups are on, so point-in-time recovery comes with them.
 */
export function backupPolicy(backup: PropsOf<[typeof backupProp]>['backup'], pitrWithBackups = false): BackupPolicy {
  const implied = backup.enabled && !backup.pitr && pitrWithBackups;
  return {
    enabled: backup.enabled,
    pitr: backup.pitr || implied,
    ...(implied ? { pitrImplied: true } : {}),
    retentionDays: backup.retentionDays,
    intervalHours: backup.intervalHours,
    restoreTestedDays: backup.restoreTestedDays ?? null,
    copyToRegion: backup.copyToRegion,
    // Copies go with each snapshot; the snapshots are taken at the interval.
    copyIntervalHours: backup.intervalHours,
    separateAccount: backup.separateAccount,
  };
}

/** Backups on, with point-in-time recovery and two weeks kept: the remedy for a store without backups. */
export const backupsRemedy = () => ({ props: { backup: { enabled: true, pitr: true, retentionDays: 14 } } });
