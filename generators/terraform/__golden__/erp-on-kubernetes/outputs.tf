output "primary_vpc_id" {
  description = "VPC of region primary"
  value       = aws_vpc.primary.id
}

output "primary_eks_cluster_name" {
  description = "EKS cluster of region primary"
  value       = aws_eks_cluster.primary.name
}

output "erp_app_role_arn" {
  description = "IAM role for the service account of erp-app (helm/values/erp-app.yaml)"
  value       = aws_iam_role.erp_app_pods.arn
}

output "erp_workers_role_arn" {
  description = "IAM role for the service account of erp-workers (helm/values/erp-workers.yaml)"
  value       = aws_iam_role.erp_workers_pods.arn
}

output "postgres_backup_role_arn" {
  description = "IAM role CloudNativePG cluster postgres backs up with (helm/platform/cloudnative-pg-cluster/postgres.values.yaml)"
  value       = aws_iam_role.postgres_backups.arn
}

output "nlb_dns_name" {
  description = "DNS name of load balancer nlb"
  value       = aws_lb.nlb.dns_name
}

output "nlb_arn" {
  description = "ARN of load balancer nlb (the zone-loss runbook's zonal shift names it)"
  value       = aws_lb.nlb.arn
}

output "job_queue_queue_url" {
  description = "URL of queue job-queue"
  value       = aws_sqs_queue.job_queue.url
}

output "job_queue_dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue of job-queue (the queue-backlog runbook redrives from it)"
  value       = aws_sqs_queue.job_queue_dlq.arn
}

output "attachments_bucket" {
  description = "Name of bucket attachments"
  value       = aws_s3_bucket.attachments.bucket
}

output "backups_bucket" {
  description = "Name of bucket backups"
  value       = aws_s3_bucket.backups.bucket
}
