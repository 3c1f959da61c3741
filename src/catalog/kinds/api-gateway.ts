import { AWS_SLA, AZURE_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const apiGateway = defineKind({
  id: 'api-gateway',
  title: 'API gateway',
  description: 'A managed front door for APIs (API Gateway, API Management, Apigee): authentication, throttling and per-client quotas.',
  layer: 'edge',
  keywords: ['api management', 'apigee', 'throttling', 'quota'],
  services: { aws: ['Amazon API Gateway'], azure: ['Azure API Management'], gcp: ['Apigee', 'API Gateway'] },
  capabilities: { stateful: false, placement: 'regional', internetFacing: true, healthChecked: true, zoneRedundantService: true },
  props: [
    { key: 'rateLimiting', label: 'Throttling', help: 'Request rate limits on the API as a whole.', type: 'boolean', default: true },
    { key: 'perTenantQuotas', label: 'Per-tenant quotas', help: 'Usage plans or quotas per tenant or API key, so one tenant cannot starve the others.', type: 'boolean', default: false },
    { key: 'requestsPerMonth', label: 'Requests', help: 'API calls per month, for pricing.', type: 'number', min: 0, max: 1e13, default: 10_000_000, unit: 'requests/month' },
  ],
  traits: (props) => ({ rateLimiting: props.rateLimiting, tenantLimits: props.perTenantQuotas }),
  sla: (_props, _component, { provider }) => byProvider(provider, { aws: () => AWS_SLA.apiGateway, azure: () => AZURE_SLA.apiManagement }, 'API gateway'),
});
