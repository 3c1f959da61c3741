import type { Region } from '../../../src/model';
import { usedZones, type ComponentFacts } from '../../design-facts';
import { type TerraformBuilder, zoneArgument } from './builder';
import { attr, block, call, comment, identifier, list, nested, raw, type Expr, type RawExpr } from '../hcl';

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
  return list(inRegion.filter((zone) => chosen.includes(zone)).map((zone) => b.ref('aws_subnet', `${region.id}-${tier}-${zone}`, 'id')));
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
  });
}

function natGateways(b: TerraformBuilder, region: Region): ComponentFacts[] {
  return b.roles.members('nat-gateway').flatMap(({ c }) => (c.region?.id === region.id ? [c] : []));
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
          block('resource', ['aws_subnet', b.label('aws_subnet', `${region.id}-${tier}-${zone}`)], [
            attr('provider', provider),
            attr('vpc_id', vpcId(b, region)),
            zoneArgument(region, zone),
            attr('cidr_block', call('cidrsubnet', cidr, newBits, tier === 'public' ? index : privateOffset + index)),
            attr('map_public_ip_on_launch', false),
            b.tags(undefined, `${b.facts.slug} ${region.id} ${tier} ${zone}`, { 'ninesmith:tier': tier }),
          ]),
        );
      }
    });
    b.add(
      'network.tf',
      block('resource', ['aws_route_table', b.label('aws_route_table', `${region.id}-public`)], [
        attr('provider', provider),
        attr('vpc_id', vpcId(b, region)),
        nested('route', [attr('cidr_block', '0.0.0.0/0'), attr('gateway_id', b.ref('aws_internet_gateway', region.id, 'id'))]),
        b.tags(undefined, `${b.facts.slug} ${region.id} public`),
      ]),
    );
    for (const zone of zones) {
      b.add(
        'network.tf',
        block('resource', ['aws_route_table_association', b.label('aws_route_table_association', `${region.id}-public-${zone}`)], [
          attr('provider', provider),
          attr('subnet_id', b.ref('aws_subnet', `${region.id}-public-${zone}`, 'id')),
          attr('route_table_id', b.ref('aws_route_table', `${region.id}-public`, 'id')),
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
      const key = `${nat.id}-${zone}`;
      b.add(
        'network.tf',
        block('resource', ['aws_eip', b.label('aws_eip', key)], [attr('provider', provider), attr('domain', 'vpc'), b.tags(nat, `${nat.name} ${zone}`)]),
        block('resource', ['aws_nat_gateway', b.label('aws_nat_gateway', key)], [
          attr('provider', provider),
          attr('allocation_id', b.ref('aws_eip', key, 'id')),
          attr('subnet_id', b.ref('aws_subnet', `${region.id}-public-${zone}`, 'id')),
          b.tags(nat, `${nat.name} ${zone}`),
          attr('depends_on', list([raw(`aws_internet_gateway.${b.label('aws_internet_gateway', region.id)}`)])),
        ]),
      );
    }
    for (const zone of zones) {
      const own = natZones.find((entry) => entry.zone === zone) ?? natZones[0];
      const routes = own
        ? [nested('route', [attr('cidr_block', '0.0.0.0/0'), attr('nat_gateway_id', b.ref('aws_nat_gateway', `${own.nat.id}-${own.zone}`, 'id'))])]
        : [comment('No NAT gateway in this region in the design: private subnets have no route to the internet.')];
      b.add(
        'network.tf',
        block('resource', ['aws_route_table', b.label('aws_route_table', `${region.id}-private-${zone}`)], [
          attr('provider', provider),
          attr('vpc_id', vpcId(b, region)),
          own && own.zone !== zone && comment(`Zone ${zone} has no NAT gateway of its own in the design: egress crosses to zone ${own.zone}.`),
          ...routes,
          b.tags(undefined, `${b.facts.slug} ${region.id} private ${zone}`),
        ]),
        block('resource', ['aws_route_table_association', b.label('aws_route_table_association', `${region.id}-private-${zone}`)], [
          attr('provider', provider),
          attr('subnet_id', b.ref('aws_subnet', `${region.id}-private-${zone}`, 'id')),
          attr('route_table_id', b.ref('aws_route_table', `${region.id}-private-${zone}`, 'id')),
        ]),
      );
    }
    b.output(`${identifier(region.id)}_vpc_id`, `VPC of region ${region.id}`, vpcId(b, region));
  }
}

/**
 * A security group for a component, with ingress only from the components the design connects
 * to it (sync connections) on `port`, and egress to anywhere.
 */
export function securityGroup(
  b: TerraformBuilder,
  c: ComponentFacts,
  region: Region,
  port: number | RawExpr,
  sources: readonly { id: string; group: RawExpr }[],
  fromInternet = false,
): RawExpr {
  const provider = b.provider(region);
  const group = b.ref('aws_security_group', c.id, 'id');
  b.add(
    'network.tf',
    block('resource', ['aws_security_group', b.label('aws_security_group', c.id)], [
      attr('provider', provider),
      attr('name', b.name(c.id)),
      attr('description', `Component ${c.id}: ingress only from what the design connects to it`),
      attr('vpc_id', vpcId(b, region)),
      b.tags(c),
    ]),
  );
  if (fromInternet) {
    for (const listenerPort of [443, 80]) {
      b.add(
        'network.tf',
        block('resource', ['aws_vpc_security_group_ingress_rule', b.label('aws_vpc_security_group_ingress_rule', `${c.id}-internet-${listenerPort}`)], [
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
  for (const source of sources) {
    b.add(
      'network.tf',
      block('resource', ['aws_vpc_security_group_ingress_rule', b.label('aws_vpc_security_group_ingress_rule', `${c.id}-from-${source.id}`)], [
        attr('provider', provider),
        attr('security_group_id', group),
        attr('description', `From ${source.id}`),
        attr('referenced_security_group_id', source.group),
        attr('ip_protocol', 'tcp'),
        attr('from_port', port),
        attr('to_port', port),
      ]),
    );
  }
  b.add(
    'network.tf',
    block('resource', ['aws_vpc_security_group_egress_rule', b.label('aws_vpc_security_group_egress_rule', c.id)], [
      attr('provider', provider),
      attr('security_group_id', group),
      attr('description', 'All outbound'),
      attr('cidr_ipv4', '0.0.0.0/0'),
      attr('ip_protocol', '-1'),
    ]),
  );
  return group;
}
