import { TARGET_HEALTH_CHECKS } from '../../../src/catalog';
import type { Region } from '../../../src/model';
import { sourcesOf, targetsOf, usedZones, type ComponentFacts } from '../../design-facts';
import { DEFAULT_NAMESPACE, EBS_CSI_SERVICE_ACCOUNT, INGRESS_HEALTH_PATH, INGRESS_NODE_PORT } from '../../kubernetes';
import type { Member } from '../../roles';
import type { TerraformBuilder } from './builder';
import { attr, block, call, comment, fixedNested, identifier, list, nested, object, raw, reference, template, type BodyItem, type Expr, type RawExpr } from '../hcl';
import { egressReady, ingressRule, securityGroup, subnetIds, vpcId, type IngressSource } from './network';
import { behindCdn, cloudfrontPrefixList, ORIGIN_HEADER, originSecret } from './edge';
import { iamRole, MANAGED_POLICIES, type PolicyStatement } from './iam';
import { accessOf } from './access';
import { bucketRef } from './storage';
import type { AwsRoles } from './registry';

type Workload = Member<AwsRoles['workload']>;

/** Components that run in the region's Kubernetes cluster (and so need one). */
export function onKubernetes(c: ComponentFacts): boolean {
  return c.traits.runtime === 'kubernetes' && c.region !== undefined;
}

/** The security group that traffic from `c` comes from, when it has one in the generated network. */
export function groupOf(b: TerraformBuilder, c: ComponentFacts): RawExpr | undefined {
  if (!c.region) return undefined;
  if (onKubernetes(c)) return reference('aws_eks_cluster', b.label('aws_eks_cluster', c.region.id), 'vpc_config[0].cluster_security_group_id');
  if (b.roles.is(c, 'load-balancer') || b.roles.is(c, 'workload')) return b.ref('aws_security_group', c.id, 'id');
  return undefined;
}

export function sourceGroups(b: TerraformBuilder, c: ComponentFacts): IngressSource[] {
  const seen = new Set<string>();
  const out: IngressSource[] = [];
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
  return b.variable('app_port', {
    description: 'Port the application containers listen on.',
    type: 'number',
    default: 8080,
    validation: [{ condition: 'var.app_port >= 1 && var.app_port <= 65535', message: 'app_port: a TCP port, 1 to 65535.' }],
  });
}

/** The Kubernetes namespace the Helm releases go to; IAM roles for service accounts trust it. */
export function kubernetesNamespace(b: TerraformBuilder): RawExpr {
  return b.variable('kubernetes_namespace', { description: 'Namespace the Helm releases are installed in; the IAM roles of their service accounts trust this namespace.', type: 'string', default: DEFAULT_NAMESPACE });
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
export function loadBalancerTargets(b: TerraformBuilder, lb: ComponentFacts): ComponentFacts[] {
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

/** How a load balancer reaches one target: the target group's type, port and health check. */
function targetShape(b: TerraformBuilder, lb: Member<AwsRoles['load-balancer']>, target: ComponentFacts): { type: 'ip' | 'instance'; port: number | RawExpr; health: BodyItem } {
  const check = TARGET_HEALTH_CHECKS[lb.spec.type];
  // The same for every target group of a kind of load balancer and path: made and written out once.
  const protocolHealth = (path: string): BodyItem =>
    b.memo(`health-check:${lb.spec.type}:${path}`, () =>
      fixedNested('health_check', [
        attr('enabled', true),
        attr('protocol', 'HTTP'),
        attr('path', path),
        attr('port', 'traffic-port'),
        attr('matcher', '200-399'),
        attr('interval', check.intervalSeconds),
        attr('timeout', check.timeoutSeconds),
        attr('healthy_threshold', check.healthyThreshold),
        attr('unhealthy_threshold', check.unhealthyThreshold),
      ]),
    );
  if (b.roles.is(target, 'ingress-controller')) {
    // Traefik's web entrypoint on every node (a NodePort the Helm values fix); it answers /ping there.
    return { type: 'instance', port: INGRESS_NODE_PORT, health: protocolHealth(INGRESS_HEALTH_PATH) };
  }
  const vm = b.roles.spec(target, 'workload')?.runtime === 'vm';
  return { type: vm ? 'instance' : 'ip', port: appPort(b), health: protocolHealth(lb.spec.healthCheckPath) };
}

function certificate(b: TerraformBuilder, region: Region): RawExpr {
  return b.variable(`${identifier(region.id)}_certificate_arn`, {
    description: `ARN of the ACM certificate for the platform's domain in region ${region.id} (${region.location}), for the load balancers' TLS listeners.`,
    type: 'string',
    example: `arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000`,
  });
}

function generateLoadBalancer(b: TerraformBuilder, member: Member<AwsRoles['load-balancer']>, region: Region): void {
  const { c: lb, spec } = member;
  const provider = b.provider(region);
  const network = spec.type === 'network';
  const internal = spec.scheme === 'internal';
  const cdnOnly = !internal && behindCdn(b, lb);
  const targets = loadBalancerTargets(b, lb);
  const sources: IngressSource[] = internal
    ? sourceGroups(b, lb)
    : cdnOnly
      ? [{ id: 'cloudfront', prefixList: cloudfrontPrefixList(b, region), description: 'HTTPS from CloudFront only (its origin-facing prefix list)' }]
      : [];
  const group = securityGroup(b, lb, region, 443, sources, !internal && !cdnOnly);
  b.add(
    'app.tf',
    comment(`Load balancer ${lb.id}: ${network ? 'network (TLS terminated here)' : 'application (HTTPS)'}, ${internal ? 'internal' : cdnOnly ? 'reachable only from CloudFront' : 'internet-facing'}, in zones ${lb.zones.join(', ')}.`),
  );
  b.add(
    'app.tf',
    block('resource', ['aws_lb', b.label('aws_lb', lb.id)], [
      attr('provider', provider),
      attr('name', b.name('aws_lb.name', lb.id)),
      attr('load_balancer_type', network ? 'network' : 'application'),
      attr('internal', internal),
      lb.zones.length < 2 && comment('The design places this load balancer in one zone; AWS requires subnets in two, so it gets a second.'),
      attr('subnets', subnetIds(b, region, internal ? 'private' : 'public', lb.zones, 2)),
      attr('security_groups', list([group])),
      attr('enable_deletion_protection', true),
      !network && attr('drop_invalid_header_fields', true),
      network && comment('Zonal shift on a network load balancer needs cross-zone load balancing off: each zone serves its own targets.'),
      attr('enable_cross_zone_load_balancing', !network),
      comment('The zone-loss runbook shifts traffic away from a failing zone (ARC zonal shift), which must be enabled here.'),
      attr('enable_zonal_shift', true),
      b.tags(lb),
    ]),
  );
  b.check('zonal_shift_enabled', `aws_lb.${b.label('aws_lb', lb.id)}.enable_zonal_shift == true`, `${lb.id}: the zone-loss runbook starts a zonal shift on this load balancer.`);
  const first = targets[0];
  for (const target of targets) {
    const shape = targetShape(b, member, target);
    b.add(
      'app.tf',
      block('resource', ['aws_lb_target_group', b.label('aws_lb_target_group', [lb.id, target.id])], [
        attr('provider', provider),
        attr('name', b.name('aws_lb_target_group.name', lb.id, target.id)),
        attr('vpc_id', vpcId(b, region)),
        attr('target_type', shape.type),
        attr('port', shape.port),
        attr('protocol', network ? 'TCP' : 'HTTP'),
        attr('deregistration_delay', 30),
        !spec.healthChecks && comment('The design turns health checks off here; AWS always checks target health, so these settings still apply. Review them.'),
        shape.health,
        b.tags(target, `${lb.name} to ${target.name}`),
      ]),
    );
    if (onKubernetes(target)) {
      ingressRule(b, target.id, region, groupOf(b, target)!, { id: lb.id, group, description: `From ${lb.id} to ${target.id} on the cluster's nodes` }, shape.port);
      if (b.roles.is(target, 'ingress-controller')) {
        b.add(
          'app.tf',
          comment(`The nodes of the cluster are the targets: Traefik's Service publishes its web entrypoint on port ${INGRESS_NODE_PORT} of each node (helm/platform/traefik).`),
          block('resource', ['aws_autoscaling_attachment', b.label('aws_autoscaling_attachment', [lb.id, target.id])], [
            attr('provider', provider),
            attr('autoscaling_group_name', reference('aws_eks_node_group', b.label('aws_eks_node_group', region.id), 'resources[0].autoscaling_groups[0].name')),
            attr('lb_target_group_arn', b.ref('aws_lb_target_group', [lb.id, target.id], 'arn')),
          ]),
        );
      } else {
        b.fillIns.push(`Register the pods of \`${target.id}\` with target group \`aws_lb_target_group.${b.label('aws_lb_target_group', [lb.id, target.id])}\` (AWS Load Balancer Controller TargetGroupBinding), or route to them through the ingress controller.`);
      }
    }
  }
  if (!first) b.add('app.tf', comment(`Load balancer ${lb.id} connects to no deployable service in the design: its listener answers 503 until you add one.`));
  const forward = (targetGroup: RawExpr): BodyItem[] => [attr('type', 'forward'), attr('target_group_arn', targetGroup)];
  const fixed = (status: string, message: string): BodyItem[] => [
    attr('type', 'fixed-response'),
    nested('fixed_response', [attr('content_type', 'text/plain'), attr('status_code', status), attr('message_body', message)]),
  ];
  if (network) {
    if (!first) {
      b.add('app.tf', comment(`Network load balancer ${lb.id} has no target in the design, so it has no listener yet.`));
    } else {
      b.add(
        'app.tf',
        block('resource', ['aws_lb_listener', b.label('aws_lb_listener', [lb.id, 'tls'])], [
          attr('provider', provider),
          attr('load_balancer_arn', b.ref('aws_lb', lb.id, 'arn')),
          comment("TLS ends here with the ACM certificate for the platform's domain; targets receive plain TCP."),
          attr('port', 443),
          attr('protocol', 'TLS'),
          attr('ssl_policy', 'ELBSecurityPolicy-TLS13-1-2-2021-06'),
          attr('certificate_arn', certificate(b, region)),
          nested('default_action', forward(b.ref('aws_lb_target_group', [lb.id, first.id], 'arn'))),
        ]),
      );
    }
  } else {
    const https = b.label('aws_lb_listener', [lb.id, 'https']);
    const toFirst = first ? forward(b.ref('aws_lb_target_group', [lb.id, first.id], 'arn')) : fixed('503', 'No service behind this load balancer yet');
    b.add(
      'app.tf',
      block('resource', ['aws_lb_listener', https], [
        attr('provider', provider),
        attr('load_balancer_arn', b.ref('aws_lb', lb.id, 'arn')),
        attr('port', 443),
        attr('protocol', 'HTTPS'),
        attr('ssl_policy', 'ELBSecurityPolicy-TLS13-1-2-2021-06'),
        attr('certificate_arn', certificate(b, region)),
        cdnOnly && comment(`Only requests from CloudFront carry the ${ORIGIN_HEADER} secret; anything else gets 403, so the CDN's WAF cannot be bypassed.`),
        nested('default_action', cdnOnly ? fixed('403', 'Forbidden') : toFirst),
        targets.length > 1 && comment(`Also behind this load balancer: ${targets.slice(1).map((t) => t.id).join(', ')}. Add listener rules (host or path) to route to them.`),
      ]),
    );
    if (cdnOnly) {
      const rule = b.label('aws_lb_listener_rule', [lb.id, 'from-cdn']);
      b.add(
        'app.tf',
        block('resource', ['aws_lb_listener_rule', rule], [
          attr('provider', provider),
          attr('listener_arn', reference('aws_lb_listener', https, 'arn')),
          attr('priority', 1),
          nested('action', toFirst),
          nested('condition', [nested('http_header', [attr('http_header_name', ORIGIN_HEADER), attr('values', list([originSecret(b).value]))])]),
        ]),
      );
      const ruleAddress = `aws_vpc_security_group_ingress_rule.${b.label('aws_vpc_security_group_ingress_rule', [lb.id, 'from', 'cloudfront'])}`;
      const promise = `${lb.id}: reachable only from CloudFront, so its WAF cannot be bypassed.`;
      b.check('load_balancers_only_from_cdn', `${ruleAddress}.prefix_list_id == ${cloudfrontPrefixList(b, region).code} && ${ruleAddress}.cidr_ipv4 == null`, promise);
      b.check('load_balancers_only_from_cdn', `aws_lb_listener.${https}.default_action[0].type == "fixed-response" && aws_lb_listener.${https}.default_action[0].fixed_response[0].status_code == "403"`, promise);
      b.check('load_balancers_only_from_cdn', `anytrue([for c in aws_lb_listener_rule.${rule}.condition : anytrue([for h in c.http_header : h.http_header_name == "${ORIGIN_HEADER}"])])`, promise);
    } else {
      b.add(
        'app.tf',
        block('resource', ['aws_lb_listener', b.label('aws_lb_listener', [lb.id, 'http'])], [
          attr('provider', provider),
          attr('load_balancer_arn', b.ref('aws_lb', lb.id, 'arn')),
          attr('port', 80),
          attr('protocol', 'HTTP'),
          b.memo('http-to-https', () => fixedNested('default_action', [attr('type', 'redirect'), nested('redirect', [attr('protocol', 'HTTPS'), attr('port', '443'), attr('status_code', 'HTTP_301')])])),
        ]),
      );
    }
  }
  b.output(lb.id, 'dns_name', `DNS name of load balancer ${lb.id}`, b.ref('aws_lb', lb.id, 'dns_name'));
  b.output(lb.id, 'arn', `ARN of load balancer ${lb.id} (the zone-loss runbook's zonal shift names it)`, b.ref('aws_lb', lb.id, 'arn'));
}

function generateEcsCluster(b: TerraformBuilder, region: Region): void {
  b.add(
    'app.tf',
    block('resource', ['aws_ecs_cluster', b.label('aws_ecs_cluster', region.id)], [
      attr('provider', b.provider(region)),
      attr('name', b.name('aws_ecs_cluster.name', region.id)),
      nested('setting', [attr('name', 'containerInsights'), attr('value', 'enabled')]),
      b.tags(undefined, `${b.facts.slug} ${region.id}`),
    ]),
  );
  b.output(region.id, 'ecs_cluster_name', `ECS cluster of region ${region.id}`, b.ref('aws_ecs_cluster', region.id, 'name'));
}

function autoscalingRange({ c, spec }: Workload): { min: number; max: number } | undefined {
  const group = spec.autoscaling;
  if (!group.enabled) return undefined;
  const min = group.min ?? c.replicas;
  const max = group.max ?? Math.max(min, c.replicas) * 3;
  return { min, max: Math.max(min, max) };
}

/** Log retention CloudWatch accepts: the design's figure rounded up to the next value the API takes. */
const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function logRetention(b: TerraformBuilder): RawExpr {
  const wanted = b.roles.members('observability')[0]?.spec.logRetentionDays ?? 30;
  const days = LOG_RETENTION_DAYS.find((d) => d >= wanted) ?? 3653;
  return b.variable('log_retention_days', {
    description: `Days application logs are kept in CloudWatch Logs (one of ${LOG_RETENTION_DAYS.join(', ')}).`,
    type: 'number',
    default: days,
    validation: [{ condition: `contains([${LOG_RETENTION_DAYS.join(', ')}], var.log_retention_days)`, message: 'log_retention_days: a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653).' }],
  });
}

/** The task role (what the code may do) and the execution role (what ECS does to start it: pull, log, read its secrets). */
function ecsRoles(b: TerraformBuilder, c: ComponentFacts, region: Region, statements: readonly PolicyStatement[], secretArns: readonly Expr[]): { task: RawExpr; execution: RawExpr } {
  const principal = { service: 'ecs-tasks.amazonaws.com' } as const;
  const task = iamRole(b, { key: [c.id, 'task'], region, nameParts: [c.id, 'task'], description: `Task role of ${c.id}: what the design connects it to`, principal, statements });
  const unique = [...new Map(secretArns.map((arn) => [JSON.stringify(arn), arn])).values()];
  const execution = iamRole(b, {
    key: [c.id, 'exec'],
    region,
    nameParts: [c.id, 'exec'],
    description: `Execution role of ${c.id}: pulls its image, writes its logs, reads its secrets`,
    principal,
    statements: unique.length > 0 ? [{ sid: 'ReadSecrets', actions: ['secretsmanager:GetSecretValue'], resources: unique }] : [],
    managedPolicies: [MANAGED_POLICIES.ecsTaskExecution],
  });
  return { task, execution };
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
  const image = b.variable(`${identifier(c.id)}_image`, { description: `Container image of ${c.id}, pinned by digest or immutable tag.`, type: 'string', example: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000' });
  const access = accessOf(b, c);
  const roles = ecsRoles(b, c, region, access.statements, access.secrets.map((s) => s.secretArn));
  const container: [string, Expr][] = [
    ['name', c.id],
    ['image', image],
    ['essential', true],
  ];
  if (serves) container.push(['portMappings', list([object([['containerPort', appPort(b)], ['protocol', 'tcp']])])]);
  if (access.environment.length > 0) container.push(['environment', list(access.environment.map(([name, value]) => object([['name', name], ['value', value]])))]);
  if (access.secrets.length > 0) container.push(['secrets', list(access.secrets.map((s) => object([['name', s.name], ['valueFrom', s.valueFrom]])))]);
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
  b.add('app.tf', comment(`${c.kind.title} ${c.id}: ${c.replicas} task(s) on Fargate across zones ${c.zones.join(', ')}${access.environment.length > 0 ? ', with the endpoints and credentials of what it connects to' : ''}.`));
  b.add(
    'app.tf',
    block('resource', ['aws_cloudwatch_log_group', b.label('aws_cloudwatch_log_group', c.id)], [
      attr('provider', provider),
      attr('name', template('/ninesmith/', raw('var.name_prefix'), `/${c.id}`)),
      attr('retention_in_days', logRetention(b)),
      b.tags(c),
    ]),
    block('resource', ['aws_ecs_task_definition', b.label('aws_ecs_task_definition', c.id)], [
      attr('provider', provider),
      attr('family', b.name('aws_ecs_task_definition.family', c.id)),
      attr('requires_compatibilities', list(['FARGATE'])),
      attr('network_mode', 'awsvpc'),
      attr('cpu', String(cpu)),
      attr('memory', String(memory)),
      attr('task_role_arn', roles.task),
      attr('execution_role_arn', roles.execution),
      attr('container_definitions', call('jsonencode', list([object(container)]))),
      b.tags(c),
    ]),
  );
  const scaling = autoscalingRange(workload);
  const ready = egressReady(b, region);
  b.add(
    'app.tf',
    block('resource', ['aws_ecs_service', b.label('aws_ecs_service', c.id)], [
      attr('provider', provider),
      attr('name', b.name('aws_ecs_service.name', c.id)),
      attr('cluster', b.ref('aws_ecs_cluster', region.id, 'id')),
      attr('task_definition', b.ref('aws_ecs_task_definition', c.id, 'arn')),
      attr('desired_count', c.replicas),
      attr('launch_type', 'FARGATE'),
      attr('deployment_minimum_healthy_percent', 100),
      attr('deployment_maximum_percent', 200),
      serves && attr('health_check_grace_period_seconds', 60),
      attr('propagate_tags', 'SERVICE'),
      b.memo('ecs-circuit-breaker', () => fixedNested('deployment_circuit_breaker', [attr('enable', true), attr('rollback', rollbackOnFailure(b))])),
      nested('network_configuration', [
        attr('subnets', subnetIds(b, region, 'private', c.zones)),
        attr('security_groups', list([group])),
        attr('assign_public_ip', false),
      ]),
      ...fronts.map((lb) =>
        nested('load_balancer', [
          attr('target_group_arn', b.ref('aws_lb_target_group', [lb.id, c.id], 'arn')),
          attr('container_name', c.id),
          attr('container_port', appPort(b)),
        ]),
      ),
      scaling && nested('lifecycle', [attr('ignore_changes', list([raw('desired_count')]))]),
      b.tags(c),
      ready.length > 0 && comment('Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.'),
      ready.length > 0 && attr('depends_on', list(ready)),
    ]),
  );
  b.output(c.id, 'ecs_service_name', `ECS service of ${c.id}`, b.ref('aws_ecs_service', c.id, 'name'));
  if (scaling) {
    const resourceId = template('service/', reference('aws_ecs_cluster', b.label('aws_ecs_cluster', region.id), 'name'), '/', reference('aws_ecs_service', b.label('aws_ecs_service', c.id), 'name'));
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
        attr('name', b.name('aws_appautoscaling_policy.name', c.id, 'cpu')),
        attr('policy_type', 'TargetTrackingScaling'),
        attr('service_namespace', b.ref('aws_appautoscaling_target', c.id, 'service_namespace')),
        attr('scalable_dimension', b.ref('aws_appautoscaling_target', c.id, 'scalable_dimension')),
        attr('resource_id', b.ref('aws_appautoscaling_target', c.id, 'resource_id')),
        nested('target_tracking_scaling_policy_configuration', [
          attr('target_value', cpuTarget(b)),
          attr('scale_in_cooldown', 300),
          attr('scale_out_cooldown', 60),
          nested('predefined_metric_specification', [attr('predefined_metric_type', 'ECSServiceAverageCPUUtilization')]),
        ]),
      ]),
    );
  }
}

const cpuTarget = (b: TerraformBuilder) =>
  b.variable('autoscaling_cpu_target', {
    description: 'Average CPU (percent) that autoscaling holds services at.',
    type: 'number',
    default: 60,
    validation: [{ condition: 'var.autoscaling_cpu_target > 0 && var.autoscaling_cpu_target <= 100', message: 'autoscaling_cpu_target: a percentage above 0 and at most 100.' }],
  });

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
  const image = b.variable(`${identifier(c.id)}_ami_id`, { description: `AMI that ${c.id} instances boot from (your hardened, versioned image).`, type: 'string', example: 'ami-0123456789abcdef0' });
  const scaling = autoscalingRange(workload);
  const healthChecked = spec.healthChecks && fronts.length > 0;
  b.add('app.tf', comment(`${c.kind.title} ${c.id}: ${c.replicas} ${spec.size} instance(s) in an Auto Scaling group across zones ${c.zones.join(', ')}.`));
  b.add(
    'app.tf',
    block('resource', ['aws_launch_template', b.label('aws_launch_template', c.id)], [
      attr('provider', provider),
      attr('name_prefix', b.namePrefix('aws_launch_template.name_prefix', c.id)),
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
      attr('name_prefix', b.namePrefix('aws_autoscaling_group.name_prefix', c.id)),
      attr('min_size', scaling?.min ?? c.replicas),
      attr('max_size', scaling?.max ?? c.replicas),
      attr('desired_capacity', c.replicas),
      attr('vpc_zone_identifier', subnetIds(b, region, 'private', c.zones)),
      attr('target_group_arns', list(fronts.map((lb) => b.ref('aws_lb_target_group', [lb.id, c.id], 'arn')))),
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
        attr('name', b.name('aws_autoscaling_policy.name', c.id, 'cpu')),
        attr('autoscaling_group_name', b.ref('aws_autoscaling_group', c.id, 'name')),
        attr('policy_type', 'TargetTrackingScaling'),
        nested('target_tracking_configuration', [attr('target_value', cpuTarget(b)), nested('predefined_metric_specification', [attr('predefined_metric_type', 'ASGAverageCPUUtilization')])]),
      ]),
    );
  }
}

/** The access policy EKS gives the admin principal: cluster-wide admin, for the Helm step. */
const EKS_CLUSTER_ADMIN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

function generateEks(b: TerraformBuilder, region: Region, members: readonly ComponentFacts[]): void {
  const provider = b.provider(region);
  const zones = usedZones(b.facts, region);
  const prefix = identifier(region.id);
  const cluster = b.label('aws_eks_cluster', region.id);
  const sizes = [...new Set(members.flatMap((c) => b.roles.spec(c, 'workload')?.size ?? []))];
  const pods = members.reduce((sum, c) => sum + c.replicas, 0);
  const nodes = Math.max(zones.length * 2, Math.ceil(pods / 8));
  const admin = b.variable('eks_admin_principal_arn', {
    description: 'ARN of the IAM role (or user) that administers the EKS clusters and runs the Helm step: your CI or operators role.',
    type: 'string',
    example: 'arn:aws:iam::123456789012:role/platform-admin',
    validation: [{ condition: 'can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/", var.eks_admin_principal_arn))', message: 'eks_admin_principal_arn: the ARN of an IAM role or user.' }],
  });
  b.add('app.tf', comment(`Kubernetes in region ${region.id}: runs ${members.map((c) => c.id).join(', ')}. Workloads come from the Helm values in ../helm.`));
  b.add(
    'app.tf',
    block('resource', ['aws_eks_cluster', cluster], [
      attr('provider', provider),
      attr('name', b.name('aws_eks_cluster.name', region.id)),
      attr('role_arn', b.variable('eks_cluster_role_arn', { description: 'ARN of the IAM role the EKS control plane assumes (AmazonEKSClusterPolicy); from your account baseline.', type: 'string', example: 'arn:aws:iam::123456789012:role/eks-cluster' })),
      attr('version', b.variable(`${prefix}_kubernetes_version`, { description: `Kubernetes version of the cluster in ${region.id}; null takes EKS's default.`, type: 'string', default: null })),
      attr('enabled_cluster_log_types', list(['api', 'audit', 'authenticator'])),
      nested('vpc_config', [
        attr('subnet_ids', subnetIds(b, region, 'private', zones)),
        comment('The Helm step reaches the API from these addresses (your CI runners, VPN); turn the public endpoint off to reach it only from inside the VPC.'),
        attr('endpoint_private_access', true),
        attr('endpoint_public_access', b.variable('eks_public_endpoint', { description: 'Expose the Kubernetes API endpoint to the addresses in eks_public_access_cidrs (off: reach it from inside the VPC only).', type: 'bool', default: true })),
        attr(
          'public_access_cidrs',
          b.variable('eks_public_access_cidrs', {
            description: 'Addresses that may reach the public Kubernetes API endpoint (CIDR blocks of your CI runners and operators).',
            type: 'list(string)',
            example: list(['203.0.113.0/24']),
            validation: [{ condition: 'length(var.eks_public_access_cidrs) > 0 && alltrue([for cidr in var.eks_public_access_cidrs : can(cidrhost(cidr, 0))])', message: 'eks_public_access_cidrs: at least one CIDR block, e.g. 203.0.113.0/24.' }],
          }),
        ),
      ]),
      nested('access_config', [
        attr('authentication_mode', 'API'),
        comment('Administrators are the access entries below, not whoever ran the first apply.'),
        attr('bootstrap_cluster_creator_admin_permissions', false),
      ]),
      b.tags(undefined, `${b.facts.slug} ${region.id}`),
      nested('lifecycle', [comment('Deletion protection of the cluster: the provider argument needs provider 6, so Terraform guards it here.'), attr('prevent_destroy', true)]),
    ]),
    block('resource', ['aws_eks_access_entry', b.label('aws_eks_access_entry', [region.id, 'admin'])], [
      attr('provider', provider),
      attr('cluster_name', reference('aws_eks_cluster', cluster, 'name')),
      attr('principal_arn', admin),
      attr('type', 'STANDARD'),
    ]),
    block('resource', ['aws_eks_access_policy_association', b.label('aws_eks_access_policy_association', [region.id, 'admin'])], [
      attr('provider', provider),
      attr('cluster_name', reference('aws_eks_cluster', cluster, 'name')),
      attr('principal_arn', b.ref('aws_eks_access_entry', [region.id, 'admin'], 'principal_arn')),
      attr('policy_arn', EKS_CLUSTER_ADMIN),
      nested('access_scope', [attr('type', 'cluster')]),
    ]),
    comment('IAM roles for service accounts: pods assume the roles below through the cluster\'s OIDC issuer.'),
    block('resource', ['aws_iam_openid_connect_provider', b.label('aws_iam_openid_connect_provider', region.id)], [
      attr('provider', provider),
      attr('url', reference('aws_eks_cluster', cluster, 'identity[0].oidc[0].issuer')),
      attr('client_id_list', list(['sts.amazonaws.com'])),
      b.tags(undefined, `${b.facts.slug} ${region.id} oidc`),
    ]),
  );
  const ready = egressReady(b, region);
  b.add(
    'app.tf',
    block('resource', ['aws_eks_node_group', b.label('aws_eks_node_group', region.id)], [
      attr('provider', provider),
      attr('cluster_name', reference('aws_eks_cluster', cluster, 'name')),
      attr('node_group_name', b.name('aws_eks_node_group.node_group_name', region.id, 'nodes')),
      attr('node_role_arn', b.variable('eks_node_role_arn', { description: 'ARN of the IAM role EKS worker nodes assume (AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly); from your account baseline.', type: 'string', example: 'arn:aws:iam::123456789012:role/eks-node' })),
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
      ready.length > 0 && comment('Nodes join once their subnets reach the internet (NAT) or the AWS endpoints (EC2, ECR, STS) they need.'),
      ready.length > 0 && attr('depends_on', list(ready)),
    ]),
  );
  // Volumes (CloudNativePG, Redis) need the EBS CSI driver, which EKS does not install by itself.
  const ebsRole = iamRole(b, {
    key: [region.id, 'ebs-csi'],
    region,
    nameParts: [region.id, 'ebs-csi'],
    description: `EBS CSI driver of the cluster in ${region.id}: creates and attaches volumes`,
    principal: { cluster: region, namespace: 'kube-system', serviceAccount: EBS_CSI_SERVICE_ACCOUNT },
    managedPolicies: [MANAGED_POLICIES.ebsCsiDriver],
  });
  b.add(
    'app.tf',
    block('resource', ['aws_eks_addon', b.label('aws_eks_addon', [region.id, 'ebs-csi'])], [
      attr('provider', provider),
      attr('cluster_name', reference('aws_eks_cluster', cluster, 'name')),
      attr('addon_name', 'aws-ebs-csi-driver'),
      attr('service_account_role_arn', ebsRole),
      attr('depends_on', list([b.address('aws_eks_node_group', region.id)])),
    ]),
  );
  b.check('kubernetes_can_be_administered', `aws_eks_cluster.${cluster}.access_config[0].authentication_mode == "API" && aws_eks_access_policy_association.${b.label('aws_eks_access_policy_association', [region.id, 'admin'])}.policy_arn == "${EKS_CLUSTER_ADMIN}"`, `The cluster in ${region.id} has an administrator who can run the Helm step.`);
  b.check('kubernetes_has_volumes', `aws_eks_addon.${b.label('aws_eks_addon', [region.id, 'ebs-csi'])}.addon_name == "aws-ebs-csi-driver"`, `The cluster in ${region.id} can create the volumes its databases and caches claim.`);
  b.output(region.id, 'eks_cluster_name', `EKS cluster of region ${region.id}`, reference('aws_eks_cluster', cluster, 'name'));
}

/** IAM roles for the pods of Kubernetes services that the design connects to AWS stores (S3, SQS). */
function generatePodRoles(b: TerraformBuilder, region: Region, members: readonly ComponentFacts[]): void {
  for (const c of members) {
    if (!b.roles.is(c, 'workload')) continue;
    const access = accessOf(b, c);
    if (access.statements.length === 0) continue;
    const role = iamRole(b, {
      key: [c.id, 'pods'],
      region,
      nameParts: [c.id, 'pods'],
      description: `Pods of ${c.id} (service account ${c.id}): what the design connects it to`,
      principal: { cluster: region, namespace: kubernetesNamespace(b), serviceAccount: c.id },
      statements: access.statements,
    });
    b.output(c.id, 'role_arn', `IAM role for the service account of ${c.id} (helm/values/${c.id}.yaml)`, role);
  }
  for (const { c } of b.roles.members('kubernetes-database')) {
    if (c.region?.id !== region.id || !c.traits.data?.backup?.enabled) continue;
    const bucket = targetsOf(b.facts, c.id, 'backup').find((t) => b.roles.is(t, 'bucket'));
    const ref = bucket ? bucketRef(b, bucket) : undefined;
    if (!ref) {
      b.fillIns.push(`Backups of \`${c.id}\` (CloudNativePG) need a bucket: connect the database to an object storage component with a backup connection, then export again.`);
      continue;
    }
    const role = iamRole(b, {
      key: [c.id, 'backups'],
      region,
      nameParts: [c.id, 'backups'],
      description: `CloudNativePG cluster ${c.id} (service account ${c.id}): writes base backups and WAL to ${bucket!.id}`,
      principal: { cluster: region, namespace: kubernetesNamespace(b), serviceAccount: c.id },
      statements: [
        { sid: 'Objects', actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [template(ref.arn, '/*')] },
        { sid: 'List', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [ref.arn] },
      ],
    });
    b.output(c.id, 'backup_role_arn', `IAM role CloudNativePG cluster ${c.id} backs up with (helm/platform/cloudnative-pg-cluster/${c.id}.values.yaml)`, role);
  }
}

export function generateApp(b: TerraformBuilder): void {
  for (const region of b.facts.regions) {
    const here = b.facts.components.filter((c) => c.region?.id === region.id);
    const kubernetes = here.filter(onKubernetes);
    if (kubernetes.length > 0) {
      generateEks(b, region, kubernetes);
      generatePodRoles(b, region, kubernetes);
    }
    for (const lb of b.roles.members('load-balancer')) if (lb.c.region?.id === region.id) generateLoadBalancer(b, lb, region);
    const workloads = b.roles.members('workload').filter((w) => w.c.region?.id === region.id);
    if (workloads.some((w) => w.spec.runtime === 'containers')) generateEcsCluster(b, region);
    for (const workload of workloads) {
      if (workload.spec.runtime === 'containers') generateEcsService(b, workload, region);
      else if (workload.spec.runtime === 'vm') generateVmGroup(b, workload, region);
    }
  }
}
