import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const cdn = defineKind({
  id: 'cdn',
  title: 'CDN',
  description: 'A content delivery network (CloudFront, Front Door, Cloud CDN) that serves static assets from the edge and can fail over between origins.',
  layer: 'edge',
  keywords: ['cloudfront', 'front door', 'edge', 'cache', 'static'],
  services: { aws: ['Amazon CloudFront'], azure: ['Azure Front Door'], gcp: ['Cloud CDN'] },
  capabilities: { stateful: false, placement: 'global', internetFacing: true },
  props: [
    { key: 'originFailover', label: 'Origin failover', help: 'An origin group with a secondary origin, used when the primary answers with errors.', type: 'boolean', default: false },
    { key: 'dataOutGbPerMonth', label: 'Data out', help: 'Gigabytes served to users per month; the main driver of CDN cost.', type: 'number', min: 0, max: 100_000_000, default: 500, unit: 'GB/month' },
  ],
  sla: (_props, _component, { provider }) => byProvider(provider, { aws: () => AWS_SLA.cloudfront, azure: () => AZURE_SLA.frontDoor, gcp: () => GCP_SLA.cdn }, 'CDN'),
});
