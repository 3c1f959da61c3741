output "primary_vpc_id" {
  description = "VPC of region primary"
  value       = aws_vpc.primary.id
}

output "primary_eks_cluster_name" {
  description = "EKS cluster of region primary"
  value       = aws_eks_cluster.primary.name
}

output "nlb_dns_name" {
  description = "DNS name of load balancer nlb"
  value       = aws_lb.nlb.dns_name
}

output "job_queue_queue_url" {
  description = "URL of queue job-queue"
  value       = aws_sqs_queue.job_queue.url
}

output "attachments_bucket" {
  description = "Name of bucket attachments"
  value       = aws_s3_bucket.attachments.bucket
}

output "backups_bucket" {
  description = "Name of bucket backups"
  value       = aws_s3_bucket.backups.bucket
}
