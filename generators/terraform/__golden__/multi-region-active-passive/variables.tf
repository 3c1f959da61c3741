variable "name_prefix" {
  description = "Prefix of every resource name: short, lower-case, unique per environment."
  type        = string
  default     = "client-portal-ac"
}

variable "alarm_5xx_per_minute" {
  description = "Server errors per minute from a service before its alarm fires."
  type        = number
  default     = 10
}

variable "alarm_actions" {
  description = "ARNs notified when an alarm fires or clears (SNS topics of the on-call rotation)."
  type        = list(string)
  default     = []
}

variable "app_port" {
  description = "Port the application containers listen on."
  type        = number
  default     = 8080
}

variable "autoscaling_cpu_target" {
  description = "Average CPU (percent) that autoscaling holds services at."
  type        = number
  default     = 60
}

variable "backup_account_vault_arn" {
  description = "ARN of the backup vault in the separate backup account that receives copies (the account must allow this one to copy into it)."
  type        = string
}

variable "backup_role_arn" {
  description = "ARN of the IAM role AWS Backup assumes (AWSBackupServiceRolePolicyForBackup); from your account baseline."
  type        = string
}

variable "backup_schedule" {
  description = "When AWS Backup takes daily backups (cron, UTC)."
  type        = string
  default     = "cron(0 3 * * ? *)"
}

variable "cache_snapshot_window" {
  description = "Daily UTC window for cache snapshots."
  type        = string
  default     = "02:00-03:00"
}

variable "cloudfront_certificate_arn" {
  description = "ARN of the ACM certificate for the domain in us-east-1, for CloudFront."
  type        = string
}

variable "cloudfront_price_class" {
  description = "CloudFront price class (edge locations used)."
  type        = string
  default     = "PriceClass_100"
}

variable "db_backup_window" {
  description = "Daily UTC window for automated database backups."
  type        = string
  default     = "03:00-04:00"
}

variable "db_engine_version" {
  description = "Engine version of db (postgres); null takes RDS's default."
  type        = string
  default     = null
}

variable "db_maintenance_window" {
  description = "Weekly UTC window for database maintenance."
  type        = string
  default     = "sun:04:30-sun:05:30"
}

variable "db_master_username" {
  description = "Master user name of the databases (its password is generated and kept in Secrets Manager)."
  type        = string
  default     = "platform_admin"
}

variable "domain_name" {
  description = "The platform's public domain name, e.g. app.example.com."
  type        = string
}

variable "dr_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region dr (us-west-2), for the HTTPS listeners."
  type        = string
}

variable "dr_redis_auth_token" {
  description = "AUTH token of cache dr-redis (16 to 128 characters); keep it in your secrets store."
  type        = string
  sensitive   = true
}

variable "dr_vpc_cidr" {
  description = "CIDR block of the VPC in region dr (us-west-2). Distinct per region, so the VPCs can be peered."
  type        = string
  default     = "10.16.0.0/16"
}

variable "dr_web_image" {
  description = "Container image of dr-web, pinned by digest or immutable tag."
  type        = string
}

variable "dr_workers_image" {
  description = "Container image of dr-workers, pinned by digest or immutable tag."
  type        = string
}

variable "ecs_task_execution_role_arn" {
  description = "ARN of the ECS task execution role (pulls images, writes logs); from your account baseline."
  type        = string
}

variable "log_retention_days" {
  description = "Days application logs are kept in CloudWatch Logs."
  type        = number
  default     = 30
}

variable "primary_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region primary (us-east-1), for the HTTPS listeners."
  type        = string
}

variable "primary_vpc_cidr" {
  description = "CIDR block of the VPC in region primary (us-east-1). Distinct per region, so the VPCs can be peered."
  type        = string
  default     = "10.0.0.0/16"
}

variable "queue_max_age_seconds" {
  description = "Age of the oldest message (seconds) at which a queue's backlog alarm fires."
  type        = number
  default     = 900
}

variable "queue_visibility_timeout_seconds" {
  description = "Seconds a received message stays hidden; longer than the slowest handler."
  type        = number
  default     = 300
}

variable "redis_auth_token" {
  description = "AUTH token of cache redis (16 to 128 characters); keep it in your secrets store."
  type        = string
  sensitive   = true
}

variable "route53_zone_id" {
  description = "ID of the Route 53 hosted zone that holds the domain name."
  type        = string
}

variable "s3_replication_role_arn" {
  description = "ARN of the IAM role S3 assumes to replicate objects between buckets; from your account baseline."
  type        = string
}

variable "static_path_pattern" {
  description = "Path of static assets that CloudFront caches and fails over between regions."
  type        = string
  default     = "/assets/*"
}

variable "waf_rate_limit" {
  description = "Requests per client address per 5 minutes before WAF blocks it."
  type        = number
  default     = 2000
}

variable "web_image" {
  description = "Container image of web, pinned by digest or immutable tag."
  type        = string
}

variable "workers_image" {
  description = "Container image of workers, pinned by digest or immutable tag."
  type        = string
}
