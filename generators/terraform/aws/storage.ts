import type { Region } from '../../../src/model';
import { backupOf, sourcesOf, targetsOf, type ComponentFacts } from '../../design-facts';
import type { TerraformBuilder } from './builder';
import { attr, block, call, comment, identifier, list, nested, raw, template, type BodyItem, type RawExpr } from '../hcl';
import { databaseArn } from './data';

function bucket(b: TerraformBuilder, c: ComponentFacts, region: Region, key: string, versioned: boolean, objectLock: boolean, title: string): void {
  const provider = b.provider(region);
  const label = b.label('aws_s3_bucket', key);
  b.add(
    'storage.tf',
    comment(title),
    block('resource', ['aws_s3_bucket', label], [
      attr('provider', provider),
      comment('Bucket names are global: the prefix plus a random suffix AWS adds.'),
      attr('bucket_prefix', call('substr', template(raw('var.name_prefix'), `-${key}-`), 0, 37)),
      attr('force_destroy', false),
      objectLock && attr('object_lock_enabled', true),
      b.tags(c),
    ]),
    block('resource', ['aws_s3_bucket_public_access_block', b.label('aws_s3_bucket_public_access_block', key)], [
      attr('provider', provider),
      attr('bucket', raw(`aws_s3_bucket.${label}.id`)),
      attr('block_public_acls', true),
      attr('block_public_policy', true),
      attr('ignore_public_acls', true),
      attr('restrict_public_buckets', true),
    ]),
    block('resource', ['aws_s3_bucket_versioning', b.label('aws_s3_bucket_versioning', key)], [
      attr('provider', provider),
      attr('bucket', raw(`aws_s3_bucket.${label}.id`)),
      nested('versioning_configuration', [
        !versioned && comment('The design keeps versioning off: an overwrite or delete cannot be undone.'),
        attr('status', versioned ? 'Enabled' : 'Disabled'),
      ]),
    ]),
    block('resource', ['aws_s3_bucket_server_side_encryption_configuration', b.label('aws_s3_bucket_server_side_encryption_configuration', key)], [
      attr('provider', provider),
      attr('bucket', raw(`aws_s3_bucket.${label}.id`)),
      nested('rule', [nested('apply_server_side_encryption_by_default', [attr('sse_algorithm', 'AES256')])]),
    ]),
  );
  b.output(`${identifier(key)}_bucket`, `Name of bucket ${key}`, raw(`aws_s3_bucket.${label}.bucket`));
}

export function generateStorage(b: TerraformBuilder): void {
  const buckets = b.roles.members('bucket');
  // A bucket that another bucket replicates into is created as that bucket's destination below.
  for (const { c, spec } of buckets) {
    const replicatedFrom = sourcesOf(b.facts, c.id, 'replication').some((s) => b.roles.is(s, 'bucket'));
    const versioned = spec.versioning || replicatedFrom || spec.replicateToRegion !== undefined;
    if (versioned && !spec.versioning) {
      b.add('storage.tf', comment(`Bucket ${c.id} takes part in replication, which needs versioning, so it is on even though the design leaves it off.`));
    }
    bucket(b, c, c.region!, c.id, versioned, spec.objectLock, `Object storage ${c.id} (${spec.storageClass} class) in ${c.region!.id}.`);
  }
  for (const { c, spec } of buckets) {
    const regionId = spec.replicateToRegion;
    const partner = targetsOf(b.facts, c.id, 'replication').find((t) => b.roles.is(t, 'bucket') && t.region && (!regionId || t.region.id === regionId));
    const destinationRegion = partner?.region ?? (regionId ? b.facts.regionById.get(regionId) : undefined);
    if (!destinationRegion) continue;
    let destination: RawExpr;
    if (partner) {
      destination = raw(`aws_s3_bucket.${b.label('aws_s3_bucket', partner.id)}.arn`);
    } else {
      const key = `${c.id}-replica`;
      bucket(b, c, destinationRegion, key, true, spec.objectLock, `Replica of ${c.id} in ${destinationRegion.id}: the design replicates it there.`);
      destination = raw(`aws_s3_bucket.${b.label('aws_s3_bucket', key)}.arn`);
    }
    const role = b.variable('s3_replication_role_arn', { description: 'ARN of the IAM role S3 assumes to replicate objects between buckets; from your account baseline.', type: 'string' });
    b.add(
      'storage.tf',
      block('resource', ['aws_s3_bucket_replication_configuration', b.label('aws_s3_bucket_replication_configuration', c.id)], [
        attr('provider', b.provider(c.region!)),
        attr('bucket', raw(`aws_s3_bucket.${b.label('aws_s3_bucket', c.id)}.id`)),
        attr('role', role),
        nested('rule', [
          attr('id', `replicate-to-${destinationRegion.id}`),
          attr('status', 'Enabled'),
          nested('filter', []),
          nested('delete_marker_replication', [attr('status', 'Enabled')]),
          nested('destination', [
            attr('bucket', destination),
            attr('storage_class', 'STANDARD'),
            // Replication Time Control (15 minutes, with an SLA) needs its metrics on too.
            ...(c.traits.data?.replicationBoundSeconds !== undefined
              ? [nested('replication_time', [attr('status', 'Enabled'), nested('time', [attr('minutes', 15)])]), nested('metrics', [attr('status', 'Enabled'), nested('event_threshold', [attr('minutes', 15)])])]
              : []),
          ]),
        ]),
        attr(
          'depends_on',
          list([raw(`aws_s3_bucket_versioning.${b.label('aws_s3_bucket_versioning', c.id)}`), raw(`aws_s3_bucket_versioning.${b.label('aws_s3_bucket_versioning', partner ? partner.id : `${c.id}-replica`)}`)]),
        ),
      ]),
    );
  }
}

/** Vault in a region, created once, for backups that the design keeps or copies there. */
function regionVault(b: TerraformBuilder, region: Region, owner: ComponentFacts | undefined): string {
  const key = owner ? owner.id : `${region.id}-backups`;
  const label = b.label('aws_backup_vault', key);
  if (b.once(`aws_backup_vault:${key}`)) {
    b.add(
      'backup.tf',
      block('resource', ['aws_backup_vault', label], [
        attr('provider', b.provider(region)),
        attr('name', b.name(key)),
        attr('force_destroy', false),
        owner ? b.tags(owner) : b.tags(undefined, `${b.facts.slug} ${region.id} backups`),
      ]),
    );
  }
  return label;
}

/**
 * AWS Backup: a plan per backed-up database with the design's retention, continuous backups
 * for point-in-time recovery, and copies to the other region or account the design names.
 */
export function generateBackup(b: TerraformBuilder): void {
  for (const { c: vault, spec } of b.roles.members('backup-vault')) {
    regionVault(b, vault.region!, vault);
    if (spec.vaultLock) {
      b.fillIns.push(`Vault lock on \`${vault.id}\`: apply AWS Backup Vault Lock (compliance mode) once retention is settled; it cannot be undone, so this export leaves it to you.`);
    }
  }
  for (const database of b.roles.members('database')) {
    const db = database.c;
    const backup = backupOf(db)!;
    if (!backup.enabled) continue;
    if (sourcesOf(b.facts, db.id, 'replication').some((s) => b.roles.is(s, 'database'))) continue;
    const region = db.region!;
    const vaultComponent = targetsOf(b.facts, db.id, 'backup').find((t) => b.roles.is(t, 'backup-vault'));
    const vault = vaultComponent && b.roles.spec(vaultComponent, 'backup-vault');
    const vaultLabel = vaultComponent ? b.label('aws_backup_vault', vaultComponent.id) : regionVault(b, region, undefined);
    const copyRegionId = backup.copyToRegion ?? vault?.copyToRegion;
    const copyRegion = copyRegionId ? b.facts.regionById.get(copyRegionId) : undefined;
    const separateAccount = backup.separateAccount || vault?.separateAccount === true;
    const copies: BodyItem[] = [];
    const lifecycle = nested('lifecycle', [attr('delete_after', backup.retentionDays)]);
    if (copyRegion && copyRegion.id !== region.id) {
      const copyVault = regionVault(b, copyRegion, undefined);
      copies.push(nested('copy_action', [attr('destination_vault_arn', raw(`aws_backup_vault.${copyVault}.arn`)), lifecycle]));
    }
    if (separateAccount) {
      const arn = b.variable('backup_account_vault_arn', {
        description: 'ARN of the backup vault in the separate backup account that receives copies (the account must allow this one to copy into it).',
        type: 'string',
      });
      copies.push(nested('copy_action', [attr('destination_vault_arn', arn), lifecycle]));
    }
    // Continuous backup in AWS Backup only when the design asks for it: the point-in-time recovery RDS
    // gives with automated backups alone (pitrImplied) needs no AWS Backup setting.
    const asked = backup.pitr && backup.pitrImplied !== true;
    const continuous = asked && backup.retentionDays <= 35;
    const label = b.label('aws_backup_plan', db.id);
    b.add(
      'backup.tf',
      comment(`Backups of ${db.id}: kept ${backup.retentionDays} days${asked ? ', point-in-time' : ''}${copies.length > 0 ? `, copied to ${[copyRegion && `region ${copyRegion.id}`, separateAccount && 'the backup account'].filter(Boolean).join(' and ')}` : ''}.`),
      block('resource', ['aws_backup_plan', label], [
        attr('provider', b.provider(region)),
        attr('name', b.name(db.id)),
        nested('rule', [
          attr('rule_name', 'daily'),
          attr('target_vault_name', raw(`aws_backup_vault.${vaultLabel}.name`)),
          attr('schedule', b.variable('backup_schedule', { description: 'When AWS Backup takes daily backups (cron, UTC).', type: 'string', default: 'cron(0 3 * * ? *)' })),
          attr('enable_continuous_backup', continuous),
          attr('start_window', 60),
          attr('completion_window', 360),
          lifecycle,
          ...copies,
        ]),
        b.tags(db),
      ]),
      block('resource', ['aws_backup_selection', b.label('aws_backup_selection', db.id)], [
        attr('provider', b.provider(region)),
        attr('name', b.name(db.id)),
        attr('plan_id', raw(`aws_backup_plan.${label}.id`)),
        attr('iam_role_arn', b.variable('backup_role_arn', { description: 'ARN of the IAM role AWS Backup assumes (AWSBackupServiceRolePolicyForBackup); from your account baseline.', type: 'string' })),
        attr('resources', list([databaseArn(b, database)])),
      ]),
    );
  }
  for (const c of b.facts.components.filter((c) => c.traits.runtime === 'kubernetes' && backupOf(c)?.enabled)) {
    b.notGenerated.push(`Backups of \`${c.id}\` are taken in the cluster (see its Helm values), not by AWS Backup.`);
  }
}
