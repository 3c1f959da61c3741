variable "name_prefix" {
  description = "Prefix of every resource name: short, lower-case, unique per environment."
  type        = string
  default     = "shared-platform"
  validation {
    condition     = length(var.name_prefix) <= 16 && can(regex("^[a-z][a-z0-9-]*$", var.name_prefix)) && !strcontains(var.name_prefix, "--") && !endswith(var.name_prefix, "-") && !startswith(var.name_prefix, "sg-") && !startswith(var.name_prefix, "internal-")
    error_message = "name_prefix: 1 to 16 characters, lower-case letters, digits and single hyphens, starting with a letter and not ending with a hyphen (nor starting with \"sg-\" or \"internal-\")."
  }
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
  validation {
    condition     = var.app_port >= 1 && var.app_port <= 65535
    error_message = "app_port: a TCP port, 1 to 65535."
  }
}

variable "autoscaling_cpu_target" {
  description = "Average CPU (percent) that autoscaling holds services at."
  type        = number
  default     = 60
  validation {
    condition     = var.autoscaling_cpu_target > 0 && var.autoscaling_cpu_target <= 100
    error_message = "autoscaling_cpu_target: a percentage above 0 and at most 100."
  }
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
  description = "When AWS Backup takes daily backups (cron, UTC); keep it clear of db_backup_window."
  type        = string
  default     = "cron(0 6 * * ? *)"
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
  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.db_backup_window))
    error_message = "db_backup_window: hh:mm-hh:mm in UTC."
  }
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
  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,15}$", var.db_master_username))
    error_message = "db_master_username: a letter, then letters, digits or underscores, at most 16 characters."
  }
}

variable "domain_name" {
  description = "The platform's public domain name, e.g. app.example.com."
  type        = string
}

variable "enterprise_app_image" {
  description = "Container image of enterprise-app, pinned by digest or immutable tag."
  type        = string
}

variable "enterprise_db_engine_version" {
  description = "Engine version of enterprise-db (aurora-postgresql); null takes RDS's default."
  type        = string
  default     = null
}

variable "integration_workers_image" {
  description = "Container image of integration-workers, pinned by digest or immutable tag."
  type        = string
}

variable "log_retention_days" {
  description = "Days application logs are kept in CloudWatch Logs (one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  type        = number
  default     = 30
  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days: a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "primary_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region primary (us-east-1), for the load balancers' TLS listeners."
  type        = string
}

variable "primary_vpc_cidr" {
  description = "CIDR block of the VPC in region primary (us-east-1). Distinct per region, so the VPCs can be peered."
  type        = string
  default     = "10.0.0.0/16"
  validation {
    condition     = can(cidrhost(var.primary_vpc_cidr, 0))
    error_message = "Must be an IPv4 CIDR block, e.g. 10.0.0.0/16."
  }
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
  validation {
    condition     = var.queue_visibility_timeout_seconds >= 0 && var.queue_visibility_timeout_seconds <= 43200
    error_message = "queue_visibility_timeout_seconds: 0 to 43200 (12 hours)."
  }
}

variable "route53_zone_id" {
  description = "ID of the Route 53 hosted zone that holds the domain name."
  type        = string
}

variable "shared_app_image" {
  description = "Container image of shared-app, pinned by digest or immutable tag."
  type        = string
}

variable "shared_db_engine_version" {
  description = "Engine version of shared-db (postgres); null takes RDS's default."
  type        = string
  default     = null
}

variable "waf_rate_limit" {
  description = "Requests per client address per 5 minutes before WAF blocks it."
  type        = number
  default     = 2000
  validation {
    condition     = var.waf_rate_limit >= 100 && var.waf_rate_limit <= 2000000000
    error_message = "waf_rate_limit: between 100 and 2,000,000,000 requests per 5 minutes."
  }
}
