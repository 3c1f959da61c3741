import { sourcesOf, type ComponentFacts } from '../../design-facts';
import type { TerraformBuilder } from './builder';
import { attr, block, comment, object, reference, template, type Expr, type RawExpr } from '../hcl';
import { databaseAlarmDimensions } from './data';

interface Alarm {
  c: ComponentFacts;
  key: string;
  metric: string;
  namespace: string;
  statistic: 'Average' | 'Sum' | 'Maximum' | 'Minimum';
  comparison: 'GreaterThanThreshold' | 'LessThanThreshold' | 'GreaterThanOrEqualToThreshold';
  threshold: number | RawExpr;
  periods: number;
  period?: number;
  dimensions: [string, Expr][];
  missing: 'breaching' | 'notBreaching' | 'missing';
  what: string;
  runbook: string;
  global?: boolean;
}

function describe(c: ComponentFacts, what: string, runbook: string): string {
  const journeys = c.journeys.map((j) => j.name);
  const impact = journeys.length > 0 ? ` Journeys at risk: ${journeys.join(', ')}.` : '';
  return `${what} (component ${c.id}).${impact} Runbook: runbooks/${runbook}.md`.slice(0, 1024);
}

function addAlarm(b: TerraformBuilder, alarm: Alarm): void {
  const actions = b.variable('alarm_actions', { description: 'ARNs notified when an alarm fires or clears (SNS topics of the on-call rotation).', type: 'list(string)', default: { kind: 'list', items: [] } });
  const provider = alarm.global || !alarm.c.region ? b.globalProvider() : b.provider(alarm.c.region);
  b.add(
    'observability.tf',
    block('resource', ['aws_cloudwatch_metric_alarm', b.label('aws_cloudwatch_metric_alarm', [alarm.c.id, alarm.key])], [
      attr('provider', provider),
      attr('alarm_name', b.name('aws_cloudwatch_metric_alarm.alarm_name', alarm.c.id, alarm.key)),
      attr('alarm_description', describe(alarm.c, alarm.what, alarm.runbook)),
      attr('namespace', alarm.namespace),
      attr('metric_name', alarm.metric),
      attr('statistic', alarm.statistic),
      attr('period', alarm.period ?? 60),
      attr('evaluation_periods', alarm.periods),
      attr('datapoints_to_alarm', alarm.periods),
      attr('comparison_operator', alarm.comparison),
      attr('threshold', alarm.threshold),
      attr('treat_missing_data', alarm.missing),
      attr('dimensions', object(alarm.dimensions)),
      attr('alarm_actions', actions),
      attr('ok_actions', actions),
      b.tags(alarm.c),
    ]),
  );
}

/**
 * CloudWatch alarms on what the journeys need (and on every queue, whose backlog and dead
 * letters are where asynchronous work fails quietly). Each names the journeys at risk and the
 * runbook to open.
 */
export function generateObservability(b: TerraformBuilder): void {
  const rpo = b.facts.tier.rpoSeconds;
  const needed = new Set(b.facts.components.filter((c) => c.journeys.length > 0).map((c) => c.id));
  for (const { c, spec } of b.roles.members('workload')) {
    if (!c.region || !needed.has(c.id)) continue;
    const lbs = sourcesOf(b.facts, c.id, 'sync').filter((s) => s.region?.id === c.region?.id && b.roles.spec(s, 'load-balancer')?.type === 'application');
    for (const lb of lbs) {
      const dims: [string, Expr][] = [
        ['LoadBalancer', b.ref('aws_lb', lb.id, 'arn_suffix')],
        ['TargetGroup', b.ref('aws_lb_target_group', [lb.id, c.id], 'arn_suffix')],
      ];
      addAlarm(b, { c, key: `${lb.id}-5xx`, metric: 'HTTPCode_Target_5XX_Count', namespace: 'AWS/ApplicationELB', statistic: 'Sum', comparison: 'GreaterThanThreshold', threshold: b.variable('alarm_5xx_per_minute', { description: 'Server errors per minute from a service before its alarm fires.', type: 'number', default: 10 }), periods: 3, dimensions: dims, missing: 'notBreaching', what: `Server errors from ${c.id} behind ${lb.id}`, runbook: 'release-rollback' });
      addAlarm(b, { c, key: `${lb.id}-unhealthy`, metric: 'UnHealthyHostCount', namespace: 'AWS/ApplicationELB', statistic: 'Maximum', comparison: 'GreaterThanThreshold', threshold: 0, periods: 3, dimensions: dims, missing: 'notBreaching', what: `Unhealthy targets of ${c.id} behind ${lb.id}`, runbook: 'zone-loss' });
    }
    if (spec.runtime === 'containers') {
      const floor = (spec.autoscaling.enabled ? spec.autoscaling.min : undefined) ?? c.replicas;
      addAlarm(b, {
        c,
        key: 'tasks',
        metric: 'RunningTaskCount',
        namespace: 'ECS/ContainerInsights',
        statistic: 'Minimum',
        comparison: 'LessThanThreshold',
        threshold: floor,
        periods: 5,
        dimensions: [
          ['ClusterName', b.ref('aws_ecs_cluster', c.region!.id, 'name')],
          ['ServiceName', b.ref('aws_ecs_service', c.id, 'name')],
        ],
        missing: 'breaching',
        what: `Fewer than ${floor} running tasks of ${c.id}`,
        runbook: 'zone-loss',
      });
    }
  }
  for (const database of b.roles.members('database')) {
    const db = database.c;
    const [dimension, value] = databaseAlarmDimensions(b, database);
    const replica = sourcesOf(b.facts, db.id, 'replication').some((s) => b.roles.is(s, 'database'));
    if (needed.has(db.id) || replica) {
      addAlarm(b, { c: db, key: 'cpu', metric: 'CPUUtilization', namespace: 'AWS/RDS', statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 80, periods: 5, period: 60, dimensions: [[dimension, value]], missing: 'missing', what: `Database ${db.id} CPU above 80%`, runbook: 'database-failover' });
    }
    if (dimension === 'DBInstanceIdentifier' && needed.has(db.id)) {
      const storageGb = database.spec.storageGb;
      addAlarm(b, { c: db, key: 'storage', metric: 'FreeStorageSpace', namespace: 'AWS/RDS', statistic: 'Minimum', comparison: 'LessThanThreshold', threshold: Math.round(storageGb * 0.1 * 1024 ** 3), periods: 5, dimensions: [[dimension, value]], missing: 'missing', what: `Database ${db.id} below 10% free storage`, runbook: 'database-failover' });
    }
    if (replica && dimension === 'DBInstanceIdentifier') {
      addAlarm(b, { c: db, key: 'replica-lag', metric: 'ReplicaLag', namespace: 'AWS/RDS', statistic: 'Maximum', comparison: 'GreaterThanThreshold', threshold: rpo, periods: 3, dimensions: [[dimension, value]], missing: 'breaching', what: `Replica ${db.id} lags more than the tier's RPO (${rpo}s)`, runbook: 'region-failover' });
    }
  }
  for (const { c } of b.roles.members('cache')) {
    if (!needed.has(c.id)) continue;
    // Memory is a per-node metric and the primary moves on failover: one alarm per member node (`<group>-001`, `-002`, ...), as many as data.ts creates.
    const members = Math.max(1, c.replicas);
    for (let index = 1; index <= members; index += 1) {
      const suffix = `-${String(index).padStart(3, '0')}`;
      const member: Expr = template(reference('aws_elasticache_replication_group', b.label('aws_elasticache_replication_group', c.id), 'replication_group_id'), suffix);
      addAlarm(b, { c, key: members === 1 ? 'memory' : `memory${suffix}`, metric: 'DatabaseMemoryUsagePercentage', namespace: 'AWS/ElastiCache', statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 80, periods: 5, dimensions: [['CacheClusterId', member]], missing: 'missing', what: `Cache ${c.id} memory above 80% on node ${index} of ${members}`, runbook: 'cache-loss' });
    }
  }
  for (const { c: q, spec: queue } of b.roles.members('queue')) {
    const name = b.ref('aws_sqs_queue', q.id, 'name');
    addAlarm(b, {
      c: q,
      key: 'backlog-age',
      metric: 'ApproximateAgeOfOldestMessage',
      namespace: 'AWS/SQS',
      statistic: 'Maximum',
      comparison: 'GreaterThanThreshold',
      threshold: b.variable('queue_max_age_seconds', { description: "Age of the oldest message (seconds) at which a queue's backlog alarm fires.", type: 'number', default: 900 }),
      periods: 5,
      dimensions: [['QueueName', name]],
      missing: 'notBreaching',
      what: `Backlog on queue ${q.id}`,
      runbook: 'queue-backlog',
    });
    if (queue.deadLetter) {
      addAlarm(b, { c: q, key: 'dead-letters', metric: 'ApproximateNumberOfMessagesVisible', namespace: 'AWS/SQS', statistic: 'Maximum', comparison: 'GreaterThanThreshold', threshold: 0, periods: 1, dimensions: [['QueueName', b.ref('aws_sqs_queue', [q.id, 'dlq'], 'name')]], missing: 'notBreaching', what: `Messages in the dead-letter queue of ${q.id}`, runbook: 'queue-backlog' });
    }
  }
  const dns = b.roles.members('dns')[0];
  const checks = b.resourceNames('edge.tf', 'aws_route53_health_check');
  if (dns && checks.length > 0) {
    b.add('observability.tf', comment('Route 53 health check metrics exist only in us-east-1.'));
    // One pass over the load balancers, not one per health check (quadratic in a large design).
    const checkedLoadBalancers = new Map<string, ComponentFacts>();
    for (const { c } of b.roles.members('load-balancer')) {
      const label = b.label('aws_route53_health_check', c.id);
      if (!checkedLoadBalancers.has(label)) checkedLoadBalancers.set(label, c);
    }
    for (const check of checks) {
      const lb = checkedLoadBalancers.get(check);
      if (!lb) continue;
      addAlarm(b, { c: lb, key: 'dns-health', metric: 'HealthCheckStatus', namespace: 'AWS/Route53', statistic: 'Minimum', comparison: 'LessThanThreshold', threshold: 1, periods: 2, dimensions: [['HealthCheckId', b.ref('aws_route53_health_check', lb.id, 'id')]], missing: 'breaching', what: `Route 53 sees ${lb.id} as unhealthy`, runbook: b.facts.regions.length > 1 ? 'region-failover' : 'zone-loss', global: true });
    }
  }
}
