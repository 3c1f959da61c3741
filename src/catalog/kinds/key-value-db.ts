import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { backupPolicy, backupProp } from '../common-props';
import { defineKind } from '../define-kind';

export const keyValueDb = defineKind({
  id: 'key-value-db',
  title: 'Key-value or document database',
  description: 'A managed NoSQL store spread over the region\'s zones by the provider (DynamoDB, Cosmos DB, Firestore), with global tables across regions and continuous backups for point-in-time recovery.',
  layer: 'data',
  keywords: ['nosql', 'key-value', 'document', 'dynamodb', 'dynamo', 'cosmos', 'cosmos db', 'firestore', 'bigtable', 'global tables', 'pitr'],
  services: { aws: ['Amazon DynamoDB'], azure: ['Azure Cosmos DB'], gcp: ['Firestore', 'Bigtable'] },
  capabilities: { stateful: true, placement: 'regional', replicable: true, backupable: true, zoneRedundantService: true, dataRole: 'records' },
  props: [
    {
      key: 'capacityMode',
      label: 'Capacity',
      help: 'On demand: billed per request and scales by itself. Provisioned: a fixed read and write capacity (cheaper at steady load), throttled above it unless autoscaled.',
      type: 'choice',
      choices: [
        { value: 'on-demand', label: 'On demand' },
        { value: 'provisioned', label: 'Provisioned' },
      ],
      default: 'on-demand',
    },
    {
      key: 'globalTable',
      label: 'Global table',
      help: 'Replicas in other regions that take writes too (DynamoDB global tables, Cosmos DB multi-region writes, Firestore multi-region). Draw each replica as a component in its region with a replication connection from this one.',
      type: 'boolean',
      default: false,
    },
    { key: 'deletionProtection', label: 'Deletion protection', help: 'The table cannot be deleted until this is turned off: a guard against a stray command or plan.', type: 'boolean', default: true },
    { key: 'storageGb', label: 'Stored', help: 'Gigabytes stored, for pricing and restore-time estimates.', type: 'number', min: 0, max: 1e7, default: 50, unit: 'GB' },
    { key: 'readsPerMonth', label: 'Reads', help: 'Read requests per month, for pricing.', type: 'number', min: 0, max: 1e14, default: 100_000_000 },
    { key: 'writesPerMonth', label: 'Writes', help: 'Write requests per month, for pricing.', type: 'number', min: 0, max: 1e14, default: 20_000_000 },
    backupProp,
  ],
  initialProps: { capacityMode: 'on-demand', deletionProtection: true, backup: { enabled: true, pitr: true, retentionDays: 35 } },
  traits: (props) => ({
    operator: 'provider',
    runtime: 'managed-service',
    data: {
      role: 'records',
      irreplaceable: true,
      // Continuous backups are a backup by themselves: they are on when either setting is.
      backup: { ...backupPolicy(props.backup), enabled: props.backup.enabled || props.backup.pitr },
      pitrAvailable: true,
      sizeGb: props.storageGb,
      // Global tables replicate each item asynchronously, usually within a second or two.
      replication: 'database-log',
    },
  }),
  remedies: {
    backups: () => ({ props: { backup: { enabled: true, pitr: true, retentionDays: 35 } } }),
    'point-in-time-recovery': () => ({ props: { backup: { pitr: true } } }),
  },
  sla: (props, _component, { provider }) =>
    byProvider(
      provider,
      {
        aws: () => (props.globalTable ? AWS_SLA.dynamodbGlobal : AWS_SLA.dynamodb),
        azure: () => (props.globalTable ? AZURE_SLA.cosmosMultiRegionWrites : AZURE_SLA.cosmosSingleRegion),
        gcp: () => (props.globalTable ? GCP_SLA.firestoreMultiRegion : GCP_SLA.firestoreRegional),
      },
      'key-value database',
    ),
});
