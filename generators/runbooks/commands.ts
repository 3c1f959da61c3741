import { markdownCode, shellArg, type Provider, type Region } from '../../src/model';
import { sourcesOf, targetsOf, type ComponentFacts, type DesignFacts } from '../design-facts';
import { identifier } from '../terraform/hcl';
import { nameSuffix, type NamedArgument } from '../terraform/aws/names';
import { awsRoles } from '../terraform/aws/registry';
import { defaultNamePrefix } from '../text';

/**
 * What a runbook tells the operator to run, per provider. A provider with commands gives exact
 * commands (names as its Terraform export writes them); the others get the same steps in words and
 * a clear note that their commands are not generated yet, never another provider's commands.
 * Every value pasted into a command is an id, a name built from ids, or a region code checked to be
 * one; anything else is a quoted placeholder, so a command is always safe to paste into a shell.
 */
export interface RunbookCommands {
  /** The provider's commands are written out; false: steps in words only. */
  readonly exact: boolean;
  /** Said once at the top of every runbook. */
  readonly notice?: string;
  /** Where a component's alerts come from. */
  alarms(c: ComponentFacts): string;
  /** What the operator needs before starting: roles, tools, cluster access. */
  access(components: readonly ComponentFacts[]): string[];
  /** Where to look: dashboards, alarms and logs of the components, a line at a time. */
  dashboards(components: readonly ComponentFacts[]): Iterable<string>;
  /** Database: what happens when its primary fails, in words (the figures come from the estimates). */
  databaseMechanism(db: ComponentFacts): string;
  /** Database: the step that forces or checks a failover. */
  databaseFailover(db: ComponentFacts): string;
  /** Database: more storage when it runs out. */
  databaseStorage(db: ComponentFacts): string;
  /** Database: a point-in-time restore into a new instance or cluster. */
  databaseRestore(db: ComponentFacts): string;
  /** Region failover: make `replica` (a replica or secondary of `writer`) the writer. */
  promote(writer: ComponentFacts, replica: ComponentFacts): string;
  /** Region failover: run `service` at `count` instances, and restart it on the promoted database. */
  scale(service: ComponentFacts, count: number | undefined): string;
  restart(service: ComponentFacts): string;
  /** Zone loss: steps that shift the load balancers among `components` away from a zone, and back. */
  zonalShift(components: readonly ComponentFacts[]): { start: string[]; end: string };
  /** Queue: move dead-lettered messages back. */
  redrive(queue: ComponentFacts): string;
  /** Cache: how it fails over. */
  cacheFailover(cache: ComponentFacts): string;
  /** Certificates: where they live and renew. */
  certificates: { alarm: string; renew: string; deploy: string };
  /** Release rollback: how each deployable goes back to its previous version. */
  rollback(deployables: readonly ComponentFacts[]): string;
}

const ALARMED_ROLES = ['workload', 'database', 'cache', 'queue'] as const;

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** A region code for a command: the design's location when it is one, a quoted placeholder otherwise. */
function regionCode(region: Region | undefined): string {
  if (!region) return shellArg('[FILL IN: region code]');
  return REGION_CODE.test(region.location) ? region.location : shellArg(`[FILL IN: region code of ${region.id}]`);
}

/** A command as a Markdown code span (escaped by the model's one escaper for code spans). */
const code = markdownCode;

/** A Terraform output of the export, as the Terraform generator labels it (`'[FILL IN: id]'_<what>`, see TerraformBuilder.output). */
const terraformOutput = (id: string, what: string) => identifier(`${id}-${what}`);

/** The component's runtime in words, for the steps that differ by it. */
const isKubernetes = (c: ComponentFacts) => c.traits.runtime === 'kubernetes';
const isAurora = (db: ComponentFacts) => db.traits.data?.replication === 'storage-level';
const isCluster = (db: ComponentFacts) => isAurora(db) || db.traits.zonalFailover === 'cluster';

/**
 * AWS: the names the Terraform export gives (`<name_prefix>-'[FILL IN: id]'`, shortened where AWS limits
 * require, see generators/terraform/aws/names.ts), with the default prefix.
 */
function awsCommands(facts: DesignFacts): RunbookCommands {
  const prefix = defaultNamePrefix(facts.slug);
  const roles = awsRoles(facts);
  const name = (argument: NamedArgument, ...parts: string[]) => `${prefix}-${nameSuffix(argument, parts)}`;
  const region = (c: ComponentFacts) => regionCode(c.region);
  const dbIdentifier = (db: ComponentFacts) => (isCluster(db) ? name('aws_rds_cluster.cluster_identifier', db.id) : name('aws_db_instance.identifier', db.id));
  const console = (service: string, r: Region | undefined, fragment: string) =>
    `https://console.aws.amazon.com/${service}/home${r && REGION_CODE.test(r.location) ? `?region=${r.location}` : ''}#${fragment}`;
  const ecsCluster = (c: ComponentFacts) => name('aws_ecs_cluster.name', c.region!.id);
  const ecsService = (c: ComponentFacts) => name('aws_ecs_service.name', c.id);
  const commands: RunbookCommands = {
    exact: true,
    notice: `Commands use the AWS CLI v2 and the names the Terraform export gives with its default \`name_prefix\` (\`${prefix}\`): if you set another prefix, replace it in them.`,
    alarms: (c) => `CloudWatch alarms \`${prefix}-${c.id}-*\``,
    access: (components) => {
      // A runbook about thousands of components has a few regions and kinds: one pass, no copies of the list.
      const regions = new Set<Region>();
      const kinds = new Set<ComponentFacts['kind']>();
      for (const c of components) {
        if (c.region !== undefined) regions.add(c.region);
        kinds.add(c.kind);
      }
      const titles = new Set([...kinds].map((kind) => kind.title.toLowerCase()));
      const lines = [
        `The on-call role in the account (read CloudWatch, and act on ${[...titles].join(', ')}): ${'`[FILL IN: IAM role or SSO permission set]`'}; sign in with \`aws sso login\` or your break-glass procedure.`,
        'The AWS CLI v2; every command names its region with `--region`.',
      ];
      const clusters = [...regions].filter((r) => components.some((c) => c.region?.id === r.id && isKubernetes(c)));
      for (const r of clusters) {
        lines.push(`Kubernetes in region \`${r.id}\`: ${code(`aws eks update-kubeconfig --name ${name('aws_eks_cluster.name', r.id)} --region ${regionCode(r)}`)}, as the principal the Terraform variable \`eks_admin_principal_arn\` names (the cluster's access entry); \`kubectl\` and the \`cnpg\` plugin for databases.`);
      }
      return lines;
    },
    dashboards: function* (components) {
      for (const c of components) {
        if (!c.region || c.kind.capabilities.external) continue;
        const links: string[] = [];
        // The roles the Terraform export writes CloudWatch alarms for (observability.ts).
        if (ALARMED_ROLES.some((role) => roles.is(c, role))) links.push(`[alarms](${console('cloudwatch', c.region, `alarmsV2:?search=${prefix}-${c.id}`)})`);
        if (c.traits.runtime === 'containers') links.push(`[logs](${console('cloudwatch', c.region, `logsV2:log-groups/log-group/$252Fninesmith$252F${prefix}$252F${c.id}`)})`, `[service](${console('ecs/v2', c.region, `clusters/${ecsCluster(c)}/services/${ecsService(c)}/health`)})`);
        if (roles.is(c, 'database')) links.push(`[database](${console('rds', c.region, `database:id=${dbIdentifier(c)}`)})`);
        if (links.length > 0) yield `\`${c.id}\`: ${links.join(', ')}.`;
      }
    },
    databaseMechanism: (db) => {
      if (isKubernetes(db)) return 'CloudNativePG promotes the most advanced standby when the primary fails.';
      if (isAurora(db)) return 'Aurora promotes a reader in another zone when the writer fails; the cluster endpoint follows it.';
      if (db.traits.zonalFailover === 'cluster') return 'the Multi-AZ DB cluster promotes one of its readable standbys; the endpoint follows it.';
      if (db.traits.zonalFailover === 'standby') return 'RDS Multi-AZ promotes the synchronous standby in another zone; the endpoint name stays the same.';
      return 'a single instance, with no standby: recovery means a replacement or a restore.';
    },
    databaseFailover: (db) => {
      if (isKubernetes(db))
        return `check ${code(`kubectl cnpg status ${db.id}`)}. If the operator has not promoted a standby within 2 minutes, promote the most advanced one: ${code(`kubectl cnpg promote ${db.id} '[FILL IN: instance]'`)}; confirm service \`${db.id}-rw\` points at the new primary.`;
      if (isCluster(db))
        return `check the cluster's events (${code(`aws rds describe-events --source-type db-cluster --source-identifier ${dbIdentifier(db)} --region ${region(db)}`)}). If no failover happened and the writer is unhealthy, force one: ${code(`aws rds failover-db-cluster --db-cluster-identifier ${dbIdentifier(db)} --region ${region(db)}`)}.`;
      if (db.traits.zonalFailover === 'standby')
        return `RDS fails over by itself. If the primary is degraded but not failed (storage or I/O stuck), reboot with failover: ${code(`aws rds reboot-db-instance --db-instance-identifier ${dbIdentifier(db)} --force-failover --region ${region(db)}`)}.`;
      return (db.traits.data?.readReplicas ?? 0) > 0
        ? `it has no standby. If the instance will not come back, promote its read replica (${code(`aws rds promote-read-replica --db-instance-identifier ${name('aws_db_instance.identifier', db.id, 'replica', '1')} --region ${region(db)}`)}) and point the application at it; accept the replica's lag as data loss.`
        : 'it has no standby. Follow [restore from backup](restore-from-backup.md) to a new instance and point the application at it.';
    },
    databaseStorage: (db) =>
      isKubernetes(db)
        ? `Storage full on \`${db.id}\`: grow its volumes (\`cluster.storage.size\` in its values, then \`helm upgrade\`; the StorageClass allows expansion).`
        : isAurora(db)
          ? `Storage on \`${db.id}\`: Aurora storage grows by itself; a full volume means the 128 TiB limit or a runaway table: find it before anything else.`
          : `Storage below 10% on \`${db.id}\` (the \`-storage\` alarm): add storage, which RDS applies online: ${code(`aws rds modify-db-${isCluster(db) ? 'cluster --db-cluster-identifier' : 'instance --db-instance-identifier'} ${dbIdentifier(db)} --allocated-storage '[FILL IN: GiB]' --apply-immediately --region ${region(db)}`)}; then find what filled it (logs, a bloated table).`,
    databaseRestore: (db) =>
      isKubernetes(db)
        ? `create a recovery cluster from the object store (\`mode: recovery\` in its CloudNativePG values, with \`recovery.pitrTarget.time\`).`
        : isCluster(db)
          ? `${code(`aws rds restore-db-cluster-to-point-in-time --source-db-cluster-identifier ${dbIdentifier(db)} --db-cluster-identifier ${dbIdentifier(db)}-restored --restore-to-time '[FILL IN: UTC time]' --region ${region(db)}`)}, then add an instance to the new cluster.`
          : `${code(`aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier ${dbIdentifier(db)} --target-db-instance-identifier ${dbIdentifier(db)}-restored --restore-time '[FILL IN: UTC time]' --region ${region(db)}`)}.`,
    promote: (writer, replica) => {
      if (isAurora(writer) && isAurora(replica)) {
        // The Terraform export gives a writer replicating into another writer's region a secondary of its own there (data.ts).
        const onwards = targetsOf(facts, replica.id, 'replication').some((t) => t.traits.data?.role === 'records');
        const secondary = onwards ? name('aws_rds_cluster.cluster_identifier', writer.id, 'in', replica.region!.id) : name('aws_rds_cluster.cluster_identifier', replica.id);
        return `Fail the global database \`${name('aws_rds_global_cluster.global_cluster_identifier', writer.id)}\` over to its secondary \`${secondary}\` in region \`${replica.region!.id}\`, accepting the replication lag as lost data: find its ARN with ${code(`aws rds describe-db-clusters --db-cluster-identifier ${secondary} --query 'DBClusters[0].DBClusterArn' --output text --region ${region(replica)}`)}, then ${code(`aws rds failover-global-cluster --global-cluster-identifier ${name('aws_rds_global_cluster.global_cluster_identifier', writer.id)} --target-db-cluster-identifier '[FILL IN: ARN of ${secondary}]' --allow-data-loss --region ${region(replica)}`)}.${onwards ? ` The services of region \`${replica.region!.id}\` keep writing to \`${replica.id}\`; point what served \`${writer.id}\`'s users at \`${secondary}\`, now a writer (its endpoint: ${code(`aws rds describe-db-clusters --db-cluster-identifier ${secondary} --query 'DBClusters[0].Endpoint' --output text --region ${region(replica)}`)}), and redeploy them.` : ''}`;
      }
      if (isKubernetes(replica)) return `Promote \`${replica.id}\`: ${code(`kubectl cnpg promote ${replica.id} '[FILL IN: instance]'`)} in its region's cluster.`;
      return `Promote \`${replica.id}\` to a standalone writer: ${code(`aws rds promote-read-replica --db-instance-identifier ${name('aws_db_instance.identifier', replica.id)} --region ${region(replica)}`)}; its endpoint stays the same.`;
    },
    scale: (service, count) => {
      const n = count === undefined ? "'[FILL IN: count]'" : String(count);
      if (isKubernetes(service)) return `\`${service.id}\`: ${code(`kubectl scale deployment ${/^[a-z]/.test(service.id) ? service.id : `s-${service.id}`} --replicas ${n}`)} (raise its HorizontalPodAutoscaler's minimum too).`;
      if (service.traits.runtime === 'containers') {
        const resource = `service/${ecsCluster(service)}/${ecsService(service)}`;
        return `\`${service.id}\`: ${code(`aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id ${resource} --min-capacity ${n} --region ${region(service)}`)} then ${code(`aws ecs update-service --cluster ${ecsCluster(service)} --service ${ecsService(service)} --desired-count ${n} --region ${region(service)}`)}.`;
      }
      return `\`${service.id}\`: raise the minimum and desired capacity of its Auto Scaling group (tag \`ninesmith:component = ${service.id}\`) to ${n}: ${code(`aws autoscaling update-auto-scaling-group --auto-scaling-group-name '[FILL IN: name]' --min-size ${n} --desired-capacity ${n} --region ${region(service)}`)}.`;
    },
    restart: (service) =>
      isKubernetes(service)
        ? `${code(`kubectl rollout restart deployment ${/^[a-z]/.test(service.id) ? service.id : `s-${service.id}`}`)}`
        : service.traits.runtime === 'containers'
          ? code(`aws ecs update-service --cluster ${ecsCluster(service)} --service ${ecsService(service)} --force-new-deployment --region ${region(service)}`)
          : 'an instance refresh of its Auto Scaling group',
    zonalShift: (components) => {
      // The components the Terraform export makes load balancers of (it enables zonal shift on each).
      const lbs = components.filter((c) => roles.is(c, 'load-balancer'));
      if (lbs.length === 0) return { start: ['No load balancer of this design is in the lost zone\'s region: take the zone\'s capacity out of service where it runs.'], end: 'When the zone is back, return capacity gradually.' };
      const start = lbs.map((lb) => {
        const arn = `$(terraform -chdir=terraform output -raw ${terraformOutput(lb.id, 'arn')})`;
        return `\`${lb.id}\`: ${code(`aws arc-zonal-shift start-zonal-shift --resource-identifier ${arn} --away-from '[FILL IN: zone id]' --expires-in 3h --comment 'zone loss' --region ${region(lb)}`)}`;
      });
      return {
        start: [
          `Find the zone id of the failing zone (zonal shift takes ids like \`use1-az1\`, not names like \`us-east-1a\`; the mapping differs per account): ${code(`aws ec2 describe-availability-zones --query 'AvailabilityZones[].[ZoneName,ZoneId]' --output text --region ${lbs[0] ? region(lbs[0]) : regionCode(undefined)}`)}.`,
          `From the export's folder (the commands read load balancer ARNs from \`terraform output\`), shift traffic away from it on each load balancer, for at most the hours you give (the Terraform export enables zonal shift on them): ${start.join('; ')}.`,
        ],
        end: `When the zone is back, end the shifts: ${code(`aws arc-zonal-shift list-zonal-shifts --status ACTIVE --region ${lbs[0] ? region(lbs[0]) : regionCode(undefined)}`)} then ${code("aws arc-zonal-shift cancel-zonal-shift --zonal-shift-id '[FILL IN: id]'")} for each, and return capacity gradually.`,
      };
    },
    redrive: (queue) =>
      `once the cause is fixed, move dead-lettered messages back in small batches (handlers must be idempotent), from the export's folder: ${code(`aws sqs start-message-move-task --source-arn $(terraform -chdir=terraform output -raw ${terraformOutput(queue.id, 'dead_letter_queue_arn')}) --region ${region(queue)}`)}.`,
    cacheFailover: (cache) =>
      cache.traits.zonalFailover === 'replica' && cache.replicas >= 2
        ? `a replica is promoted automatically (${isKubernetes(cache) ? 'Sentinel' : 'ElastiCache Multi-AZ'}); confirm clients reconnected to the new primary${isKubernetes(cache) ? '' : ` (${code(`aws elasticache describe-replication-groups --replication-group-id ${name('aws_elasticache_replication_group.replication_group_id', cache.id)} --region ${region(cache)}`)})`}.`
        : 'no automatic failover; replace the node, and restore its snapshot if persistence is on.',
    certificates: {
      alarm: 'Certificate expiry alarms (ACM `DaysToExpiry`, cert-manager `certmanager_certificate_expiration_timestamp_seconds`); browsers or client systems reporting TLS errors.',
      renew: 'Renew or re-issue the certificate (ACM renews by itself while its DNS validation CNAME exists: restore it; check `aws acm describe-certificate --certificate-arn \'[FILL IN: arn]\'`).',
      deploy: 'Deploy it where it terminates: the load balancers\' TLS listeners (regional ACM certificates, Terraform variables `*_certificate_arn`), CloudFront (us-east-1).',
    },
    rollback: (deployables) => {
      const steps = deployables.map((c) => {
        if (isKubernetes(c)) return `\`${c.id}\`: ${code(`helm rollback ${c.id} -n '[FILL IN: namespace]'`)}`;
        if (c.traits.runtime === 'containers') return `\`${c.id}\`: ${code(`aws ecs update-service --cluster ${ecsCluster(c)} --service ${ecsService(c)} --task-definition '[FILL IN: previous task definition ARN]' --region ${region(c)}`)}`;
        return `\`${c.id}\`: the previous launch template version, then ${code(`aws autoscaling start-instance-refresh --auto-scaling-group-name '[FILL IN: name]' --region ${region(c)}`)}`;
      });
      return `Roll back first, investigate second: redeploy the previous version. ${steps.join('; ')}.`;
    },
  };
  // Stores the export does not create (a key-value table, a stream) get the steps in words: commands
  // naming RDS instances or SQS outputs would name resources that do not exist.
  const words = neutralCommands('aws', 'no command here: the Terraform export does not create it');
  const database = (db: ComponentFacts) => isKubernetes(db) || roles.is(db, 'database');
  return {
    ...commands,
    databaseMechanism: (db) => (database(db) ? commands.databaseMechanism(db) : words.databaseMechanism(db)),
    databaseFailover: (db) => (database(db) ? commands.databaseFailover(db) : words.databaseFailover(db)),
    databaseStorage: (db) => (database(db) ? commands.databaseStorage(db) : words.databaseStorage(db)),
    databaseRestore: (db) => (database(db) ? commands.databaseRestore(db) : words.databaseRestore(db)),
    promote: (writer, replica) => (database(writer) && database(replica) ? commands.promote(writer, replica) : words.promote(writer, replica)),
    redrive: (queue) => (roles.is(queue, 'queue') ? commands.redrive(queue) : words.redrive(queue)),
  };
}

/** A provider without generated commands: the same steps, in words, and a note that says so. */
function neutralCommands(provider: Provider, none = `commands for ${provider} are not generated yet`): RunbookCommands {
  return {
    exact: false,
    notice: `Commands for ${provider} are not generated yet: the steps say what to do; take the commands from your platform's documentation and add them here.`,
    alarms: () => 'the alerts of your monitoring on it',
    access: () => [`An operator account with the rights to fail over, scale and restore the components below: ${'`[FILL IN: role or group, and how to get it]`'}.`],
    dashboards: (components) => [`${components.filter((c) => !c.kind.capabilities.external).map((c) => `\`${c.id}\``).join(', ')}: ${'`[FILL IN: dashboard and log links]`'}.`],
    databaseMechanism: (db) => (db.traits.zonalFailover === 'none' ? 'a single instance, with no standby: recovery means a replacement or a restore.' : 'a standby in another zone takes over when the primary fails.'),
    databaseFailover: () => `check whether the provider failed over to the standby; if the primary is degraded but not failed, force a failover (${none}).`,
    databaseStorage: (db) => `Storage full on \`${db.id}\`: add storage (${none}), then find what filled it.`,
    databaseRestore: () => `a point-in-time restore to the last good time, into a new database (${none}).`,
    promote: (_writer, replica) => `Promote \`${replica.id}\` to be the writer (${none}).`,
    scale: (service, count) => `\`${service.id}\`: raise its instance count and autoscaling minimum${count === undefined ? '' : ` to ${count}`} (${none}).`,
    restart: () => `a rolling restart (${none})`,
    zonalShift: () => ({ start: [`Take the failing zone out of the load balancers (zonal shift or equivalent; ${none}).`], end: 'When the zone is back, put it back in service and return capacity gradually.' }),
    redrive: () => `once the cause is fixed, move dead-lettered messages back in small batches; handlers must be idempotent (${none}).`,
    cacheFailover: (cache) => (cache.traits.zonalFailover === 'replica' && cache.replicas >= 2 ? 'a replica is promoted automatically; confirm clients reconnected to the new primary.' : 'no automatic failover; replace the node, and restore its snapshot if persistence is on.'),
    certificates: { alarm: 'Certificate expiry alerts; browsers or client systems reporting TLS errors.', renew: 'Renew or re-issue the certificate with its issuer.', deploy: 'Deploy it where TLS terminates: the load balancers, the CDN, the ingress controller\'s secret.' },
    rollback: () => 'Roll back first, investigate second: redeploy the previous version of what changed.',
  };
}

/** Runbook commands per provider; a provider without an entry gets steps in words. */
export const RUNBOOK_COMMANDS: Readonly<Partial<Record<Provider, (facts: DesignFacts) => RunbookCommands>>> = {
  aws: awsCommands,
};

export function runbookCommands(facts: DesignFacts): RunbookCommands {
  return RUNBOOK_COMMANDS[facts.design.provider]?.(facts) ?? neutralCommands(facts.design.provider);
}

/** The component a standby service stands in for (the source of its `replication` connection). */
export function counterpartOf(facts: DesignFacts, c: ComponentFacts): ComponentFacts | undefined {
  return sourcesOf(facts, c.id, 'replication')[0];
}
