import { AWS_SLA, AZURE_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const containerRegistry = defineKind({
  id: 'container-registry',
  title: 'Container registry',
  description: 'Where deployments pull their images (ECR, Azure Container Registry, Artifact Registry). A region failover that cannot pull images cannot start anything: replicate it to every region that runs them.',
  layer: 'operations',
  keywords: ['registry', 'images', 'docker', 'oci', 'ecr', 'acr', 'artifact registry', 'gcr', 'harbor', 'replication'],
  services: { aws: ['Amazon ECR'], azure: ['Azure Container Registry'], gcp: ['Artifact Registry'] },
  // Images can be rebuilt from source by the pipeline, so it holds nothing irreplaceable; what matters is where they can be pulled.
  capabilities: { stateful: false, placement: 'regional', zoneRedundantService: true },
  props: [
    { key: 'replicateToRegion', label: 'Replicate to region', help: 'Another region of this design that gets a copy of every image pushed here (ECR cross-region replication, ACR geo-replication, a multi-region Artifact Registry), so deployments there pull locally and keep working when this region is down.', type: 'region' },
    { key: 'immutableTags', label: 'Immutable tags', help: 'A pushed tag cannot be overwritten, so a rollback to a tag gets exactly the image it had.', type: 'boolean', default: true },
    { key: 'scanOnPush', label: 'Scan on push', help: 'Images are scanned for known vulnerabilities when pushed.', type: 'boolean', default: true },
    { key: 'storageGb', label: 'Stored', help: 'Gigabytes of images kept, for pricing.', type: 'number', min: 0, max: 1e7, default: 50, unit: 'GB' },
  ],
  initialProps: { immutableTags: true, scanOnPush: true },
  traits: (props) => ({
    operator: 'provider',
    runtime: 'managed-service',
    images: { replicatedToRegions: props.replicateToRegion !== undefined ? [props.replicateToRegion] : [] },
  }),
  remedies: {
    'image-replication': (props, _component, { regions }) => (props.replicateToRegion === undefined && regions?.[0] !== undefined ? { props: { replicateToRegion: regions[0] } } : {}),
  },
  sla: (_props, _component, { provider }) =>
    byProvider(
      provider,
      {
        aws: () => AWS_SLA.ecr,
        azure: () => AZURE_SLA.containerRegistry,
        gcp: () => ({ unknown: 'no Artifact Registry SLA figure in the catalog' }),
      },
      'container registry',
    ),
});
