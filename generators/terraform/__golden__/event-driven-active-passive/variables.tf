variable "name_prefix" {
  description = "Prefix of every resource name: short, lower-case, unique per environment."
  type        = string
  default     = "client-portal-ev"
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

variable "domain_name" {
  description = "The platform's public domain name, e.g. app.example.com."
  type        = string
}

variable "dr_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region dr (us-west-2), for the load balancers' TLS listeners."
  type        = string
}

variable "dr_vpc_cidr" {
  description = "CIDR block of the VPC in region dr (us-west-2). Distinct per region, so the VPCs can be peered."
  type        = string
  default     = "10.16.0.0/16"
  validation {
    condition     = can(cidrhost(var.dr_vpc_cidr, 0))
    error_message = "Must be an IPv4 CIDR block, e.g. 10.0.0.0/16."
  }
}

variable "dr_web_image" {
  description = "Container image of dr-web, pinned by digest or immutable tag."
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
  validation {
    condition     = var.waf_rate_limit >= 100 && var.waf_rate_limit <= 2000000000
    error_message = "waf_rate_limit: between 100 and 2,000,000,000 requests per 5 minutes."
  }
}

variable "web_image" {
  description = "Container image of web, pinned by digest or immutable tag."
  type        = string
}
