output "primary_vpc_id" {
  description = "VPC of region primary"
  value       = aws_vpc.primary.id
}

output "alb_dns_name" {
  description = "DNS name of load balancer alb"
  value       = aws_lb.alb.dns_name
}

output "alb_arn" {
  description = "ARN of load balancer alb (the zone-loss runbook's zonal shift names it)"
  value       = aws_lb.alb.arn
}

output "db_master_secret_arn" {
  description = "Secrets Manager secret with the master credentials of db"
  value       = aws_db_instance.db.master_user_secret[0].secret_arn
  sensitive   = true
}

output "db_endpoint" {
  description = "Endpoint of database db"
  value       = aws_db_instance.db.address
}

output "files_bucket" {
  description = "Name of bucket files"
  value       = aws_s3_bucket.files.bucket
}
