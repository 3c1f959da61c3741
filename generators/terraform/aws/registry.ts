import type { KindProps } from '../../../src/catalog';
import { notGenerated, outside, RoleIndex, type TargetRegistry } from '../../roles';
import type { DesignFacts } from '../../design-facts';

/**
 * The roles a component can play in the AWS Terraform, each with the inputs its emitter reads.
 * A kind joins a role by giving these inputs from its own props (its line in `AWS_TERRAFORM`);
 * the emitters never read a kind's props themselves.
 */
export interface AwsRoles {
  /** Deployed code: ECS on Fargate, an Auto Scaling group, or pods on the region's EKS cluster. */
  workload: Pick<KindProps<'app-service'>, 'runtime' | 'size' | 'vcpu' | 'memoryGb' | 'healthChecks' | 'autoscaling'>;
  /** An ingress controller's pods on the region's EKS cluster, behind a load balancer. */
  'ingress-controller': Pick<KindProps<'ingress'>, 'controller' | 'healthChecks'>;
  'load-balancer': Pick<KindProps<'load-balancer'>, 'type' | 'scheme' | 'healthChecks' | 'healthCheckPath'>;
  dns: Pick<KindProps<'dns'>, 'failoverRouting' | 'healthChecks' | 'ttlSeconds'>;
  cdn: Pick<KindProps<'cdn'>, 'originFailover'>;
  waf: Pick<KindProps<'waf'>, 'managedRules' | 'rateLimiting'>;
  'nat-gateway': Record<string, never>;
  queue: Pick<KindProps<'queue'>, 'fifo' | 'retentionDays' | 'deadLetter' | 'maxReceiveCount'>;
  database: Pick<KindProps<'relational-db'>, 'engine' | 'ha' | 'readReplicas' | 'size' | 'storageGb' | 'deletionProtection'>;
  /** PostgreSQL run by CloudNativePG on the region's cluster: the Helm export writes it; Terraform gives its backups an IAM role. */
  'kubernetes-database': Pick<KindProps<'relational-db'>, 'engine'>;
  cache: Pick<KindProps<'cache'>, 'engine' | 'size' | 'persistence' | 'automaticFailover'>;
  bucket: Pick<KindProps<'object-storage'>, 'storageClass' | 'versioning' | 'replicateToRegion' | 'objectLock'>;
  'backup-vault': Pick<KindProps<'backup-vault'>, 'separateAccount' | 'copyToRegion' | 'vaultLock'>;
  /** Where log retention comes from: the design's observability component. */
  observability: Pick<KindProps<'observability'>, 'logRetentionDays'>;
}

/** Self-hosted on Kubernetes: the Helm export writes its values; Terraform gives it the cluster. */
const onKubernetes = (id: string, chart: string) => notGenerated(`\`${id}\` runs on Kubernetes: see \`helm/platform/${chart}/${id}.values.yaml\`.`);
const laterBesideService = (id: string, title: string) => notGenerated(`\`${id}\` (${title.toLowerCase()}): no Terraform in this export yet; define it beside the service it drives.`);

/** What the AWS Terraform does with each kind of component. */
export const AWS_TERRAFORM: TargetRegistry<AwsRoles> = {
  users: outside,
  dns: (p) => ({ role: 'dns', spec: p }),
  cdn: (p) => ({ role: 'cdn', spec: p }),
  waf: (p) => ({ role: 'waf', spec: p }),
  'load-balancer': (p, c) => (c.region ? { role: 'load-balancer', spec: p } : notGenerated(`\`${c.id}\` (load balancer) has no region to place it in.`)),
  'api-gateway': (_p, c) => laterBesideService(c.id, c.kind.title),
  ingress: (p) => ({ role: 'ingress-controller', spec: p }),
  'nat-gateway': () => ({ role: 'nat-gateway', spec: {} }),
  'app-service': (p) => ({ role: 'workload', spec: p }),
  'worker-pool': (p) => ({ role: 'workload', spec: p }),
  scheduler: (_p, c) => laterBesideService(c.id, c.kind.title),
  queue: (p, c) => (p.hosting === 'kubernetes' ? notGenerated(`\`${c.id}\` (queue on Kubernetes): run it with your broker's operator; no chart is generated for it.`) : { role: 'queue', spec: p }),
  'relational-db': (p, c) => {
    if (p.hosting !== 'kubernetes') return { role: 'database', spec: p };
    if (!p.engine.includes('postgres')) return notGenerated(`\`${c.id}\` (${p.engine} on Kubernetes): run it with its operator; neither Terraform nor Helm values are generated for it.`);
    return c.region ? { role: 'kubernetes-database', spec: p } : onKubernetes(c.id, 'cloudnative-pg-cluster');
  },
  cache: (p, c) => {
    if (p.hosting === 'kubernetes') return onKubernetes(c.id, 'redis');
    if (p.engine === 'memcached') return notGenerated(`\`${c.id}\` (Memcached): has no replicas or failover; this export generates Redis/Valkey replication groups only.`);
    return { role: 'cache', spec: p };
  },
  'object-storage': (p) => ({ role: 'bucket', spec: p }),
  'data-warehouse': (_p, c) => notGenerated(`\`${c.id}\` (data warehouse): no Terraform in this export yet; Redshift or a lake house is sized to its queries, not to this design.`),
  'identity-provider': (_p, c) => notGenerated(`\`${c.id}\` (identity provider): no Terraform in this export yet; its user pool or tenant is configured with the application's sign-in.`),
  'secrets-manager': (_p, c) => notGenerated(`\`${c.id}\` (secrets manager): the database master passwords live in Secrets Manager (managed by RDS); other secrets are created with the services that read them.`),
  'key-management': (_p, c) => notGenerated(`\`${c.id}\` (key management): the export encrypts with AWS-managed keys and creates replica keys where databases cross regions; customer-managed keys are your account baseline's.`),
  observability: (p) => ({ role: 'observability', spec: p }),
  'ci-cd': (_p, c) => notGenerated(`\`${c.id}\` (CI/CD): pipelines live with your source repositories, not in this stack.`),
  'backup-vault': (p, c) => (c.region ? { role: 'backup-vault', spec: p } : notGenerated(`\`${c.id}\` (backup vault) has no region to place it in.`)),
  'external-system': outside,
  'serverless-function': (_p, c) => notGenerated(`\`${c.id}\` (serverless function): no Terraform in this export yet; a function is deployed with its code package and trigger by your application's pipeline (SAM, the Serverless Framework, or Terraform beside the code).`),
  'kubernetes-cluster': (_p, c) => notGenerated(`\`${c.id}\` (Kubernetes cluster): the export writes one EKS cluster per region for the workloads that run on Kubernetes; a cluster drawn on its own, with its node groups and upgrade settings, is not generated yet.`),
  'event-stream': (_p, c) => notGenerated(`\`${c.id}\` (event stream): no Terraform in this export yet; define the stream (aws_kinesis_stream or aws_msk_cluster) with its consumers' event source mappings.`),
  'notification-topic': (_p, c) => notGenerated(`\`${c.id}\` (notification topic): no Terraform in this export yet; define the topic (aws_sns_topic) beside its subscriptions, which name the queues and functions it delivers to.`),
  'key-value-db': (_p, c) => notGenerated(`\`${c.id}\` (key-value database): no Terraform in this export yet; an aws_dynamodb_table needs its key schema and indexes, which this design does not describe.`),
  'search-cluster': (_p, c) => notGenerated(`\`${c.id}\` (search cluster): no Terraform in this export yet; an OpenSearch domain is sized to its indexes and queries, not to this design.`),
  'shared-file-system': (_p, c) => notGenerated(`\`${c.id}\` (shared file system): no Terraform in this export yet; define the EFS file system with a mount target in each subnet of the zones that mount it.`),
  'container-registry': (_p, c) => notGenerated(`\`${c.id}\` (container registry): registries and their replication are part of your account baseline and the pipeline that pushes images, not this stack.`),
  'email-delivery': (_p, c) => notGenerated(`\`${c.id}\` (e-mail delivery): sending identities need DNS records for your domain (DKIM, SPF, DMARC) and leaving the SES sandbox is a support request; set them up by hand.`),
  'sms-delivery': (_p, c) => notGenerated(`\`${c.id}\` (SMS delivery): origination numbers and sender IDs are registered per country with the carriers; nothing to generate.`),
  'private-connectivity': (_p, c) => notGenerated(`\`${c.id}\` (private connectivity): VPN connections and Direct Connect need your side's addresses, devices and circuits; define them with your network team.`),
  'admin-access': (_p, c) => notGenerated(`\`${c.id}\` (administrative access): Session Manager needs only the SSM policy on the instances' roles; bastion hosts and access policies belong to your account baseline.`),
};

export type AwsRoleIndex = RoleIndex<AwsRoles>;

const rolesByFacts = new WeakMap<DesignFacts, AwsRoleIndex>();

/** The roles of a design's components, resolved once per export: the Terraform and the runbooks' commands both read them. */
export function awsRoles(facts: DesignFacts): AwsRoleIndex {
  let roles = rolesByFacts.get(facts);
  if (!roles) rolesByFacts.set(facts, (roles = new RoleIndex(AWS_TERRAFORM, facts)));
  return roles;
}
