import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const privateConnectivity = defineKind({
  id: 'private-connectivity',
  title: 'Private connectivity',
  description: 'A private path from a region to on-premises or a partner (Site-to-Site VPN, Direct Connect, ExpressRoute, Cloud Interconnect). One link is one point of failure for everything reached through it.',
  layer: 'integration',
  keywords: ['vpn', 'site-to-site', 'ipsec', 'direct connect', 'expressroute', 'interconnect', 'private link', 'on-premises', 'hybrid', 'bgp', 'circuit'],
  services: { aws: ['AWS Site-to-Site VPN', 'AWS Direct Connect'], azure: ['Azure VPN Gateway', 'Azure ExpressRoute'], gcp: ['Cloud VPN (HA VPN)', 'Cloud Interconnect'] },
  capabilities: { stateful: false, placement: 'regional', zoneRedundantService: true },
  props: [
    {
      key: 'medium',
      label: 'Medium',
      help: 'VPN: encrypted tunnels over the internet, up in minutes. Dedicated: a leased circuit at a colocation facility (Direct Connect, ExpressRoute, Interconnect), steadier but weeks to provision.',
      type: 'choice',
      choices: [
        { value: 'vpn', label: 'VPN over the internet' },
        { value: 'dedicated', label: 'Dedicated circuit' },
      ],
      default: 'vpn',
    },
    { key: 'connections', label: 'Independent connections', help: 'Connections that each end on their own device on your side (VPN connections to separate customer gateways, circuits on separate routers). Two is the least that survives a device or circuit failure.', type: 'integer', min: 1, max: 16, default: 1 },
    { key: 'locations', label: 'Locations', help: 'Distinct colocation facilities or sites the connections land in. Two survive the loss of a facility (the providers\' maximum-resiliency models).', type: 'integer', min: 1, max: 8, default: 1 },
    { key: 'bandwidthMbps', label: 'Bandwidth', help: 'Capacity of each connection, for pricing dedicated circuits.', type: 'integer', min: 50, max: 100000, default: 1000, unit: 'Mbit/s' },
    { key: 'transferGbPerMonth', label: 'Data out', help: 'Gigabytes sent from the region over the link per month, for pricing.', type: 'number', min: 0, max: 1e9, default: 100, unit: 'GB' },
  ],
  initialProps: { medium: 'vpn', connections: 2 },
  traits: (props) => ({
    operator: 'provider',
    runtime: 'managed-service',
    instanceUnits: props.connections,
    privateLink: { paths: props.connections, medium: props.medium },
  }),
  remedies: { 'redundant-path': (props) => ({ props: { connections: Math.max(2, props.connections) } }) },
  sla: (props, _component, { provider }) => {
    const vpn = props.medium === 'vpn';
    const single = { unknown: 'a single connection is outside every provider\'s SLA for private connectivity' };
    return byProvider(
      provider,
      {
        aws: () => (vpn ? AWS_SLA.siteToSiteVpn : props.locations >= 2 && props.connections >= 4 ? AWS_SLA.directConnectMaximum : props.locations >= 2 && props.connections >= 2 ? AWS_SLA.directConnectHigh : single),
        azure: () => (vpn ? AZURE_SLA.vpnGateway : AZURE_SLA.expressRoute),
        gcp: () => (vpn ? (props.connections >= 2 ? GCP_SLA.haVpn : single) : props.locations >= 2 && props.connections >= 4 ? GCP_SLA.interconnectMaximum : props.connections >= 2 ? GCP_SLA.interconnectHigh : single),
      },
      'private connection',
    );
  },
});
