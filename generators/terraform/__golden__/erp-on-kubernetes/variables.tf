variable "name_prefix" {
  description = "Prefix of every resource name: short, lower-case, unique per environment."
  type        = string
  default     = "erp-stack-on-kub"
}

variable "alarm_actions" {
  description = "ARNs notified when an alarm fires or clears (SNS topics of the on-call rotation)."
  type        = list(string)
  default     = []
}

variable "domain_name" {
  description = "The platform's public domain name, e.g. app.example.com."
  type        = string
}

variable "eks_cluster_role_arn" {
  description = "ARN of the IAM role the EKS control plane assumes; from your account baseline."
  type        = string
}

variable "eks_node_role_arn" {
  description = "ARN of the IAM role EKS worker nodes assume; from your account baseline."
  type        = string
}

variable "eks_public_endpoint" {
  description = "Expose the Kubernetes API endpoint publicly (off: reach it through your network)."
  type        = bool
  default     = false
}

variable "primary_kubernetes_version" {
  description = "Kubernetes version of the cluster in primary; null takes EKS's default."
  type        = string
  default     = null
}

variable "primary_node_count" {
  description = "Nodes in primary; at least two per zone so a node drain never leaves a zone empty."
  type        = number
  default     = 6
}

variable "primary_node_instance_types" {
  description = "EC2 instance types of the nodes in primary."
  type        = list(string)
  default     = ["m5.large"]
}

variable "primary_node_max" {
  description = "Most nodes the group may scale to in primary."
  type        = number
  default     = 18
}

variable "primary_vpc_cidr" {
  description = "CIDR block of the VPC in region primary (eu-west-1). Distinct per region, so the VPCs can be peered."
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

variable "route53_zone_id" {
  description = "ID of the Route 53 hosted zone that holds the domain name."
  type        = string
}

variable "waf_rate_limit" {
  description = "Requests per client address per 5 minutes before WAF blocks it."
  type        = number
  default     = 2000
}
