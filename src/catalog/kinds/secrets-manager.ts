import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const secretsManager = defineKind({
  id: 'secrets-manager',
  title: 'Secrets manager',
  description: 'Database passwords, API keys and certificates (Secrets Manager, Key Vault, Secret Manager, Vault). Cache them so a restart storm does not depend on it.',
  layer: 'security',
  keywords: ['secrets', 'vault', 'key vault', 'passwords', 'credentials'],
  services: { aws: ['AWS Secrets Manager'], azure: ['Azure Key Vault secrets'], gcp: ['Secret Manager'] },
  capabilities: { stateful: true, placement: 'either', foundation: 'secrets', zoneRedundantService: true },
  props: [
    { key: 'cachedInApp', label: 'Cached by services', help: 'Services cache secrets in memory with a refresh interval, instead of fetching on every request or needing a live fetch to start.', type: 'boolean', default: false },
    { key: 'replicatedToRegion', label: 'Replicated to region', help: 'Secrets are replicated to another region of this design, so a standby region can start.', type: 'region' },
    { key: 'secrets', label: 'Secrets', help: 'Number of secrets stored, for pricing.', type: 'integer', min: 0, max: 100_000, default: 20 },
  ],
  initialProps: { cachedInApp: true },
  traits: (props) => ({ foundation: { role: 'secrets', cachedByClients: props.cachedInApp, replicatedToRegion: props.replicatedToRegion } }),
  remedies: { 'client-caching': () => ({ props: { cachedInApp: true } }) },
  sla: (_props, _component, { provider }) => byProvider(provider, { aws: () => AWS_SLA.secretsManager, azure: () => AZURE_SLA.keyVault, gcp: () => GCP_SLA.secretManager }, 'secrets manager'),
});
