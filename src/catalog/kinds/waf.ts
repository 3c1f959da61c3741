import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const waf = defineKind({
  id: 'waf',
  title: 'Web application firewall',
  description: 'Filters hostile requests before they reach the platform (AWS WAF, Azure WAF, Cloud Armor): managed rule sets and rate limits.',
  layer: 'edge',
  keywords: ['firewall', 'rate limit', 'cloud armor', 'ddos', 'security'],
  services: { aws: ['AWS WAF', 'AWS Shield'], azure: ['Azure Web Application Firewall'], gcp: ['Google Cloud Armor'] },
  capabilities: { stateful: false, placement: 'either', internetFacing: true, zoneRedundantService: true, filtersTraffic: true },
  props: [
    { key: 'managedRules', label: 'Managed rule sets', help: 'The provider\'s maintained rules for common attacks (OWASP top ten, known bad inputs).', type: 'boolean', default: true },
    { key: 'rateLimiting', label: 'Rate limiting', help: 'Rate-based rules that cap requests per client address, so one client cannot exhaust the platform.', type: 'boolean', default: false },
    { key: 'rules', label: 'Rules', help: 'Rules in the web ACL; each is priced.', type: 'integer', min: 0, max: 1500, default: 10 },
  ],
  initialProps: { managedRules: true, rateLimiting: true },
  traits: (props) => ({ rateLimiting: props.rateLimiting }),
  // A global WAF runs at the edge (Front Door, Cloud Armor global policies); a regional one in front of a load balancer.
  sla: (_props, component, { provider }) =>
    byProvider(
      provider,
      {
        aws: () => AWS_SLA.waf,
        azure: () => (component.region === undefined ? AZURE_SLA.frontDoor : AZURE_SLA.applicationGateway),
        gcp: () => (component.region === undefined ? GCP_SLA.armorGlobal : GCP_SLA.armorRegional),
      },
      'web application firewall',
    ),
});
