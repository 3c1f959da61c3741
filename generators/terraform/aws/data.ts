import type { Region } from '../../../src/model';
import { backupOf, sourcesOf, targetsOf, usedZones, zoneName, type ComponentFacts } from '../../design-facts';
import type { Member } from '../../roles';
import type { AwsRoles } from './registry';
import type { Key, TerraformBuilder } from './builder';
import { attr, block, comment, identifier, list, nested, object, raw, reference, type BodyItem, type Expr, type RawExpr } from '../hcl';
import { sourceGroups } from './app';
import { securityGroup, subnetIds } from './network';
import { generatedSecret, type GeneratedSecret } from './secrets';

const DB_PORTS: Record<string, number> = { postgres: 5432, 'aurora-postgresql': 5432, mysql: 3306, 'aurora-mysql': 3306, sqlserver: 1433 };
/** RDS engine names; SQL Server needs an edition, Standard is the smallest with Multi-AZ. */
const RDS_ENGINES: Record<string, string> = { postgres: 'postgres', mysql: 'mysql', sqlserver: 'sqlserver-se', 'aurora-postgresql': 'aurora-postgresql', 'aurora-mysql': 'aurora-mysql' };
export const CACHE_PORT = 6379;

type Database = Member<AwsRoles['database']>;
type DatabaseSpec = AwsRoles['database'];
type Cache = Member<AwsRoles['cache']>;

const isAurora = (spec: DatabaseSpec): boolean => spec.engine.startsWith('aurora');
/** Aurora and Multi-AZ DB clusters are `aws_rds_cluster`; single and Multi-AZ instances `aws_db_instance`. */
const isCluster = (spec: DatabaseSpec): boolean => isAurora(spec) || spec.ha === 'cluster';

export function databasePort(spec: DatabaseSpec): number {
  return DB_PORTS[spec.engine] ?? 5432;
}

function database(b: TerraformBuilder, c: ComponentFacts): Database | undefined {
  const spec = b.roles.spec(c, 'database');
  return spec && { c, spec };
}

function cache(b: TerraformBuilder, c: ComponentFacts): Cache | undefined {
  const spec = b.roles.spec(c, 'cache');
  return spec && { c, spec };
}

/**
 * Where a managed database sits in the design's replication:
 * - writer: takes writes (possibly replicating to others);
 * - read-replica: an RDS read replica of `source` (same region or across regions);
 * - global-secondary: an Aurora cluster in another region, member of `source`'s global database.
 * A database that replicates onwards is a writer even when it receives a replica (the
 * active-active case): each writer then gets a secondary cluster in the other's region.
 */
type Placement = { readonly kind: 'writer' } | { readonly kind: 'read-replica' | 'global-secondary'; readonly source: Database };

function placementOf(b: TerraformBuilder, db: Database): Placement {
  // Asked for every database each service reaches: decided once per database.
  return b.memo(`placement:${db.c.id}`, () => placementOnce(b, db));
}

function placementOnce(b: TerraformBuilder, { c, spec }: Database): Placement {
  const source = sourcesOf(b.facts, c.id, 'replication').map((s) => database(b, s)).find((s) => s !== undefined);
  const replicatesOnwards = targetsOf(b.facts, c.id, 'replication').some((t) => b.roles.is(t, 'database'));
  if (!source || replicatesOnwards) return { kind: 'writer' };
  const crossRegion = source.c.region?.id !== c.region?.id;
  if (isAurora(spec) && isAurora(source.spec) && crossRegion) return { kind: 'global-secondary', source };
  if (!isCluster(spec) && !isCluster(source.spec)) return { kind: 'read-replica', source };
  return { kind: 'writer' };
}

/** The writer whose data (and credentials) a database holds. */
function writerOf(b: TerraformBuilder, db: Database): Database {
  const placement = placementOf(b, db);
  return placement.kind === 'writer' ? db : writerOf(b, placement.source);
}

/**
 * Secondary clusters of an Aurora writer's global database: the design's own secondaries, and,
 * for a writer replicating into another writer's region (active-active), one created beside it.
 */
function globalSecondaries(b: TerraformBuilder, writer: Database): { key: Key; region: Region; own?: Database }[] {
  if (!isAurora(writer.spec)) return [];
  const out: { key: Key; region: Region; own?: Database }[] = [];
  for (const target of targetsOf(b.facts, writer.c.id, 'replication')) {
    const db = database(b, target);
    if (!db || !db.c.region || db.c.region.id === writer.c.region?.id || !isAurora(db.spec)) continue;
    const placement = placementOf(b, db);
    if (placement.kind === 'global-secondary') out.push({ key: db.c.id, region: db.c.region, own: db });
    else if (!out.some((s) => s.region.id === db.c.region!.id)) out.push({ key: [writer.c.id, 'in', db.c.region.id], region: db.c.region });
  }
  return out;
}

/**
 * The databases whose data each writer holds (its read replicas and secondary clusters, down their
 * chains), by writer id, in design order. Built once: asking each writer would scan every database.
 */
function replicasByWriter(b: TerraformBuilder): ReadonlyMap<string, readonly Database[]> {
  return b.memo('replicas-by-writer', () => {
    const byWriter = new Map<string, Database[]>();
    for (const d of b.roles.members('database')) {
      const writer = writerOf(b, d);
      if (writer.c === d.c) continue;
      const list = byWriter.get(writer.c.id);
      if (list) list.push(d);
      else byWriter.set(writer.c.id, [d]);
    }
    return byWriter;
  });
}

const replicasOf = (b: TerraformBuilder, writer: Database): readonly Database[] => replicasByWriter(b).get(writer.c.id) ?? [];

/** Regions that read a writer's credentials: its replicas' and its clients' (the services that connect to it or to them). */
function credentialRegions(b: TerraformBuilder, writer: Database): Region[] {
  const members = [writer.c, ...replicasOf(b, writer).map((d) => d.c)];
  const regions = [
    ...members.map((m) => m.region),
    ...globalSecondaries(b, writer).map((s) => s.region),
    ...members.flatMap((m) => sourcesOf(b.facts, m.id, 'sync').map((s) => s.region)),
  ];
  return regions.filter((r): r is Region => r !== undefined);
}

/**
 * RDS keeps the master password in Secrets Manager itself (`manage_master_user_password`) except
 * where AWS does not support it: a source of read replicas, a member of an Aurora global database
 * (AWS: "Limitations for Secrets Manager integration"), or a secret read from another region.
 * There the export generates the password into a secret of its own, replicated where it is read.
 */
function managesOwnPassword(b: TerraformBuilder, writer: Database): boolean {
  const home = writer.c.region?.id;
  const replicated = replicasOf(b, writer).length > 0 || globalSecondaries(b, writer).length > 0;
  const readReplicas = !isCluster(writer.spec) && writer.spec.readReplicas > 0;
  return !replicated && !readReplicas && credentialRegions(b, writer).every((r) => r.id === home);
}

/** How the stack and the services read a database's master credentials. */
export interface Credentials {
  /** ARN of the secret holding `{"username", "password"}`, as seen from `region`. */
  secretArn(region: Region | undefined): Expr;
  /** The generated secret, when the export keeps the password (not RDS). */
  readonly generated?: GeneratedSecret;
}

export function databaseCredentials(b: TerraformBuilder, db: Database): Credentials {
  const writer = writerOf(b, db);
  return b.memo(`credentials:${writer.c.id}`, (): Credentials => {
    if (managesOwnPassword(b, writer)) {
      const [type, label] = isCluster(writer.spec) ? ['aws_rds_cluster', b.label('aws_rds_cluster', writer.c.id)] : ['aws_db_instance', b.label('aws_db_instance', writer.c.id)];
      return { secretArn: () => reference(type, label, 'master_user_secret[0].secret_arn') };
    }
    const generated = generatedSecret(b, {
      key: [writer.c.id, 'master'],
      region: writer.c.region,
      nameParts: [writer.c.id, 'master'],
      description: `Master credentials of database ${writer.c.id}${db.c !== writer.c ? ' and its replicas' : ''}: generated here because RDS cannot manage them for replicated or global databases.`,
      length: 32,
      username: masterUsername(b),
      replicas: credentialRegions(b, writer),
    });
    return { secretArn: (region) => generated.arnIn(region), generated };
  });
}

function masterUsername(b: TerraformBuilder): RawExpr {
  return b.variable('db_master_username', {
    description: 'Master user name of the databases (its password is generated and kept in Secrets Manager).',
    type: 'string',
    default: 'platform_admin',
    validation: [{ condition: 'can(regex("^[A-Za-z][A-Za-z0-9_]{0,15}$", var.db_master_username))', message: 'db_master_username: a letter, then letters, digits or underscores, at most 16 characters.' }],
  });
}

/** The address services connect to (the writer endpoint; a replica's own endpoint, read-only until promoted). */
export function databaseEndpoint(b: TerraformBuilder, { c, spec }: Database): RawExpr {
  return isCluster(spec) ? b.ref('aws_rds_cluster', c.id, 'endpoint') : b.ref('aws_db_instance', c.id, 'address');
}

/** Resource address of a managed database (instance or cluster), for backups and alarms. */
export function databaseArn(b: TerraformBuilder, { c, spec }: Database): RawExpr {
  return isCluster(spec) ? b.ref('aws_rds_cluster', c.id, 'arn') : b.ref('aws_db_instance', c.id, 'arn');
}

export function databaseAlarmDimensions(b: TerraformBuilder, { c, spec }: Database): [string, RawExpr] {
  return isCluster(spec)
    ? ['DBClusterIdentifier', b.ref('aws_rds_cluster', c.id, 'cluster_identifier')]
    : ['DBInstanceIdentifier', b.ref('aws_db_instance', c.id, 'identifier')];
}

/** Whether a database is a replica (read replica or secondary cluster): no backups of its own are planned for it. */
export function isDatabaseReplica(b: TerraformBuilder, db: Database): boolean {
  return placementOf(b, db).kind !== 'writer';
}

function subnetGroup(b: TerraformBuilder, key: Key, c: ComponentFacts, region: Region): void {
  b.add(
    'data.tf',
    block('resource', ['aws_db_subnet_group', b.label('aws_db_subnet_group', key)], [
      attr('provider', b.provider(region)),
      attr('name', b.name('aws_db_subnet_group.name', ...(typeof key === 'string' ? [key] : key))),
      comment('RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.'),
      attr('subnet_ids', subnetIds(b, region, 'private', usedZones(b.facts, region))),
      b.tags(c),
    ]),
  );
}

/** A customer-managed key in the replica's region: cross-region encrypted copies need one there. */
function replicaKey(b: TerraformBuilder, key: Key, c: ComponentFacts, region: Region): RawExpr {
  const parts = typeof key === 'string' ? [key] : key;
  b.add(
    'data.tf',
    block('resource', ['aws_kms_key', b.label('aws_kms_key', [...parts, 'replica'])], [
      attr('provider', b.provider(region)),
      attr('description', `Encrypts cross-region copy ${parts.join('-')} of ${c.id}`),
      attr('enable_key_rotation', true),
      attr('deletion_window_in_days', 30),
      b.tags(c),
    ]),
  );
  return b.ref('aws_kms_key', [...parts, 'replica'], 'arn');
}

function backupArguments(b: TerraformBuilder, c: ComponentFacts, spec: DatabaseSpec, replica: boolean, minimumRetention = 0): BodyItem[] {
  const backup = backupOf(c)!;
  const retention = Math.max(minimumRetention, backup.enabled ? backup.retentionDays : 0);
  const items: (BodyItem | false)[] = [
    attr('backup_retention_period', retention),
    attr('storage_encrypted', true),
    attr('deletion_protection', spec.deletionProtection),
    attr('copy_tags_to_snapshot', true),
    // A replica is deleted without a final snapshot: RDS refuses one for read replicas.
    attr('skip_final_snapshot', replica),
    !replica && attr('final_snapshot_identifier', b.name(isCluster(spec) ? 'aws_rds_cluster.final_snapshot_identifier' : 'aws_db_instance.final_snapshot_identifier', c.id, 'final')),
    !backup.enabled && comment('The design turns automated backups off for this database: retention 0 disables them.'),
    backup.enabled && (!backup.pitr || backup.pitrImplied === true) && comment('The design does not ask for point-in-time recovery; RDS keeps transaction logs whenever backups are on.'),
  ];
  return items.filter((item): item is BodyItem => item !== false);
}

const backupWindow = (b: TerraformBuilder) =>
  b.variable('db_backup_window', {
    description: 'Daily UTC window for automated database backups.',
    type: 'string',
    default: '03:00-04:00',
    validation: [{ condition: 'can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.db_backup_window))', message: 'db_backup_window: hh:mm-hh:mm in UTC.' }],
  });
const maintenanceWindow = (b: TerraformBuilder) =>
  b.variable('db_maintenance_window', { description: 'Weekly UTC window for database maintenance.', type: 'string', default: 'sun:04:30-sun:05:30' });
const engineVersion = (b: TerraformBuilder, c: ComponentFacts, engine: string) =>
  b.variable(`${identifier(c.id)}_engine_version`, { description: `Engine version of ${c.id} (${engine}); null takes RDS's default.`, type: 'string', default: null });

function generateInstance(b: TerraformBuilder, db: Database, region: Region): void {
  const { c, spec } = db;
  const provider = b.provider(region);
  const { engine, ha } = spec;
  const placement = placementOf(b, db);
  const source = placement.kind === 'read-replica' ? placement.source : undefined;
  const crossRegion = source !== undefined && source.c.region!.id !== region.id;
  b.add('data.tf', comment(`${c.kind.title} ${c.id}: ${engine}, ${ha === 'multi-az' ? 'Multi-AZ with a synchronous standby' : 'single instance'}${source ? `, replica of ${source.c.id}` : ''}.`));
  for (const other of targetsOf(b.facts, c.id, 'replication').filter((t) => b.roles.is(t, 'database') && placementOf(b, database(b, t)!).kind === 'writer')) {
    b.fillIns.push(`Replication from \`${c.id}\` to \`${other.id}\`: both take writes in the design, which RDS read replicas cannot do; set up logical replication between them.`);
  }
  const instance: BodyItem[] = [
    attr('provider', provider),
    attr('identifier', b.name('aws_db_instance.identifier', c.id)),
    attr('instance_class', spec.size),
    attr('multi_az', ha !== 'single'),
    ...(ha === 'single' && c.zones[0] !== undefined ? [attr('availability_zone', zoneName(region, c.zones[0]))] : []),
    ...(source && !crossRegion ? [] : [attr('db_subnet_group_name', b.ref('aws_db_subnet_group', c.id, 'name'))]),
    attr('vpc_security_group_ids', list([b.ref('aws_security_group', c.id, 'id')])),
    attr('storage_type', 'gp3'),
    attr('auto_minor_version_upgrade', true),
    attr('backup_window', backupWindow(b)),
    attr('maintenance_window', maintenanceWindow(b)),
    attr('performance_insights_enabled', true),
  ];
  if (source) {
    instance.push(
      comment('A read replica takes its engine, storage and credentials from its source.'),
      attr('replicate_source_db', crossRegion ? databaseArn(b, source) : b.ref('aws_db_instance', source.c.id, 'identifier')),
      ...(crossRegion ? [attr('kms_key_id', replicaKey(b, c.id, c, region))] : []),
    );
  } else {
    const credentials = databaseCredentials(b, db);
    instance.push(
      attr('engine', RDS_ENGINES[engine] ?? engine),
      attr('engine_version', engineVersion(b, c, engine)),
      attr('allocated_storage', spec.storageGb),
      attr('username', masterUsername(b)),
      credentials.generated ? attr('password', credentials.generated.value) : attr('manage_master_user_password', true),
    );
  }
  instance.push(...backupArguments(b, c, spec, source !== undefined), b.tags(c));
  b.add('data.tf', block('resource', ['aws_db_instance', b.label('aws_db_instance', c.id)], instance));
  if (ha !== 'single') b.check('multi_az_where_designed', `aws_db_instance.${b.label('aws_db_instance', c.id)}.multi_az == true`, `${c.id}: the design asks for a standby in another zone (Multi-AZ).`);
  for (let index = 1; index <= spec.readReplicas; index += 1) {
    const zone = c.zones[index % Math.max(1, c.zones.length)];
    b.add(
      'data.tf',
      block('resource', ['aws_db_instance', b.label('aws_db_instance', [c.id, 'replica', String(index)])], [
        attr('provider', provider),
        attr('identifier', b.name('aws_db_instance.identifier', c.id, 'replica', String(index))),
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
  if (!source) b.output(c.id, 'master_secret_arn', `Secrets Manager secret with the master credentials of ${c.id}`, databaseCredentials(b, db).secretArn(region), true);
  b.output(c.id, 'endpoint', `Endpoint of database ${c.id}`, b.ref('aws_db_instance', c.id, 'address'));
}

function clusterInstances(b: TerraformBuilder, key: Key, c: ComponentFacts, spec: DatabaseSpec, region: Region, zones: readonly string[]): void {
  const parts = typeof key === 'string' ? [key] : key;
  // Writer, a standby in another zone when the design asks for HA, and the read replicas.
  const count = 1 + (spec.ha === 'single' ? 0 : 1) + spec.readReplicas;
  for (let index = 0; index < count; index += 1) {
    const zone = zones[index % Math.max(1, zones.length)];
    b.add(
      'data.tf',
      block('resource', ['aws_rds_cluster_instance', b.label('aws_rds_cluster_instance', [...parts, String(index + 1)])], [
        attr('provider', b.provider(region)),
        attr('identifier', b.name('aws_rds_cluster_instance.identifier', ...parts, String(index + 1))),
        attr('cluster_identifier', b.ref('aws_rds_cluster', key, 'id')),
        attr('engine', b.ref('aws_rds_cluster', key, 'engine')),
        attr('instance_class', spec.size),
        zone !== undefined && attr('availability_zone', zoneName(region, zone)),
        attr('promotion_tier', index < 2 ? 0 : 1),
        attr('auto_minor_version_upgrade', true),
        attr('performance_insights_enabled', true),
        b.tags(c, `${c.name} ${parts.slice(1).join(' ')} ${index + 1}`.replace(/\s+/g, ' ')),
      ]),
    );
  }
  if (count >= 2 && new Set(Array.from({ length: count }, (_, i) => zones[i % Math.max(1, zones.length)])).size >= 2) {
    const addresses = Array.from({ length: count }, (_, i) => `aws_rds_cluster_instance.${b.label('aws_rds_cluster_instance', [...parts, String(i + 1)])}.availability_zone`);
    b.check('multi_az_where_designed', `length(distinct([${addresses.join(', ')}])) >= 2`, `${parts.join(' ')}: the cluster's instances are spread over at least two zones.`);
  }
}

function generateCluster(b: TerraformBuilder, db: Database, region: Region): void {
  const { c, spec } = db;
  const provider = b.provider(region);
  const { engine } = spec;
  const aurora = isAurora(spec);
  const placement = placementOf(b, db);
  if (placement.kind === 'global-secondary') return; // written with its writer's global database
  const secondaries = globalSecondaries(b, db);
  const global = secondaries.length > 0;
  b.add(
    'data.tf',
    comment(`${c.kind.title} ${c.id}: ${aurora ? `Aurora (${engine}), storage replicated across three zones` : `Multi-AZ DB cluster (${engine}), a writer and two readable standbys`}${global ? `; the writer of global database ${c.id}, with secondaries in ${secondaries.map((s) => s.region.id).join(', ')}` : ''}.`),
  );
  for (const target of targetsOf(b.facts, c.id, 'replication').filter((t) => b.roles.is(t, 'database'))) {
    const other = database(b, target)!;
    if (aurora && isAurora(other.spec) && other.c.region?.id !== region.id) continue;
    b.fillIns.push(`Replication from \`${c.id}\` to \`${target.id}\`: set up logical replication (or AWS DMS) between them; this export creates Aurora global databases across regions only.`);
  }
  if (global) {
    b.add(
      'data.tf',
      comment('One writer region, storage-level replication to the others (about a second behind); a secondary takes writes once promoted (aws rds failover-global-cluster).'),
      block('resource', ['aws_rds_global_cluster', b.label('aws_rds_global_cluster', c.id)], [
        attr('provider', provider),
        attr('global_cluster_identifier', b.name('aws_rds_global_cluster.global_cluster_identifier', c.id)),
        attr('engine', RDS_ENGINES[engine] ?? engine),
        attr('engine_version', engineVersion(b, c, engine)),
        attr('storage_encrypted', true),
        attr('deletion_protection', spec.deletionProtection),
      ]),
    );
  }
  const credentials = databaseCredentials(b, db);
  b.add(
    'data.tf',
    block('resource', ['aws_rds_cluster', b.label('aws_rds_cluster', c.id)], [
      attr('provider', provider),
      attr('cluster_identifier', b.name('aws_rds_cluster.cluster_identifier', c.id)),
      ...(global
        ? [
            attr('global_cluster_identifier', b.ref('aws_rds_global_cluster', c.id, 'id')),
            attr('engine', b.ref('aws_rds_global_cluster', c.id, 'engine')),
            attr('engine_version', b.ref('aws_rds_global_cluster', c.id, 'engine_version')),
          ]
        : [attr('engine', RDS_ENGINES[engine] ?? engine), attr('engine_version', engineVersion(b, c, engine))]),
      !aurora && attr('db_cluster_instance_class', spec.size),
      !aurora && attr('allocated_storage', spec.storageGb),
      !aurora && attr('storage_type', 'io1'),
      !aurora && attr('iops', b.variable(`${identifier(c.id)}_iops`, { description: `Provisioned IOPS of Multi-AZ DB cluster ${c.id}.`, type: 'number', default: 3000 })),
      attr('db_subnet_group_name', b.ref('aws_db_subnet_group', c.id, 'name')),
      attr('vpc_security_group_ids', list([b.ref('aws_security_group', c.id, 'id')])),
      attr('master_username', masterUsername(b)),
      credentials.generated ? attr('master_password', credentials.generated.value) : attr('manage_master_user_password', true),
      attr('preferred_backup_window', backupWindow(b)),
      attr('preferred_maintenance_window', maintenanceWindow(b)),
      ...backupArguments(b, c, spec, false, 1),
      b.tags(c),
    ]),
  );
  if (aurora) clusterInstances(b, c.id, c, spec, region, c.zones);
  b.output(c.id, 'endpoint', `Writer endpoint of database ${c.id}`, b.ref('aws_rds_cluster', c.id, 'endpoint'));
  b.output(c.id, 'master_secret_arn', `Secrets Manager secret with the master credentials of ${c.id}`, credentials.secretArn(region), true);
  for (const secondary of secondaries) generateSecondaryCluster(b, db, secondary);
}

/** A secondary cluster of `writer`'s global database: read-only, no credentials of its own, promoted in a region failover. */
function generateSecondaryCluster(b: TerraformBuilder, writer: Database, secondary: { key: Key; region: Region; own?: Database }): void {
  const { region } = secondary;
  const owner = secondary.own ?? writer;
  const { c, spec } = owner;
  const zones = secondary.own ? c.zones : usedZones(b.facts, region);
  if (!secondary.own) {
    b.add('data.tf', comment(`Secondary of global database ${writer.c.id} in region ${region.id}: a read-only copy of its data beside ${targetsOf(b.facts, writer.c.id, 'replication').filter((t) => t.region?.id === region.id).map((t) => t.id).join(', ')}.`));
    securityGroup(b, writer.c, region, databasePort(writer.spec), [], false, (secondary.key as readonly string[]).join('-'));
    subnetGroup(b, secondary.key, writer.c, region);
  } else {
    b.add('data.tf', comment(`${c.kind.title} ${c.id}: secondary of global database ${writer.c.id} in region ${region.id}, read-only until promoted.`));
  }
  const sgKey: Key = secondary.own ? c.id : (secondary.key as readonly string[]).join('-');
  b.add(
    'data.tf',
    block('resource', ['aws_rds_cluster', b.label('aws_rds_cluster', secondary.key)], [
      attr('provider', b.provider(region)),
      attr('cluster_identifier', b.name('aws_rds_cluster.cluster_identifier', ...(typeof secondary.key === 'string' ? [secondary.key] : secondary.key))),
      attr('global_cluster_identifier', b.ref('aws_rds_global_cluster', writer.c.id, 'id')),
      attr('engine', b.ref('aws_rds_global_cluster', writer.c.id, 'engine')),
      attr('engine_version', b.ref('aws_rds_global_cluster', writer.c.id, 'engine_version')),
      attr('db_subnet_group_name', b.ref('aws_db_subnet_group', secondary.key, 'name')),
      attr('vpc_security_group_ids', list([b.ref('aws_security_group', sgKey, 'id')])),
      attr('kms_key_id', replicaKey(b, secondary.key, c, region)),
      attr('preferred_backup_window', backupWindow(b)),
      attr('preferred_maintenance_window', maintenanceWindow(b)),
      ...backupArguments(b, c, spec, true, 1),
      b.tags(c, `${c.name} in ${region.id}`),
      attr('depends_on', list([b.address('aws_rds_cluster_instance', [writer.c.id, '1'])])),
      nested('lifecycle', [comment('After a global failover AWS rewrites these; Terraform must not undo it.'), attr('ignore_changes', list([raw('replication_source_identifier'), raw('global_cluster_identifier')]))]),
    ]),
  );
  clusterInstances(b, secondary.key, c, spec, region, zones);
  b.output(secondary.key, 'reader_endpoint', `Endpoint of the secondary of ${writer.c.id} in region ${region.id} (read-only until promoted)`, b.ref('aws_rds_cluster', secondary.key, 'endpoint'));
}

export function generateData(b: TerraformBuilder): void {
  for (const db of b.roles.members('database')) {
    const { c, spec } = db;
    const region = c.region!;
    securityGroup(b, c, region, databasePort(spec), sourceGroups(b, c));
    const placement = placementOf(b, db);
    if (!(placement.kind === 'read-replica' && placement.source.c.region?.id === region.id)) subnetGroup(b, c.id, c, region);
    if (isCluster(spec)) generateCluster(b, db, region);
    else generateInstance(b, db, region);
  }
}

/** Node types a global datastore accepts: not the burstable t-family (AWS: Global Datastore prerequisites). */
const globalDatastoreNode = (nodeType: string) => !/^cache\.t\d/.test(nodeType);

/** Where a cache sits: a writer (primary), or the secondary of `source`'s global datastore in another region. */
function cachePlacement(b: TerraformBuilder, { c, spec }: Cache): { kind: 'writer' } | { kind: 'global-secondary'; source: Cache } {
  const source = sourcesOf(b.facts, c.id, 'replication').map((s) => cache(b, s)).find((s) => s !== undefined);
  const onwards = targetsOf(b.facts, c.id, 'replication').some((t) => b.roles.is(t, 'cache'));
  if (!source || onwards || source.c.region?.id === c.region?.id) return { kind: 'writer' };
  if (!globalDatastoreNode(source.spec.size) || !globalDatastoreNode(spec.size) || source.spec.engine !== spec.engine) return { kind: 'writer' };
  return { kind: 'global-secondary', source };
}

function cacheSecondaries(b: TerraformBuilder, primary: Cache): { key: Key; region: Region; own?: Cache }[] {
  if (!globalDatastoreNode(primary.spec.size)) return [];
  const out: { key: Key; region: Region; own?: Cache }[] = [];
  for (const target of targetsOf(b.facts, primary.c.id, 'replication')) {
    const other = cache(b, target);
    if (!other || !other.c.region || other.c.region.id === primary.c.region?.id || other.spec.engine !== primary.spec.engine || !globalDatastoreNode(other.spec.size)) continue;
    if (cachePlacement(b, other).kind === 'global-secondary') out.push({ key: other.c.id, region: other.c.region, own: other });
    else if (!out.some((s) => s.region.id === other.c.region!.id)) out.push({ key: [primary.c.id, 'in', other.c.region.id], region: other.c.region });
  }
  return out;
}

function primaryCache(b: TerraformBuilder, c: Cache): Cache {
  const placement = cachePlacement(b, c);
  return placement.kind === 'writer' ? c : placement.source;
}

/** The AUTH token of a cache (shared by its global datastore's members), generated into Secrets Manager. */
export function cacheToken(b: TerraformBuilder, member: Cache): GeneratedSecret {
  const primary = primaryCache(b, member);
  return b.memo(`cache-token:${primary.c.id}`, () => {
    const members = [primary.c, ...cacheSecondaries(b, primary).map((s) => s.own?.c).filter((m): m is ComponentFacts => m !== undefined)];
    const regions = [...cacheSecondaries(b, primary).map((s) => s.region), ...members.flatMap((m) => sourcesOf(b.facts, m.id, 'sync').map((s) => s.region))].filter((r): r is Region => r !== undefined);
    return generatedSecret(b, {
      key: [primary.c.id, 'auth'],
      region: primary.c.region,
      nameParts: [primary.c.id, 'auth'],
      description: `AUTH token of cache ${primary.c.id}, generated here so it is never written in a file.`,
      length: 64,
      replicas: regions,
    });
  });
}

export function cacheEndpoint(b: TerraformBuilder, { c }: Cache): RawExpr {
  return b.ref('aws_elasticache_replication_group', c.id, 'primary_endpoint_address');
}

function cacheSubnetGroup(b: TerraformBuilder, key: Key, c: ComponentFacts, region: Region): void {
  b.add(
    'cache.tf',
    block('resource', ['aws_elasticache_subnet_group', b.label('aws_elasticache_subnet_group', key)], [
      attr('provider', b.provider(region)),
      attr('name', b.name('aws_elasticache_subnet_group.name', ...(typeof key === 'string' ? [key] : key))),
      attr('subnet_ids', subnetIds(b, region, 'private', usedZones(b.facts, region))),
      b.tags(c),
    ]),
  );
}

function replicationGroupBody(b: TerraformBuilder, key: Key, member: Cache, region: Region, zones: readonly string[], global: RawExpr | undefined, secondary: boolean): BodyItem[] {
  const { c, spec } = member;
  const replicas = Math.max(1, c.replicas);
  const failover = spec.automaticFailover && replicas >= 2;
  const multiAz = failover && zones.length >= 2;
  const backup = backupOf(c)!;
  const snapshots = backup.enabled || spec.persistence !== 'none' ? (backup.enabled ? Math.min(35, backup.retentionDays) : 1) : 0;
  const parts = typeof key === 'string' ? [key] : key;
  const sgKey: Key = typeof key === 'string' ? key : key.join('-');
  return [
    attr('provider', b.provider(region)),
    attr('replication_group_id', b.name('aws_elasticache_replication_group.replication_group_id', ...parts)),
    attr('description', `Cache ${parts.join(' ')}`),
    // A secondary of a global datastore takes its engine, node type and encryption from the primary.
    ...(secondary && global
      ? [attr('global_replication_group_id', global)]
      : [attr('engine', spec.engine), attr('node_type', spec.size), attr('at_rest_encryption_enabled', true), attr('transit_encryption_enabled', true)]),
    attr('num_cache_clusters', replicas),
    attr('automatic_failover_enabled', failover),
    attr('multi_az_enabled', multiAz),
    attr('preferred_cache_cluster_azs', list(Array.from({ length: replicas }, (_, i) => zoneName(region, zones[i % zones.length] ?? region.zones[0]!)))),
    attr('subnet_group_name', b.ref('aws_elasticache_subnet_group', key, 'name')),
    attr('security_group_ids', list([b.ref('aws_security_group', sgKey, 'id')])),
    attr('port', CACHE_PORT),
    attr('auth_token', cacheToken(b, member).value),
    attr('snapshot_retention_limit', snapshots),
    snapshots > 0 && attr('snapshot_window', b.variable('cache_snapshot_window', { description: 'Daily UTC window for cache snapshots.', type: 'string', default: '02:00-03:00' })),
    attr('auto_minor_version_upgrade', true),
    b.tags(c, parts.length > 1 ? `${c.name} in ${region.id}` : undefined),
  ].filter((item): item is BodyItem => Boolean(item));
}

export function generateCache(b: TerraformBuilder): void {
  for (const member of b.roles.members('cache')) {
    const { c, spec } = member;
    const region = c.region!;
    const placement = cachePlacement(b, member);
    if (placement.kind === 'global-secondary') continue; // written with its primary's global datastore
    const replicas = Math.max(1, c.replicas);
    const failover = spec.automaticFailover && replicas >= 2;
    const multiAz = failover && c.zones.length >= 2;
    const secondaries = cacheSecondaries(b, member);
    securityGroup(b, c, region, CACHE_PORT, sourceGroups(b, c));
    b.add('cache.tf', comment(`Cache ${c.id}: ${spec.engine}, ${replicas} node(s)${failover ? ' with automatic failover' : ''}${multiAz ? ' across zones' : ''}${secondaries.length > 0 ? `; primary of a global datastore with secondaries in ${secondaries.map((s) => s.region.id).join(', ')}` : ''}.`));
    cacheSubnetGroup(b, c.id, c, region);
    b.add('cache.tf', block('resource', ['aws_elasticache_replication_group', b.label('aws_elasticache_replication_group', c.id)], replicationGroupBody(b, c.id, member, region, c.zones, undefined, false)));
    if (multiAz) b.check('multi_az_where_designed', `aws_elasticache_replication_group.${b.label('aws_elasticache_replication_group', c.id)}.multi_az_enabled == true`, `${c.id}: the design asks for automatic failover across zones.`);
    for (const target of targetsOf(b.facts, c.id, 'replication').filter((t) => b.roles.is(t, 'cache'))) {
      if (secondaries.some((s) => s.region.id === target.region?.id)) continue;
      b.fillIns.push(`Cache replication from \`${c.id}\` to \`${target.id}\`: a global datastore needs the same engine in another region and a node type outside the t-family; replicate in the application instead.`);
    }
    if (secondaries.length > 0) {
      const global = reference('aws_elasticache_global_replication_group', b.label('aws_elasticache_global_replication_group', c.id), 'global_replication_group_id');
      b.add(
        'cache.tf',
        comment(`Global datastore of ${c.id}: the primary takes writes, the secondaries replicate asynchronously (typically under a second) and one is promoted in a region failover.`),
        block('resource', ['aws_elasticache_global_replication_group', b.label('aws_elasticache_global_replication_group', c.id)], [
          attr('provider', b.provider(region)),
          attr('global_replication_group_id_suffix', b.name('aws_elasticache_global_replication_group.global_replication_group_id_suffix', c.id)),
          attr('global_replication_group_description', `Global datastore of cache ${c.id}`),
          attr('primary_replication_group_id', b.ref('aws_elasticache_replication_group', c.id, 'id')),
        ]),
      );
      for (const secondary of secondaries) {
        const own = secondary.own ?? member;
        if (!secondary.own) securityGroup(b, c, secondary.region, CACHE_PORT, [], false, (secondary.key as readonly string[]).join('-'));
        else securityGroup(b, own.c, secondary.region, CACHE_PORT, sourceGroups(b, own.c));
        cacheSubnetGroup(b, secondary.key, own.c, secondary.region);
        b.add(
          'cache.tf',
          comment(`Secondary of ${c.id}'s global datastore in region ${secondary.region.id}${secondary.own ? ` (component ${own.c.id})` : ''}: read-only until promoted.`),
          block('resource', ['aws_elasticache_replication_group', b.label('aws_elasticache_replication_group', secondary.key)], replicationGroupBody(b, secondary.key, own, secondary.region, secondary.own ? own.c.zones : usedZones(b.facts, secondary.region), global, true)),
        );
        b.output(secondary.key, 'primary_endpoint', `Endpoint of the secondary of cache ${c.id} in region ${secondary.region.id}`, b.ref('aws_elasticache_replication_group', secondary.key, 'primary_endpoint_address'));
      }
    }
    b.output(c.id, 'primary_endpoint', `Primary endpoint of cache ${c.id}`, cacheEndpoint(b, member));
  }
}

/** The queue's URL and ARN, for the services that send to or read from it. */
export function queueRef(b: TerraformBuilder, c: ComponentFacts): { url: RawExpr; arn: RawExpr; name: RawExpr } {
  return { url: b.ref('aws_sqs_queue', c.id, 'url'), arn: b.ref('aws_sqs_queue', c.id, 'arn'), name: b.ref('aws_sqs_queue', c.id, 'name') };
}

export function generateQueues(b: TerraformBuilder): void {
  for (const { c, spec } of b.roles.members('queue')) {
    const region = c.region!;
    const provider = b.provider(region);
    const { fifo, deadLetter, maxReceiveCount } = spec;
    const suffix = fifo ? '.fifo' : '';
    const retention = spec.retentionDays * 86400;
    const visibility = b.variable('queue_visibility_timeout_seconds', {
      description: 'Seconds a received message stays hidden; longer than the slowest handler.',
      type: 'number',
      default: 300,
      validation: [{ condition: 'var.queue_visibility_timeout_seconds >= 0 && var.queue_visibility_timeout_seconds <= 43200', message: 'queue_visibility_timeout_seconds: 0 to 43200 (12 hours).' }],
    });
    b.add('async.tf', comment(`Queue ${c.id}${fifo ? ' (FIFO)' : ''}${deadLetter ? `, with a dead-letter queue after ${maxReceiveCount} attempts` : ', no dead-letter queue in the design'}.`));
    if (deadLetter) {
      b.add(
        'async.tf',
        block('resource', ['aws_sqs_queue', b.label('aws_sqs_queue', [c.id, 'dlq'])], [
          attr('provider', provider),
          attr('name', b.nameEnding('aws_sqs_queue.name', suffix, c.id, 'dlq')),
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
        attr('name', b.nameEnding('aws_sqs_queue.name', suffix, c.id)),
        fifo && attr('fifo_queue', true),
        fifo && attr('content_based_deduplication', true),
        attr('message_retention_seconds', retention),
        attr('visibility_timeout_seconds', visibility),
        attr('receive_wait_time_seconds', 20),
        attr('sqs_managed_sse_enabled', true),
        deadLetter && attr('redrive_policy', { kind: 'call', fn: 'jsonencode', args: [object([['deadLetterTargetArn', b.ref('aws_sqs_queue', [c.id, 'dlq'], 'arn')], ['maxReceiveCount', maxReceiveCount]])] }),
        b.tags(c),
      ]),
    );
    b.output(c.id, 'queue_url', `URL of queue ${c.id}`, b.ref('aws_sqs_queue', c.id, 'url'));
    if (deadLetter) b.output(c.id, 'dead_letter_queue_arn', `ARN of the dead-letter queue of ${c.id} (the queue-backlog runbook redrives from it)`, b.ref('aws_sqs_queue', [c.id, 'dlq'], 'arn'));
  }
}
