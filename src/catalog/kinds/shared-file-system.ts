import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { backupPolicy, backupProp, backupsRemedy } from '../common-props';
import { defineKind } from '../define-kind';

export const sharedFileSystem = defineKind({
  id: 'shared-file-system',
  title: 'Shared file system',
  description: 'A network file system that many instances mount at once (EFS, Azure Files, Filestore): regional across zones, or one-zone for less, which ties every instance that mounts it to that zone.',
  layer: 'storage',
  keywords: ['nfs', 'smb', 'file share', 'efs', 'azure files', 'filestore', 'mount', 'shared storage', 'one zone'],
  services: { aws: ['Amazon EFS', 'Amazon FSx'], azure: ['Azure Files', 'Azure NetApp Files'], gcp: ['Filestore'] },
  capabilities: { stateful: true, placement: 'regional', backupable: true, zoneRedundantService: true, dataRole: 'files' },
  props: [
    {
      key: 'availability',
      label: 'Availability',
      help: 'Regional: data and mount targets in every zone (EFS Regional, Azure Files ZRS, Filestore regional). One zone: cheaper, but the file system and its data live in one zone and go with it.',
      type: 'choice',
      choices: [
        { value: 'regional', label: 'Regional (multi-zone)' },
        { value: 'one-zone', label: 'One zone' },
      ],
      default: 'regional',
    },
    { key: 'replicateToRegion', label: 'Replicate to region', help: 'A read-only replica in another region of this design (EFS replication, Azure Files geo-redundant storage), promoted on a region failover. It lags by minutes.', type: 'region' },
    { key: 'storageGb', label: 'Stored', help: 'Gigabytes stored, for pricing and restore-time estimates.', type: 'number', min: 0, max: 1e8, default: 500, unit: 'GB' },
    backupProp,
  ],
  initialProps: { availability: 'regional', backup: { enabled: true, retentionDays: 35 } },
  traits: (props) => {
    const oneZone = props.availability === 'one-zone';
    return {
      operator: 'provider',
      runtime: 'managed-service',
      zoneRedundant: !oneZone,
      zonalFailover: oneZone ? 'none' : 'service',
      instanceUnits: 1,
      data: {
        role: 'files',
        irreplaceable: true,
        backup: backupPolicy(props.backup),
        replicatedToRegion: props.replicateToRegion,
        sizeGb: props.storageGb,
        replication: 'object-copy',
      },
    };
  },
  remedies: {
    'regional-storage': () => ({ props: { availability: 'regional' as const } }),
    spread: (_props, _component, { zones }) => ({ zones: [...zones], props: { availability: 'regional' as const } }),
    backups: backupsRemedy,
  },
  sla: (props, _component, { provider }) => {
    const oneZone = props.availability === 'one-zone';
    return byProvider(
      provider,
      {
        aws: () => (oneZone ? AWS_SLA.efsOneZone : AWS_SLA.efsRegional),
        azure: () => AZURE_SLA.storageHot,
        gcp: () => (oneZone ? GCP_SLA.filestoreZonal : GCP_SLA.filestoreRegional),
      },
      'shared file system',
    );
  },
});
