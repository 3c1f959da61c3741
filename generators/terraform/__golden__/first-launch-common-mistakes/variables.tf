variable "name_prefix" {
  description = "Prefix of every resource name: short, lower-case, unique per environment."
  type        = string
  default     = "first-launch-wit"
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

variable "backup_role_arn" {
  description = "ARN of the IAM role AWS Backup assumes (AWSBackupServiceRolePolicyForBackup); from your account baseline."
  type        = string
}

variable "backup_schedule" {
  description = "When AWS Backup takes daily backups (cron, UTC); keep it clear of db_backup_window."
  type        = string
  default     = "cron(0 6 * * ? *)"
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
  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,15}$", var.db_master_username))
    error_message = "db_master_username: a letter, then letters, digits or underscores, at most 16 characters."
  }
}

variable "domain_name" {
  description = "The platform's public domain name, e.g. app.example.com."
  type        = string
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

variable "route53_zone_id" {
  description = "ID of the Route 53 hosted zone that holds the domain name."
  type        = string
}

variable "web_ami_id" {
  description = "AMI that web instances boot from (your hardened, versioned image)."
  type        = string
}
