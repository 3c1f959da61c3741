import type { KindId, KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { apiGateway } from './api-gateway';
import { appService } from './app-service';
import { backupVault } from './backup-vault';
import { cache } from './cache';
import { cdn } from './cdn';
import { ciCd } from './ci-cd';
import { dataWarehouse } from './data-warehouse';
import { dns } from './dns';
import { externalSystem } from './external-system';
import { identityProvider } from './identity-provider';
import { ingress } from './ingress';
import { keyManagement } from './key-management';
import { loadBalancer } from './load-balancer';
import { natGateway } from './nat-gateway';
import { objectStorage } from './object-storage';
import { observability } from './observability';
import { queue } from './queue';
import { relationalDb } from './relational-db';
import { scheduler } from './scheduler';
import { secretsManager } from './secrets-manager';
import { users } from './users';
import { waf } from './waf';
import { workerPool } from './worker-pool';
import { serverlessFunction } from './serverless-function';
import { kubernetesCluster } from './kubernetes-cluster';
import { eventStream } from './event-stream';
import { notificationTopic } from './notification-topic';
import { keyValueDb } from './key-value-db';
import { searchCluster } from './search-cluster';
import { sharedFileSystem } from './shared-file-system';
import { containerRegistry } from './container-registry';
import { emailDelivery } from './email-delivery';
import { smsDelivery } from './sms-delivery';
import { privateConnectivity } from './private-connectivity';
import { adminAccess } from './admin-access';

/**
 * One estimator per kind, explicit so that a kind without one fails to compile; a test checks
 * that the catalog's kinds and these keys are the same set.
 */
export const ESTIMATORS: { readonly [K in KindId]: Estimator<KindProps<K>> } = {
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
};

/**
 * The estimator of a kind id from a design. Each estimator is typed for its own kind's props;
 * the caller hands it a ledger built from that same kind's `propsOf`, which is what makes
 * erasing the type here sound.
 */
export function findEstimator(kind: string): Estimator | undefined {
  return Object.hasOwn(ESTIMATORS, kind) ? (ESTIMATORS[kind as KindId] as unknown as Estimator) : undefined;
}
