import type { ComponentKind } from './types';
import { users } from './kinds/users';
import { dns } from './kinds/dns';
import { cdn } from './kinds/cdn';
import { waf } from './kinds/waf';
import { loadBalancer } from './kinds/load-balancer';
import { apiGateway } from './kinds/api-gateway';
import { ingress } from './kinds/ingress';
import { natGateway } from './kinds/nat-gateway';
import { appService } from './kinds/app-service';
import { workerPool } from './kinds/worker-pool';
import { scheduler } from './kinds/scheduler';
import { queue } from './kinds/queue';
import { relationalDb } from './kinds/relational-db';
import { cache } from './kinds/cache';
import { objectStorage } from './kinds/object-storage';
import { dataWarehouse } from './kinds/data-warehouse';
import { identityProvider } from './kinds/identity-provider';
import { secretsManager } from './kinds/secrets-manager';
import { keyManagement } from './kinds/key-management';
import { observability } from './kinds/observability';
import { ciCd } from './kinds/ci-cd';
import { backupVault } from './kinds/backup-vault';
import { externalSystem } from './kinds/external-system';
import { serverlessFunction } from './kinds/serverless-function';
import { kubernetesCluster } from './kinds/kubernetes-cluster';
import { eventStream } from './kinds/event-stream';
import { notificationTopic } from './kinds/notification-topic';
import { keyValueDb } from './kinds/key-value-db';
import { searchCluster } from './kinds/search-cluster';
import { sharedFileSystem } from './kinds/shared-file-system';
import { containerRegistry } from './kinds/container-registry';
import { emailDelivery } from './kinds/email-delivery';
import { smsDelivery } from './kinds/sms-delivery';
import { privateConnectivity } from './kinds/private-connectivity';
import { adminAccess } from './kinds/admin-access';

/**
 * Every component kind, keyed by its id. Explicit, so no kind depends on import side effects;
 * a test checks that every file in kinds/ is here and that each key matches its kind's id.
 * Registries elsewhere (cost estimators, export targets) are typed `Record<KindId, ...>`, so a
 * kind added here and missing there is a compile error that names the registry.
 */
export const KINDS = {
  users,
  dns,
  cdn,
  waf,
  'load-balancer': loadBalancer,
  'api-gateway': apiGateway,
  ingress,
  'nat-gateway': natGateway,
  'app-service': appService,
  'worker-pool': workerPool,
  scheduler,
  queue,
  'relational-db': relationalDb,
  cache,
  'object-storage': objectStorage,
  'data-warehouse': dataWarehouse,
  'identity-provider': identityProvider,
  'secrets-manager': secretsManager,
  'key-management': keyManagement,
  observability,
  'ci-cd': ciCd,
  'backup-vault': backupVault,
  'external-system': externalSystem,
  'serverless-function': serverlessFunction,
  'kubernetes-cluster': kubernetesCluster,
  'event-stream': eventStream,
  'notification-topic': notificationTopic,
  'key-value-db': keyValueDb,
  'search-cluster': searchCluster,
  'shared-file-system': sharedFileSystem,
  'container-registry': containerRegistry,
  'email-delivery': emailDelivery,
  'sms-delivery': smsDelivery,
  'private-connectivity': privateConnectivity,
  'admin-access': adminAccess,
} as const satisfies Record<string, ComponentKind>;

export type KindId = keyof typeof KINDS;

/** The typed props of a kind, for code written for that one kind (its estimator, its emitters). */
export type KindProps<K extends KindId> = ReturnType<(typeof KINDS)[K]['propsOf']>;

const kindsById: ReadonlyMap<string, ComponentKind> = new Map<string, ComponentKind>(Object.entries(KINDS));

export const ALL_KINDS: readonly ComponentKind[] = [...kindsById.values()];

export function findKind(id: string): ComponentKind | undefined {
  return kindsById.get(id);
}

/** The kind of a component from a validated design (the loader has checked that it exists). */
export function kindOf(component: { kind: string }): ComponentKind {
  const kind = kindsById.get(component.kind);
  if (!kind) throw new Error(`Unknown component kind "${component.kind}"`);
  return kind;
}
