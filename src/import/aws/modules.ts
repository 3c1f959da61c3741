import { isObject, type Value, type ValueObject } from '../hcl/evaluate';
import type { TfModuleCall, TfResource } from '../terraform/types';
import type { NotImported } from '../types';
import { bool, num, regionRef, regionOfArn, str, strings, type ComponentInput, type Draft, type DraftSink, type ImportContext } from './context';
import type { KindId } from '../../catalog';

/**
 * The terraform-aws-modules modules teams use most, read through their inputs (their code is in
 * the registry, not in the configuration). Each reader knows the module's input names and
 * defaults (as of vpc 5, alb 9, ecs 5, eks 20, rds 6, rds-aurora 9, elasticache 1, s3-bucket 4,
 * cloudfront 3) and what its outputs are, so resources that use `module.vpc.private_subnets`
 * are placed in the module's zones.
 */

interface ModuleReading {
  /** The components the module creates. */
  readonly components: { readonly kind: KindId; readonly input: ComponentInput<KindId>; readonly key?: string; readonly inputs?: string }[];
  /** What it is read for, when it creates no component (a VPC without NAT gateways, an EKS cluster). */
  readonly purpose?: string;
}

type ModuleReader = (call: TfModuleCall, context: ImportContext, pseudo: TfResource) => ModuleReading;

const obj = (value: Value | undefined): ValueObject => (isObject(value ?? null) ? (value as ValueObject) : {});
const entries = (value: Value | undefined): [string, ValueObject][] => Object.entries(obj(value)).map(([key, item]) => [key, obj(item)]);

function vpc(call: TfModuleCall, context: ImportContext): ModuleReading {
  const azs = strings(call.inputs.azs);
  // The module puts subnet i of each list in azs[i]; subnet groups span their list's zones.
  context.moduleOutputZones.set(`${call.address}:azs`, azs);
  for (const list of ['private', 'public', 'database', 'elasticache', 'intra', 'redshift']) {
    const zones = azs.slice(0, strings(call.inputs[`${list}_subnets`]).length);
    for (const output of [`${list}_subnets`, `${list}_subnet_group`, `${list}_subnet_group_name`]) context.moduleOutputZones.set(`${call.address}:${output}`, zones);
  }
  if (azs.length === 0) context.infer(call.address, 'zones', 'the VPC module\'s azs are not known before plan: resources in its subnets get the region\'s first zone');
  if (bool(call.inputs.enable_nat_gateway) !== true) return { components: [], purpose: 'network: placement in regions and zones (no NAT gateways)' };
  const single = bool(call.inputs.single_nat_gateway) === true;
  const perAz = bool(call.inputs.one_nat_gateway_per_az) === true;
  const privateCount = strings(call.inputs.private_subnets).length;
  const zones = single ? azs.slice(0, 1) : perAz ? azs : azs.slice(0, Math.max(1, Math.min(azs.length, privateCount || azs.length)));
  context.infer(call.address, 'zones', single ? 'single_nat_gateway: one NAT gateway, in the first zone' : perAz ? 'one_nat_gateway_per_az: a NAT gateway in every zone' : 'enable_nat_gateway without single_nat_gateway: the module makes one per private subnet, one per zone here');
  return { components: [{ kind: 'nat-gateway', input: { zones, replicas: zones.length, name: 'NAT gateways', idHint: 'nat' } }], purpose: 'network: placement in regions and zones' };
}

function alb(call: TfModuleCall, context: ImportContext, pseudo: TfResource): ModuleReading {
  const type = str(call.inputs.load_balancer_type) === 'network' ? 'network' : 'application';
  const internal = bool(call.inputs.internal) === true;
  const groups = entries(call.inputs.target_groups);
  const path = groups.map(([, group]) => str(obj(group.health_check).path)).find((p) => p !== undefined);
  return {
    components: [
      {
        kind: 'load-balancer',
        input: {
          zones: context.zonesOf(pseudo, 'subnets'),
          props: { type, scheme: internal ? 'internal' : 'internet-facing', ...(path ? { healthCheckPath: path, healthChecks: true } : {}) },
          idHint: call.address.split('.').pop(),
        },
      },
    ],
  };
}

/** One ECS service of the ecs module (root `services` map) or its `//modules/service` submodule. */
function ecsService(name: string, service: ValueObject, call: TfModuleCall, context: ImportContext, pseudo: TfResource, key: string): ModuleReading['components'][number] {
  const fronted = Object.keys(obj(service.load_balancer)).length > 0 || (call.refs.get(`${key}load_balancer`)?.size ?? 0) > 0;
  const autoscaling = bool(service.enable_autoscaling) !== false;
  const min = num(service.autoscaling_min_capacity) ?? 1;
  const max = num(service.autoscaling_max_capacity) ?? 10;
  const cpu = num(service.cpu) ?? 1024;
  const memory = num(service.memory) ?? 2048;
  const replicas = num(service.desired_count) ?? 1;
  const zones = context.zonesOf(pseudo, `${key}subnet_ids`);
  const props = {
    runtime: 'containers',
    healthChecks: fronted,
    vcpu: cpu / 1024,
    memoryGb: memory / 1024,
    ...(autoscaling ? { autoscaling: { enabled: true, min, max } } : {}),
  } as const;
  if (autoscaling && service.enable_autoscaling === undefined) context.infer(`${call.address}`, 'props', `service ${name}: the module turns autoscaling on by default (${min} to ${max} tasks)`);
  const { healthChecks, ...rest } = props;
  return { kind: fronted ? 'app-service' : 'worker-pool', key: name, inputs: key.replace(/\.$/, '') || undefined, input: { zones, replicas, props: fronted ? { ...rest, healthChecks } : rest, idHint: name } };
}

function ecs(call: TfModuleCall, context: ImportContext, pseudo: TfResource, submodule: string): ModuleReading {
  if (submodule.includes('service')) {
    return { components: [ecsService(str(call.inputs.name) ?? call.address.split('.').pop()!, call.inputs, call, context, pseudo, '')] };
  }
  const services = entries(call.inputs.services);
  if (services.length === 0) return { components: [], purpose: 'the ECS cluster its services run in' };
  return { components: services.map(([name, service]) => ecsService(name, service, call, context, pseudo, `services.${name}.`)) };
}

function eks(call: TfModuleCall, context: ImportContext, pseudo: TfResource): ModuleReading {
  const location = typeof call.provider?.region === 'string' ? call.provider.region : undefined;
  const zones = context.zonesOf(pseudo, 'subnet_ids');
  for (const [name] of entries(call.inputs.eks_managed_node_groups)) zones.push(...context.zonesOf(pseudo, `eks_managed_node_groups.${name}.subnet_ids`).filter((zone) => !zones.includes(zone)));
  if (location) context.clusterZones.set(location, zones);
  return { components: [], purpose: 'the Kubernetes cluster its node groups and Helm releases run on' };
}

function rdsBackup(inputs: ValueObject): Record<string, unknown> {
  const retention = num(inputs.backup_retention_period);
  if (retention === undefined) return {};
  return { backup: retention > 0 ? { enabled: true, pitr: true, retentionDays: retention } : { enabled: false } };
}

const ENGINES: Record<string, 'postgres' | 'mysql' | 'aurora-postgresql' | 'aurora-mysql' | 'sqlserver'> = { postgres: 'postgres', mysql: 'mysql', mariadb: 'mysql', 'aurora-postgresql': 'aurora-postgresql', 'aurora-mysql': 'aurora-mysql', 'sqlserver-se': 'sqlserver', 'sqlserver-ee': 'sqlserver' };

function rds(call: TfModuleCall, context: ImportContext, pseudo: TfResource): ModuleReading {
  const engine = ENGINES[str(call.inputs.engine) ?? ''];
  const multiAz = bool(call.inputs.multi_az) === true;
  const zone = str(call.inputs.availability_zone);
  const subnetZones = [...context.zonesOf(pseudo, 'subnet_ids'), ...context.zonesOf(pseudo, 'db_subnet_group_name')];
  const zones = zone ? [zone] : subnetZones.slice(0, multiAz ? 2 : 1);
  if (!zone && zones.length > 0) context.infer(call.address, 'zones', multiAz ? 'Multi-AZ: the primary and its standby in the first two zones of its subnets' : 'no availability_zone: the first zone of its subnets');
  const replicaSource = str(call.inputs.replicate_source_db) !== undefined || (call.refs.get('replicate_source_db')?.size ?? 0) > 0;
  if (replicaSource) context.infer(call.address, 'connection', 'a replica of another database (replicate_source_db): imported as its own database with a replication connection');
  return {
    components: [
      {
        kind: 'relational-db',
        input: {
          zones,
          props: {
            ...(engine ? { engine } : {}),
            ha: multiAz ? 'multi-az' : 'single',
            ...(str(call.inputs.instance_class) ? { size: str(call.inputs.instance_class) } : {}),
            ...(num(call.inputs.allocated_storage) !== undefined ? { storageGb: num(call.inputs.allocated_storage) } : {}),
            ...(bool(call.inputs.deletion_protection) !== undefined ? { deletionProtection: bool(call.inputs.deletion_protection) } : {}),
            ...rdsBackup(call.inputs),
          },
          idHint: call.address.split('.').pop(),
        },
      },
    ],
  };
}

function rdsAurora(call: TfModuleCall, context: ImportContext, pseudo: TfResource): ModuleReading {
  const engine = ENGINES[str(call.inputs.engine) ?? ''] ?? 'aurora-postgresql';
  const instances = Object.keys(obj(call.inputs.instances)).length || (num(call.inputs.replica_count) ?? 0) + 1;
  const zones = [...context.zonesOf(pseudo, 'subnets'), ...context.zonesOf(pseudo, 'db_subnet_group_name'), ...strings(call.inputs.availability_zones)].slice(0, Math.max(1, instances));
  context.infer(call.address, 'replicas', `${instances} Aurora instance(s): ${instances >= 2 ? 'a writer and readers that take over (ha: cluster)' : 'a writer only'}`);
  return {
    components: [
      {
        kind: 'relational-db',
        input: {
          zones: [...new Set(zones)],
          props: {
            engine,
            ha: instances >= 2 ? 'cluster' : 'single',
            readReplicas: Math.max(0, instances - 2),
            ...(str(call.inputs.instance_class) ? { size: str(call.inputs.instance_class) } : {}),
            ...(bool(call.inputs.deletion_protection) !== undefined ? { deletionProtection: bool(call.inputs.deletion_protection) } : {}),
            ...rdsBackup(call.inputs),
          },
          idHint: call.address.split('.').pop(),
        },
      },
    ],
  };
}

function elasticache(call: TfModuleCall, context: ImportContext, pseudo: TfResource): ModuleReading {
  const engine = str(call.inputs.engine) === 'memcached' ? 'memcached' : str(call.inputs.engine) === 'valkey' ? 'valkey' : 'redis';
  const nodes = num(call.inputs.num_cache_clusters) ?? num(call.inputs.num_cache_nodes) ?? 1;
  const failover = bool(call.inputs.automatic_failover_enabled) ?? nodes >= 2;
  const snapshots = num(call.inputs.snapshot_retention_limit);
  const zones = strings(call.inputs.preferred_cache_cluster_azs);
  const placed = zones.length > 0 ? zones : context.zonesOf(pseudo, 'subnet_ids', 'subnet_group_name').slice(0, nodes);
  return {
    components: [
      {
        kind: 'cache',
        input: {
          zones: placed,
          replicas: nodes,
          props: {
            engine,
            automaticFailover: failover,
            ...(str(call.inputs.node_type) ? { size: str(call.inputs.node_type) } : {}),
            ...(snapshots !== undefined ? { persistence: snapshots > 0 ? 'snapshot' : 'none' } : {}),
          },
          idHint: call.address.split('.').pop(),
        },
      },
    ],
  };
}

function s3Bucket(call: TfModuleCall, context: ImportContext): ModuleReading {
  const versioning = obj(call.inputs.versioning);
  const enabled = bool(versioning.enabled) ?? (str(versioning.status) === 'Enabled' ? true : undefined);
  const rules = obj(call.inputs.replication_configuration).rules;
  const destinations = (Array.isArray(rules) ? rules : Object.values(obj(rules))).map((rule) => str(obj(obj(rule as Value).destination).bucket)).filter((arn): arn is string => arn !== undefined);
  const destination = destinations[0] ? regionOfArn(destinations[0]) : undefined;
  const timeControlled = (Array.isArray(rules) ? rules : Object.values(obj(rules))).some((rule) => str(obj(obj(obj(rule as Value).destination).replication_time).status) === 'Enabled');
  if (destinations.length > 0) context.infer(call.address, 'connection', 'replication to another bucket: its region comes from the destination, when the configuration names it');
  return {
    components: [
      {
        kind: 'object-storage',
        input: {
          props: {
            ...(enabled !== undefined ? { versioning: enabled } : {}),
            objectLock: bool(call.inputs.object_lock_enabled) === true,
            ...(destination ? { replicateToRegion: regionRef(destination) } : {}),
            ...(timeControlled ? { replicationTimeControl: true } : {}),
          },
          idHint: call.address.split('.').pop(),
        },
      },
    ],
  };
}

function cloudfront(call: TfModuleCall): ModuleReading {
  return {
    components: [{ kind: 'cdn', input: { global: true, props: { originFailover: Object.keys(obj(call.inputs.origin_group)).length > 0 }, idHint: call.address.split('.').pop() } }],
  };
}

function sqs(call: TfModuleCall): ModuleReading {
  const retention = num(call.inputs.message_retention_seconds);
  return {
    components: [
      {
        kind: 'queue',
        input: {
          props: {
            fifo: bool(call.inputs.fifo_queue) === true,
            deadLetter: bool(call.inputs.create_dlq) === true || call.inputs.redrive_policy !== undefined,
            ...(retention !== undefined ? { retentionDays: Math.min(14, Math.max(1, Math.round(retention / 86400))) } : {}),
          },
          idHint: call.address.split('.').pop(),
        },
      },
    ],
  };
}

function autoscaling(call: TfModuleCall, context: ImportContext, pseudo: TfResource): ModuleReading {
  const min = num(call.inputs.min_size);
  const max = num(call.inputs.max_size);
  const fronted = (call.refs.get('target_group_arns')?.size ?? 0) > 0 || strings(call.inputs.target_group_arns).length > 0;
  const props = {
    runtime: 'vm',
    ...(str(call.inputs.instance_type) ? { size: str(call.inputs.instance_type) } : {}),
    ...(min !== undefined && max !== undefined && max > min ? { autoscaling: { enabled: true, min, max } } : {}),
  } as const;
  return {
    components: [{ kind: fronted ? 'app-service' : 'worker-pool', input: { zones: context.zonesOf(pseudo, 'vpc_zone_identifier'), replicas: num(call.inputs.desired_capacity) ?? min, props, idHint: call.address.split('.').pop() } }],
  };
}

/** Module name in terraform-aws-modules -> its reader. */
export const AWS_MODULES: Readonly<Record<string, ModuleReader>> = {
  vpc: (call, context) => vpc(call, context),
  alb,
  ecs: (call, context, pseudo) => ecs(call, context, pseudo, ''),
  eks,
  rds,
  'rds-aurora': rdsAurora,
  elasticache,
  's3-bucket': (call, context) => s3Bucket(call, context),
  cloudfront: (call) => cloudfront(call),
  sqs: (call) => sqs(call),
  autoscaling,
};

/** `terraform-aws-modules/ecs/aws//modules/service` -> `{ name: 'ecs', submodule: 'modules/service' }`. */
export function moduleSourceName(source: string): { name: string; submodule: string } | undefined {
  const registry = /(?:^|\/)terraform-aws-modules\/([a-z0-9-]+)\/aws(?:\/\/(.*))?$/.exec(source.replace(/\?.*$/, ''));
  if (registry) return { name: registry[1]!, submodule: registry[2] ?? '' };
  const git = /terraform-aws-modules\/terraform-aws-([a-z0-9-]+?)(?:\.git)?(?:\/\/([^?]*))?(?:\?.*)?$/.exec(source);
  if (git) return { name: git[1]!, submodule: git[2] ?? '' };
  return undefined;
}

/** A module call as a resource-like record, so it is placed and named like one. */
function pseudoResource(call: TfModuleCall): TfResource {
  const segments = call.address.split('.');
  return {
    address: call.address,
    base: call.address,
    mode: 'managed',
    type: 'module',
    name: segments[segments.length - 1]!,
    module: segments.slice(0, -2).join('.'),
    provider: call.provider,
    attributes: call.inputs,
    refs: call.refs,
    file: call.file,
  };
}

/** Reads one call of a registry module, adding its components; a module nobody reads is listed as not imported. */
export function importModuleCall(
  call: TfModuleCall,
  context: ImportContext,
  drafts: DraftSink,
  read: { address: string; purpose: string }[],
  notImported: NotImported[],
): void {
  const source = moduleSourceName(call.source);
  const reader = source ? (source.name === 'ecs' ? (c: TfModuleCall, ctx: ImportContext, p: TfResource) => ecs(c, ctx, p, source.submodule) : AWS_MODULES[source.name]) : undefined;
  if (!reader) {
    notImported.push({ address: call.address, type: 'module', reason: `module "${call.source}" is not in the input and not one the importer reads through its inputs` });
    return;
  }
  const pseudo = pseudoResource(call);
  const reading = reader(call, context, pseudo);
  const made: Draft[] = [];
  for (const entry of reading.components) {
    const draft = drafts.add({ ...pseudo, address: entry.key ? `${call.address}["${entry.key}"]` : call.address }, entry.kind, entry.input);
    made.push(draft);
    if (entry.inputs) context.moduleDraftInputs.set(draft, entry.inputs);
  }
  context.moduleDrafts.set(call.address, made);
  if (made.length === 0) read.push({ address: call.address, purpose: reading.purpose ?? 'read through its inputs' });
  context.infer(call.address, 'component', `module ${call.source}${call.version ? ` (${call.version})` : ''} read through its inputs: ${made.length > 0 ? made.map((draft) => draft.kind).join(', ') : reading.purpose ?? 'no component'}`);
}
