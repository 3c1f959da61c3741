import { DNS_ALARM_CHECK, dnsEndpointCheck } from '../../../src/catalog';
import type { Region } from '../../../src/model';
import type { ComponentFacts } from '../../design-facts';
import type { Member } from '../../roles';
import type { AwsRoles } from './registry';
import type { TerraformBuilder } from './builder';
import { attr, block, comment, list, nested, raw, reference, template, type BodyItem, type Expr, type RawExpr } from '../hcl';
import { generatedSecret, type GeneratedSecret } from './secrets';
import { loadBalancerTargets } from './app';

export interface EntryPoint {
  lb: ComponentFacts;
  spec: AwsRoles['load-balancer'];
  region: Region;
}

/**
 * How users reach the regions, decided once and read by the load balancers (who may reach them,
 * what the listener checks) and by the edge (records, CloudFront origins).
 */
export interface EdgePlan {
  /** Internet-facing load balancers, primary regions first. */
  readonly entries: readonly EntryPoint[];
  readonly dns?: Member<AwsRoles['dns']>;
  /** The CDN, when the design has one and a DNS component to give it the domain. */
  readonly cdn?: Member<AwsRoles['cdn']>;
  /** Health-checked records across regions (failover, or latency when every region is active). */
  readonly failover: boolean;
  readonly records: readonly EntryPoint[];
  /** Route 53 health checks on the entry points. */
  readonly healthChecks: boolean;
  /** Load balancers CloudFront sends requests to: its origins and the targets of its failover record. */
  readonly cdnOrigins: ReadonlySet<string>;
  /** Load balancers that are CloudFront origins themselves (origin failover for static paths). */
  readonly lbOrigins: readonly EntryPoint[];
  readonly originFailover: boolean;
}

/** Managed-CachingDisabled and Managed-CachingOptimized cache policies. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
/**
 * Managed-AllViewer origin request policy: forwards every viewer header, `Host` included. The
 * regional certificates are for the platform's domain, so CloudFront's TLS handshake with the load
 * balancer matches the forwarded `Host` (AWS: the origin's certificate must match the origin
 * domain or the forwarded Host header, or CloudFront answers 502).
 */
const ALL_VIEWER = '216adef6-5c7f-47e4-b989-5492eafa07d3';
/** The header CloudFront adds to every origin request; the load balancers forward only what carries it. */
export const ORIGIN_HEADER = 'X-Origin-Verify';
/** AWS-managed prefix list of CloudFront's origin-facing addresses. */
const CLOUDFRONT_PREFIX_LIST = 'com.amazonaws.global.cloudfront.origin-facing';

const plans = new WeakMap<TerraformBuilder, EdgePlan>();

export function edgePlan(b: TerraformBuilder): EdgePlan {
  const cached = plans.get(b);
  if (cached) return cached;
  const entries: EntryPoint[] = [];
  for (const { c, spec } of b.roles.members('load-balancer')) {
    if (!c.region || spec.scheme === 'internal') continue;
    entries.push({ lb: c, spec, region: c.region });
  }
  // Primary regions first, then active, then secondary: the order failover records and origins take.
  const rank = { primary: 0, active: 1, secondary: 2 } as const;
  entries.sort((x, y) => rank[x.region.role] - rank[y.region.role]);
  const dns = b.roles.members('dns')[0];
  const cdn = dns && entries.length > 0 ? b.roles.members('cdn')[0] : undefined;
  const failover = dns !== undefined && dns.spec.failoverRouting && entries.length >= 2;
  const records = failover ? entries : entries.slice(0, 1);
  const originFailover = cdn !== undefined && cdn.spec.originFailover && entries.length >= 2;
  const lbOrigins = !cdn ? [] : originFailover ? entries.slice(0, 2) : failover ? [] : entries.slice(0, 1);
  const cdnOrigins = new Set(cdn ? [...(failover ? records : []), ...lbOrigins].map((e) => e.lb.id) : []);
  const plan: EdgePlan = { entries, dns, cdn, failover, records, healthChecks: dns !== undefined && (dns.spec.healthChecks || failover), cdnOrigins, lbOrigins, originFailover };
  plans.set(b, plan);
  return plan;
}

/** Whether only CloudFront may reach this load balancer. */
export function behindCdn(b: TerraformBuilder, lb: ComponentFacts): boolean {
  return edgePlan(b).cdnOrigins.has(lb.id);
}

/** The secret CloudFront sends in `X-Origin-Verify`; generated once, in us-east-1 with the distribution. */
export function originSecret(b: TerraformBuilder): GeneratedSecret {
  return b.memo('cdn-origin-secret', () =>
    generatedSecret(b, {
      key: 'cdn-origin',
      region: undefined,
      nameParts: ['cdn-origin'],
      description: 'Value of the X-Origin-Verify header CloudFront sends to the load balancers, which forward only requests that carry it.',
      length: 48,
    }),
  );
}

/** The CloudFront origin-facing prefix list in a region, for the load balancers' security groups. */
export function cloudfrontPrefixList(b: TerraformBuilder, region: Region): RawExpr {
  const label = b.label('data.aws_ec2_managed_prefix_list', [region.id, 'cloudfront']);
  if (b.once(`cloudfront-prefix-list:${region.id}`)) {
    b.add('network.tf', block('data', ['aws_ec2_managed_prefix_list', label], [attr('provider', b.provider(region)), attr('name', CLOUDFRONT_PREFIX_LIST)]));
  }
  return reference('data.aws_ec2_managed_prefix_list', label, 'id');
}

function waf(b: TerraformBuilder, { c, spec }: Member<AwsRoles['waf']>, scope: 'CLOUDFRONT' | 'REGIONAL', region: Region | undefined, key: string): string {
  const provider = region ? b.provider(region) : b.globalProvider();
  const rules: BodyItem[] = [];
  const metric = (name: string) =>
    nested('visibility_config', [attr('cloudwatch_metrics_enabled', true), attr('metric_name', name), attr('sampled_requests_enabled', true)]);
  let priority = 10;
  if (spec.managedRules) {
    for (const [name, group] of [
      ['aws-common', 'AWSManagedRulesCommonRuleSet'],
      ['aws-known-bad-inputs', 'AWSManagedRulesKnownBadInputsRuleSet'],
    ] as const) {
      rules.push(
        nested('rule', [
          attr('name', name),
          attr('priority', priority),
          nested('override_action', [nested('none', [])]),
          nested('statement', [nested('managed_rule_group_statement', [attr('name', group), attr('vendor_name', 'AWS')])]),
          metric(`${key}-${name}`),
        ]),
      );
      priority += 10;
    }
  }
  if (spec.rateLimiting) {
    rules.push(
      nested('rule', [
        attr('name', 'rate-limit-per-ip'),
        attr('priority', priority),
        nested('action', [nested('block', [])]),
        nested('statement', [
          nested('rate_based_statement', [
            attr(
              'limit',
              b.variable('waf_rate_limit', {
                description: 'Requests per client address per 5 minutes before WAF blocks it.',
                type: 'number',
                default: 2000,
                // 100 is provider 5's minimum, 2e9 the maximum of both.
                validation: [{ condition: 'var.waf_rate_limit >= 100 && var.waf_rate_limit <= 2000000000', message: 'waf_rate_limit: between 100 and 2,000,000,000 requests per 5 minutes.' }],
              }),
            ),
            attr('aggregate_key_type', 'IP'),
          ]),
        ]),
        metric(`${key}-rate-limit`),
      ]),
    );
  }
  const label = b.label('aws_wafv2_web_acl', key);
  b.add(
    'edge.tf',
    block('resource', ['aws_wafv2_web_acl', label], [
      attr('provider', provider),
      attr('name', b.name('aws_wafv2_web_acl.name', key)),
      attr('description', `Web ACL of component ${c.id}`),
      attr('scope', scope),
      nested('default_action', [nested('allow', [])]),
      ...rules,
      metric(key),
      b.tags(c),
    ]),
  );
  return label;
}

/**
 * Route 53 health checks of the entry points. A load balancer behind CloudFront admits only
 * CloudFront, so Route 53's checkers cannot reach it: its health check follows a CloudWatch alarm
 * on its healthy targets instead of probing it over the internet.
 */
function healthCheck(b: TerraformBuilder, entry: EntryPoint, ttl: number): void {
  const first = loadBalancerTargets(b, entry.lb)[0];
  if (behindCdn(b, entry.lb) && first) {
    const namespace = entry.spec.type === 'network' ? 'AWS/NetworkELB' : 'AWS/ApplicationELB';
    const alarm = b.label('aws_cloudwatch_metric_alarm', [entry.lb.id, 'healthy-targets']);
    b.add(
      'edge.tf',
      comment(`Load balancer ${entry.lb.id} admits only CloudFront: Route 53 follows this alarm on its healthy targets.`),
      block('resource', ['aws_cloudwatch_metric_alarm', alarm], [
        attr('provider', b.provider(entry.region)),
        attr('alarm_name', b.name('aws_cloudwatch_metric_alarm.alarm_name', entry.lb.id, 'healthy-targets')),
        attr('alarm_description', `No healthy target behind ${entry.lb.id}: Route 53 fails over away from region ${entry.region.id}.`),
        attr('namespace', namespace),
        attr('metric_name', 'HealthyHostCount'),
        attr('statistic', 'Minimum'),
        attr('period', DNS_ALARM_CHECK.periodSeconds),
        attr('evaluation_periods', DNS_ALARM_CHECK.evaluationPeriods),
        attr('comparison_operator', 'LessThanThreshold'),
        attr('threshold', 1),
        attr('treat_missing_data', 'breaching'),
        attr(
          'dimensions',
          { kind: 'object', entries: [['LoadBalancer', b.ref('aws_lb', entry.lb.id, 'arn_suffix')], ['TargetGroup', b.ref('aws_lb_target_group', [entry.lb.id, first.id], 'arn_suffix')]] },
        ),
        b.tags(entry.lb, `${entry.lb.name} healthy targets`),
      ]),
      block('resource', ['aws_route53_health_check', b.label('aws_route53_health_check', entry.lb.id)], [
        attr('provider', b.globalProvider()),
        attr('type', 'CLOUDWATCH_METRIC'),
        attr('cloudwatch_alarm_name', reference('aws_cloudwatch_metric_alarm', alarm, 'alarm_name')),
        attr('cloudwatch_alarm_region', entry.region.location),
        attr('insufficient_data_health_status', 'LastKnownStatus'),
        b.tags(entry.lb, `${entry.lb.name} health`),
      ]),
    );
    return;
  }
  const check = dnsEndpointCheck(ttl);
  b.add(
    'edge.tf',
    block('resource', ['aws_route53_health_check', b.label('aws_route53_health_check', entry.lb.id)], [
      attr('provider', b.globalProvider()),
      attr('type', entry.spec.type === 'network' ? 'TCP' : 'HTTPS'),
      attr('fqdn', b.ref('aws_lb', entry.lb.id, 'dns_name')),
      attr('port', 443),
      entry.spec.type !== 'network' && attr('resource_path', entry.spec.healthCheckPath),
      attr('failure_threshold', check.failureThreshold),
      attr('request_interval', check.requestIntervalSeconds),
      b.tags(entry.lb, `${entry.lb.name} health`),
    ]),
  );
}

export function generateEdge(b: TerraformBuilder): void {
  const plan = edgePlan(b);
  const { entries, dns: dnsMember, cdn: cdnMember, failover, records } = plan;
  const dns = dnsMember?.c;
  const cdn = cdnMember?.c;
  const wafs = b.roles.members('waf');
  const domain = () => b.variable('domain_name', { description: "The platform's public domain name, e.g. app.example.com.", type: 'string', example: 'app.example.com' });
  const zoneId = () => b.variable('route53_zone_id', { description: 'ID of the Route 53 hosted zone that holds the domain name.', type: 'string', example: 'Z0123456789ABCDEFGHIJ' });

  // WAF: a global web ACL sits on CloudFront; a regional one (or a global one without a CDN) on each region's ALBs.
  let cloudfrontAcl: string | undefined;
  for (const member of wafs) {
    const w = member.c;
    if (!w.region && cdn) {
      cloudfrontAcl = waf(b, member, 'CLOUDFRONT', undefined, w.id);
      continue;
    }
    const regions = w.region ? [w.region] : [...new Set(entries.map((e) => e.region))];
    for (const region of regions) {
      const key = w.region ? w.id : `${w.id}-${region.id}`;
      const here = entries.filter((e) => e.region.id === region.id);
      if (here.length > 0 && here.every((e) => e.spec.type === 'network')) {
        // An ACL with nothing to attach to would only cost money.
        b.fillIns.push(`Web application firewall \`${w.id}\`: AWS WAF cannot attach to network load balancer${here.length > 1 ? 's' : ''} ${here.map((e) => `\`${e.lb.id}\``).join(', ')}; put it where HTTP terminates (CloudFront or an ALB in front of the ingress). No web ACL is created for region \`${region.id}\`.`);
        continue;
      }
      const label = waf(b, member, 'REGIONAL', region, key);
      for (const entry of here) {
        if (entry.spec.type === 'network') continue;
        b.add(
          'edge.tf',
          block('resource', ['aws_wafv2_web_acl_association', b.label('aws_wafv2_web_acl_association', [key, entry.lb.id])], [
            attr('provider', b.provider(region)),
            attr('resource_arn', b.ref('aws_lb', entry.lb.id, 'arn')),
            attr('web_acl_arn', reference('aws_wafv2_web_acl', label, 'arn')),
          ]),
        );
      }
    }
  }

  if (!dns) return;
  const ttl = dnsMember!.spec.ttlSeconds;
  if (plan.healthChecks) for (const entry of entries) healthCheck(b, entry, ttl);
  if (entries.length === 0) {
    b.add('edge.tf', comment(`DNS ${dns.id}: the design has no internet-facing load balancer to point records at.`));
    return;
  }
  // With a CDN in front, the failover records name the origin; users resolve the CDN.
  const recordName: Expr = cdn ? template('origin.', raw('var.domain_name')) : domain();
  if (cdn) domain();
  for (const entry of records) {
    const active = entries.every((e) => e.region.role === 'active');
    const policy: BodyItem[] = !failover
      ? []
      : active
        ? [attr('set_identifier', entry.region.id), nested('latency_routing_policy', [attr('region', entry.region.location)])]
        : [attr('set_identifier', entry.region.id), nested('failover_routing_policy', [attr('type', entry === entries[0] ? 'PRIMARY' : 'SECONDARY')])];
    b.add(
      'edge.tf',
      block('resource', ['aws_route53_record', b.label('aws_route53_record', entry.lb.id)], [
        attr('provider', b.globalProvider()),
        attr('zone_id', zoneId()),
        attr('name', recordName),
        attr('type', 'A'),
        ...policy,
        plan.healthChecks && attr('health_check_id', b.ref('aws_route53_health_check', entry.lb.id, 'id')),
        nested('alias', [
          attr('name', b.ref('aws_lb', entry.lb.id, 'dns_name')),
          attr('zone_id', b.ref('aws_lb', entry.lb.id, 'zone_id')),
          attr('evaluate_target_health', true),
        ]),
      ]),
    );
  }
  if (failover && ttl > 60) {
    b.add('edge.tf', comment(`The design's DNS TTL is ${ttl}s; alias records use the target's TTL, but resolvers that cached other records may take that long to move.`));
  }

  if (!cdn) return;
  const secret = originSecret(b);
  const origins: BodyItem[] = [];
  const originBody = (id: string, domainName: Expr): BodyItem =>
    nested('origin', [
      attr('origin_id', id),
      attr('domain_name', domainName),
      nested('custom_header', [attr('name', ORIGIN_HEADER), attr('value', secret.value)]),
      nested('custom_origin_config', [
        attr('http_port', 80),
        attr('https_port', 443),
        attr('origin_protocol_policy', 'https-only'),
        attr('origin_ssl_protocols', list(['TLSv1.2'])),
      ]),
    ]);
  const primaryOrigin = failover ? 'regions' : entries[0]!.lb.id;
  if (failover) origins.push(originBody('regions', recordName));
  for (const entry of plan.lbOrigins) origins.push(originBody(entry.lb.id, b.ref('aws_lb', entry.lb.id, 'dns_name')));
  if (plan.originFailover) {
    origins.push(
      nested('origin_group', [
        attr('origin_id', 'static-failover'),
        nested('failover_criteria', [attr('status_codes', list([500, 502, 503, 504]))]),
        ...entries.slice(0, 2).map((entry) => nested('member', [attr('origin_id', entry.lb.id)])),
      ]),
    );
  }
  const allMethods = list(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
  b.add(
    'edge.tf',
    comment(`CDN ${cdn.id}: dynamic requests go to ${failover ? 'the health-checked failover name of the regions' : `load balancer ${entries[0]!.lb.id}`}, uncached.`),
    comment('Every origin request forwards the viewer Host header (the regional certificates are for the domain) and carries the X-Origin-Verify secret.'),
    block('resource', ['aws_cloudfront_distribution', b.label('aws_cloudfront_distribution', cdn.id)], [
      attr('provider', b.globalProvider()),
      attr('enabled', true),
      attr('is_ipv6_enabled', true),
      attr('comment', cdn.name.slice(0, 128)),
      attr('aliases', list([domain()])),
      attr('price_class', b.variable('cloudfront_price_class', { description: 'CloudFront price class (edge locations used).', type: 'string', default: 'PriceClass_100' })),
      cloudfrontAcl !== undefined && attr('web_acl_id', reference('aws_wafv2_web_acl', cloudfrontAcl, 'arn')),
      ...origins,
      nested('default_cache_behavior', [
        attr('target_origin_id', primaryOrigin),
        attr('viewer_protocol_policy', 'redirect-to-https'),
        attr('allowed_methods', allMethods),
        attr('cached_methods', list(['GET', 'HEAD'])),
        attr('cache_policy_id', CACHING_DISABLED),
        attr('origin_request_policy_id', ALL_VIEWER),
        attr('compress', true),
      ]),
      plan.originFailover &&
        nested('ordered_cache_behavior', [
          comment('Origin groups serve only GET, HEAD and OPTIONS, so failover between origins covers static assets.'),
          attr('path_pattern', b.variable('static_path_pattern', { description: 'Path of static assets that CloudFront caches and fails over between regions.', type: 'string', default: '/assets/*' })),
          attr('target_origin_id', 'static-failover'),
          attr('viewer_protocol_policy', 'redirect-to-https'),
          attr('allowed_methods', list(['GET', 'HEAD', 'OPTIONS'])),
          attr('cached_methods', list(['GET', 'HEAD'])),
          attr('cache_policy_id', CACHING_OPTIMIZED),
          attr('origin_request_policy_id', ALL_VIEWER),
          attr('compress', true),
        ]),
      nested('restrictions', [nested('geo_restriction', [attr('restriction_type', 'none')])]),
      nested('viewer_certificate', [
        attr(
          'acm_certificate_arn',
          b.variable('cloudfront_certificate_arn', { description: 'ARN of the ACM certificate for the domain in us-east-1, for CloudFront.', type: 'string', example: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000' }),
        ),
        attr('ssl_support_method', 'sni-only'),
        attr('minimum_protocol_version', 'TLSv1.2_2021'),
      ]),
      b.tags(cdn),
    ]),
    block('resource', ['aws_route53_record', b.label('aws_route53_record', cdn.id)], [
      attr('provider', b.globalProvider()),
      attr('zone_id', zoneId()),
      attr('name', domain()),
      attr('type', 'A'),
      nested('alias', [
        attr('name', b.ref('aws_cloudfront_distribution', cdn.id, 'domain_name')),
        attr('zone_id', b.ref('aws_cloudfront_distribution', cdn.id, 'hosted_zone_id')),
        attr('evaluate_target_health', false),
      ]),
    ]),
  );
  b.output(cdn.id, 'domain_name', `CloudFront domain of ${cdn.id}`, b.ref('aws_cloudfront_distribution', cdn.id, 'domain_name'));
}
