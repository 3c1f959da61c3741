variable "name_prefix" {
  description = "Prefix of every resource name: short, lower-case, unique per environment."
  type        = string
  default     = "first-launch-wit"
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

variable "backup_role_arn" {
  description = "ARN of the IAM role AWS Backup assumes (AWSBackupServiceRolePolicyForBackup); from your account baseline."
  type        = string
}

variable "backup_schedule" {
  description = "When AWS Backup takes daily backups (cron, UTC)."
  type        = string
  default     = "cron(0 3 * * ? *)"
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

variable "primary_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region primary (us-east-1), for the HTTPS listeners."
  type        = string
}

variable "primary_vpc_cidr" {
  description = "CIDR block of the VPC in region primary (us-east-1). Distinct per region, so the VPCs can be peered."
  type        = string
  default     = "10.0.0.0/16"
}

variable "route53_zone_id" {
  description = "ID of the Route 53 hosted zone that holds the domain name."
  type        = string
}

variable "web_ami_id" {
  description = "AMI that web instances boot from (your hardened, versioned image)."
  type        = string
}
