import { isObject, type Value } from '../hcl/evaluate';
import type { TfResource } from '../terraform/types';
import {
  block,
  blocks,
  COMPONENT_TAG,
  bool,
  component,
  num,
  part,
  patchProps,
  read,
  regionRef,
  regionOfArn,
  skip,
  str,
  strings,
  tagsOf,
  type Draft,
  type ImportContext,
  type Outcome,
} from './context';

/**
 * What each AWS resource type is in a design: the mirror of `AWS_TERRAFORM` in the export
 * (generators/terraform/aws/registry.ts). A type becomes a component of a kind with props read
 * from its arguments, joins another resource's component, is read for placement and wiring, or
 * is skipped with a reason. Types not listed here are reported as not imported. The table in
 * docs/import.md lists the same mapping.
 */
export type ResourceImporter = (r: TfResource, context: ImportContext) => Outcome;


/** `aws_db_instance.main` -> `main`; generic names (`this`, `main`) take the module's name. */
const GENERIC_NAMES = new Set(['this', 'main', 'default', 'primary', 'this_1', 'example', 'resource']);

export function nameStem(r: TfResource): string {
  if (GENERIC_NAMES.has(r.name) && r.module) return r.module.split('.').pop()!;
  return r.name;
}

const RDS_ENGINES: Record<string, 'postgres' | 'mysql' | 'aurora-postgresql' | 'aurora-mysql' | 'sqlserver'> = {
  postgres: 'postgres',
  mysql: 'mysql',
  mariadb: 'mysql',
  'aurora-postgresql': 'aurora-postgresql',
  'aurora-mysql': 'aurora-mysql',
  aurora: 'aurora-mysql',
  'sqlserver-se': 'sqlserver',
  'sqlserver-ee': 'sqlserver',
  'sqlserver-ex': 'sqlserver',
  'sqlserver-web': 'sqlserver',
};

function engineOf(value: Value | undefined): 'postgres' | 'mysql' | 'aurora-postgresql' | 'aurora-mysql' | 'sqlserver' | undefined {
  const engine = str(value);
  return engine ? RDS_ENGINES[engine] : undefined;
}

/** RDS keeps transaction logs whenever automated backups are on: restores reach any second in the retention window. */
function rdsBackup(r: TfResource): { enabled: boolean; pitr: boolean; retentionDays?: number } | undefined {
  const retention = num(r.attributes.backup_retention_period);
  if (retention === undefined) return undefined;
  return retention > 0 ? { enabled: true, pitr: true, retentionDays: retention } : { enabled: false, pitr: false };
}

/** The workload a task definition, launch template or autoscaling target belongs to. */
function usersOf(context: ImportContext, r: TfResource, types: readonly string[], keys: readonly string[]): string[] {
  return context.resources
    .filter((other) => types.includes(other.type) && context.refsOf(other, ...keys).some((ref) => ref.address === r.address))
    .map((other) => other.address);
}

function cpuMemory(taskDefinition: TfResource | undefined): { vcpu?: number; memoryGb?: number } {
  if (!taskDefinition) return {};
  const cpu = num(taskDefinition.attributes.cpu);
  const memory = num(taskDefinition.attributes.memory);
  return { vcpu: cpu !== undefined ? cpu / 1024 : undefined, memoryGb: memory !== undefined ? memory / 1024 : undefined };
}

const ecsService: ResourceImporter = (r, context) => {
  const served = blocks(r.attributes.load_balancer).length > 0 || (r.refs.get('load_balancer')?.size ?? 0) > 0;
  const taskDefinition = context.refsOf(r, 'task_definition').find((t) => t.type === 'aws_ecs_task_definition');
  const replicas = num(r.attributes.desired_count);
  const network = block(r.attributes.network_configuration);
  const zones = context.zonesOf(r, 'network_configuration');
  if (zones.length === 0 && network && 'subnets' in network) context.infer(r.address, 'zones', 'the service\'s subnets are not known before plan: zones left to the region\'s first');
  if (!served) context.infer(r.address, 'kind', 'an ECS service with no load balancer: imported as a worker pool (background work), not an app service');
  const common = { runtime: 'containers', ...cpuMemory(taskDefinition) } as const;
  const input = { zones, replicas };
  // Behind a load balancer, its target group's health checks take failed tasks out of rotation.
  return served ? component('app-service', { ...input, props: { ...common, healthChecks: true } }) : component('worker-pool', { ...input, props: common });
};

const autoscalingGroup: ResourceImporter = (r, context) => {
  const min = num(r.attributes.min_size);
  const max = num(r.attributes.max_size);
  const desired = num(r.attributes.desired_capacity) ?? min;
  const template = context.refsOf(r, 'launch_template', 'launch_configuration', 'mixed_instances_policy').find((t) => t.type === 'aws_launch_template' || t.type === 'aws_launch_configuration');
  const size = str(template?.attributes.instance_type);
  const fronted = strings(r.attributes.target_group_arns).length > 0 || (r.refs.get('target_group_arns')?.size ?? 0) > 0 || (r.refs.get('load_balancers')?.size ?? 0) > 0;
  const zones = [...context.zonesOf(r, 'vpc_zone_identifier'), ...strings(r.attributes.availability_zones)];
  const scaling = min !== undefined && max !== undefined && max > min ? { enabled: true, min, max } : undefined;
  const props = { runtime: 'vm', ...(size ? { size } : {}), healthChecks: str(r.attributes.health_check_type) === 'ELB', ...(scaling ? { autoscaling: scaling } : {}) } as const;
  if (!fronted) context.infer(r.address, 'kind', 'an Auto Scaling group behind no load balancer: imported as a worker pool');
  const input = { zones, replicas: desired };
  return fronted ? component('app-service', { ...input, props }) : component('worker-pool', { ...input, props });
};

const instance: ResourceImporter = (r, context) => {
  const zone = str(r.attributes.availability_zone);
  const zones = zone ? [zone] : context.zonesOf(r, 'subnet_id');
  const size = str(r.attributes.instance_type);
  // Instances made with count or for_each are one component with several replicas.
  return component('app-service', {
    zones,
    replicas: 1,
    props: { runtime: 'vm', ...(size ? { size } : {}), healthChecks: false },
    group: `instances:${r.base}`,
  });
};

const loadBalancer: ResourceImporter = (r, context) => {
  const type = str(r.attributes.load_balancer_type) === 'network' ? 'network' : 'application';
  const internal = bool(r.attributes.internal) === true;
  const zones = context.zonesOf(r, 'subnets', 'subnet_mapping');
  return component('load-balancer', { zones, props: { type, scheme: internal ? 'internal' : 'internet-facing' } });
};

const classicLoadBalancer: ResourceImporter = (r, context) =>
  component('load-balancer', {
    zones: [...context.zonesOf(r, 'subnets'), ...strings(r.attributes.availability_zones)],
    props: { type: 'application', scheme: bool(r.attributes.internal) ? 'internal' : 'internet-facing', healthCheckPath: str(block(r.attributes.health_check)?.target)?.replace(/^HTTPS?:[0-9]+/, '') || undefined },
  });

const dbInstance: ResourceImporter = (r, context) => {
  const source = context.refsOf(r, 'replicate_source_db').find((s) => s.type === 'aws_db_instance');
  const sourceArn = str(r.attributes.replicate_source_db);
  const location = context.locationOf(r);
  const sourceLocation = source ? context.locationOf(source) : sourceArn ? regionOfArn(sourceArn) : undefined;
  const crossRegion = (source || sourceArn) && sourceLocation !== undefined && location !== undefined && sourceLocation !== location;
  if ((source || sourceArn) && !crossRegion) {
    // A read replica in the same region adds to its source's replicas.
    return part([source?.address], 'read replica', (draft, ctx) => {
      const props = draft.kind === 'relational-db' ? draft.props : undefined;
      if (!props) return;
      patchProps(draft, 'relational-db', { readReplicas: ((props.readReplicas as number | undefined) ?? 0) + 1 });
      const zone = str(r.attributes.availability_zone);
      if (zone) draft.zones.add(zone);
      ctx.infer(r.address, 'replicas', `read replica of ${source?.address ?? sourceArn}: counted in readReplicas`, draft.taggedId);
    });
  }
  const engine = engineOf(r.attributes.engine) ?? (source ? engineOf(source.attributes.engine) : undefined);
  const multiAz = bool(r.attributes.multi_az) === true;
  const zone = str(r.attributes.availability_zone);
  const groupZones = context.refsOf(r, 'db_subnet_group_name').flatMap((group) => context.zonesOf(group, 'subnet_ids'));
  const zones = zone ? [zone] : multiAz ? groupZones.slice(0, 2) : groupZones.slice(0, 1);
  const storage = num(r.attributes.allocated_storage);
  const size = str(r.attributes.instance_class);
  const deletion = bool(r.attributes.deletion_protection);
  const backup = rdsBackup(r);
  if (!zone && zones.length > 0) {
    context.infer(r.address, 'zones', multiAz ? 'Multi-AZ: RDS places the primary and its standby in two zones of the subnet group; its first two are assumed' : 'no availability_zone: RDS picks a zone of the subnet group; its first is assumed');
  }
  if (source || sourceArn) context.infer(r.address, 'connection', `cross-region replica of ${source?.address ?? sourceArn}: a replication connection from it`);
  return component('relational-db', {
    zones,
    props: {
      ...(engine ? { engine } : {}),
      ha: multiAz ? 'multi-az' : 'single',
      ...(size ? { size } : {}),
      ...(storage !== undefined ? { storageGb: storage } : {}),
      ...(deletion !== undefined ? { deletionProtection: deletion } : {}),
      ...(backup ? { backup } : {}),
    },
  });
};

const rdsCluster: ResourceImporter = (r) => {
  const engine = engineOf(r.attributes.engine);
  const aurora = engine?.startsWith('aurora') ?? str(r.attributes.engine)?.startsWith('aurora') ?? false;
  const size = str(r.attributes.db_cluster_instance_class);
  const storage = num(r.attributes.allocated_storage);
  const backup = rdsBackup(r);
  const deletion = bool(r.attributes.deletion_protection);
  const zones = strings(r.attributes.availability_zones);
  return component('relational-db', {
    zones,
    props: {
      ...(engine ? { engine } : {}),
      // Aurora's shape comes from its instances (counted below); a Multi-AZ DB cluster is a cluster.
      ha: aurora ? 'single' : 'cluster',
      ...(size ? { size } : {}),
      ...(storage !== undefined ? { storageGb: storage } : {}),
      ...(deletion !== undefined ? { deletionProtection: deletion } : {}),
      ...(backup ? { backup } : {}),
    },
  });
};

/** Aurora instances: the first is the writer, the second a standby reader in another zone, the rest read replicas. */
const rdsClusterInstance: ResourceImporter = (r, context) => {
  const cluster = context.refsOf(r, 'cluster_identifier').find((c) => c.type === 'aws_rds_cluster');
  return part([cluster?.address], 'cluster instance', (draft, ctx) => {
    if (draft.kind !== 'relational-db') return;
    draft.instances = (draft.instances ?? 0) + 1;
    const size = str(r.attributes.instance_class);
    if (size) draft.props.size = size;
    const zone = str(r.attributes.availability_zone);
    if (zone) draft.zones.add(zone);
    ctx.infer(r.address, 'replicas', 'Aurora instance: with two or more the cluster fails over to a reader (ha: cluster); readers beyond the second count as read replicas', draft.taggedId);
  });
};

const cacheReplicationGroup: ResourceImporter = (r, context) => {
  // A secondary of a global datastore tagged as the same component as its primary is that component's copy in another region, not more of its nodes.
  const global = context.refsOf(r, 'global_replication_group_id').find((g) => g.type === 'aws_elasticache_global_replication_group');
  const primary = global && context.refsOf(global, 'primary_replication_group_id').find((g) => g.type === 'aws_elasticache_replication_group' && g.address !== r.address);
  const tag = tagsOf(r)[COMPONENT_TAG];
  if (primary && tag !== undefined && tagsOf(primary)[COMPONENT_TAG] === tag) {
    return part([primary.address], 'secondary of a global datastore', (draft, ctx) =>
      ctx.infer(r.address, 'replicas', `secondary of global datastore ${global.address} in another region, tagged as the same component as ${primary.address}: its nodes are not counted as that component's replicas`, draft.taggedId),
    );
  }
  const engine = str(r.attributes.engine) === 'valkey' ? 'valkey' : 'redis';
  const nodes = num(r.attributes.num_cache_clusters) ?? (num(r.attributes.replicas_per_node_group) !== undefined ? num(r.attributes.replicas_per_node_group)! + 1 : undefined);
  const failover = bool(r.attributes.automatic_failover_enabled);
  const snapshots = num(r.attributes.snapshot_retention_limit);
  let zones = strings(r.attributes.preferred_cache_cluster_azs);
  const size = str(r.attributes.node_type);
  if (zones.length === 0) {
    zones = context.refsOf(r, 'subnet_group_name').flatMap((group) => context.zonesOf(group, 'subnet_ids')).slice(0, Math.max(1, nodes ?? 1));
    if (zones.length > 0) context.infer(r.address, 'zones', 'no preferred_cache_cluster_azs: ElastiCache spreads the nodes over the subnet group\'s zones; one zone per node is assumed');
  }
  return component('cache', {
    zones,
    replicas: nodes,
    props: {
      engine,
      ...(size ? { size } : {}),
      ...(failover !== undefined ? { automaticFailover: failover } : {}),
      ...(snapshots !== undefined ? { persistence: snapshots > 0 ? 'snapshot' : 'none' } : {}),
      ...(snapshots !== undefined && snapshots > 1 ? { backup: { enabled: true, retentionDays: snapshots } } : {}),
    },
  });
};

const cacheCluster: ResourceImporter = (r, context) => {
  if (context.refsOf(r, 'replication_group_id').some((g) => g.type === 'aws_elasticache_replication_group')) {
    return part(context.refsOf(r, 'replication_group_id').map((g) => g.address), 'cache node');
  }
  const engine = str(r.attributes.engine) === 'memcached' ? 'memcached' : str(r.attributes.engine) === 'valkey' ? 'valkey' : 'redis';
  const zone = str(r.attributes.availability_zone);
  const zones = [...(zone ? [zone] : []), ...strings(r.attributes.preferred_availability_zones)];
  const size = str(r.attributes.node_type);
  return component('cache', { zones, replicas: num(r.attributes.num_cache_nodes), props: { engine, ...(size ? { size } : {}), automaticFailover: false } });
};

/** A queue that another names as its dead-letter target belongs to that queue. */
function deadLetterOwner(r: TfResource, context: ImportContext): TfResource | undefined {
  return context.resources.find(
    (other) =>
      other.address !== r.address &&
      (other.type === 'aws_sqs_queue' || other.type === 'aws_sqs_queue_redrive_policy') &&
      context.refsOf(other, 'redrive_policy').some((ref) => ref.address === r.address),
  );
}

function redrive(value: Value | undefined): { maxReceiveCount?: number } | undefined {
  if (value === undefined || value === null) return undefined;
  let parsed: Value | undefined = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value) as Value;
    } catch {
      return {};
    }
  } else if (!isObject(value)) parsed = (value as { partial?: Value }).partial;
  return isObject(parsed ?? null) ? { maxReceiveCount: num((parsed as Record<string, Value>).maxReceiveCount) } : {};
}

const sqsQueue: ResourceImporter = (r, context) => {
  const owner = deadLetterOwner(r, context);
  if (owner) return part([owner.type === 'aws_sqs_queue' ? owner.address : undefined, ...context.refsOf(owner, 'queue_url').map((q) => q.address)], 'dead-letter queue');
  const fifo = bool(r.attributes.fifo_queue) === true || str(r.attributes.name)?.endsWith('.fifo') === true;
  const retention = num(r.attributes.message_retention_seconds);
  const policy = redrive(r.attributes.redrive_policy);
  return component('queue', {
    props: {
      fifo,
      ...(retention !== undefined ? { retentionDays: Math.min(14, Math.max(1, Math.round(retention / 86400))) } : {}),
      deadLetter: policy !== undefined,
      ...(policy?.maxReceiveCount !== undefined ? { maxReceiveCount: policy.maxReceiveCount } : {}),
    },
  });
};

const snsTopic: ResourceImporter = (r, context) => {
  const onlyAlarms = context.resources.filter((other) => context.refsOf(other).some((ref) => ref.address === r.address));
  if (onlyAlarms.length > 0 && onlyAlarms.every((other) => other.type === 'aws_cloudwatch_metric_alarm' || other.type.startsWith('aws_sns_topic_'))) {
    return read('notifications of alarms (on-call), part of the observability setup');
  }
  context.infer(r.address, 'kind', 'SNS topic imported as a queue (the catalog has no publish-subscribe kind): messages fan out to its subscribers');
  return component('queue', { props: { durable: true, fifo: bool(r.attributes.fifo_topic) === true } });
};

const s3Bucket: ResourceImporter = (r) => {
  const versioned = bool(block(r.attributes.versioning)?.enabled);
  const objectLock = bool(r.attributes.object_lock_enabled) === true || block(r.attributes.object_lock_configuration) !== undefined;
  return component('object-storage', { props: { ...(versioned !== undefined ? { versioning: versioned } : {}), ...(objectLock ? { objectLock } : {}) } });
};

const bucketPart =
  (what: string, patch?: (r: TfResource, draft: Draft, context: ImportContext) => void): ResourceImporter =>
  (r, context) =>
    part(context.refsOf(r, 'bucket').map((b) => b.address), what, patch && ((draft, ctx) => patch(r, draft, ctx)));

const cloudfront: ResourceImporter = (r) => component('cdn', { global: true, props: { originFailover: blocks(r.attributes.origin_group).length > 0 } });

function wafRules(r: TfResource): { managedRules: boolean; rateLimiting: boolean; rules: number } {
  const rules = blocks(r.attributes.rule);
  const statement = (rule: Record<string, Value>, key: string) => blocks(rule.statement).some((s) => block(s[key]) !== undefined);
  return {
    managedRules: rules.some((rule) => statement(rule, 'managed_rule_group_statement')),
    rateLimiting: rules.some((rule) => statement(rule, 'rate_based_statement')),
    rules: rules.length,
  };
}

const wafAcl: ResourceImporter = (r) => {
  const global = str(r.attributes.scope) === 'CLOUDFRONT';
  return component('waf', { global, props: wafRules(r) });
};

/** All Route 53 of a configuration is one DNS component: its zones, records and health checks. */
const DNS_GROUP = 'dns:route53';
const route53: ResourceImporter = (r) => {
  const ttl = num(r.attributes.ttl);
  const failover = blocks(r.attributes.failover_routing_policy).length > 0 || blocks(r.attributes.latency_routing_policy).length > 0;
  const healthCheck = r.type === 'aws_route53_health_check';
  return component('dns', {
    global: true,
    group: DNS_GROUP,
    name: 'Route 53',
    idHint: 'dns',
    props: {
      ...(failover ? { failoverRouting: true } : {}),
      ...(healthCheck ? { healthChecks: true } : {}),
      ...(ttl !== undefined ? { ttlSeconds: ttl } : {}),
      // Alias records have no TTL of their own; a 10-second health check interval goes with short TTLs (60 s or less).
      ...(healthCheck && num(r.attributes.request_interval) === 10 ? { ttlSeconds: 60 } : {}),
    },
    combine: combineDns,
  });
};

function combineDns(existing: Record<string, unknown>, added: Record<string, unknown>): Record<string, unknown> {
  const ttl = Math.min((existing.ttlSeconds as number | undefined) ?? Infinity, (added.ttlSeconds as number | undefined) ?? Infinity);
  const out: Record<string, unknown> = { ...existing, ...added };
  if (existing.failoverRouting === true || added.failoverRouting === true) out.failoverRouting = true;
  if (existing.healthChecks === true || added.healthChecks === true) out.healthChecks = true;
  if (Number.isFinite(ttl)) out.ttlSeconds = ttl;
  return out;
}

const natGateway: ResourceImporter = (r, context) => {
  const zones = context.zonesOf(r, 'subnet_id');
  const vpc = context.refsOf(r, 'subnet_id').flatMap((subnet) => context.refsOf(subnet, 'vpc_id'))[0];
  const module = r.module.split('.').pop();
  return component('nat-gateway', { zones, replicas: 1, group: `nat:${vpc?.address ?? context.locationOf(r) ?? 'default'}`, name: 'NAT gateways', idHint: module ? `${module}-nat` : 'nat' });
};

/** Arguments that set a resource's own credential from a secret's value: the secret is that resource's, not an application secret store. */
const CREDENTIAL_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  aws_db_instance: ['password'],
  aws_rds_cluster: ['master_password'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_cloudfront_distribution: ['origin.custom_header'],
};

/** Resources whose own credential (master password, AUTH token, origin header) is the value of this secret. */
function credentialOwners(r: TfResource, context: ImportContext): TfResource[] {
  const versions = context.resources.filter((other) => other.type === 'aws_secretsmanager_secret_version' && context.refsOf(other, 'secret_id').some((s) => s.address === r.address));
  const holds = (other: TfResource) => context.refsOf(other, ...(CREDENTIAL_ARGUMENTS[other.type] ?? [])).some((ref) => ref.address === r.address || versions.includes(ref));
  return context.resources.filter((other) => Object.hasOwn(CREDENTIAL_ARGUMENTS, other.type) && holds(other));
}

const secret: ResourceImporter = (r, context) => {
  const owners = credentialOwners(r, context);
  if (owners.length > 0) {
    context.infer(r.address, 'component', `the value of ${owners.map((o) => o.address).join(', ')}'s own credential (master password, AUTH token or origin header): part of ${owners.length > 1 ? 'the first' : 'that'} component, not a secret store the services depend on`);
    return part(owners.map((o) => o.address), 'its credential in Secrets Manager');
  }
  const location = context.locationOf(r) ?? 'default';
  const replicas = blocks(r.attributes.replica).map((replica) => str(replica.region)).filter((region): region is string => region !== undefined);
  return component('secrets-manager', {
    group: `secrets:${location}`,
    name: 'Secrets Manager',
    idHint: 'secrets',
    props: { secrets: 1, ...(replicas[0] ? { replicatedToRegion: regionRef(replicas[0]) } : {}) },
    combine: (existing, added) => ({ ...existing, ...added, secrets: ((existing.secrets as number | undefined) ?? 0) + 1, replicatedToRegion: added.replicatedToRegion ?? existing.replicatedToRegion }),
  });
};

const kmsKey: ResourceImporter = (r, context) => {
  const location = context.locationOf(r) ?? 'default';
  return component('key-management', {
    group: `kms:${location}`,
    name: 'KMS keys',
    idHint: 'kms',
    props: { keys: 1, ...(bool(r.attributes.multi_region) ? { multiRegionKeys: true } : {}) },
    combine: (existing, added) => ({ ...existing, ...added, keys: ((existing.keys as number | undefined) ?? 0) + 1, multiRegionKeys: existing.multiRegionKeys === true || added.multiRegionKeys === true || undefined }),
  });
};

const cognito: ResourceImporter = () => component('identity-provider', { global: true, props: { product: 'cognito' }, name: 'Cognito' });

const backupVault: ResourceImporter = () => component('backup-vault', { props: {} });

/** AWS Backup plans set the backups of the resources their selections name; see wiring.ts. */
const backupPlan: ResourceImporter = () => read('backups of the resources its selections name (retention, continuous backup, copies)');

const schedulerSchedule: ResourceImporter = () => component('scheduler', { props: {} });

const eventRule: ResourceImporter = (r) =>
  str(r.attributes.schedule_expression) !== undefined || (r.refs.get('schedule_expression')?.size ?? 0) > 0
    ? component('scheduler', { props: {} })
    : read('routes events between services (its targets are wired)');

const apiGateway: ResourceImporter = () => component('api-gateway', { props: {} });

const redshift: ResourceImporter = (r) => component('data-warehouse', { zones: strings(r.attributes.availability_zone), props: {} });

const OBSERVABILITY_GROUP = 'observability:cloudwatch';
const observability: ResourceImporter = (r) => {
  const retention = num(r.attributes.retention_in_days);
  const alarm = r.type === 'aws_cloudwatch_metric_alarm' || r.type === 'aws_cloudwatch_composite_alarm';
  return component('observability', {
    group: OBSERVABILITY_GROUP,
    name: 'CloudWatch',
    idHint: 'monitoring',
    props: {
      ...(retention !== undefined && retention > 0 ? { logRetentionDays: retention } : {}),
      ...(r.type === 'aws_synthetics_canary' ? { syntheticChecks: true } : {}),
      ...(alarm ? { alerting: true } : {}),
    },
    combine: combineObservability,
  });
};

function combineObservability(existing: Record<string, unknown>, added: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...existing, ...added };
  if (existing.syntheticChecks === true || added.syntheticChecks === true) out.syntheticChecks = true;
  if (existing.alerting === true || added.alerting === true) out.alerting = true;
  const retention = Math.min((existing.logRetentionDays as number | undefined) ?? Infinity, (added.logRetentionDays as number | undefined) ?? Infinity);
  if (Number.isFinite(retention)) out.logRetentionDays = retention;
  return out;
}

/** Log groups of a workload belong to it (its task definition names them); others to CloudWatch. */
const logGroup: ResourceImporter = (r, context) => {
  const readers = usersOf(context, r, ['aws_ecs_task_definition'], ['container_definitions']);
  if (readers.length > 0) return part(readers, 'log group');
  return observability(r, context);
};

const eksCluster: ResourceImporter = () => read('the Kubernetes cluster its node groups and Helm releases run on');

const eksNodeGroup: ResourceImporter = () => read('nodes (and zones) of the Kubernetes cluster for the workloads on it');

const HELM_CHARTS: readonly { pattern: RegExp; outcome: (r: TfResource) => Outcome }[] = [
  { pattern: /^(traefik)$/, outcome: () => component('ingress', { props: { controller: 'traefik' } }) },
  { pattern: /^(ingress-nginx|nginx-ingress.*)$/, outcome: () => component('ingress', { props: { controller: 'nginx' } }) },
  { pattern: /^(aws-load-balancer-controller)$/, outcome: () => skip('cluster add-on: the AWS Load Balancer Controller registers pods with target groups (read for wiring)') },
  { pattern: /^(cloudnative-pg|cluster|postgresql|postgresql-ha|postgres-operator)$/, outcome: (r) => component('relational-db', { props: { engine: 'postgres', hosting: 'kubernetes', ha: /ha|cluster|operator|cloudnative/.test(str(r.attributes.chart) ?? '') ? 'cluster' : 'single' } }) },
  { pattern: /^(mysql|mariadb)$/, outcome: () => component('relational-db', { props: { engine: 'mysql', hosting: 'kubernetes' } }) },
  { pattern: /^(redis|redis-cluster|valkey)$/, outcome: (r) => component('cache', { props: { engine: str(r.attributes.chart) === 'valkey' ? 'valkey' : 'redis', hosting: 'kubernetes' } }) },
  { pattern: /^(rabbitmq|rabbitmq-cluster-operator|nats|kafka)$/, outcome: () => component('queue', { props: { hosting: 'kubernetes' } }) },
  { pattern: /^(keycloak|keycloakx)$/, outcome: () => component('identity-provider', { props: { product: 'keycloak' } }) },
  { pattern: /^(kube-prometheus-stack|prometheus|grafana|loki|loki-stack|datadog|opentelemetry-collector)$/, outcome: () => component('observability', { props: {}, group: 'observability:cluster', name: 'Cluster monitoring' }) },
  { pattern: /^(argo-cd|argocd|flux2?)$/, outcome: () => component('ci-cd', { global: true, props: {} }) },
  { pattern: /^(cert-manager|metrics-server|cluster-autoscaler|karpenter|external-dns|external-secrets|aws-ebs-csi-driver|aws-efs-csi-driver|kube-state-metrics|node-problem-detector|velero)$/, outcome: () => skip('cluster add-on: keeps the cluster running, not a component of the design') },
];

const helmRelease: ResourceImporter = (r, context) => {
  const chart = str(r.attributes.chart)?.split('/').pop();
  if (!chart) return component('app-service', { props: { runtime: 'kubernetes' } });
  const known = HELM_CHARTS.find((entry) => entry.pattern.test(chart));
  if (known) return known.outcome(r);
  context.infer(r.address, 'kind', `Helm chart "${chart}": imported as an app service on Kubernetes`);
  return component('app-service', { props: { runtime: 'kubernetes' } });
};

const NETWORK_TYPES = [
  'aws_vpc',
  'aws_subnet',
  'aws_default_subnet',
  'aws_internet_gateway',
  'aws_egress_only_internet_gateway',
  'aws_route_table',
  'aws_route_table_association',
  'aws_route',
  'aws_main_route_table_association',
  'aws_default_route_table',
  'aws_vpc_endpoint',
  'aws_network_acl',
  'aws_default_network_acl',
  'aws_default_security_group',
  'aws_flow_log',
  'aws_vpc_dhcp_options',
  'aws_vpc_dhcp_options_association',
];
const WIRING_TYPES = [
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_lb_listener',
  'aws_alb_listener',
  'aws_lb_listener_rule',
  'aws_alb_listener_rule',
  'aws_lb_listener_certificate',
  'aws_lb_target_group_attachment',
  'aws_autoscaling_attachment',
  'aws_wafv2_web_acl_association',
  'aws_sns_topic_subscription',
  'aws_cloudwatch_event_target',
  'aws_backup_selection',
  'aws_elasticache_global_replication_group',
  'aws_rds_global_cluster',
  'aws_lambda_event_source_mapping',
  'aws_vpc_peering_connection',
  'aws_vpc_peering_connection_accepter',
];

/**
 * A target group whose targets are pods on an EKS cluster, so the pods are a component: nothing in
 * the configuration registers targets in it (the AWS Load Balancer Controller registers pods), or
 * the targets are the Auto Scaling group of an EKS node group (a Kubernetes NodePort Service on
 * every node). Behind a network load balancer that is usually the ingress controller; behind an
 * application one, a service.
 */
const targetGroup: ResourceImporter = (r, context) => {
  const registrations = context.resources.filter(
    (other) =>
      ['aws_ecs_service', 'aws_autoscaling_group', 'aws_autoscaling_attachment', 'aws_lb_target_group_attachment'].includes(other.type) &&
      context.refsOf(other, 'load_balancer', 'target_group_arns', 'lb_target_group_arn', 'alb_target_group_arn', 'target_group_arn').some((g) => g.address === r.address),
  );
  const nodeGroups = registrations.flatMap((other) => (other.type === 'aws_autoscaling_attachment' ? context.refsOf(other, 'autoscaling_group_name').filter((g) => g.type === 'aws_eks_node_group') : []));
  const onNodes = nodeGroups.length > 0 && nodeGroups.length === registrations.length;
  const location = context.locationOf(r);
  const cluster = onNodes
    ? context.refsOf(nodeGroups[0]!, 'cluster_name').find((c) => c.type === 'aws_eks_cluster')
    : context.resources.find((other) => other.type === 'aws_eks_cluster' && context.locationOf(other) === location);
  if ((registrations.length > 0 && !onNodes) || !cluster) return read('wiring: which components a load balancer sends traffic to');
  const listeners = context.resources.filter((other) => /_listener(_rule)?$/.test(other.type) && context.refsOf(other, 'default_action', 'action').some((g) => g.address === r.address));
  const balancers = listeners.flatMap((listener) => context.refsOf(listener, 'load_balancer_arn'));
  const network = balancers.some((lb) => str(lb.attributes.load_balancer_type) === 'network') || str(r.attributes.protocol) === 'TCP';
  const port = num(r.attributes.port);
  const zones = context.resources.filter((other) => other.type === 'aws_eks_node_group' && context.refsOf(other, 'cluster_name').some((c) => c.address === cluster.address)).flatMap((group) => context.zonesOf(group, 'subnet_ids'));
  const pods = network ? 'an ingress controller behind a network load balancer' : 'a service on Kubernetes';
  context.infer(
    r.address,
    'component',
    onNodes
      ? `targets are the nodes of EKS node group ${nodeGroups[0]!.address} (cluster ${cluster.address}): pods that a NodePort Service publishes on port ${port ?? 'unknown'} of each node (${pods}); zones from the cluster's node groups`
      : `no targets registered in Terraform, beside EKS cluster ${cluster.address}: pods that the AWS Load Balancer Controller registers (${pods}); zones from the cluster's node groups`,
  );
  if (network) {
    // Traefik listens on 8000/8443 and answers its health check on /ping; a NodePort's number says nothing of what serves it.
    const traefik = port === 8000 || port === 8443 || str(block(r.attributes.health_check)?.path) === '/ping';
    if (traefik && port !== 8000 && port !== 8443) context.infer(r.address, 'kind', 'health check on /ping, the path Traefik answers: read as a Traefik ingress controller');
    return component('ingress', { zones, props: { controller: traefik ? 'traefik' : 'provider' } });
  }
  return component('app-service', { zones, props: { runtime: 'kubernetes' } });
};

const owned = (keys: readonly string[], what: string): ResourceImporter => (r, context) => part(context.refsOf(r, ...keys).map((o) => o.address), what);

/** Every AWS resource type the importer reads, and what it becomes. */
export const AWS_IMPORTERS: Readonly<Record<string, ResourceImporter>> = {
  ...Object.fromEntries(NETWORK_TYPES.map((type) => [type, () => read('network: placement in regions and zones')])),
  ...Object.fromEntries(WIRING_TYPES.map((type) => [type, () => read('wiring: connections between components')])),
  aws_lb: loadBalancer,
  aws_lb_target_group: targetGroup,
  aws_alb_target_group: targetGroup,
  aws_alb: loadBalancer,
  aws_elb: classicLoadBalancer,
  aws_ecs_service: ecsService,
  aws_ecs_task_definition: (r, context) => part(usersOf(context, r, ['aws_ecs_service'], ['task_definition']), 'task definition (size, environment)'),
  aws_ecs_cluster: () => read('the cluster its services run in'),
  aws_ecs_cluster_capacity_providers: () => read('capacity of the ECS cluster'),
  aws_appautoscaling_target: (r, context) =>
    part(
      context.refsOf(r, 'resource_id').filter((t) => t.type === 'aws_ecs_service').map((t) => t.address),
      'autoscaling range',
      (draft) => {
        const min = num(r.attributes.min_capacity);
        const max = num(r.attributes.max_capacity);
        if (min === undefined || max === undefined) return;
        patchProps(draft, 'app-service', { autoscaling: { enabled: true, min, max } });
        patchProps(draft, 'worker-pool', { autoscaling: { enabled: true, min, max } });
      },
    ),
  aws_appautoscaling_policy: owned(['resource_id', 'scalable_dimension', 'service_namespace'], 'scaling policy'),
  aws_autoscaling_group: autoscalingGroup,
  aws_launch_template: (r, context) => part(usersOf(context, r, ['aws_autoscaling_group'], ['launch_template', 'mixed_instances_policy']), 'launch template (instance class)'),
  aws_launch_configuration: (r, context) => part(usersOf(context, r, ['aws_autoscaling_group'], ['launch_configuration']), 'launch configuration (instance class)'),
  aws_autoscaling_policy: owned(['autoscaling_group_name'], 'scaling policy'),
  aws_instance: instance,
  aws_eip: (r, context) => {
    const nat = context.resources.find((other) => other.type === 'aws_nat_gateway' && context.refsOf(other, 'allocation_id').some((e) => e.address === r.address));
    return nat ? part([nat.address], 'elastic IP') : skip('an elastic IP with no NAT gateway: its instance or load balancer carries the traffic');
  },
  aws_nat_gateway: natGateway,
  aws_eks_cluster: eksCluster,
  aws_eks_node_group: eksNodeGroup,
  aws_eks_addon: () => skip('cluster add-on: keeps the cluster running, not a component of the design'),
  helm_release: helmRelease,
  aws_db_instance: dbInstance,
  aws_rds_cluster: rdsCluster,
  aws_rds_cluster_instance: rdsClusterInstance,
  aws_db_subnet_group: () => read('network: the zones its databases may use'),
  aws_db_parameter_group: () => skip('database settings: no effect on availability the design models'),
  aws_rds_cluster_parameter_group: () => skip('database settings: no effect on availability the design models'),
  aws_elasticache_replication_group: cacheReplicationGroup,
  aws_elasticache_cluster: cacheCluster,
  aws_elasticache_subnet_group: () => read('network: the zones its caches may use'),
  aws_elasticache_parameter_group: () => skip('cache settings: no effect on availability the design models'),
  aws_sqs_queue: sqsQueue,
  aws_sqs_queue_policy: owned(['queue_url'], 'queue policy'),
  aws_sqs_queue_redrive_policy: (r, context) =>
    part(context.refsOf(r, 'queue_url').map((q) => q.address), 'dead-letter policy', (draft) => {
      const policy = redrive(r.attributes.redrive_policy);
      patchProps(draft, 'queue', { deadLetter: true, ...(policy?.maxReceiveCount !== undefined ? { maxReceiveCount: policy.maxReceiveCount } : {}) });
    }),
  aws_sns_topic: snsTopic,
  aws_sns_topic_policy: owned(['arn'], 'topic policy'),
  aws_s3_bucket: s3Bucket,
  aws_s3_bucket_versioning: bucketPart('versioning', (r, draft) => {
    const status = str(block(r.attributes.versioning_configuration)?.status);
    if (status) patchProps(draft, 'object-storage', { versioning: status === 'Enabled' });
  }),
  aws_s3_bucket_object_lock_configuration: bucketPart('object lock', (_r, draft) => patchProps(draft, 'object-storage', { objectLock: true })),
  aws_s3_bucket_replication_configuration: bucketPart('replication (wired to its destination)'),
  aws_s3_bucket_public_access_block: bucketPart('public access block'),
  aws_s3_bucket_server_side_encryption_configuration: bucketPart('encryption'),
  aws_s3_bucket_lifecycle_configuration: bucketPart('lifecycle rules'),
  aws_s3_bucket_policy: bucketPart('bucket policy'),
  aws_s3_bucket_ownership_controls: bucketPart('ownership controls'),
  aws_s3_bucket_acl: bucketPart('access control list'),
  aws_s3_bucket_logging: bucketPart('access logging'),
  aws_s3_bucket_cors_configuration: bucketPart('CORS rules'),
  aws_s3_bucket_website_configuration: bucketPart('website hosting'),
  aws_s3_bucket_notification: bucketPart('event notifications'),
  aws_s3_bucket_intelligent_tiering_configuration: bucketPart('storage tiering'),
  aws_cloudfront_distribution: cloudfront,
  aws_cloudfront_origin_access_control: () => read('how CloudFront reaches its S3 origins'),
  aws_cloudfront_origin_access_identity: () => read('how CloudFront reaches its S3 origins'),
  aws_cloudfront_cache_policy: () => read('CloudFront caching'),
  aws_cloudfront_origin_request_policy: () => read('CloudFront caching'),
  aws_cloudfront_response_headers_policy: () => read('CloudFront headers'),
  aws_cloudfront_function: () => read('CloudFront edge code'),
  aws_wafv2_web_acl: wafAcl,
  aws_waf_web_acl: () => component('waf', { global: true, props: { managedRules: false } }),
  aws_wafregional_web_acl: () => component('waf', { props: { managedRules: false } }),
  aws_wafv2_ip_set: () => read('addresses a web ACL allows or blocks'),
  aws_wafv2_rule_group: () => read('rules of a web ACL'),
  aws_route53_zone: route53,
  aws_route53_record: route53,
  aws_route53_health_check: route53,
  aws_acm_certificate: () => skip('a certificate: renewal is managed by ACM; not a component'),
  aws_acm_certificate_validation: () => skip('certificate validation'),
  aws_cognito_user_pool: cognito,
  aws_cognito_user_pool_client: owned(['user_pool_id'], 'app client'),
  aws_cognito_user_pool_domain: owned(['user_pool_id'], 'hosted sign-in domain'),
  aws_cognito_identity_pool: () => read('federated identities of the user pool'),
  aws_cognito_identity_provider: owned(['user_pool_id'], 'federated sign-in'),
  aws_secretsmanager_secret: secret,
  aws_secretsmanager_secret_version: owned(['secret_id'], 'secret value'),
  aws_secretsmanager_secret_rotation: owned(['secret_id'], 'rotation'),
  aws_secretsmanager_secret_policy: owned(['secret_arn'], 'secret policy'),
  aws_kms_key: kmsKey,
  aws_kms_replica_key: (r, context) =>
    part(context.refsOf(r, 'primary_key_arn').map((k) => k.address), 'replica key', (draft) => patchProps(draft, 'key-management', { multiRegionKeys: true })),
  aws_kms_alias: owned(['target_key_id'], 'key alias'),
  aws_kms_key_policy: owned(['key_id'], 'key policy'),
  aws_backup_vault: backupVault,
  aws_backup_vault_lock_configuration: (r, context) =>
    part(context.refsOf(r, 'backup_vault_name').map((v) => v.address), 'vault lock', (draft) => patchProps(draft, 'backup-vault', { vaultLock: true })),
  aws_backup_vault_policy: owned(['backup_vault_name'], 'vault policy'),
  aws_backup_plan: backupPlan,
  aws_scheduler_schedule: schedulerSchedule,
  aws_scheduler_schedule_group: () => read('groups schedules'),
  aws_cloudwatch_event_rule: eventRule,
  aws_api_gateway_rest_api: apiGateway,
  aws_apigatewayv2_api: apiGateway,
  aws_api_gateway_stage: owned(['rest_api_id'], 'stage'),
  aws_apigatewayv2_stage: owned(['api_id'], 'stage'),
  aws_api_gateway_deployment: owned(['rest_api_id'], 'deployment'),
  aws_apigatewayv2_integration: owned(['api_id'], 'integration'),
  aws_apigatewayv2_route: owned(['api_id'], 'route'),
  aws_redshift_cluster: redshift,
  aws_redshiftserverless_workgroup: () => component('data-warehouse', { props: {} }),
  aws_cloudwatch_metric_alarm: observability,
  aws_cloudwatch_composite_alarm: observability,
  aws_cloudwatch_dashboard: observability,
  aws_synthetics_canary: observability,
  aws_cloudwatch_log_group: logGroup,
  aws_iam_role: () => skip('IAM: permissions are not modelled in the design'),
  aws_iam_policy: () => skip('IAM: permissions are not modelled in the design'),
  aws_iam_role_policy: () => skip('IAM: permissions are not modelled in the design'),
  aws_iam_role_policy_attachment: () => skip('IAM: permissions are not modelled in the design'),
  aws_iam_instance_profile: () => skip('IAM: permissions are not modelled in the design'),
  aws_iam_policy_document: () => skip('IAM: permissions are not modelled in the design'),
  aws_lambda_function: () => skip('no kind for functions yet: Lambda is not part of the catalog'),
  aws_lambda_permission: () => skip('no kind for functions yet: Lambda is not part of the catalog'),
  aws_ecr_repository: () => skip('a container registry: images are pulled at deploy and scale-out time; not a component of the design'),
  aws_ecr_lifecycle_policy: () => skip('a container registry policy'),
};
