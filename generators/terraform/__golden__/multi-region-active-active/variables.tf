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

variable "cache_snapshot_window" {
  description = "Daily UTC window for cache snapshots."
  type        = string
  default     = "02:00-03:00"
}

variable "db_backup_window" {
  description = "Daily UTC window for automated database backups."
  type        = string
  default     = "03:00-04:00"
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

variable "east_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region east (us-east-1), for the HTTPS listeners."
  type        = string
}

variable "east_db_engine_version" {
  description = "Engine version of east-db (aurora-postgresql); null takes RDS's default."
  type        = string
  default     = null
}

variable "east_redis_auth_token" {
  description = "AUTH token of cache east-redis (16 to 128 characters); keep it in your secrets store."
  type        = string
  sensitive   = true
}

variable "east_vpc_cidr" {
  description = "CIDR block of the VPC in region east (us-east-1). Distinct per region, so the VPCs can be peered."
  type        = string
  default     = "10.0.0.0/16"
}

variable "east_web_image" {
  description = "Container image of east-web, pinned by digest or immutable tag."
  type        = string
}

variable "east_workers_image" {
  description = "Container image of east-workers, pinned by digest or immutable tag."
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

variable "route53_zone_id" {
  description = "ID of the Route 53 hosted zone that holds the domain name."
  type        = string
}

variable "s3_replication_role_arn" {
  description = "ARN of the IAM role S3 assumes to replicate objects between buckets; from your account baseline."
  type        = string
}

variable "waf_rate_limit" {
  description = "Requests per client address per 5 minutes before WAF blocks it."
  type        = number
  default     = 2000
}

variable "west_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region west (us-west-2), for the HTTPS listeners."
  type        = string
}

variable "west_db_engine_version" {
  description = "Engine version of west-db (aurora-postgresql); null takes RDS's default."
  type        = string
  default     = null
}

variable "west_redis_auth_token" {
  description = "AUTH token of cache west-redis (16 to 128 characters); keep it in your secrets store."
  type        = string
  sensitive   = true
}

variable "west_vpc_cidr" {
  description = "CIDR block of the VPC in region west (us-west-2). Distinct per region, so the VPCs can be peered."
  type        = string
  default     = "10.16.0.0/16"
}

variable "west_web_image" {
  description = "Container image of west-web, pinned by digest or immutable tag."
  type        = string
}

variable "west_workers_image" {
  description = "Container image of west-workers, pinned by digest or immutable tag."
  type        = string
}
