import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const keyManagement = defineKind({
  id: 'key-management',
  title: 'Key management',
  description: 'Encryption keys for data at rest (KMS, Key Vault keys, Cloud KMS). If a key is lost or unreachable, so is the data it encrypts.',
  layer: 'security',
  keywords: ['kms', 'encryption', 'keys', 'hsm'],
  services: { aws: ['AWS KMS'], azure: ['Azure Key Vault keys', 'Managed HSM'], gcp: ['Cloud KMS'] },
  capabilities: { stateful: true, placement: 'either', foundation: 'keys', zoneRedundantService: true },
  props: [
    { key: 'multiRegionKeys', label: 'Multi-region keys', help: 'Keys replicated to other regions, so encrypted copies and replicas can be read there.', type: 'boolean', default: false },
    { key: 'keys', label: 'Keys', help: 'Customer-managed keys, for pricing.', type: 'integer', min: 0, max: 10_000, default: 5 },
  ],
  traits: (props) => ({ foundation: { role: 'keys', multiRegion: props.multiRegionKeys } }),
  remedies: { 'multi-region-keys': () => ({ props: { multiRegionKeys: true } }) },
  sla: (_props, _component, { provider }) => byProvider(provider, { aws: () => AWS_SLA.kms, azure: () => AZURE_SLA.keyVault, gcp: () => GCP_SLA.kms }, 'key management service'),
});
