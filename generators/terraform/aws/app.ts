import type { Region } from '../../../src/model';
import { sourcesOf, targetsOf, usedZones, type ComponentFacts } from '../../design-facts';
import type { Member } from '../../roles';
import type { TerraformBuilder } from './builder';
import { attr, block, call, comment, identifier, list, nested, object, raw, template, type BodyItem, type Expr, type RawExpr } from '../hcl';
import { securityGroup, subnetIds, vpcId } from './network';
import type { AwsRoles } from './registry';

type Workload = Member<AwsRoles['workload']>;

/** Components that run in the region's Kubernetes cluster (and so need one). */
export function onKubernetes(c: ComponentFacts): boolean {
  return c.traits.runtime === 'kubernetes' && c.region !== undefined;
}

/** The security group that traffic from `c` comes from, when it has one in the generated network. */
export function groupOf(b: TerraformBuilder, c: ComponentFacts): RawExpr | undefined {
  if (!c.region) return undefined;
  if (onKubernetes(c)) return raw(`aws_eks_cluster.${b.label('aws_eks_cluster', c.region.id)}.vpc_config[0].cluster_security_group_id`);
  if (b.roles.is(c, 'load-balancer') || b.roles.is(c, 'workload')) return b.ref('aws_security_group', c.id, 'id');
  return undefined;
}

export function sourceGroups(b: TerraformBuilder, c: ComponentFacts): { id: string; group: RawExpr }[] {
  const seen = new Set<string>();
  const out: { id: string; group: RawExpr }[] = [];
  for (const source of sourcesOf(b.facts, c.id, 'sync')) {
    if (source.region?.id !== c.region?.id) continue;
    const group = groupOf(b, source);
    if (!group || seen.has(group.code)) continue;
    seen.add(group.code);
    out.push({ id: source.id, group });
  }
  return out;
}

export function appPort(b: TerraformBuilder): RawExpr {
  return b.variable('app_port', { description: 'Port the application containers listen on.', type: 'number', default: 8080 });
}

/** The smallest valid Fargate CPU/memory pair that holds what the design asks of each task. */
export function fargateSize(vcpu: number, memoryGb: number): { cpu: number; memory: number } {
  const table: [number, number, number, number][] = [
    [256, 512, 2048, 512],
    [512, 1024, 4096, 1024],
    [1024, 2048, 8192, 1024],
    [2048, 4096, 16384, 1024],
    [4096, 8192, 30720, 1024],
    [8192, 16384, 61440, 4096],
    [16384, 32768, 122880, 8192],
  ];
  const wantedCpu = Math.ceil(vcpu * 1024);
  const wantedMemory = Math.ceil(memoryGb * 1024);
  for (const [cpu, min, max, step] of table) {
    if (cpu < wantedCpu || max < wantedMemory) continue;
    const memory = Math.max(min, Math.ceil(wantedMemory / step) * step);
    return { cpu, memory: Math.min(memory, max) };
  }
  return { cpu: 16384, memory: 122880 };
}

/** Targets a load balancer sends traffic to: the health-checked, deployable components it connects to. */
function lbTargets(b: TerraformBuilder, lb: ComponentFacts): ComponentFacts[] {
  return targetsOf(b.facts, lb.id, 'sync').filter((t) => t.region?.id === lb.region?.id && t.kind.capabilities.healthChecked && t.kind.capabilities.deployable);
}

/** The load balancers in front of a workload. */
function lbsInFront(b: TerraformBuilder, c: ComponentFacts): ComponentFacts[] {
  return sourcesOf(b.facts, c.id, 'sync').filter((source) => b.roles.is(source, 'load-balancer') && source.region?.id === c.region?.id);
}

const rollbackCache = new WeakMap<TerraformBuilder, boolean>();
/** Whether the design's pipeline rolls back on failure (asked once per export). */
function rollbackOnFailure(b: TerraformBuilder): boolean {
  let rollback = rollbackCache.get(b);
  if (rollback === undefined) {
    rollback = b.facts.components.some((c) => c.traits.foundation?.role === 'delivery' && c.traits.foundation.automatedRollback);
    rollbackCache.set(b, rollback);
  }
  return rollback;
}

function generateLoadBalancer(b: TerraformBuilder, { c: lb, spec }: Member<AwsRoles['load-balancer']>, region: Region): void {
  const provider = b.provider(region);
  const network = spec.type === 'network';
  const internal = spec.scheme === 'internal';
  const targets = lbTargets(b, lb);
  const group = securityGroup(b, lb, region, 443, internal ? sourceGroups(b, lb) : [], !internal);
  const certificate = () => b.variable(`${identifier(region.id)}_certificate_arn`, {
    description: `ARN of the ACM certificate for the platform's domain in region ${region.id} (${region.location}), for the HTTPS listeners.`,
    type: 'string',
  });
  b.add('app.tf', comment(`Load balancer ${lb.id}: ${network ? 'network (TCP)' : 'application (HTTP)'}, ${internal ? 'internal' : 'internet-facing'}, in zones ${lb.zones.join(', ')}.`));
  b.add(
    'app.tf',
    block('resource', ['aws_lb', b.label('aws_lb', lb.id)], [
      attr('provider', provider),
      attr('name', call('substr', b.name(lb.id), 0, 32)),
      attr('load_balancer_type', network ? 'network' : 'application'),
      attr('internal', internal),
      lb.zones.length < 2 && comment('The design places this load balancer in one zone; AWS requires subnets in two, so it gets a second.'),
      attr('subnets', subnetIds(b, region, internal ? 'private' : 'public', lb.zones, 2)),
      attr('security_groups', list([group])),
      attr('enable_deletion_protection', true),
      !network && attr('drop_invalid_header_fields', true),
      attr('enable_cross_zone_load_balancing', true),
      b.tags(lb),
    ]),
  );
  const healthChecks = spec.healthChecks;
  const path = spec.healthCheckPath;
  const first = targets[0];
  for (const target of targets) {
    const kubernetes = onKubernetes(target);
    const viaIngress = b.roles.is(target, 'ingress-controller');
    // Traefik's chart listens on 8000 (web) and 8443 (websecure) inside the pod.
    const port = viaIngress ? (network ? 8443 : 8000) : network ? 443 : appPort(b);
    b.add(
      'app.tf',
      block('resource', ['aws_lb_target_group', b.label('aws_lb_target_group', `${lb.id}-${target.id}`)], [
        attr('provider', provider),
        attr('name', call('substr', b.name(target.id), 0, 32)),
        attr('vpc_id', vpcId(b, region)),
        attr('target_type', b.roles.spec(target, 'workload')?.runtime === 'vm' ? 'instance' : 'ip'),
        attr('port', port),
        attr('protocol', network ? 'TCP' : 'HTTP'),
        attr('deregistration_delay', 30),
        !healthChecks && comment('The design turns health checks off here; AWS always checks target health, so these settings still apply. Review them.'),
        nested(
          'health_check',
          network
            ? [attr('enabled', true), attr('protocol', 'TCP'), attr('healthy_threshold', 2), attr('unhealthy_threshold', 2), attr('interval', 10)]
            : [
                attr('enabled', true),
                attr('path', path),
                attr('matcher', '200-399'),
                attr('interval', 15),
                attr('timeout', 5),
                attr('healthy_threshold', 2),
                attr('unhealthy_threshold', 3),
              ],
        ),
        b.tags(target, `${lb.name} to ${target.name}`),
      ]),
    );
    if (kubernetes) {
      b.add(
        'network.tf',
        block('resource', ['aws_vpc_security_group_ingress_rule', b.label('aws_vpc_security_group_ingress_rule', `${target.id}-from-${lb.id}`)], [
          attr('provider', provider),
          attr('security_group_id', groupOf(b, target)!),
          attr('description', `From ${lb.id} to the pods of ${target.id}`),
          attr('referenced_security_group_id', group),
          attr('ip_protocol', 'tcp'),
          attr('from_port', port),
          attr('to_port', port),
        ]),
      );
      b.fillIns.push(`Register the pods of \`${target.id}\` with target group \`aws_lb_target_group.${b.label('aws_lb_target_group', `${lb.id}-${target.id}`)}\` (AWS Load Balancer Controller TargetGroupBinding).`);
    }
  }
  if (!first) {
    b.add('app.tf', comment(`Load balancer ${lb.id} connects to no deployable service in the design: its listener answers 503 until you add one.`));
  }
  const forward: BodyItem[] = first
    ? [attr('type', 'forward'), attr('target_group_arn', b.ref('aws_lb_target_group', `${lb.id}-${first.id}`, 'arn'))]
    : [
        attr('type', 'fixed-response'),
        nested('fixed_response', [attr('content_type', 'text/plain'), attr('status_code', '503'), attr('message_body', 'No service behind this load balancer yet')]),
      ];
  if (network && !first) {
    b.add('app.tf', comment(`Network load balancer ${lb.id} has no target in the design, so it has no listener yet.`));
  } else if (network) {
    b.add(
      'app.tf',
      block('resource', ['aws_lb_listener', b.label('aws_lb_listener', `${lb.id}-tcp`)], [
        attr('provider', provider),
        attr('load_balancer_arn', b.ref('aws_lb', lb.id, 'arn')),
        attr('port', 443),
        attr('protocol', 'TCP'),
        nested('default_action', forward),
      ]),
    );
  } else {
    b.add(
      'app.tf',
      block('resource', ['aws_lb_listener', b.label('aws_lb_listener', `${lb.id}-https`)], [
        attr('provider', provider),
        attr('load_balancer_arn', b.ref('aws_lb', lb.id, 'arn')),
        attr('port', 443),
        attr('protocol', 'HTTPS'),
        attr('ssl_policy', 'ELBSecurityPolicy-TLS13-1-2-2021-06'),
        attr('certificate_arn', certificate()),
        nested('default_action', forward),
        targets.length > 1 && comment(`Also behind this load balancer: ${targets.slice(1).map((t) => t.id).join(', ')}. Add listener rules (host or path) to route to them.`),
      ]),
      block('resource', ['aws_lb_listener', b.label('aws_lb_listener', `${lb.id}-http`)], [
        attr('provider', provider),
        attr('load_balancer_arn', b.ref('aws_lb', lb.id, 'arn')),
        attr('port', 80),
        attr('protocol', 'HTTP'),
        nested('default_action', [
          attr('type', 'redirect'),
          nested('redirect', [attr('protocol', 'HTTPS'), attr('port', '443'), attr('status_code', 'HTTP_301')]),
        ]),
      ]),
    );
  }
  b.output(`${identifier(lb.id)}_dns_name`, `DNS name of load balancer ${lb.id}`, b.ref('aws_lb', lb.id, 'dns_name'));
}

function generateEcsCluster(b: TerraformBuilder, region: Region): void {
  b.add(
    'app.tf',
    block('resource', ['aws_ecs_cluster', b.label('aws_ecs_cluster', region.id)], [
      attr('provider', b.provider(region)),
      attr('name', b.name(region.id)),
      nested('setting', [attr('name', 'containerInsights'), attr('value', 'enabled')]),
      b.tags(undefined, `${b.facts.slug} ${region.id}`),
    ]),
  );
}

function autoscalingRange({ c, spec }: Workload): { min: number; max: number } | undefined {
  const group = spec.autoscaling;
  if (!group.enabled) return undefined;
  const min = group.min ?? c.replicas;
  const max = group.max ?? Math.max(min, c.replicas) * 3;
  return { min, max: Math.max(min, max) };
}

function generateEcsService(b: TerraformBuilder, workload: Workload, region: Region): void {
  const { c, spec } = workload;
  const provider = b.provider(region);
  const { cpu, memory } = fargateSize(spec.vcpu, spec.memoryGb);
  const fronts = lbsInFront(b, c);
  const serves = fronts.length > 0;
  const group = securityGroup(
    b,
    c,
    region,
    appPort(b),
    fronts.map((lb) => ({ id: lb.id, group: b.ref('aws_security_group', lb.id, 'id') })),
  );
  const image = b.variable(`${identifier(c.id)}_image`, { description: `Container image of ${c.id}, pinned by digest or immutable tag.`, type: 'string' });
  const executionRole = b.variable('ecs_task_execution_role_arn', {
    description: 'ARN of the ECS task execution role (pulls images, writes logs); from your account baseline.',
    type: 'string',
  });
  const logRetention = b.variable('log_retention_days', { description: 'Days application logs are kept in CloudWatch Logs.', type: 'number', default: logRetentionDefault(b) });
  const container: [string, Expr][] = [
    ['name', c.id],
    ['image', image],
    ['essential', true],
  ];
  if (serves) container.push(['portMappings', list([object([['containerPort', appPort(b)], ['protocol', 'tcp']])])]);
  container.push([
    'logConfiguration',
    object([
      ['logDriver', 'awslogs'],
      [
        'options',
        object([
          ['awslogs-group', b.ref('aws_cloudwatch_log_group', c.id, 'name')],
          ['awslogs-region', region.location],
          ['awslogs-stream-prefix', c.id],
        ]),
      ],
    ]),
  ]);
  b.add('app.tf', comment(`${c.kind.title} ${c.id}: ${c.replicas} task(s) on Fargate across zones ${c.zones.join(', ')}.`));
  b.add(
    'app.tf',
    block('resource', ['aws_cloudwatch_log_group', b.label('aws_cloudwatch_log_group', c.id)], [
      attr('provider', provider),
      attr('name', template('/ninesmith/', raw('var.name_prefix'), `/${c.id}`)),
      attr('retention_in_days', logRetention),
      b.tags(c),
    ]),
    block('resource', ['aws_ecs_task_definition', b.label('aws_ecs_task_definition', c.id)], [
      attr('provider', provider),
      attr('family', b.name(c.id)),
      attr('requires_compatibilities', list(['FARGATE'])),
      attr('network_mode', 'awsvpc'),
      attr('cpu', String(cpu)),
      attr('memory', String(memory)),
      attr('execution_role_arn', executionRole),
      attr('container_definitions', call('jsonencode', list([object(container)]))),
      b.tags(c),
    ]),
  );
  const scaling = autoscalingRange(workload);
  b.add(
    'app.tf',
    block('resource', ['aws_ecs_service', b.label('aws_ecs_service', c.id)], [
      attr('provider', provider),
      attr('name', c.id),
      attr('cluster', b.ref('aws_ecs_cluster', region.id, 'id')),
      attr('task_definition', b.ref('aws_ecs_task_definition', c.id, 'arn')),
      attr('desired_count', c.replicas),
      attr('launch_type', 'FARGATE'),
      attr('deployment_minimum_healthy_percent', 100),
      attr('deployment_maximum_percent', 200),
      serves && attr('health_check_grace_period_seconds', 60),
      attr('propagate_tags', 'SERVICE'),
      nested('deployment_circuit_breaker', [attr('enable', true), attr('rollback', rollbackOnFailure(b))]),
      nested('network_configuration', [
        attr('subnets', subnetIds(b, region, 'private', c.zones)),
        attr('security_groups', list([group])),
        attr('assign_public_ip', false),
      ]),
      ...fronts.map((lb) =>
        nested('load_balancer', [
          attr('target_group_arn', b.ref('aws_lb_target_group', `${lb.id}-${c.id}`, 'arn')),
          attr('container_name', c.id),
          attr('container_port', appPort(b)),
        ]),
      ),
      scaling && nested('lifecycle', [attr('ignore_changes', list([raw('desired_count')]))]),
      b.tags(c),
    ]),
  );
  if (scaling) {
    const resourceId = template('service/', raw(`aws_ecs_cluster.${b.label('aws_ecs_cluster', region.id)}.name`), '/', raw(`aws_ecs_service.${b.label('aws_ecs_service', c.id)}.name`));
    b.add(
      'app.tf',
      block('resource', ['aws_appautoscaling_target', b.label('aws_appautoscaling_target', c.id)], [
        attr('provider', provider),
        attr('service_namespace', 'ecs'),
        attr('scalable_dimension', 'ecs:service:DesiredCount'),
        attr('resource_id', resourceId),
        attr('min_capacity', scaling.min),
        attr('max_capacity', scaling.max),
      ]),
      block('resource', ['aws_appautoscaling_policy', b.label('aws_appautoscaling_policy', c.id)], [
        attr('provider', provider),
        attr('name', b.name(c.id, 'cpu')),
        attr('policy_type', 'TargetTrackingScaling'),
        attr('service_namespace', b.ref('aws_appautoscaling_target', c.id, 'service_namespace')),
        attr('scalable_dimension', b.ref('aws_appautoscaling_target', c.id, 'scalable_dimension')),
        attr('resource_id', b.ref('aws_appautoscaling_target', c.id, 'resource_id')),
        nested('target_tracking_scaling_policy_configuration', [
          attr('target_value', b.variable('autoscaling_cpu_target', { description: 'Average CPU (percent) that autoscaling holds services at.', type: 'number', default: 60 })),
          attr('scale_in_cooldown', 300),
          attr('scale_out_cooldown', 60),
          nested('predefined_metric_specification', [attr('predefined_metric_type', 'ECSServiceAverageCPUUtilization')]),
        ]),
      ]),
    );
  }
}

function logRetentionDefault(b: TerraformBuilder): number {
  if (b.variables.has('log_retention_days')) return 0; // already declared: the default is not read again
  return b.roles.members('observability')[0]?.spec.logRetentionDays ?? 30;
}

function generateVmGroup(b: TerraformBuilder, workload: Workload, region: Region): void {
  const { c, spec } = workload;
  const provider = b.provider(region);
  const fronts = lbsInFront(b, c);
  const group = securityGroup(
    b,
    c,
    region,
    appPort(b),
    fronts.map((lb) => ({ id: lb.id, group: b.ref('aws_security_group', lb.id, 'id') })),
  );
  const image = b.variable(`${identifier(c.id)}_ami_id`, { description: `AMI that ${c.id} instances boot from (your hardened, versioned image).`, type: 'string' });
  const scaling = autoscalingRange(workload);
  const healthChecked = spec.healthChecks && fronts.length > 0;
  b.add('app.tf', comment(`${c.kind.title} ${c.id}: ${c.replicas} ${spec.size} instance(s) in an Auto Scaling group across zones ${c.zones.join(', ')}.`));
  b.add(
    'app.tf',
    block('resource', ['aws_launch_template', b.label('aws_launch_template', c.id)], [
      attr('provider', provider),
      attr('name_prefix', template(raw('var.name_prefix'), `-${c.id}-`)),
      attr('image_id', image),
      attr('instance_type', spec.size),
      attr('vpc_security_group_ids', list([group])),
      attr('update_default_version', true),
      nested('metadata_options', [attr('http_endpoint', 'enabled'), attr('http_tokens', 'required')]),
      nested('monitoring', [attr('enabled', true)]),
      b.tags(c),
    ]),
    block('resource', ['aws_autoscaling_group', b.label('aws_autoscaling_group', c.id)], [
      attr('provider', provider),
      attr('name_prefix', template(raw('var.name_prefix'), `-${c.id}-`)),
      attr('min_size', scaling?.min ?? c.replicas),
      attr('max_size', scaling?.max ?? c.replicas),
      attr('desired_capacity', c.replicas),
      attr('vpc_zone_identifier', subnetIds(b, region, 'private', c.zones)),
      attr('target_group_arns', list(fronts.map((lb) => b.ref('aws_lb_target_group', `${lb.id}-${c.id}`, 'arn')))),
      attr('health_check_type', healthChecked ? 'ELB' : 'EC2'),
      attr('health_check_grace_period', 120),
      nested('launch_template', [attr('id', b.ref('aws_launch_template', c.id, 'id')), attr('version', '$Latest')]),
      nested('instance_refresh', [attr('strategy', 'Rolling'), nested('preferences', [attr('min_healthy_percentage', 90)])]),
      nested('tag', [attr('key', 'ninesmith:component'), attr('value', c.id), attr('propagate_at_launch', true)]),
      scaling && nested('lifecycle', [attr('ignore_changes', list([raw('desired_capacity')]))]),
    ]),
  );
  if (scaling) {
    b.add(
      'app.tf',
      block('resource', ['aws_autoscaling_policy', b.label('aws_autoscaling_policy', c.id)], [
        attr('provider', provider),
        attr('name', b.name(c.id, 'cpu')),
        attr('autoscaling_group_name', b.ref('aws_autoscaling_group', c.id, 'name')),
        attr('policy_type', 'TargetTrackingScaling'),
        nested('target_tracking_configuration', [
          attr('target_value', b.variable('autoscaling_cpu_target', { description: 'Average CPU (percent) that autoscaling holds services at.', type: 'number', default: 60 })),
          nested('predefined_metric_specification', [attr('predefined_metric_type', 'ASGAverageCPUUtilization')]),
        ]),
      ]),
    );
  }
}

function generateEks(b: TerraformBuilder, region: Region, members: readonly ComponentFacts[]): void {
  const provider = b.provider(region);
  const zones = usedZones(b.facts, region);
  const prefix = identifier(region.id);
  const sizes = [...new Set(members.flatMap((c) => b.roles.spec(c, 'workload')?.size ?? []))];
  const pods = members.reduce((sum, c) => sum + c.replicas, 0);
  const nodes = Math.max(zones.length * 2, Math.ceil(pods / 8));
  b.add('app.tf', comment(`Kubernetes in region ${region.id}: runs ${members.map((c) => c.id).join(', ')}. Workloads come from the Helm values in ../helm.`));
  b.add(
    'app.tf',
    block('resource', ['aws_eks_cluster', b.label('aws_eks_cluster', region.id)], [
      attr('provider', provider),
      attr('name', b.name(region.id)),
      attr('role_arn', b.variable('eks_cluster_role_arn', { description: 'ARN of the IAM role the EKS control plane assumes; from your account baseline.', type: 'string' })),
      attr('version', b.variable(`${prefix}_kubernetes_version`, { description: `Kubernetes version of the cluster in ${region.id}; null takes EKS's default.`, type: 'string', default: null })),
      attr('enabled_cluster_log_types', list(['api', 'audit', 'authenticator'])),
      attr('deletion_protection', true),
      nested('vpc_config', [
        attr('subnet_ids', subnetIds(b, region, 'private', zones)),
        attr('endpoint_private_access', true),
        attr('endpoint_public_access', b.variable('eks_public_endpoint', { description: 'Expose the Kubernetes API endpoint publicly (off: reach it through your network).', type: 'bool', default: false })),
      ]),
      nested('access_config', [attr('authentication_mode', 'API')]),
      b.tags(undefined, `${b.facts.slug} ${region.id}`),
    ]),
    block('resource', ['aws_eks_node_group', b.label('aws_eks_node_group', region.id)], [
      attr('provider', provider),
      attr('cluster_name', b.ref('aws_eks_cluster', region.id, 'name')),
      attr('node_group_name', b.name(region.id, 'nodes')),
      attr('node_role_arn', b.variable('eks_node_role_arn', { description: 'ARN of the IAM role EKS worker nodes assume; from your account baseline.', type: 'string' })),
      attr('subnet_ids', subnetIds(b, region, 'private', zones)),
      attr(
        'instance_types',
        b.variable(`${prefix}_node_instance_types`, {
          description: `EC2 instance types of the nodes in ${region.id}.`,
          type: 'list(string)',
          default: list(sizes.length > 0 ? sizes : ['m5.large']),
        }),
      ),
      nested('scaling_config', [
        attr('min_size', zones.length),
        attr('desired_size', b.variable(`${prefix}_node_count`, { description: `Nodes in ${region.id}; at least two per zone so a node drain never leaves a zone empty.`, type: 'number', default: nodes })),
        attr('max_size', b.variable(`${prefix}_node_max`, { description: `Most nodes the group may scale to in ${region.id}.`, type: 'number', default: nodes * 3 })),
      ]),
      nested('update_config', [attr('max_unavailable', 1)]),
      b.tags(undefined, `${b.facts.slug} ${region.id} nodes`),
    ]),
  );
  b.output(`${prefix}_eks_cluster_name`, `EKS cluster of region ${region.id}`, b.ref('aws_eks_cluster', region.id, 'name'));
}

export function generateApp(b: TerraformBuilder): void {
  for (const region of b.facts.regions) {
    const here = b.facts.components.filter((c) => c.region?.id === region.id);
    const kubernetes = here.filter(onKubernetes);
    if (kubernetes.length > 0) generateEks(b, region, kubernetes);
    for (const lb of b.roles.members('load-balancer')) if (lb.c.region?.id === region.id) generateLoadBalancer(b, lb, region);
    const workloads = b.roles.members('workload').filter((w) => w.c.region?.id === region.id);
    if (workloads.some((w) => w.spec.runtime === 'containers')) generateEcsCluster(b, region);
    for (const workload of workloads) {
      if (workload.spec.runtime === 'containers') generateEcsService(b, workload, region);
      else if (workload.spec.runtime === 'vm') generateVmGroup(b, workload, region);
    }
  }
}
