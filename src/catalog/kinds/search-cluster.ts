import { AWS_SLA, AZURE_SLA, byProvider } from '../slas';
import { hostingProp, hostedBy, sizeProp } from '../common-props';
import { defineKind } from '../define-kind';

export const searchCluster = defineKind({
  id: 'search-cluster',
  title: 'Search cluster',
  description: 'Full-text and log search (OpenSearch, Elasticsearch, Azure AI Search): data nodes with replica shards in several zones. Usually an index rebuilt from the system of record.',
  layer: 'data',
  keywords: ['search', 'opensearch', 'elasticsearch', 'elastic', 'ai search', 'cognitive search', 'full-text', 'index', 'lucene'],
  services: { aws: ['Amazon OpenSearch Service'], azure: ['Azure AI Search', 'Elastic Cloud on Azure'], gcp: ['Elastic Cloud on Google Cloud', 'Vertex AI Search'] },
  capabilities: { stateful: true, placement: 'regional', instances: true, replicable: true, backupable: true, healthChecked: true, dataRole: 'analytics' },
  props: [
    hostingProp,
    sizeProp('r6g.large.search', ['t3.medium.search', 'm6g.large.search', 'r6g.large.search', 'r6g.xlarge.search']),
    { key: 'replicaShards', label: 'Replica shards', help: 'Copies of each shard on other nodes. With zone awareness, at least one puts a copy in another zone, so a lost zone loses no index.', type: 'integer', min: 0, max: 5, default: 1 },
    { key: 'zoneAwareness', label: 'Zone awareness', help: 'Shard copies are placed in different zones (OpenSearch zone awareness, Elasticsearch allocation awareness).', type: 'boolean', default: true },
    { key: 'dedicatedManagers', label: 'Dedicated manager nodes', help: 'Three dedicated cluster-manager nodes keep the cluster state and elect a leader without fighting data nodes for CPU.', type: 'boolean', default: false },
    { key: 'systemOfRecord', label: 'Only copy of the data', help: 'On when the index holds data kept nowhere else (logs shipped only here, documents indexed and discarded). Then it needs snapshots like a database.', type: 'boolean', default: false },
    { key: 'storageGb', label: 'Storage per node', help: 'Gigabytes of storage per data node.', type: 'integer', min: 10, max: 24576, default: 100, unit: 'GB' },
    { key: 'backup', label: 'Snapshots', help: 'Automated snapshots of the indexes.', type: 'group', fields: [
      { key: 'enabled', label: 'Enabled', help: 'Take automated snapshots (managed services take hourly ones by default).', type: 'boolean', default: true },
      { key: 'intervalHours', label: 'Snapshot interval', help: 'Hours between snapshots. Sets the data lost on a restore.', type: 'number', min: 0.25, max: 168, default: 1, unit: 'hours' },
      { key: 'retentionDays', label: 'Retention', help: 'Days snapshots are kept.', type: 'integer', min: 1, max: 3650, default: 14, unit: 'days' },
    ] },
  ],
  initialProps: { replicaShards: 1, zoneAwareness: true },
  initialReplicas: 3,
  traits: (props, component) => {
    const failsOver = props.replicaShards >= 1 && props.zoneAwareness;
    return {
      ...hostedBy(props.hosting),
      instanceUnits: failsOver ? (component.replicas ?? 1) : 1,
      zonalFailover: failsOver ? 'replica' : 'none',
      healthChecks: true,
      data: {
        role: 'analytics',
        irreplaceable: props.systemOfRecord,
        backup: { enabled: props.backup.enabled, pitr: false, retentionDays: props.backup.retentionDays, intervalHours: props.backup.intervalHours, restoreTestedDays: null, copyIntervalHours: props.backup.intervalHours, separateAccount: false },
        sizeGb: props.storageGb * (component.replicas ?? 1),
        replication: 'database-log',
      },
    };
  },
  remedies: {
    spread: (props, component, { zones }) => ({ zones: [...zones], replicas: Math.max(component.replicas ?? 1, zones.length), props: { replicaShards: Math.max(1, props.replicaShards), zoneAwareness: true } }),
    backups: () => ({ props: { backup: { enabled: true } } }),
  },
  sla: (props, component, { provider, zones }) => {
    if (props.hosting === 'kubernetes') return { unknown: 'runs on Kubernetes and your team operates it: no provider publishes an SLA for a search cluster you run yourself' };
    const spread = zones.length >= 2 && props.zoneAwareness && props.replicaShards >= 1;
    return byProvider(
      provider,
      {
        aws: () => (spread ? AWS_SLA.opensearchMultiAz : { unknown: 'an OpenSearch Service domain in one zone is outside the SLA\'s Multi-AZ commitment' }),
        azure: () => ((component.replicas ?? 1) >= 2 ? AZURE_SLA.aiSearch : { unknown: 'Azure AI Search with one replica has no SLA' }),
        gcp: () => ({ unknown: 'Google Cloud has no first-party search-cluster service with an SLA in the catalog (Elastic Cloud is sold through the marketplace under Elastic\'s terms)' }),
      },
      'search cluster',
    );
  },
});
