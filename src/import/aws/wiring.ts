import type { ConnectionMode } from '../../model';
import { KINDS } from '../../catalog';
import type { TfResource } from '../terraform/types';
import { block, blocks, bool, num, patchProps, regionOfArn, regionRef, str, type Draft, type ImportContext } from './context';

/**
 * Connections and what joins components: security group rules, load balancer listeners and
 * target groups, DNS records, CDN origins, web ACL associations, replication, backups, and the
 * endpoints a workload's environment names. Runs after every resource has found its component.
 */

const SECURITY_GROUP_KEYS = ['vpc_security_group_ids', 'security_groups', 'security_group_ids', 'network_configuration', 'vpc_config', 'network_interfaces'];

function connect(context: ImportContext, from: Draft | undefined, to: Draft | undefined, mode: ConnectionMode, address: string, guess?: string): void {
  if (!from || !to || from === to) return;
  context.connect({ from: from.key, to: to.key, mode, address, guess });
}

/** Components that use a security group (their resources name it), by the group's address. */
function securityGroupOwners(context: ImportContext): Map<string, Draft[]> {
  const owners = new Map<string, Draft[]>();
  for (const resource of context.resources) {
    const draft = context.draft(resource);
    if (!draft) continue;
    const groups = context.refsOf(resource, ...SECURITY_GROUP_KEYS).filter((ref) => ref.type === 'aws_security_group');
    // Launch templates give their groups to the Auto Scaling group they belong to.
    for (const group of groups) {
      const list = owners.get(group.address) ?? [];
      if (!list.includes(draft)) list.push(draft);
      owners.set(group.address, list);
    }
  }
  return owners;
}

/** Ingress rules: (protected group, source group) pairs, from every way Terraform writes them. */
function ingressRules(context: ImportContext): { target: string; source: string; address: string }[] {
  const rules: { target: string; source: string; address: string }[] = [];
  for (const r of context.resources) {
    if (r.type === 'aws_security_group') {
      for (const source of context.refsOf(r, 'ingress').filter((ref) => ref.type === 'aws_security_group')) rules.push({ target: r.address, source: source.address, address: r.address });
    } else if (r.type === 'aws_security_group_rule' && str(r.attributes.type) === 'ingress') {
      const target = context.refsOf(r, 'security_group_id').find((g) => g.type === 'aws_security_group');
      const source = context.refsOf(r, 'source_security_group_id').find((g) => g.type === 'aws_security_group');
      if (target && source) rules.push({ target: target.address, source: source.address, address: r.address });
      if (target && bool(r.attributes.self)) rules.push({ target: target.address, source: target.address, address: r.address });
    } else if (r.type === 'aws_vpc_security_group_ingress_rule') {
      const target = context.refsOf(r, 'security_group_id').find((g) => g.type === 'aws_security_group');
      const source = context.refsOf(r, 'referenced_security_group_id').find((g) => g.type === 'aws_security_group');
      if (target && source) rules.push({ target: target.address, source: source.address, address: r.address });
    }
  }
  return rules;
}

function wireSecurityGroups(context: ImportContext): void {
  const owners = securityGroupOwners(context);
  for (const rule of ingressRules(context)) {
    for (const to of owners.get(rule.target) ?? []) {
      for (const from of owners.get(rule.source) ?? []) {
        connect(context, from, to, from.kind === 'queue' || to.kind === 'queue' ? 'async' : 'sync', rule.address);
      }
    }
  }
}

/** Target group -> the components registered in it (ECS services, Auto Scaling groups, instances). */
function targetGroupMembers(context: ImportContext): Map<string, Draft[]> {
  const members = new Map<string, Draft[]>();
  const add = (group: TfResource, draft: Draft | undefined) => {
    if (!draft) return;
    const list = members.get(group.address) ?? [];
    if (!list.includes(draft)) list.push(draft);
    members.set(group.address, list);
  };
  for (const r of context.resources) {
    const groups = (keys: string[]) => context.refsOf(r, ...keys).filter((ref) => ref.type === 'aws_lb_target_group' || ref.type === 'aws_alb_target_group');
    if (r.type === 'aws_ecs_service') for (const group of groups(['load_balancer'])) add(group, context.draft(r));
    if (r.type === 'aws_autoscaling_group') for (const group of groups(['target_group_arns'])) add(group, context.draft(r));
    if (r.type === 'aws_autoscaling_attachment') {
      const asg = context.refsOf(r, 'autoscaling_group_name').find((a) => a.type === 'aws_autoscaling_group');
      for (const group of groups(['lb_target_group_arn', 'alb_target_group_arn'])) add(group, context.draft(asg));
    }
    if (r.type === 'aws_lb_target_group_attachment') {
      const target = context.refsOf(r, 'target_id').find((t) => t.type === 'aws_instance');
      for (const group of groups(['target_group_arn'])) add(group, context.draft(target));
    }
  }
  return members;
}

function wireLoadBalancers(context: ImportContext): void {
  const members = targetGroupMembers(context);
  for (const r of context.resources) {
    if (!['aws_lb_listener', 'aws_alb_listener', 'aws_lb_listener_rule', 'aws_alb_listener_rule'].includes(r.type)) continue;
    const lb = r.type.endsWith('_rule')
      ? context.refsOf(r, 'listener_arn').flatMap((listener) => context.refsOf(listener, 'load_balancer_arn'))[0]
      : context.refsOf(r, 'load_balancer_arn')[0];
    const lbDraft = context.draft(lb);
    for (const group of context.refsOf(r, 'default_action', 'action').filter((ref) => ref.type === 'aws_lb_target_group' || ref.type === 'aws_alb_target_group')) {
      const path = str(block(group.attributes.health_check)?.path);
      if (lbDraft && path) patchProps(lbDraft, 'load-balancer', { healthCheckPath: path, healthChecks: true });
      for (const member of members.get(group.address) ?? []) connect(context, lbDraft, member, 'sync', r.address);
      // Pods the AWS Load Balancer Controller registers: the target group is their component (see the registry).
      connect(context, lbDraft, context.draft(group), 'sync', r.address);
    }
  }
  // Target groups no listener forwards to still say who sits behind which balancer when their members' security groups admit it.
  for (const [groupAddress, list] of members) {
    const group = context.resource(groupAddress)!;
    const path = str(block(group.attributes.health_check)?.path);
    for (const member of list) {
      if (path) patchProps(member, 'app-service', { healthChecks: true });
    }
  }
}

function wireEdge(context: ImportContext): void {
  for (const r of context.resources) {
    const draft = context.draft(r);
    if (r.type === 'aws_route53_record') {
      for (const target of context.draftsOf(r, 'alias', 'records')) connect(context, draft, target, 'sync', r.address);
    }
    if (r.type === 'aws_cloudfront_distribution') {
      const acl = context.refsOf(r, 'web_acl_id').find((ref) => ref.type === 'aws_wafv2_web_acl' || ref.type === 'aws_waf_web_acl');
      const front = acl ? context.draft(acl) : undefined;
      if (front) connect(context, draft, front, 'sync', r.address);
      // Only an origin's domain is where requests go; its custom headers (an origin-verify secret) are not.
      for (const origin of context.draftsOf(r, 'origin.domain_name')) {
        if (origin === draft || origin === front) continue;
        connect(context, front ?? draft, origin, 'sync', r.address);
      }
    }
    if (r.type === 'aws_wafv2_web_acl_association') {
      const acl = context.refsOf(r, 'web_acl_arn')[0];
      for (const target of context.refsOf(r, 'resource_arn')) connect(context, context.draft(acl), context.draft(target), 'sync', r.address);
    }
  }
}

/** What a workload's configuration names: endpoints in its environment, queues, buckets, secrets. */
function wireWorkloads(context: ImportContext): void {
  const roleOf = (draft: Draft) => KINDS[draft.kind].capabilities;
  for (const r of context.resources) {
    const from = context.draft(r);
    if (!from || !['app-service', 'worker-pool'].includes(from.kind)) continue;
    const keys = r.type === 'aws_ecs_task_definition' ? ['container_definitions'] : r.type === 'helm_release' ? ['set', 'values', 'set_sensitive'] : r.type === 'aws_launch_template' || r.type === 'aws_instance' ? ['user_data'] : [];
    if (keys.length === 0) continue;
    for (const target of context.refsOf(r, ...keys)) {
      const to = context.draft(target);
      if (!to || to === from) continue;
      if (target.type.startsWith('aws_secretsmanager_secret') && r.type === 'aws_ecs_task_definition') {
        context.infer(r.address, 'connection', `names secret ${target.address}: ECS reads a task's secrets when it starts the task, so the running service does not depend on it (no connection)`);
        continue;
      }
      const capabilities = roleOf(to);
      if (!capabilities.stateful && !capabilities.foundation && to.kind !== 'api-gateway' && to.kind !== 'load-balancer') continue;
      if (to.kind === 'queue') {
        const consumer = from.kind === 'worker-pool';
        context.infer(r.address, 'connection', `${consumer ? 'worker pool reads' : 'service writes to'} queue ${target.address} (named in its configuration): ${consumer ? 'queue to workers' : 'service to queue'}, asynchronous`);
        if (consumer) connect(context, to, from, 'async', r.address);
        else connect(context, from, to, 'async', r.address);
        continue;
      }
      connect(context, from, to, 'sync', r.address, `its configuration names ${target.address}`);
    }
  }
}

/**
 * S3 Replication Time Control (`replication_time { status = "Enabled" }` on a rule's destination):
 * the only setting that bounds how far the copy lags, so the design's RPO depends on it.
 */
function replicationTimeControlled(r: TfResource): boolean {
  const rules = r.type === 'aws_s3_bucket' ? blocks(block(r.attributes.replication_configuration)?.rules) : blocks(r.attributes.rule);
  return rules.some((rule) => blocks(rule.destination).some((destination) => blocks(destination.replication_time).some((time) => str(time.status) === 'Enabled')));
}

function wireReplication(context: ImportContext): void {
  for (const r of context.resources) {
    if (r.type === 'aws_db_instance') {
      const source = context.refsOf(r, 'replicate_source_db')[0];
      const from = context.draft(source);
      const to = context.draft(r);
      if (from && to && from !== to) connect(context, from, to, 'replication', r.address);
    }
    if (r.type === 'aws_s3_bucket_replication_configuration' || (r.type === 'aws_s3_bucket' && block(r.attributes.replication_configuration))) {
      const source = r.type === 'aws_s3_bucket' ? r : context.refsOf(r, 'bucket')[0];
      const from = context.draft(source);
      for (const destination of context.refsOf(r, 'rule', 'replication_configuration').filter((ref) => ref.type === 'aws_s3_bucket')) {
        const to = context.draft(destination);
        if (!from || !to || from === to) continue;
        connect(context, from, to, 'replication', r.address);
        const location = context.locationOf(destination);
        if (location) patchProps(from, 'object-storage', { replicateToRegion: regionRef(location) });
      }
      if (from && replicationTimeControlled(r)) patchProps(from, 'object-storage', { replicationTimeControl: true });
    }
    if (r.type === 'aws_rds_cluster' && str(r.attributes.global_cluster_identifier) === undefined && (r.refs.get('global_cluster_identifier')?.size ?? 0) > 0) {
      const global = context.refsOf(r, 'global_cluster_identifier')[0];
      const primary = global && context.refsOf(global, 'source_db_cluster_identifier')[0];
      if (primary && primary.address !== r.address) connect(context, context.draft(primary), context.draft(r), 'replication', r.address);
      else if (global) {
        const members = context.resources.filter((other) => other.type === 'aws_rds_cluster' && context.refsOf(other, 'global_cluster_identifier').some((g) => g.address === global.address));
        if (members[0] && members[0].address !== r.address) connect(context, context.draft(members[0]), context.draft(r), 'replication', r.address, 'Aurora global database: the first cluster is taken as the primary');
      }
    }
    if (r.type === 'aws_elasticache_replication_group' && (r.refs.get('global_replication_group_id')?.size ?? 0) > 0) {
      const global = context.refsOf(r, 'global_replication_group_id')[0];
      const primary = global && context.refsOf(global, 'primary_replication_group_id')[0];
      if (primary) connect(context, context.draft(primary), context.draft(r), 'replication', r.address);
    }
    if (r.type === 'aws_sns_topic_subscription') {
      const topic = context.refsOf(r, 'topic_arn')[0];
      const endpoint = context.refsOf(r, 'endpoint')[0];
      connect(context, context.draft(topic), context.draft(endpoint), 'async', r.address);
    }
    if (r.type === 'aws_cloudwatch_event_target' || r.type === 'aws_scheduler_schedule') {
      const source = r.type === 'aws_scheduler_schedule' ? r : context.refsOf(r, 'rule')[0];
      for (const target of context.refsOf(r, r.type === 'aws_scheduler_schedule' ? 'target' : 'arn', 'ecs_target', 'sqs_target')) {
        const to = context.draft(target) ?? (target.type === 'aws_ecs_cluster' ? undefined : undefined);
        connect(context, context.draft(source), to, 'async', r.address);
      }
    }
  }
}

/** AWS Backup: each selection's resources get the plan's backups and a backup connection to the plan's vault. */
function wireBackups(context: ImportContext): void {
  for (const selection of context.resources.filter((r) => r.type === 'aws_backup_selection')) {
    const plan = context.refsOf(selection, 'plan_id').find((p) => p.type === 'aws_backup_plan');
    if (!plan) continue;
    const rules = blocks(plan.attributes.rule);
    const rule = rules[0];
    if (!rule) continue;
    const vault = context.refsOf(plan, 'rule.target_vault_name').find((v) => v.type === 'aws_backup_vault');
    const retention = num(block(rule.lifecycle)?.delete_after);
    const continuous = bool(rule.enable_continuous_backup) === true;
    const copies = blocks(rule.copy_action);
    const planLocation = context.locationOf(plan);
    let copyToRegion: string | undefined;
    let separateAccount = false;
    const destinations = context.refsOf(plan, 'rule.copy_action.destination_vault_arn').filter((v) => v.type === 'aws_backup_vault');
    for (const destination of destinations) {
      const location = context.locationOf(destination);
      if (location && location !== planLocation) copyToRegion = location;
    }
    // Copies to a vault this configuration does not hold (an ARN, a variable): another account's.
    const outside = copies.filter((copy) => {
      const arn = str(copy.destination_vault_arn);
      if (arn && regionOfArn(arn) && regionOfArn(arn) !== planLocation) copyToRegion ??= regionOfArn(arn);
      return !destinations.some((destination) => str(destination.attributes.arn) === arn) && (arn !== undefined || destinations.length < copies.length);
    });
    if (outside.length > 0) separateAccount = true;
    if (copies.length > 0 && separateAccount) context.infer(plan.address, 'backup', 'a copy action to a vault outside this configuration: read as a copy to a separate account');
    for (const target of context.refsOf(selection, 'resources')) {
      const draft = context.draft(target);
      if (!draft) continue;
      const backup = {
        enabled: true as const,
        ...(retention !== undefined ? { retentionDays: retention } : {}),
        ...(continuous ? { pitr: true } : {}),
        ...(copyToRegion ? { copyToRegion: regionRef(copyToRegion) } : {}),
        ...(separateAccount ? { separateAccount: true } : {}),
      };
      patchProps(draft, 'relational-db', { backup });
      patchProps(draft, 'cache', { backup });
      connect(context, draft, context.draft(vault), 'backup', selection.address);
    }
    const vaultDraft = context.draft(vault);
    if (vaultDraft) {
      if (copyToRegion) patchProps(vaultDraft, 'backup-vault', { copyToRegion: regionRef(copyToRegion) });
      if (separateAccount) patchProps(vaultDraft, 'backup-vault', { separateAccount: true });
    }
  }
}

/**
 * Registry modules refer to each other through outputs: an ECS service's `load_balancer` names the
 * ALB module's target group, a database module admits the service module's security group.
 */
function wireModules(context: ImportContext): void {
  const workload = (draft: Draft) => draft.kind === 'app-service' || draft.kind === 'worker-pool';
  for (const call of context.input.moduleCalls) {
    const pseudo = { ...call, type: 'module', name: call.address, base: call.address, mode: 'managed', module: '', attributes: call.inputs } as TfResource;
    for (const draft of context.moduleDrafts.get(call.address) ?? []) {
      const path = context.moduleDraftInputs.get(draft);
      const others = (path ? context.draftsOf(pseudo, path) : context.draftsOf(pseudo)).filter((other) => other !== draft);
      if (draft.kind === 'cdn') {
        // A CDN with a web ACL sends its origins' traffic through the WAF.
        const waf = others.find((other) => other.kind === 'waf');
        if (waf) connect(context, draft, waf, 'sync', call.address);
        for (const other of others.filter((o) => o.kind !== 'waf')) connect(context, waf ?? draft, other, 'sync', call.address);
        continue;
      }
      for (const other of others) {
        const name = other.resources[0] ?? other.key;
        if (workload(draft) && other.kind === 'load-balancer') connect(context, other, draft, 'sync', call.address, `the module's inputs name ${name}`);
        else if (KINDS[draft.kind].capabilities.stateful && workload(other)) connect(context, other, draft, 'sync', call.address, `the module's inputs admit ${name}`);
        else if (workload(draft) && other.kind === 'queue') connect(context, draft, other, 'async', call.address, `the module's inputs name ${name}`);
        else if (workload(draft) && KINDS[other.kind].capabilities.stateful) connect(context, draft, other, 'sync', call.address, `the module's inputs name ${name}`);
      }
    }
  }
}

export function wire(context: ImportContext): void {
  wireModules(context);
  wireSecurityGroups(context);
  wireLoadBalancers(context);
  wireEdge(context);
  wireWorkloads(context);
  wireReplication(context);
  wireBackups(context);
}

