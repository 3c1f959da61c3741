import type { Region } from '../../../src/model';
import { backupOf, sourcesOf, targetsOf, type ComponentFacts } from '../../design-facts';
import type { Key, TerraformBuilder } from './builder';
import { attr, block, call, comment, fixedNested, list, nested, quoted, reference, type BodyItem, type RawExpr } from '../hcl';
import { databaseArn, isDatabaseReplica } from './data';

/** A bucket's name and ARN, for the services and roles that use it. */
export function bucketRef(b: TerraformBuilder, c: ComponentFacts): { name: RawExpr; arn: RawExpr } {
  return { name: b.ref('aws_s3_bucket', c.id, 'bucket'), arn: b.ref('aws_s3_bucket', c.id, 'arn') };
}

function bucket(b: TerraformBuilder, c: ComponentFacts, region: Region, key: Key, versioned: boolean, objectLock: boolean, title: string): void {
  const parts = typeof key === 'string' ? [key] : key;
  const provider = b.provider(region);
  const label = b.label('aws_s3_bucket', key);
  b.add(
    'storage.tf',
    comment(title),
    block('resource', ['aws_s3_bucket', label], [
      attr('provider', provider),
      comment('Bucket names are global: the prefix plus a random suffix AWS adds.'),
      attr('bucket_prefix', b.namePrefix('aws_s3_bucket.bucket_prefix', ...parts)),
      attr('force_destroy', false),
      objectLock && attr('object_lock_enabled', true),
      b.tags(c),
    ]),
    block('resource', ['aws_s3_bucket_public_access_block', b.label('aws_s3_bucket_public_access_block', key)], [
      attr('provider', provider),
      attr('bucket', reference('aws_s3_bucket', label, 'id')),
      attr('block_public_acls', true),
      attr('block_public_policy', true),
      attr('ignore_public_acls', true),
      attr('restrict_public_buckets', true),
    ]),
    block('resource', ['aws_s3_bucket_versioning', b.label('aws_s3_bucket_versioning', key)], [
      attr('provider', provider),
      attr('bucket', reference('aws_s3_bucket', label, 'id')),
      b.memo(`bucket-versioning:${versioned}`, () =>
        fixedNested('versioning_configuration', [
          !versioned && comment('The design keeps versioning off: an overwrite or delete cannot be undone.'),
          attr('status', versioned ? 'Enabled' : 'Disabled'),
        ]),
      ),
    ]),
    block('resource', ['aws_s3_bucket_server_side_encryption_configuration', b.label('aws_s3_bucket_server_side_encryption_configuration', key)], [
      attr('provider', provider),
      attr('bucket', reference('aws_s3_bucket', label, 'id')),
      b.memo('bucket-encryption', () => fixedNested('rule', [nested('apply_server_side_encryption_by_default', [attr('sse_algorithm', 'AES256')])])),
    ]),
  );
  b.output(key, 'bucket', `Name of bucket ${parts.join('-')}`, reference('aws_s3_bucket', label, 'bucket'));
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
      destination = reference('aws_s3_bucket', b.label('aws_s3_bucket', partner.id), 'arn');
    } else {
      const key = [c.id, 'replica'];
      bucket(b, c, destinationRegion, key, true, spec.objectLock, `Replica of ${c.id} in ${destinationRegion.id}: the design replicates it there.`);
      destination = reference('aws_s3_bucket', b.label('aws_s3_bucket', key), 'arn');
    }
    const role = b.variable('s3_replication_role_arn', { description: 'ARN of the IAM role S3 assumes to replicate objects between buckets; from your account baseline.', type: 'string', example: 'arn:aws:iam::123456789012:role/s3-replication' });
    b.add(
      'storage.tf',
      block('resource', ['aws_s3_bucket_replication_configuration', b.label('aws_s3_bucket_replication_configuration', c.id)], [
        attr('provider', b.provider(c.region!)),
        attr('bucket', reference('aws_s3_bucket', b.label('aws_s3_bucket', c.id), 'id')),
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
          list([b.address('aws_s3_bucket_versioning', c.id), b.address('aws_s3_bucket_versioning', partner ? partner.id : [c.id, 'replica'])]),
        ),
      ]),
    );
  }
}

/** The account the stack is applied in (the global provider's). */
function accountId(b: TerraformBuilder): RawExpr {
  const label = b.label('data.aws_caller_identity', 'current');
  if (b.once('caller-identity')) {
    b.add('backup.tf', block('data', ['aws_caller_identity', label], [attr('provider', b.globalProvider())]));
    // The provider checks the account id inside an ARN; the mocked one of the shipped tests would not pass.
    b.testOverrides.push({ target: `data.aws_caller_identity.${label}`, values: { account_id: '123456789012' } });
  }
  return reference('data.aws_caller_identity', label, 'account_id');
}

/** Vault in a region, created once, for backups that the design keeps or copies there. */
function regionVault(b: TerraformBuilder, region: Region, owner: ComponentFacts | undefined): string {
  const key: Key = owner ? owner.id : [region.id, 'backups'];
  const label = b.label('aws_backup_vault', key);
  if (b.once(`aws_backup_vault:${key}`)) {
    b.add(
      'backup.tf',
      block('resource', ['aws_backup_vault', label], [
        attr('provider', b.provider(region)),
        attr('name', b.name('aws_backup_vault.name', ...(typeof key === 'string' ? [key] : key))),
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
    if (isDatabaseReplica(b, database)) continue;
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
      // The vault's ARN written out from its name, so the plan (and the shipped tests) know where copies go.
      const arn = call('format', 'arn:aws:backup:%s:%s:backup-vault:%s', copyRegion.location, accountId(b), reference('aws_backup_vault', copyVault, 'name'));
      copies.push(nested('copy_action', [attr('destination_vault_arn', arn), lifecycle]));
    }
    if (separateAccount) {
      const arn = b.variable('backup_account_vault_arn', {
        description: 'ARN of the backup vault in the separate backup account that receives copies (the account must allow this one to copy into it).',
        type: 'string',
        example: 'arn:aws:backup:us-east-1:210987654321:backup-vault:platform-copies',
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
        attr('name', b.name('aws_backup_plan.name', db.id)),
        nested('rule', [
          attr('rule_name', 'daily'),
          attr('target_vault_name', reference('aws_backup_vault', vaultLabel, 'name')),
          // After the RDS backup window (03:00-04:00) and the Sunday maintenance window, which AWS Backup jobs should not overlap.
          attr('schedule', b.variable('backup_schedule', { description: 'When AWS Backup takes daily backups (cron, UTC); keep it clear of db_backup_window.', type: 'string', default: 'cron(0 6 * * ? *)' })),
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
        attr('name', b.name('aws_backup_selection.name', db.id)),
        attr('plan_id', reference('aws_backup_plan', label, 'id')),
        attr('iam_role_arn', b.variable('backup_role_arn', { description: 'ARN of the IAM role AWS Backup assumes (AWSBackupServiceRolePolicyForBackup); from your account baseline.', type: 'string', example: 'arn:aws:iam::123456789012:role/aws-backup' })),
        attr('resources', list([databaseArn(b, database)])),
      ]),
    );
    if (copies.length > 0) {
      const where = [copyRegion && copyRegion.id !== region.id && `region ${copyRegion.id}`, separateAccount && 'the backup account'].filter(Boolean).join(' and ');
      const destinations = `flatten([for r in aws_backup_plan.${label}.rule : [for a in r.copy_action : a.destination_vault_arn]])`;
      b.check('backups_copied_where_designed', `length(${destinations}) == ${copies.length}`, `${db.id}: backups are copied to ${where}.`);
      if (copyRegion && copyRegion.id !== region.id) {
        b.check('backups_copied_where_designed', `anytrue([for arn in ${destinations} : strcontains(arn, ${quoted(`:${copyRegion.location}:`)})])`, `${db.id}: one copy goes to a vault in region ${copyRegion.id}.`);
      }
      if (separateAccount) {
        b.check('backups_copied_where_designed', `contains(${destinations}, var.backup_account_vault_arn)`, `${db.id}: one copy goes to the vault of the separate backup account.`);
      }
    }
  }
  for (const c of b.facts.components.filter((c) => c.traits.runtime === 'kubernetes' && backupOf(c)?.enabled)) {
    b.notGenerated.push(`Backups of \`${c.id}\` are taken in the cluster (see its Helm values), not by AWS Backup.`);
  }
}
