import { AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const natGateway = defineKind({
  id: 'nat-gateway',
  title: 'NAT gateway',
  description: 'Outbound internet access for private subnets. A NAT gateway lives in one zone: one per zone keeps egress working when a zone fails.',
  layer: 'edge',
  keywords: ['egress', 'outbound', 'nat', 'network'],
  services: { aws: ['NAT gateway'], azure: ['Azure NAT Gateway'], gcp: ['Cloud NAT'] },
  capabilities: { stateful: false, placement: 'regional', egress: true },
  props: [
    { key: 'dataProcessedGbPerMonth', label: 'Data processed', help: 'Gigabytes through the gateway per month; NAT charges per gigabyte as well as per hour.', type: 'number', min: 0, max: 100_000_000, default: 100, unit: 'GB/month' },
  ],
  sla: (_props, _component, { provider }) =>
    byProvider(
      provider,
      { aws: () => ({ unknown: 'no AWS SLA for NAT gateways was found for this catalog (one secondary table lists 99.9%)' }), azure: () => AZURE_SLA.natGateway, gcp: () => GCP_SLA.cloudNat },
      'NAT gateway',
    ),
});
