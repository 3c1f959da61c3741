import type { KindProps } from '../../src/catalog';
import { notGenerated, outside, RoleIndex, type TargetRegistry } from '../roles';
import type { DesignFacts } from '../design-facts';

/** The roles a component can play in the Helm export, each with the inputs its values are written from. */
export interface HelmRoles {
  /** Deployed code on Kubernetes: values for the generic application chart. */
  service: Pick<KindProps<'app-service'>, 'vcpu' | 'memoryGb' | 'healthChecks' | 'autoscaling'>;
  /** Traefik as the ingress controller. */
  traefik: Pick<KindProps<'ingress'>, 'podDisruptionBudget'>;
  /** PostgreSQL run by the CloudNativePG operator. */
  'postgres-cluster': Pick<KindProps<'relational-db'>, 'ha' | 'readReplicas' | 'storageGb'>;
  /** Redis (or Valkey) from the Bitnami chart, with Sentinel for failover. */
  redis: Pick<KindProps<'cache'>, 'persistence' | 'automaticFailover' | 'durable'>;
}

/** What the Helm export does with each kind: values for what runs on Kubernetes, nothing for the rest. */
export const HELM: TargetRegistry<HelmRoles> = {
  users: outside,
  dns: outside,
  cdn: outside,
  waf: outside,
  'load-balancer': outside,
  'api-gateway': outside,
  ingress: (p, c) => (p.controller === 'traefik' ? { role: 'traefik', spec: p } : notGenerated(`\`${c.id}\`: ingress controller "${p.controller}" has no values generator yet (traefik only).`)),
  'nat-gateway': outside,
  'app-service': (p) => (p.runtime === 'kubernetes' ? { role: 'service', spec: p } : outside()),
  'worker-pool': (p) => (p.runtime === 'kubernetes' ? { role: 'service', spec: p } : outside()),
  scheduler: outside,
  queue: outside,
  'relational-db': (p, c) => {
    if (p.hosting !== 'kubernetes') return outside();
    return p.engine.includes('postgres') ? { role: 'postgres-cluster', spec: p } : notGenerated(`\`${c.id}\`: ${p.engine} on Kubernetes has no values generator (CloudNativePG runs PostgreSQL only).`);
  },
  cache: (p, c) => {
    if (p.hosting !== 'kubernetes') return outside();
    return p.engine === 'memcached' ? notGenerated(`\`${c.id}\`: Memcached on Kubernetes has no values generator.`) : { role: 'redis', spec: p };
  },
  'object-storage': outside,
  'data-warehouse': outside,
  'identity-provider': outside,
  'secrets-manager': outside,
  'key-management': outside,
  observability: outside,
  'ci-cd': outside,
  'backup-vault': outside,
  'external-system': outside,
  'serverless-function': outside,
  'kubernetes-cluster': outside,
  'event-stream': outside,
  'notification-topic': outside,
  'key-value-db': outside,
  'search-cluster': (p, c) => (p.hosting === 'kubernetes' ? notGenerated(`\`${c.id}\`: a search cluster on Kubernetes has no values generator yet (run it with the OpenSearch or ECK operator).`) : outside()),
  'shared-file-system': outside,
  'container-registry': outside,
  'email-delivery': outside,
  'sms-delivery': outside,
  'private-connectivity': outside,
  'admin-access': outside,
};

export const helmRoles = (facts: DesignFacts): RoleIndex<HelmRoles> => new RoleIndex(HELM, facts);
