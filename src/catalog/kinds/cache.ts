import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { backupPolicy, backupProp, backupsRemedy, hostingProp, hostedBy, sizeProp } from '../common-props';
import { defineKind } from '../define-kind';

export const cache = defineKind({
  id: 'cache',
  title: 'Cache',
  description: 'An in-memory store (Redis, Valkey, Memcached): sessions, rate-limit counters and hot reads. Treat it as rebuildable unless it is made durable.',
  layer: 'data',
  keywords: ['redis', 'valkey', 'memcached', 'elasticache', 'sessions', 'sentinel'],
  services: { aws: ['Amazon ElastiCache', 'Amazon MemoryDB'], azure: ['Azure Cache for Redis'], gcp: ['Memorystore'] },
  capabilities: { stateful: true, placement: 'regional', instances: true, replicable: true, backupable: true, dataRole: 'cache' },
  props: [
    {
      key: 'engine',
      label: 'Engine',
      help: 'Redis or Valkey support replicas and persistence; Memcached has neither.',
      type: 'choice',
      choices: [
        { value: 'redis', label: 'Redis' },
        { value: 'valkey', label: 'Valkey' },
        { value: 'memcached', label: 'Memcached' },
      ],
      default: 'redis',
    },
    hostingProp,
    sizeProp('cache.r6g.large', ['cache.t3.medium', 'cache.m5.large', 'cache.r6g.large', 'cache.r6g.xlarge']),
    {
      key: 'persistence',
      label: 'Persistence',
      help: 'None: a restart empties it. Snapshot: periodic point-in-time copies. Append-only: every write logged, little loss on restart.',
      type: 'choice',
      choices: [
        { value: 'none', label: 'None' },
        { value: 'snapshot', label: 'Snapshots' },
        { value: 'append-only', label: 'Append-only file' },
      ],
      default: 'none',
    },
    { key: 'durable', label: 'Holds data kept nowhere else', help: 'On when the cache is the only copy of some data (sessions that must not be lost, counters, carts). Then it needs replicas, persistence and backups like a database.', type: 'boolean', default: false },
    { key: 'automaticFailover', label: 'Automatic failover', help: 'A replica is promoted when the primary fails (ElastiCache Multi-AZ, Redis Sentinel).', type: 'boolean', default: true },
    backupProp,
  ],
  initialProps: { engine: 'redis', persistence: 'none', durable: false },
  initialReplicas: 2,
  traits: (props, component) => {
    // Without automatic failover (or with Memcached, which has none), losing the primary's zone takes it down.
    const failsOver = props.automaticFailover && props.engine !== 'memcached';
    return {
      ...hostedBy(props.hosting),
      instanceUnits: failsOver ? (component.replicas ?? 1) : 1,
      zonalFailover: failsOver ? 'replica' : 'none',
      data: {
        role: 'cache',
        irreplaceable: props.durable,
        backup: backupPolicy(props.backup),
        persistence: props.persistence === 'append-only' ? 'log' : props.persistence,
        replication: 'in-memory',
      },
    };
  },
  remedies: {
    spread: (_props, component, { zones }) => ({ zones: [...zones], replicas: Math.max(component.replicas ?? 1, 2), props: { automaticFailover: true } }),
    backups: backupsRemedy,
  },
  sla: (props, component, { provider, zones }) => {
    if (props.hosting === 'kubernetes') {
      return { unknown: 'runs on Kubernetes and your team operates it: no provider publishes an SLA for a cache you run yourself (the nodes\' SLA covers instances, not Redis)' };
    }
    const replicated = props.automaticFailover && props.engine !== 'memcached' && (component.replicas ?? 1) >= 2;
    const multiAz = replicated && zones.length >= 2;
    return byProvider(
      provider,
      {
        aws: () => (multiAz ? AWS_SLA.elasticacheMultiAz : AWS_SLA.elasticacheSingleAz),
        azure: () => (replicated ? AZURE_SLA.redisStandard : { unknown: 'a single-node cache is the Basic tier of Azure Cache for Redis, which has no SLA' }),
        gcp: () =>
          replicated || (props.engine === 'memcached' && zones.length >= 2)
            ? GCP_SLA.memorystoreStandard
            : { unknown: 'a single-node Memorystore instance (Basic Tier) has no SLA (https://cloud.google.com/memorystore/sla)' },
      },
      'cache',
    );
  },
});
