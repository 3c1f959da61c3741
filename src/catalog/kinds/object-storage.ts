import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const objectStorage = defineKind({
  id: 'object-storage',
  title: 'Object storage',
  description: 'Buckets for documents, attachments and exports (S3, Blob Storage, Cloud Storage): versioned, encrypted, replicated to another region.',
  layer: 'storage',
  keywords: ['s3', 'bucket', 'blob', 'files', 'attachments', 'documents', 'gcs'],
  services: { aws: ['Amazon S3'], azure: ['Azure Blob Storage'], gcp: ['Cloud Storage'] },
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
    { key: 'replicateToRegion', label: 'Replicate to region', help: 'Cross-region replication of new objects to a bucket in another region of this design. Most objects arrive within minutes, but some can take hours: without a time commitment there is no firm bound on what a region loss loses.', type: 'region' },
    {
      key: 'replicationTimeControl',
      label: 'Replication time commitment',
      help: 'A replication-time commitment (S3 Replication Time Control, Cloud Storage turbo replication): new objects reach the other region within 15 minutes, backed by an SLA and billed per gigabyte replicated. Only with it does a region loss have a firm 15-minute bound on lost objects.',
      type: 'boolean',
      default: false,
    },
    { key: 'objectLock', label: 'Object lock', help: 'Write-once retention that even an administrator cannot shorten: protects backups and records from ransomware.', type: 'boolean', default: false },
    { key: 'storageGb', label: 'Stored', help: 'Gigabytes stored, for pricing.', type: 'number', min: 0, max: 1e9, default: 500, unit: 'GB' },
    { key: 'requestsPerMonth', label: 'Requests', help: 'PUT and GET requests per month, for pricing.', type: 'number', min: 0, max: 1e13, default: 1_000_000 },
  ],
  initialProps: { versioning: true, storageClass: 'standard' },
  traits: (props) => ({
    data: {
      role: 'files',
      irreplaceable: true,
      versioned: props.versioning,
      replicatedToRegion: props.replicateToRegion,
      // S3 Replication Time Control and Cloud Storage turbo replication both commit to 15 minutes.
      ...(props.replicateToRegion !== undefined && props.replicationTimeControl ? { replicationBoundSeconds: 15 * 60 } : {}),
      sizeGb: props.storageGb,
      replication: 'object-copy',
    },
  }),
  remedies: { versioning: () => ({ props: { versioning: true } }) },
  sla: (props, _component, { provider }) => {
    const infrequent = props.storageClass === 'infrequent';
    return byProvider(
      provider,
      {
        aws: () => (infrequent ? AWS_SLA.s3Infrequent : AWS_SLA.s3Standard),
        azure: () => (infrequent ? AZURE_SLA.storageCool : AZURE_SLA.storageHot),
        gcp: () => (infrequent ? GCP_SLA.storageRegionalColder : GCP_SLA.storageRegional),
      },
      'object storage',
    );
  },
});
