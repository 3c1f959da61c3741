/**
 * Names of AWS resources. Every name the export gives is `${var.name_prefix}-<suffix>`: the prefix
 * is validated in variables.tf (see `NAME_PREFIX_RULE`), and the suffix is built here from ids and
 * fixed words so that prefix and suffix together fit the strictest rule of the argument they go
 * into, whatever the design's ids: at most `max` characters, only `[a-z0-9-]`, no `--`, never
 * ending with `-`. A suffix that does not fit as it is gets a short hash of the whole, so two
 * different components never end up with the same name.
 */

/** The longest `name_prefix` the variable's validation accepts. */
export const NAME_PREFIX_MAX = 16;

/**
 * What the `name_prefix` variable accepts, as Terraform conditions, each with the rule it keeps:
 * RDS, ElastiCache and EKS names start with a letter; no name may hold `--` or end with `-`;
 * security group names may not start with `sg-`, load balancer names not with `internal-`.
 */
export const NAME_PREFIX_VALIDATION = {
  condition:
    'length(var.name_prefix) <= 16 && can(regex("^[a-z][a-z0-9-]*$", var.name_prefix)) && !strcontains(var.name_prefix, "--") && !endswith(var.name_prefix, "-") && !startswith(var.name_prefix, "sg-") && !startswith(var.name_prefix, "internal-")',
  message: 'name_prefix: 1 to 16 characters, lower-case letters, digits and single hyphens, starting with a letter and not ending with a hyphen (nor starting with "sg-" or "internal-").',
} as const;

/**
 * The longest name each named argument takes (from the provider's validators and the AWS API
 * limits); `reserve` keeps room for what the export appends after the suffix (`.fifo`).
 */
export const NAME_LIMITS = {
  'aws_lb.name': 32,
  'aws_lb_target_group.name': 32,
  'aws_db_instance.identifier': 63,
  'aws_db_instance.final_snapshot_identifier': 255,
  'aws_db_subnet_group.name': 255,
  'aws_rds_cluster.cluster_identifier': 63,
  'aws_rds_cluster.final_snapshot_identifier': 255,
  'aws_rds_cluster_instance.identifier': 63,
  'aws_rds_global_cluster.global_cluster_identifier': 63,
  'aws_elasticache_replication_group.replication_group_id': 40,
  'aws_elasticache_subnet_group.name': 255,
  'aws_elasticache_global_replication_group.global_replication_group_id_suffix': 40,
  'aws_backup_vault.name': 50,
  'aws_backup_plan.name': 50,
  'aws_backup_selection.name': 50,
  'aws_sqs_queue.name': 75, // 80, less `.fifo`
  'aws_s3_bucket.bucket_prefix': 36, // 37, less the `-` before the part AWS adds
  'aws_security_group.name': 255,
  'aws_ecs_cluster.name': 255,
  'aws_ecs_task_definition.family': 255,
  'aws_ecs_service.name': 255,
  'aws_appautoscaling_policy.name': 255,
  'aws_autoscaling_policy.name': 255,
  'aws_launch_template.name_prefix': 100, // names are 128; AWS adds 26 characters
  'aws_autoscaling_group.name_prefix': 200,
  'aws_eks_cluster.name': 100,
  'aws_eks_node_group.node_group_name': 63,
  'aws_iam_role.name': 64,
  'aws_iam_role_policy.name': 128,
  'aws_wafv2_web_acl.name': 128,
  'aws_cloudwatch_metric_alarm.alarm_name': 255,
  'aws_cloudwatch_log_group.name': 512,
  'aws_secretsmanager_secret.name_prefix': 200,
} as const satisfies Record<string, number>;
export type NamedArgument = keyof typeof NAME_LIMITS;

/** FNV-1a, 32 bits, in base 36: a short stable tag that tells two long names apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}

/** Text that `tidy` leaves as it is. */
const TIDY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Collapses what AWS names refuse (`--`, edge hyphens, anything outside `[a-z0-9-]`). */
function tidy(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The suffix after `${var.name_prefix}-` for an argument: the parts joined by `-`, as they are when
 * they already fit, otherwise shortened with a hash of the whole (so the result is still unique).
 */
export function nameSuffix(argument: NamedArgument, parts: readonly string[]): string {
  const budget = NAME_LIMITS[argument] - NAME_PREFIX_MAX - 1;
  const whole = parts.join('-');
  // Ids joined by `-` are clean as they are, the common case: no need for tidy's four passes.
  const clean = TIDY.test(whole) ? whole : tidy(whole);
  if (clean === whole && clean.length > 0 && clean.length <= budget) return clean;
  const hash = shortHash(whole);
  const head = clean.slice(0, Math.max(0, budget - hash.length - 1)).replace(/-+$/, '');
  return head ? `${head}-${hash}` : hash;
}
