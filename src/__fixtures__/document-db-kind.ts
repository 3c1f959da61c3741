import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../catalog/slas';
import { defineKind } from '../catalog/define-kind';

/**
 * A made-up kind for the tests, never registered in the catalog: a document database that holds
 * records like the relational database but names its settings its own way. It answers the same
 * capability questions, so rules, analysis and generators must treat it as they treat one.
 */
export const documentDb = defineKind({
  id: 'document-db',
  title: 'Document database',
  description: 'A managed document store (DocumentDB, Cosmos DB for MongoDB, Firestore) that holds the platform\'s records.',
  layer: 'data',
  keywords: ['mongodb', 'documentdb'],
  services: { aws: ['Amazon DocumentDB'], azure: ['Azure Cosmos DB for MongoDB'], gcp: ['Firestore with MongoDB compatibility'] },
  capabilities: { stateful: true, placement: 'regional', instances: true, replicable: true, backupable: true, dataRole: 'records' },
  props: [
    {
      key: 'topology',
      label: 'Topology',
      help: 'One node, or a replica set whose secondaries elect a new primary when it fails.',
      type: 'choice',
      choices: [
        { value: 'standalone', label: 'Standalone' },
        { value: 'replica-set', label: 'Replica set' },
      ],
      default: 'standalone',
    },
    { key: 'members', label: 'Members', help: 'Nodes in the replica set, spread over zones.', type: 'integer', min: 1, max: 50, default: 3 },
    { key: 'volumeGb', label: 'Volume', help: 'Data stored, in gigabytes.', type: 'integer', min: 1, max: 65536, default: 100 },
    {
      key: 'snapshots',
      label: 'Snapshots',
      help: 'Automated snapshots and continuous backup of the operations log.',
      type: 'group',
      fields: [
        { key: 'on', label: 'On', help: 'Take automated snapshots every day.', type: 'boolean', default: false },
        { key: 'continuous', label: 'Continuous', help: 'Archive the operations log for point-in-time restores.', type: 'boolean', default: false },
        { key: 'keepDays', label: 'Kept', help: 'Days snapshots are kept before they expire.', type: 'integer', min: 1, max: 35, default: 7 },
        { key: 'restoreTestedDays', label: 'Restore tested', help: 'Days since a restore from them was last tested.', type: 'integer', min: 0, max: 100000, nullable: true },
        { key: 'otherAccount', label: 'Other account', help: 'Copies go to a separate backup account.', type: 'boolean', default: false },
      ],
    },
  ],
  traits: (props, component) => ({
    instanceUnits: props.topology === 'standalone' ? 1 : Math.max(props.members, component.replicas ?? 1),
    zonalFailover: props.topology === 'standalone' ? 'none' : 'cluster',
    data: {
      role: 'records',
      irreplaceable: true,
      backup: {
        enabled: props.snapshots.on,
        pitr: props.snapshots.continuous,
        retentionDays: props.snapshots.keepDays,
        intervalHours: 24,
        restoreTestedDays: props.snapshots.restoreTestedDays ?? null,
        copyIntervalHours: 24,
        separateAccount: props.snapshots.otherAccount,
      },
      sizeGb: props.volumeGb,
      replication: 'database-log',
      readReplicas: 0,
      readScaling: props.topology === 'replica-set',
    },
  }),
  remedies: {
    spread: (_props, _component, { zones }) => ({ zones: [...zones], props: { topology: 'replica-set', members: Math.max(3, zones.length) } }) as const,
    backups: () => ({ props: { snapshots: { on: true, continuous: true, keepDays: 14 } } }),
  },
  // The same published figures the relational database answers with, so the two compare alike.
  sla: (props, _component, { provider, zones }) => {
    const spread = props.topology === 'replica-set' && zones.length >= 2;
    return byProvider(
      provider,
      {
        aws: () => (props.topology === 'standalone' ? AWS_SLA.rdsSingle : AWS_SLA.rdsMultiAz),
        azure: () => (props.topology === 'standalone' ? AZURE_SLA.postgresNoHa : spread ? AZURE_SLA.postgresZoneRedundantHa : AZURE_SLA.postgresSameZoneHa),
        gcp: () => (props.topology === 'standalone' ? { unknown: 'single-zone instances are excluded from the Cloud SQL SLA (https://cloud.google.com/sql/sla)' } : GCP_SLA.cloudSqlHa),
      },
      'document database',
    );
  },
});
