import type { Region } from '../../../src/model';
import type { ComponentFacts } from '../../design-facts';
import type { Member } from '../../roles';
import type { AwsRoles } from './registry';
import type { TerraformBuilder } from './builder';
import { attr, block, comment, list, nested, raw, template, type BodyItem, type Expr } from '../hcl';

interface EntryPoint {
  lb: ComponentFacts;
  spec: AwsRoles['load-balancer'];
  region: Region;
}

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

/** Internet-facing application or network load balancers: where users enter each region. */
function entryPoints(b: TerraformBuilder): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const { c, spec } of b.roles.members('load-balancer')) {
    if (!c.region || spec.scheme === 'internal') continue;
    out.push({ lb: c, spec, region: c.region });
  }
  // Primary regions first, then active, then secondary: the order failover records and origins take.
  const rank = { primary: 0, active: 1, secondary: 2 } as const;
  return out.sort((x, y) => rank[x.region.role] - rank[y.region.role]);
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
            attr('limit', b.variable('waf_rate_limit', { description: 'Requests per client address per 5 minutes before WAF blocks it.', type: 'number', default: 2000 })),
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
      attr('name', b.name(key)),
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

export function generateEdge(b: TerraformBuilder): void {
  const entries = entryPoints(b);
  const dnsMember = b.roles.members('dns')[0];
  const cdnMember = b.roles.members('cdn')[0];
  const dns = dnsMember?.c;
  const cdn = cdnMember?.c;
  const wafs = b.roles.members('waf');
  const domain = () => b.variable('domain_name', { description: "The platform's public domain name, e.g. app.example.com.", type: 'string' });
  const zoneId = () => b.variable('route53_zone_id', { description: 'ID of the Route 53 hosted zone that holds the domain name.', type: 'string' });

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
      const label = waf(b, member, 'REGIONAL', region, key);
      for (const entry of entries.filter((e) => e.region.id === region.id)) {
        if (entry.spec.type === 'network') {
          b.add('edge.tf', comment(`AWS WAF cannot attach to network load balancer ${entry.lb.id}: attach web ACL ${label} where HTTP terminates (an ALB or API gateway in front of the ingress).`));
          b.fillIns.push(`Attach web ACL \`aws_wafv2_web_acl.${label}\`: the design puts it in front of network load balancer \`${entry.lb.id}\`, which AWS WAF cannot protect.`);
          continue;
        }
        b.add(
          'edge.tf',
          block('resource', ['aws_wafv2_web_acl_association', b.label('aws_wafv2_web_acl_association', `${key}-${entry.lb.id}`)], [
            attr('provider', b.provider(region)),
            attr('resource_arn', b.ref('aws_lb', entry.lb.id, 'arn')),
            attr('web_acl_arn', raw(`aws_wafv2_web_acl.${label}.arn`)),
          ]),
        );
      }
    }
  }

  if (!dns) return;
  const failover = dnsMember!.spec.failoverRouting && entries.length >= 2;
  const ttl = dnsMember!.spec.ttlSeconds;
  const healthChecks = dnsMember!.spec.healthChecks || failover;
  if (healthChecks) {
    for (const entry of entries) {
      b.add(
        'edge.tf',
        block('resource', ['aws_route53_health_check', b.label('aws_route53_health_check', entry.lb.id)], [
          attr('provider', b.globalProvider()),
          attr('type', entry.spec.type === 'network' ? 'TCP' : 'HTTPS'),
          attr('fqdn', b.ref('aws_lb', entry.lb.id, 'dns_name')),
          attr('port', 443),
          entry.spec.type !== 'network' && attr('resource_path', entry.spec.healthCheckPath),
          attr('failure_threshold', 3),
          attr('request_interval', ttl <= 60 ? 10 : 30),
          b.tags(entry.lb, `${entry.lb.name} health`),
        ]),
      );
    }
  }
  if (entries.length === 0) {
    b.add('edge.tf', comment(`DNS ${dns.id}: the design has no internet-facing load balancer to point records at.`));
    return;
  }
  // With a CDN in front, the failover records name the origin; users resolve the CDN.
  const recordName: Expr = cdn ? template('origin.', raw('var.domain_name')) : domain();
  if (cdn) domain();
  const records = failover ? entries : entries.slice(0, 1);
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
        healthChecks && attr('health_check_id', b.ref('aws_route53_health_check', entry.lb.id, 'id')),
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
  const originFailover = cdnMember!.spec.originFailover && entries.length >= 2;
  const origins: BodyItem[] = [];
  const customOrigin = nested('custom_origin_config', [
    attr('http_port', 80),
    attr('https_port', 443),
    attr('origin_protocol_policy', 'https-only'),
    attr('origin_ssl_protocols', list(['TLSv1.2'])),
  ]);
  const primaryOrigin = failover ? 'regions' : entries[0]!.lb.id;
  if (failover) {
    origins.push(nested('origin', [attr('origin_id', 'regions'), attr('domain_name', recordName), customOrigin]));
  }
  const lbOrigins = originFailover ? entries.slice(0, 2) : failover ? [] : entries.slice(0, 1);
  for (const entry of lbOrigins) {
    origins.push(nested('origin', [attr('origin_id', entry.lb.id), attr('domain_name', b.ref('aws_lb', entry.lb.id, 'dns_name')), customOrigin]));
  }
  if (originFailover) {
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
    block('resource', ['aws_cloudfront_distribution', b.label('aws_cloudfront_distribution', cdn.id)], [
      attr('provider', b.globalProvider()),
      attr('enabled', true),
      attr('is_ipv6_enabled', true),
      attr('comment', cdn.name.slice(0, 128)),
      attr('aliases', list([domain()])),
      attr('price_class', b.variable('cloudfront_price_class', { description: 'CloudFront price class (edge locations used).', type: 'string', default: 'PriceClass_100' })),
      cloudfrontAcl !== undefined && attr('web_acl_id', raw(`aws_wafv2_web_acl.${cloudfrontAcl}.arn`)),
      ...origins,
      nested('default_cache_behavior', [
        attr('target_origin_id', primaryOrigin),
        attr('viewer_protocol_policy', 'redirect-to-https'),
        attr('allowed_methods', allMethods),
        attr('cached_methods', list(['GET', 'HEAD'])),
        attr('cache_policy_id', CACHING_DISABLED),
        attr('origin_request_policy_id', ALL_VIEWER_EXCEPT_HOST),
        attr('compress', true),
      ]),
      originFailover &&
        nested('ordered_cache_behavior', [
          comment('Origin groups serve only GET, HEAD and OPTIONS, so failover between origins covers static assets.'),
          attr('path_pattern', b.variable('static_path_pattern', { description: 'Path of static assets that CloudFront caches and fails over between regions.', type: 'string', default: '/assets/*' })),
          attr('target_origin_id', 'static-failover'),
          attr('viewer_protocol_policy', 'redirect-to-https'),
          attr('allowed_methods', list(['GET', 'HEAD', 'OPTIONS'])),
          attr('cached_methods', list(['GET', 'HEAD'])),
          attr('cache_policy_id', CACHING_OPTIMIZED),
          attr('compress', true),
        ]),
      nested('restrictions', [nested('geo_restriction', [attr('restriction_type', 'none')])]),
      nested('viewer_certificate', [
        attr('acm_certificate_arn', b.variable('cloudfront_certificate_arn', { description: 'ARN of the ACM certificate for the domain in us-east-1, for CloudFront.', type: 'string' })),
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
  b.output(`${b.label('aws_cloudfront_distribution', cdn.id)}_domain_name`, `CloudFront domain of ${cdn.id}`, b.ref('aws_cloudfront_distribution', cdn.id, 'domain_name'));
}
