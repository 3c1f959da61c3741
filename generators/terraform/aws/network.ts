import type { Region } from '../../../src/model';
import { usedZones, ZONE_ID, zoneName, type ComponentFacts } from '../../design-facts';
import { type TerraformBuilder, zoneArgument } from './builder';
import { attr, block, call, comment, identifier, list, nested, quoted, type Expr, type RawExpr } from '../hcl';

/** Regions that hold at least one regional component get a network. */
export function networkedRegions(b: TerraformBuilder): Region[] {
  const used = new Set(b.facts.components.map((c) => c.region?.id).filter((id): id is string => id !== undefined));
  return b.facts.regions.filter((region) => used.has(region.id));
}

/** Subnet ids of a tier (`public` or `private`) in the given zones of a region. */
export function subnetIds(b: TerraformBuilder, region: Region, tier: 'public' | 'private', zones: readonly string[], minimum = 1): Expr {
  const inRegion = usedZones(b.facts, region);
  const chosen = zones.filter((zone) => inRegion.includes(zone));
  for (const zone of inRegion) if (chosen.length < minimum && !chosen.includes(zone)) chosen.push(zone);
  return list(inRegion.filter((zone) => chosen.includes(zone)).map((zone) => b.ref('aws_subnet', [region.id, tier, zone], 'id')));
}

export function vpcId(b: TerraformBuilder, region: Region): RawExpr {
  return b.ref('aws_vpc', region.id, 'id');
}

export function vpcCidr(b: TerraformBuilder, region: Region): RawExpr {
  const index = b.facts.regions.indexOf(region);
  return b.variable(`${identifier(region.id)}_vpc_cidr`, {
    description: `CIDR block of the VPC in region ${region.id} (${region.location}). Distinct per region, so the VPCs can be peered.`,
    type: 'string',
    default: `10.${index * 16}.0.0/16`,
    validation: [{ condition: `can(cidrhost(var.${identifier(region.id)}_vpc_cidr, 0))`, message: 'Must be an IPv4 CIDR block, e.g. 10.0.0.0/16.' }],
  });
}

function natGateways(b: TerraformBuilder, region: Region): ComponentFacts[] {
  return b.roles.members('nat-gateway').flatMap(({ c }) => (c.region?.id === region.id ? [c] : []));
}

/** Whether the design gives this region a NAT gateway: without one, private subnets reach AWS through VPC endpoints only. */
export function hasNat(b: TerraformBuilder, region: Region): boolean {
  return natGateways(b, region).length > 0;
}

/**
 * AWS services that containers in private subnets reach without a NAT gateway: images (ECR and
 * the S3 layers behind it), logs, credentials (STS, for IAM roles of pods), secrets, and for EKS
 * nodes EC2 (they describe themselves to join). The queue endpoint when queues are used.
 */
function endpointServices(b: TerraformBuilder, region: Region): string[] {
  const here = b.facts.components.filter((c) => c.region?.id === region.id);
  const services = ['ecr.api', 'ecr.dkr', 'logs', 'sts', 'secretsmanager'];
  if (here.some((c) => c.traits.runtime === 'kubernetes')) services.push('ec2');
  if (b.roles.members('queue').some(({ c }) => c.region?.id === region.id)) services.push('sqs');
  return services;
}

/**
 * What private subnets need before anything in them can start: their route tables (through the
 * NAT gateways they route to), or the VPC endpoints of a region without NAT.
 */
export function egressReady(b: TerraformBuilder, region: Region): RawExpr[] {
  const zones = usedZones(b.facts, region);
  const endpoints = b.memo(`endpoints:${region.id}`, (): RawExpr[] => []);
  return [...zones.map((zone) => b.address('aws_route_table_association', [region.id, 'private', zone])), ...endpoints];
}

/** Components of a region without NAT that call a system outside AWS: the README says what that needs. */
function externalCallsWithoutNat(b: TerraformBuilder, region: Region): void {
  for (const c of b.facts.components.filter((c) => c.region?.id === region.id)) {
    if (!b.facts.outgoing.get(c.id)?.some((connection) => b.facts.byId.get(connection.to)?.kind.capabilities.external === true)) continue;
    b.notGenerated.push(`\`${c.id}\` calls a system outside AWS, but region \`${region.id}\` has no NAT gateway in the design: its private subnets reach AWS services only (VPC endpoints). Add a NAT gateway to the design, or a proxy, for that call to work.`);
  }
}

function vpcEndpoints(b: TerraformBuilder, region: Region, zones: readonly string[]): void {
  const endpoints = b.memo(`endpoints:${region.id}`, (): RawExpr[] => []);
  const provider = b.provider(region);
  const here = b.facts.components.filter((c) => c.region?.id === region.id);
  if (!here.some((c) => c.traits.runtime === 'containers' || c.traits.runtime === 'kubernetes')) return;
  b.add(
    'network.tf',
    comment(`Region ${region.id} has no NAT gateway in the design: containers in its private subnets pull images, write logs and read secrets through VPC endpoints.`),
    block('resource', ['aws_security_group', b.label('aws_security_group', [region.id, 'endpoints'])], [
      attr('provider', provider),
      attr('name', b.name('aws_security_group.name', region.id, 'endpoints')),
      attr('description', `VPC endpoints of region ${region.id}: HTTPS from inside the VPC`),
      attr('vpc_id', vpcId(b, region)),
      b.tags(undefined, `${b.facts.slug} ${region.id} endpoints`),
    ]),
    block('resource', ['aws_vpc_security_group_ingress_rule', b.label('aws_vpc_security_group_ingress_rule', [region.id, 'endpoints'])], [
      attr('provider', provider),
      attr('security_group_id', b.ref('aws_security_group', [region.id, 'endpoints'], 'id')),
      attr('description', 'HTTPS from the VPC'),
      attr('cidr_ipv4', vpcCidr(b, region)),
      attr('ip_protocol', 'tcp'),
      attr('from_port', 443),
      attr('to_port', 443),
    ]),
    block('resource', ['aws_vpc_endpoint', b.label('aws_vpc_endpoint', [region.id, 's3'])], [
      attr('provider', provider),
      attr('vpc_id', vpcId(b, region)),
      attr('service_name', `com.amazonaws.${region.location}.s3`),
      attr('vpc_endpoint_type', 'Gateway'),
      attr('route_table_ids', list(zones.map((zone) => b.ref('aws_route_table', [region.id, 'private', zone], 'id')))),
      b.tags(undefined, `${b.facts.slug} ${region.id} s3`),
    ]),
  );
  endpoints.push(b.address('aws_vpc_endpoint', [region.id, 's3']));
  for (const service of endpointServices(b, region)) {
    b.add(
      'network.tf',
      block('resource', ['aws_vpc_endpoint', b.label('aws_vpc_endpoint', [region.id, service.replace(/\./g, '-')])], [
        attr('provider', provider),
        attr('vpc_id', vpcId(b, region)),
        attr('service_name', `com.amazonaws.${region.location}.${service}`),
        attr('vpc_endpoint_type', 'Interface'),
        attr('private_dns_enabled', true),
        attr('subnet_ids', subnetIds(b, region, 'private', zones)),
        attr('security_group_ids', list([b.ref('aws_security_group', [region.id, 'endpoints'], 'id')])),
        b.tags(undefined, `${b.facts.slug} ${region.id} ${service}`),
      ]),
    );
    endpoints.push(b.address('aws_vpc_endpoint', [region.id, service.replace(/\./g, '-')]));
  }
}

export function generateNetwork(b: TerraformBuilder): void {
  for (const region of networkedRegions(b)) {
    const provider = b.provider(region);
    const zones = usedZones(b.facts, region);
    const cidr = vpcCidr(b, region);
    const newBits = zones.length > 8 ? 6 : 4;
    const privateOffset = 2 ** newBits / 2;
    b.add('network.tf', comment(`Region ${region.id} (${region.location}): a VPC with a public and a private subnet in each of its zones (${zones.join(', ')}).`));
    b.add(
      'network.tf',
      block('resource', ['aws_vpc', b.label('aws_vpc', region.id)], [
        attr('provider', provider),
        attr('cidr_block', cidr),
        attr('enable_dns_support', true),
        attr('enable_dns_hostnames', true),
        b.tags(undefined, `${b.facts.slug} ${region.id}`),
      ]),
      comment('The default security group of the VPC allows nothing: every resource here has a group of its own.'),
      block('resource', ['aws_default_security_group', b.label('aws_default_security_group', region.id)], [attr('provider', provider), attr('vpc_id', vpcId(b, region))]),
      block('resource', ['aws_internet_gateway', b.label('aws_internet_gateway', region.id)], [
        attr('provider', provider),
        attr('vpc_id', vpcId(b, region)),
        b.tags(undefined, `${b.facts.slug} ${region.id}`),
      ]),
    );
    zones.forEach((zone, index) => {
      for (const tier of ['public', 'private'] as const) {
        b.add(
          'network.tf',
          block('resource', ['aws_subnet', b.label('aws_subnet', [region.id, tier, zone])], [
            attr('provider', provider),
            attr('vpc_id', vpcId(b, region)),
            zoneArgument(region, zone),
            attr('cidr_block', call('cidrsubnet', cidr, newBits, tier === 'public' ? index : privateOffset + index)),
            attr('map_public_ip_on_launch', false),
            b.tags(undefined, `${b.facts.slug} ${region.id} ${tier} ${zone}`, { 'ninesmith:tier': tier }),
          ]),
        );
        const [argument, value] = ZONE_ID.test(zone) ? ['availability_zone_id', zone] : ['availability_zone', zoneName(region, zone)];
        b.check('subnets_in_every_zone', `aws_subnet.${b.label('aws_subnet', [region.id, tier, zone])}.${argument} == ${quoted(value)}`, `Region ${region.id}: a ${tier} subnet in zone ${zone}, as the design places components there.`);
      }
    });
    b.add(
      'network.tf',
      block('resource', ['aws_route_table', b.label('aws_route_table', [region.id, 'public'])], [
        attr('provider', provider),
        attr('vpc_id', vpcId(b, region)),
        nested('route', [attr('cidr_block', '0.0.0.0/0'), attr('gateway_id', b.ref('aws_internet_gateway', region.id, 'id'))]),
        b.tags(undefined, `${b.facts.slug} ${region.id} public`),
      ]),
    );
    for (const zone of zones) {
      b.add(
        'network.tf',
        block('resource', ['aws_route_table_association', b.label('aws_route_table_association', [region.id, 'public', zone])], [
          attr('provider', provider),
          attr('subnet_id', b.ref('aws_subnet', [region.id, 'public', zone], 'id')),
          attr('route_table_id', b.ref('aws_route_table', [region.id, 'public'], 'id')),
        ]),
      );
    }

    // NAT: one gateway per zone that the design's NAT component covers. A private subnet in a zone
    // without its own NAT routes through another zone's, which the design's checks flag.
    const natZones: { zone: string; nat: ComponentFacts }[] = [];
    for (const nat of natGateways(b, region)) {
      for (const zone of nat.zones) if (!natZones.some((entry) => entry.zone === zone)) natZones.push({ zone, nat });
    }
    for (const { zone, nat } of natZones) {
      b.add(
        'network.tf',
        block('resource', ['aws_eip', b.label('aws_eip', [nat.id, zone])], [attr('provider', provider), attr('domain', 'vpc'), b.tags(nat, `${nat.name} ${zone}`)]),
        block('resource', ['aws_nat_gateway', b.label('aws_nat_gateway', [nat.id, zone])], [
          attr('provider', provider),
          attr('allocation_id', b.ref('aws_eip', [nat.id, zone], 'id')),
          attr('subnet_id', b.ref('aws_subnet', [region.id, 'public', zone], 'id')),
          b.tags(nat, `${nat.name} ${zone}`),
          attr('depends_on', list([b.address('aws_internet_gateway', region.id)])),
        ]),
      );
    }
    for (const zone of zones) {
      const own = natZones.find((entry) => entry.zone === zone) ?? natZones[0];
      const routes = own
        ? [nested('route', [attr('cidr_block', '0.0.0.0/0'), attr('nat_gateway_id', b.ref('aws_nat_gateway', [own.nat.id, own.zone], 'id'))])]
        : [comment('No NAT gateway in this region in the design: private subnets have no route to the internet (AWS services through VPC endpoints).')];
      b.add(
        'network.tf',
        block('resource', ['aws_route_table', b.label('aws_route_table', [region.id, 'private', zone])], [
          attr('provider', provider),
          attr('vpc_id', vpcId(b, region)),
          own && own.zone !== zone && comment(`Zone ${zone} has no NAT gateway of its own in the design: egress crosses to zone ${own.zone}.`),
          ...routes,
          b.tags(undefined, `${b.facts.slug} ${region.id} private ${zone}`),
        ]),
        block('resource', ['aws_route_table_association', b.label('aws_route_table_association', [region.id, 'private', zone])], [
          attr('provider', provider),
          attr('subnet_id', b.ref('aws_subnet', [region.id, 'private', zone], 'id')),
          attr('route_table_id', b.ref('aws_route_table', [region.id, 'private', zone], 'id')),
        ]),
      );
    }
    if (natZones.length === 0) {
      vpcEndpoints(b, region, zones);
      externalCallsWithoutNat(b, region);
    }
    b.output(region.id, 'vpc_id', `VPC of region ${region.id}`, vpcId(b, region));
  }
}

/** Where a security group admits traffic from: the groups of connected components, or a managed prefix list. */
export interface IngressSource {
  /** Names the rule (`<group>-from-<id>`) and its description. */
  readonly id: string;
  readonly group?: RawExpr;
  readonly prefixList?: RawExpr;
  readonly description?: string;
}

/**
 * A security group for a component, with ingress only from what the design connects to it (sync
 * connections) on `port`, from the internet on 443 and 80 when `fromInternet`, and egress anywhere.
 */
export function securityGroup(b: TerraformBuilder, c: ComponentFacts, region: Region, port: number | RawExpr, sources: readonly IngressSource[], fromInternet = false, key = c.id): RawExpr {
  const provider = b.provider(region);
  const group = b.ref('aws_security_group', key, 'id');
  b.add(
    'network.tf',
    block('resource', ['aws_security_group', b.label('aws_security_group', key)], [
      attr('provider', provider),
      attr('name', b.name('aws_security_group.name', key)),
      attr('description', `${key === c.id ? `Component ${c.id}` : `${key} (of component ${c.id})`}: ingress only from what the design connects to it`),
      attr('vpc_id', vpcId(b, region)),
      b.tags(c),
    ]),
  );
  if (fromInternet) {
    for (const listenerPort of [443, 80]) {
      b.add(
        'network.tf',
        block('resource', ['aws_vpc_security_group_ingress_rule', b.label('aws_vpc_security_group_ingress_rule', [key, 'internet', String(listenerPort)])], [
          attr('provider', provider),
          attr('security_group_id', group),
          attr('description', listenerPort === 443 ? 'HTTPS from the internet' : 'HTTP from the internet (redirected to HTTPS)'),
          attr('cidr_ipv4', '0.0.0.0/0'),
          attr('ip_protocol', 'tcp'),
          attr('from_port', listenerPort),
          attr('to_port', listenerPort),
        ]),
      );
    }
  }
  for (const source of sources) ingressRule(b, key, region, group, source, port);
  b.add(
    'network.tf',
    block('resource', ['aws_vpc_security_group_egress_rule', b.label('aws_vpc_security_group_egress_rule', key)], [
      attr('provider', provider),
      attr('security_group_id', group),
      attr('description', 'All outbound'),
      attr('cidr_ipv4', '0.0.0.0/0'),
      attr('ip_protocol', '-1'),
    ]),
  );
  return group;
}

/** One ingress rule into a component's group; returns the rule's address. */
export function ingressRule(b: TerraformBuilder, key: string, region: Region, group: RawExpr, source: IngressSource, port: number | RawExpr): string {
  const label = b.label('aws_vpc_security_group_ingress_rule', [key, 'from', source.id]);
  b.add(
    'network.tf',
    block('resource', ['aws_vpc_security_group_ingress_rule', label], [
      attr('provider', b.provider(region)),
      attr('security_group_id', group),
      attr('description', source.description ?? `From ${source.id}`),
      source.group && attr('referenced_security_group_id', source.group),
      source.prefixList && attr('prefix_list_id', source.prefixList),
      attr('ip_protocol', 'tcp'),
      attr('from_port', port),
      attr('to_port', port),
    ]),
  );
  return `aws_vpc_security_group_ingress_rule.${label}`;
}
