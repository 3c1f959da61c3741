import { AWS_SLA } from '../aws-slas';
import { defineKind } from '../define-kind';

export const objectStorage = defineKind({
  id: 'object-storage',
  title: 'Object storage',
  description: 'Buckets for documents, attachments and exports (S3, Blob Storage, Cloud Storage): versioned, encrypted, replicated to another region.',
  layer: 'storage',
  keywords: ['s3', 'bucket', 'blob', 'files', 'attachments', 'documents', 'gcs'],
  capabilities: { stateful: true, placement: 'regional', replicable: true, zoneRedundantService: true, dataRole: 'files' },
  props: [
    {
      key: 'storageClass',
      label: 'Storage class',
      help: 'Standard for live data; infrequent access is cheaper to keep and carries a lower SLA.',
      type: 'choice',
      choices: [
        { value: 'standard', label: 'Standard' },
        { value: 'infrequent', label: 'Infrequent access' },
      ],
      default: 'standard',
    },
    { key: 'versioning', label: 'Versioning', help: 'Every overwrite and delete keeps the previous version, so a bad write or a deletion can be undone.', type: 'boolean', default: false },
    { key: 'replicateToRegion', label: 'Replicate to region', help: 'Cross-region replication of new objects to a bucket in another region of this design.', type: 'region' },
    { key: 'objectLock', label: 'Object lock', help: 'Write-once retention that even an administrator cannot shorten: protects backups and records from ransomware.', type: 'boolean', default: false },
    { key: 'storageGb', label: 'Stored', help: 'Gigabytes stored, for pricing.', type: 'number', min: 0, max: 1e9, default: 500, unit: 'GB' },
    { key: 'requestsPerMonth', label: 'Requests', help: 'PUT and GET requests per month, for pricing.', type: 'number', min: 0, max: 1e13, default: 1_000_000 },
  ],
  initialProps: { versioning: true, storageClass: 'standard' },
  traits: (props) => ({
    data: { role: 'files', irreplaceable: true, versioned: props.versioning, replicatedToRegion: props.replicateToRegion, sizeGb: props.storageGb, replication: 'object-copy' },
  }),
  remedies: { versioning: () => ({ props: { versioning: true } }) },
  sla: (props, _component, { provider }) => {
    if (provider !== 'aws') return undefined;
    return props.storageClass === 'infrequent' ? AWS_SLA.s3Infrequent : AWS_SLA.s3Standard;
  },
});
