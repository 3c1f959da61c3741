import type { Region } from '../../../src/model';
import { backupOf, sourcesOf, usedZones, zoneName, type ComponentFacts } from '../../design-facts';
import type { Member } from '../../roles';
import type { AwsRoles } from './registry';
import type { TerraformBuilder } from './builder';
import { attr, block, comment, identifier, list, object, raw, template, type BodyItem } from '../hcl';
import { sourceGroups } from './app';
import { securityGroup, subnetIds } from './network';

const DB_PORTS: Record<string, number> = { postgres: 5432, 'aurora-postgresql': 5432, mysql: 3306, 'aurora-mysql': 3306, sqlserver: 1433 };
/** RDS engine names; SQL Server needs an edition, Standard is the smallest with Multi-AZ. */
const RDS_ENGINES: Record<string, string> = { postgres: 'postgres', mysql: 'mysql', sqlserver: 'sqlserver-se', 'aurora-postgresql': 'aurora-postgresql', 'aurora-mysql': 'aurora-mysql' };

type Database = Member<AwsRoles['database']>;
type DatabaseSpec = AwsRoles['database'];

const isAurora = (spec: DatabaseSpec): boolean => spec.engine.startsWith('aurora');
/** Aurora and Multi-AZ DB clusters are `aws_rds_cluster`; single and Multi-AZ instances `aws_db_instance`. */
const isCluster = (spec: DatabaseSpec): boolean => isAurora(spec) || spec.ha === 'cluster';

/** The database this one replicates from (a `replication` connection into it from another managed database). */
function replicationSource(b: TerraformBuilder, c: ComponentFacts): ComponentFacts | undefined {
  return sourcesOf(b.facts, c.id, 'replication').find((source) => b.roles.is(source, 'database'));
}

/** Resource address of a managed database (instance or cluster), for backups and alarms. */
export function databaseArn(b: TerraformBuilder, { c, spec }: Database): ReturnType<TerraformBuilder['ref']> {
  return isCluster(spec) ? b.ref('aws_rds_cluster', c.id, 'arn') : b.ref('aws_db_instance', c.id, 'arn');
}

export function databaseAlarmDimensions(b: TerraformBuilder, { c, spec }: Database): [string, ReturnType<TerraformBuilder['ref']>] {
  return isCluster(spec)
    ? ['DBClusterIdentifier', b.ref('aws_rds_cluster', c.id, 'cluster_identifier')]
    : ['DBInstanceIdentifier', b.ref('aws_db_instance', c.id, 'identifier')];
}

function subnetGroup(b: TerraformBuilder, c: ComponentFacts, region: Region): void {
  b.add(
    'data.tf',
    block('resource', ['aws_db_subnet_group', b.label('aws_db_subnet_group', c.id)], [
      attr('provider', b.provider(region)),
      attr('name', b.name(c.id)),
      comment('RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.'),
      attr('subnet_ids', subnetIds(b, region, 'private', usedZones(b.facts, region))),
      b.tags(c),
    ]),
  );
}

function replicaKey(b: TerraformBuilder, c: ComponentFacts, region: Region): ReturnType<TerraformBuilder['ref']> {
  b.add(
    'data.tf',
    block('resource', ['aws_kms_key', b.label('aws_kms_key', `${c.id}-replica`)], [
      attr('provider', b.provider(region)),
      attr('description', `Encrypts cross-region replica ${c.id}`),
      attr('enable_key_rotation', true),
      attr('deletion_window_in_days', 30),
      b.tags(c),
    ]),
  );
  return b.ref('aws_kms_key', `${c.id}-replica`, 'arn');
}

function commonDatabaseArguments(b: TerraformBuilder, { c, spec }: Database): BodyItem[] {
  const backup = backupOf(c)!;
  const retention = backup.enabled ? backup.retentionDays : 0;
  const items: (BodyItem | false)[] = [
    attr('backup_retention_period', retention),
    attr('storage_encrypted', true),
    attr('deletion_protection', spec.deletionProtection),
    attr('copy_tags_to_snapshot', true),
    attr('skip_final_snapshot', false),
    attr('final_snapshot_identifier', template(raw('var.name_prefix'), `-${c.id}-final`)),
    !backup.enabled && comment('The design turns automated backups off for this database: retention 0 disables them.'),
    backup.enabled && (!backup.pitr || backup.pitrImplied === true) && comment('The design does not ask for point-in-time recovery; RDS keeps transaction logs whenever backups are on.'),
  ];
  return items.filter((item): item is BodyItem => item !== false);
}

function generateInstance(b: TerraformBuilder, database: Database, region: Region): void {
  const { c, spec } = database;
  const provider = b.provider(region);
  const { engine, ha } = spec;
  const source = replicationSource(b, c);
  const sourceDatabase = source && { c: source, spec: b.roles.spec(source, 'database')! };
  const crossRegion = source !== undefined && source.region!.id !== region.id;
  const engineVersion = () => b.variable(`${identifier(c.id)}_engine_version`, { description: `Engine version of ${c.id} (${engine}); null takes RDS's default.`, type: 'string', default: null });
  b.add('data.tf', comment(`${c.kind.title} ${c.id}: ${engine}, ${ha === 'multi-az' ? 'Multi-AZ with a synchronous standby' : 'single instance'}${source ? `, replica of ${source.id}` : ''}.`));
  const instance: BodyItem[] = [
    attr('provider', provider),
    attr('identifier', b.name(c.id)),
    attr('instance_class', spec.size),
    attr('multi_az', ha !== 'single'),
    ha === 'single' && c.zones[0] !== undefined && attr('availability_zone', zoneName(region, c.zones[0])),
    attr('db_subnet_group_name', b.ref('aws_db_subnet_group', c.id, 'name')),
    attr('vpc_security_group_ids', list([b.ref('aws_security_group', c.id, 'id')])),
    attr('storage_type', 'gp3'),
    attr('auto_minor_version_upgrade', true),
    attr('backup_window', b.variable('db_backup_window', { description: 'Daily UTC window for automated database backups.', type: 'string', default: '03:00-04:00' })),
    attr('maintenance_window', b.variable('db_maintenance_window', { description: 'Weekly UTC window for database maintenance.', type: 'string', default: 'sun:04:30-sun:05:30' })),
    attr('performance_insights_enabled', true),
  ].filter((item): item is BodyItem => Boolean(item));
  if (source) {
    instance.push(
      attr('replicate_source_db', crossRegion ? databaseArn(b, sourceDatabase!) : b.ref('aws_db_instance', source.id, 'identifier')),
      ...(crossRegion ? [attr('kms_key_id', replicaKey(b, c, region))] : []),
    );
  } else {
    instance.push(
      attr('engine', RDS_ENGINES[engine] ?? engine),
      attr('engine_version', engineVersion()),
      attr('allocated_storage', spec.storageGb),
      attr('username', b.variable('db_master_username', { description: 'Master user name of the databases (its password is generated and kept in Secrets Manager).', type: 'string', default: 'platform_admin' })),
      attr('manage_master_user_password', true),
    );
  }
  instance.push(...commonDatabaseArguments(b, database), b.tags(c));
  b.add('data.tf', block('resource', ['aws_db_instance', b.label('aws_db_instance', c.id)], instance));
  const replicas = spec.readReplicas;
  for (let index = 1; index <= replicas; index += 1) {
    const zone = c.zones[index % Math.max(1, c.zones.length)];
    b.add(
      'data.tf',
      block('resource', ['aws_db_instance', b.label('aws_db_instance', `${c.id}-replica-${index}`)], [
        attr('provider', provider),
        attr('identifier', b.name(c.id, `replica-${index}`)),
        attr('replicate_source_db', b.ref('aws_db_instance', c.id, 'identifier')),
        attr('instance_class', spec.size),
        zone !== undefined && attr('availability_zone', zoneName(region, zone)),
        attr('vpc_security_group_ids', list([b.ref('aws_security_group', c.id, 'id')])),
        attr('storage_encrypted', true),
        attr('auto_minor_version_upgrade', true),
        attr('performance_insights_enabled', true),
        attr('skip_final_snapshot', true),
        b.tags(c, `${c.name} replica ${index}`),
      ]),
    );
  }
  if (!source) b.output(`${identifier(c.id)}_master_secret_arn`, `Secrets Manager secret with the master password of ${c.id}`, raw(`aws_db_instance.${b.label('aws_db_instance', c.id)}.master_user_secret[0].secret_arn`), true);
  b.output(`${identifier(c.id)}_endpoint`, `Endpoint of database ${c.id}`, b.ref('aws_db_instance', c.id, 'address'));
}

function generateCluster(b: TerraformBuilder, database: Database, region: Region): void {
  const { c, spec } = database;
  const provider = b.provider(region);
  const { engine, ha } = spec;
  const aurora = isAurora(spec);
  const source = replicationSource(b, c);
  b.add(
    'data.tf',
    comment(`${c.kind.title} ${c.id}: ${aurora ? `Aurora (${engine}), storage replicated across three zones` : `Multi-AZ DB cluster (${engine}), a writer and two readable standbys`}.`),
  );
  if (source) {
    b.add('data.tf', comment(`The design replicates ${source.id} into ${c.id}: for Aurora across regions use a global database (aws_rds_global_cluster), set up outside this export.`));
    b.fillIns.push(`Cross-region replication from \`${source.id}\` to \`${c.id}\`: join both clusters to an Aurora global database (or your logical replication), which this export does not create.`);
  }
  b.add(
    'data.tf',
    block('resource', ['aws_rds_cluster', b.label('aws_rds_cluster', c.id)], [
      attr('provider', provider),
      attr('cluster_identifier', b.name(c.id)),
      attr('engine', RDS_ENGINES[engine] ?? engine),
      attr('engine_version', b.variable(`${identifier(c.id)}_engine_version`, { description: `Engine version of ${c.id} (${engine}); null takes RDS's default.`, type: 'string', default: null })),
      !aurora && attr('db_cluster_instance_class', spec.size),
      !aurora && attr('allocated_storage', spec.storageGb),
      !aurora && attr('storage_type', 'io1'),
      !aurora && attr('iops', b.variable(`${identifier(c.id)}_iops`, { description: `Provisioned IOPS of Multi-AZ DB cluster ${c.id}.`, type: 'number', default: 3000 })),
      attr('db_subnet_group_name', b.ref('aws_db_subnet_group', c.id, 'name')),
      attr('vpc_security_group_ids', list([b.ref('aws_security_group', c.id, 'id')])),
      attr('master_username', b.variable('db_master_username', { description: 'Master user name of the databases (its password is generated and kept in Secrets Manager).', type: 'string', default: 'platform_admin' })),
      attr('manage_master_user_password', true),
      attr('preferred_backup_window', b.variable('db_backup_window', { description: 'Daily UTC window for automated database backups.', type: 'string', default: '03:00-04:00' })),
      attr('preferred_maintenance_window', b.variable('db_maintenance_window', { description: 'Weekly UTC window for database maintenance.', type: 'string', default: 'sun:04:30-sun:05:30' })),
      ...commonDatabaseArguments(b, database).map((item) => (item.kind === 'attr' && item.name === 'backup_retention_period' ? attr('backup_retention_period', Math.max(1, item.value as number)) : item)),
      b.tags(c),
    ]),
  );
  if (aurora) {
    // Writer, a standby in another zone when the design asks for HA, and the read replicas.
    const count = 1 + (ha === 'single' ? 0 : 1) + spec.readReplicas;
    for (let index = 0; index < count; index += 1) {
      const zone = c.zones[index % Math.max(1, c.zones.length)];
      b.add(
        'data.tf',
        block('resource', ['aws_rds_cluster_instance', b.label('aws_rds_cluster_instance', `${c.id}-${index + 1}`)], [
          attr('provider', provider),
          attr('identifier', b.name(c.id, String(index + 1))),
          attr('cluster_identifier', b.ref('aws_rds_cluster', c.id, 'id')),
          attr('engine', b.ref('aws_rds_cluster', c.id, 'engine')),
          attr('instance_class', spec.size),
          zone !== undefined && attr('availability_zone', zoneName(region, zone)),
          attr('promotion_tier', index < 2 ? 0 : 1),
          attr('auto_minor_version_upgrade', true),
          attr('performance_insights_enabled', true),
          b.tags(c, `${c.name} ${index + 1}`),
        ]),
      );
    }
  }
  b.output(`${identifier(c.id)}_endpoint`, `Writer endpoint of database ${c.id}`, b.ref('aws_rds_cluster', c.id, 'endpoint'));
  b.output(`${identifier(c.id)}_master_secret_arn`, `Secrets Manager secret with the master password of ${c.id}`, raw(`aws_rds_cluster.${b.label('aws_rds_cluster', c.id)}.master_user_secret[0].secret_arn`), true);
}

export function generateData(b: TerraformBuilder): void {
  for (const database of b.roles.members('database')) {
    const { c, spec } = database;
    const region = c.region!;
    securityGroup(b, c, region, DB_PORTS[spec.engine] ?? 5432, sourceGroups(b, c));
    subnetGroup(b, c, region);
    if (isCluster(spec)) generateCluster(b, database, region);
    else generateInstance(b, database, region);
  }
}

export function generateCache(b: TerraformBuilder): void {
  for (const { c, spec } of b.roles.members('cache')) {
    const region = c.region!;
    const { engine, persistence } = spec;
    const provider = b.provider(region);
    const replicas = Math.max(1, c.replicas);
    const failover = spec.automaticFailover && replicas >= 2;
    const multiAz = failover && c.zones.length >= 2;
    const backup = backupOf(c)!;
    const snapshots = backup.enabled || persistence !== 'none' ? (backup.enabled ? Math.min(35, backup.retentionDays) : 1) : 0;
    securityGroup(b, c, region, 6379, sourceGroups(b, c));
    const token = b.variable(`${identifier(c.id)}_auth_token`, { description: `AUTH token of cache ${c.id} (16 to 128 characters); keep it in your secrets store.`, type: 'string', sensitive: true });
    b.add(
      'cache.tf',
      comment(`Cache ${c.id}: ${engine}, ${replicas} node(s)${failover ? ' with automatic failover' : ''}${multiAz ? ' across zones' : ''}.`),
      block('resource', ['aws_elasticache_subnet_group', b.label('aws_elasticache_subnet_group', c.id)], [
        attr('provider', provider),
        attr('name', b.name(c.id)),
        attr('subnet_ids', subnetIds(b, region, 'private', usedZones(b.facts, region))),
        b.tags(c),
      ]),
      block('resource', ['aws_elasticache_replication_group', b.label('aws_elasticache_replication_group', c.id)], [
        attr('provider', provider),
        attr('replication_group_id', b.name(c.id)),
        attr('description', `Cache ${c.id}`),
        attr('engine', engine),
        attr('node_type', spec.size),
        attr('num_cache_clusters', replicas),
        attr('automatic_failover_enabled', failover),
        attr('multi_az_enabled', multiAz),
        attr('preferred_cache_cluster_azs', list(Array.from({ length: replicas }, (_, i) => zoneName(region, c.zones[i % c.zones.length] ?? region.zones[0]!)))),
        attr('subnet_group_name', b.ref('aws_elasticache_subnet_group', c.id, 'name')),
        attr('security_group_ids', list([b.ref('aws_security_group', c.id, 'id')])),
        attr('port', 6379),
        attr('at_rest_encryption_enabled', true),
        attr('transit_encryption_enabled', true),
        attr('auth_token', token),
        attr('snapshot_retention_limit', snapshots),
        snapshots > 0 && attr('snapshot_window', b.variable('cache_snapshot_window', { description: 'Daily UTC window for cache snapshots.', type: 'string', default: '02:00-03:00' })),
        attr('auto_minor_version_upgrade', true),
        b.tags(c),
      ]),
    );
    for (const target of b.facts.outgoing.get(c.id) ?? []) {
      if (target.mode === 'replication' && b.roles.is(target.to, 'cache')) {
        b.fillIns.push(`Cache replication from \`${c.id}\` to \`${target.to}\`: join both to an ElastiCache global datastore, which this export does not create.`);
      }
    }
    b.output(`${identifier(c.id)}_primary_endpoint`, `Primary endpoint of cache ${c.id}`, b.ref('aws_elasticache_replication_group', c.id, 'primary_endpoint_address'));
  }
}

export function generateQueues(b: TerraformBuilder): void {
  for (const { c, spec } of b.roles.members('queue')) {
    const region = c.region!;
    const provider = b.provider(region);
    const { fifo, deadLetter, maxReceiveCount } = spec;
    const suffix = fifo ? '.fifo' : '';
    const retention = spec.retentionDays * 86400;
    const visibility = b.variable('queue_visibility_timeout_seconds', { description: 'Seconds a received message stays hidden; longer than the slowest handler.', type: 'number', default: 300 });
    b.add('async.tf', comment(`Queue ${c.id}${fifo ? ' (FIFO)' : ''}${deadLetter ? `, with a dead-letter queue after ${maxReceiveCount} attempts` : ', no dead-letter queue in the design'}.`));
    if (deadLetter) {
      b.add(
        'async.tf',
        block('resource', ['aws_sqs_queue', b.label('aws_sqs_queue', `${c.id}-dlq`)], [
          attr('provider', provider),
          attr('name', template(raw('var.name_prefix'), `-${c.id}-dlq${suffix}`)),
          fifo && attr('fifo_queue', true),
          attr('message_retention_seconds', 1209600),
          attr('sqs_managed_sse_enabled', true),
          b.tags(c, `${c.name} dead letters`),
        ]),
      );
    }
    b.add(
      'async.tf',
      block('resource', ['aws_sqs_queue', b.label('aws_sqs_queue', c.id)], [
        attr('provider', provider),
        attr('name', template(raw('var.name_prefix'), `-${c.id}${suffix}`)),
        fifo && attr('fifo_queue', true),
        fifo && attr('content_based_deduplication', true),
        attr('message_retention_seconds', retention),
        attr('visibility_timeout_seconds', visibility),
        attr('receive_wait_time_seconds', 20),
        attr('sqs_managed_sse_enabled', true),
        deadLetter &&
          attr(
            'redrive_policy',
            { kind: 'call', fn: 'jsonencode', args: [object([['deadLetterTargetArn', b.ref('aws_sqs_queue', `${c.id}-dlq`, 'arn')], ['maxReceiveCount', maxReceiveCount]])] },
          ),
        b.tags(c),
      ]),
    );
    b.output(`${identifier(c.id)}_queue_url`, `URL of queue ${c.id}`, b.ref('aws_sqs_queue', c.id, 'url'));
  }
}
