import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const dns = defineKind({
  id: 'dns',
  title: 'DNS',
  description: 'Authoritative DNS for the platform\'s names (Route 53, Azure DNS, Cloud DNS); with health-checked failover records it steers users between regions.',
  layer: 'edge',
  keywords: ['route 53', 'route53', 'domain', 'failover', 'records'],
  services: { aws: ['Amazon Route 53'], azure: ['Azure DNS', 'Traffic Manager'], gcp: ['Cloud DNS'] },
  capabilities: { stateful: false, placement: 'global', internetFacing: true, foundation: 'dns' },
  props: [
    { key: 'failoverRouting', label: 'Failover routing', help: 'Health-checked failover (or latency) records that move traffic to a healthy region without a manual change.', type: 'boolean', default: false },
    { key: 'healthChecks', label: 'Health checks', help: 'DNS health checks probe each region\'s entry point; failover records need them.', type: 'boolean', default: false },
    { key: 'ttlSeconds', label: 'Record TTL', help: 'How long resolvers cache an answer. Failover takes at least this long to reach users; 60 s or less for failover records.', type: 'integer', min: 0, max: 86400, default: 300, unit: 's' },
  ],
  initialProps: { failoverRouting: false, ttlSeconds: 300 },
  traits: (props) => ({ foundation: { role: 'dns', failoverRecords: props.failoverRouting, healthCheckedFailover: props.failoverRouting && props.healthChecks, ttlSeconds: props.ttlSeconds } }),
  remedies: { 'dns-failover': () => ({ props: { failoverRouting: true, healthChecks: true, ttlSeconds: 60 } }) },
  sla: (_props, _component, { provider }) => byProvider(provider, { aws: () => AWS_SLA.route53, azure: () => AZURE_SLA.dns, gcp: () => GCP_SLA.dns }, 'DNS service'),
});
