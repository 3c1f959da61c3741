variable "name_prefix" {
  description = "Prefix of every resource name: short, lower-case, unique per environment."
  type        = string
  default     = "erp-stack-on-kub"
  validation {
    condition     = length(var.name_prefix) <= 16 && can(regex("^[a-z][a-z0-9-]*$", var.name_prefix)) && !strcontains(var.name_prefix, "--") && !endswith(var.name_prefix, "-") && !startswith(var.name_prefix, "sg-") && !startswith(var.name_prefix, "internal-")
    error_message = "name_prefix: 1 to 16 characters, lower-case letters, digits and single hyphens, starting with a letter and not ending with a hyphen (nor starting with \"sg-\" or \"internal-\")."
  }
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

variable "eks_admin_principal_arn" {
  description = "ARN of the IAM role (or user) that administers the EKS clusters and runs the Helm step: your CI or operators role."
  type        = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/", var.eks_admin_principal_arn))
    error_message = "eks_admin_principal_arn: the ARN of an IAM role or user."
  }
}

variable "eks_cluster_role_arn" {
  description = "ARN of the IAM role the EKS control plane assumes (AmazonEKSClusterPolicy); from your account baseline."
  type        = string
}

variable "eks_node_role_arn" {
  description = "ARN of the IAM role EKS worker nodes assume (AmazonEKSWorkerNodePolicy, AmazonEKS_CNI_Policy, AmazonEC2ContainerRegistryReadOnly); from your account baseline."
  type        = string
}

variable "eks_public_access_cidrs" {
  description = "Addresses that may reach the public Kubernetes API endpoint (CIDR blocks of your CI runners and operators)."
  type        = list(string)
  validation {
    condition     = length(var.eks_public_access_cidrs) > 0 && alltrue([for cidr in var.eks_public_access_cidrs : can(cidrhost(cidr, 0))])
    error_message = "eks_public_access_cidrs: at least one CIDR block, e.g. 203.0.113.0/24."
  }
}

variable "eks_public_endpoint" {
  description = "Expose the Kubernetes API endpoint to the addresses in eks_public_access_cidrs (off: reach it from inside the VPC only)."
  type        = bool
  default     = true
}

variable "kubernetes_namespace" {
  description = "Namespace the Helm releases are installed in; the IAM roles of their service accounts trust this namespace."
  type        = string
  default     = "default"
}

variable "primary_certificate_arn" {
  description = "ARN of the ACM certificate for the platform's domain in region primary (eu-west-1), for the load balancers' TLS listeners."
  type        = string
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
