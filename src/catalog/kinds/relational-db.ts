import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { backupPolicy, backupProp, backupsRemedy, hostingProp, hostedBy, sizeProp } from '../common-props';
import { defineKind } from '../define-kind';

export const relationalDb = defineKind({
  id: 'relational-db',
  title: 'Relational database',
  description: 'A managed PostgreSQL or MySQL (RDS, Aurora, Azure Database, Cloud SQL) or one run by an operator on Kubernetes, with a standby, replicas and tested backups.',
  layer: 'data',
  keywords: ['postgres', 'postgresql', 'mysql', 'rds', 'aurora', 'sql', 'database', 'cloudnativepg', 'cnpg'],
  services: { aws: ['Amazon RDS', 'Amazon Aurora'], azure: ['Azure Database for PostgreSQL', 'Azure SQL Database'], gcp: ['Cloud SQL', 'AlloyDB'] },
  capabilities: { stateful: true, placement: 'regional', instances: true, replicable: true, backupable: true, dataRole: 'records' },
  props: [
    {
      key: 'engine',
      label: 'Engine',
      help: 'The database engine. Aurora engines use Aurora\'s shared storage across three zones.',
      type: 'choice',
      choices: [
        { value: 'postgres', label: 'PostgreSQL' },
        { value: 'mysql', label: 'MySQL' },
        { value: 'aurora-postgresql', label: 'Aurora PostgreSQL' },
        { value: 'aurora-mysql', label: 'Aurora MySQL' },
        { value: 'sqlserver', label: 'SQL Server' },
      ],
      default: 'postgres',
    },
    hostingProp,
    {
      key: 'ha',
      label: 'High availability',
      help: 'Single: one instance, hours to recover from its loss. Multi-AZ: a synchronous standby in another zone that takes over in one to two minutes. Cluster: a writer with readable standbys (Multi-AZ DB cluster, Aurora, CloudNativePG).',
      type: 'choice',
      choices: [
        { value: 'single', label: 'Single instance' },
        { value: 'multi-az', label: 'Multi-AZ standby' },
        { value: 'cluster', label: 'Cluster' },
      ],
      default: 'single',
    },
    { key: 'readReplicas', label: 'Read replicas', help: 'Asynchronous replicas for reads and reporting, which can be promoted.', type: 'integer', min: 0, max: 15, default: 0 },
    sizeProp('db.r6g.large', ['db.t3.medium', 'db.m5.large', 'db.r6g.large', 'db.r6g.xlarge', 'db.r5.large']),
    { key: 'storageGb', label: 'Storage', help: 'Allocated storage per instance.', type: 'integer', min: 5, max: 65536, default: 100, unit: 'GB' },
    { key: 'deletionProtection', label: 'Deletion protection', help: 'The database cannot be deleted until this is turned off: a guard against a stray command or plan.', type: 'boolean', default: true },
    backupProp,
  ],
  initialProps: { engine: 'postgres', ha: 'multi-az', storageGb: 100, backup: { enabled: true, pitr: true, retentionDays: 7 } },
  traits: (props, component, { provider }) => ({
    ...hostedBy(props.hosting),
    // A database's instances come from its HA mode: a standby (Multi-AZ) or a cluster of several.
    instanceUnits: props.ha === 'single' ? 1 : props.ha === 'multi-az' ? 2 : Math.max(component.replicas ?? 1, 1 + props.readReplicas, 2),
    zonalFailover: props.ha === 'single' ? 'none' : props.ha === 'multi-az' ? 'standby' : 'cluster',
    data: {
      role: 'records',
      irreplaceable: true,
      // RDS and Aurora upload transaction logs every five minutes whenever automated backups are on, and
      // Azure's flexible servers keep logs for point-in-time restore; Cloud SQL needs it turned on.
      backup: backupPolicy(props.backup, props.hosting === 'managed' && (provider === 'aws' || provider === 'azure')),
      sizeGb: props.storageGb,
      replication: props.engine.startsWith('aurora') ? 'storage-level' : 'database-log',
      readReplicas: props.readReplicas,
      readScaling: props.readReplicas > 0 || props.ha === 'cluster',
    },
  }),
  remedies: {
    spread: (props, component, { zones }) => ({
      zones: zones.slice(0, Math.max(2, Math.min(zones.length, component.zones?.length ?? 0))),
      props: props.ha === 'single' ? ({ ha: 'multi-az' } as const) : {},
    }),
    'read-replica': (props) => ({ props: { readReplicas: Math.max(1, props.readReplicas) } }),
    backups: backupsRemedy,
  },
  sla: (props, _component, { provider, zones }) => {
    if (props.hosting === 'kubernetes') {
      return { unknown: 'runs on Kubernetes and your team operates it: no provider publishes an SLA for a database you run yourself (the nodes\' SLA covers instances, not the database)' };
    }
    const spread = props.ha !== 'single' && zones.length >= 2;
    const aurora = props.engine.startsWith('aurora');
    if (aurora && provider !== 'aws') return { unknown: 'Aurora engines exist only on AWS' };
    return byProvider(
      provider,
      {
        aws: () => (aurora ? (spread ? AWS_SLA.auroraMultiAz : AWS_SLA.auroraSingleAz) : props.ha === 'single' ? AWS_SLA.rdsSingle : AWS_SLA.rdsMultiAz),
        azure: () => (props.ha === 'single' ? AZURE_SLA.postgresNoHa : spread ? AZURE_SLA.postgresZoneRedundantHa : AZURE_SLA.postgresSameZoneHa),
        gcp: () => (props.ha === 'single' ? { unknown: 'Cloud SQL single-zone instances are excluded from the Cloud SQL SLA (https://cloud.google.com/sql/sla)' } : GCP_SLA.cloudSqlHa),
      },
      'relational database',
    );
  },
});
