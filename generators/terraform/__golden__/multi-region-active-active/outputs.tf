output "east_vpc_id" {
  description = "VPC of region east"
  value       = aws_vpc.east.id
}

output "west_vpc_id" {
  description = "VPC of region west"
  value       = aws_vpc.west.id
}

output "east_alb_dns_name" {
  description = "DNS name of load balancer east-alb"
  value       = aws_lb.east_alb.dns_name
}

output "west_alb_dns_name" {
  description = "DNS name of load balancer west-alb"
  value       = aws_lb.west_alb.dns_name
}

output "east_outbox_queue_url" {
  description = "URL of queue east-outbox"
  value       = aws_sqs_queue.east_outbox.url
}

output "west_outbox_queue_url" {
  description = "URL of queue west-outbox"
  value       = aws_sqs_queue.west_outbox.url
}

output "east_db_endpoint" {
  description = "Writer endpoint of database east-db"
  value       = aws_rds_cluster.east_db.endpoint
}

output "east_db_master_secret_arn" {
  description = "Secrets Manager secret with the master password of east-db"
  value       = aws_rds_cluster.east_db.master_user_secret[0].secret_arn
  sensitive   = true
}

output "west_db_endpoint" {
  description = "Writer endpoint of database west-db"
  value       = aws_rds_cluster.west_db.endpoint
}

output "west_db_master_secret_arn" {
  description = "Secrets Manager secret with the master password of west-db"
  value       = aws_rds_cluster.west_db.master_user_secret[0].secret_arn
  sensitive   = true
}

output "east_redis_primary_endpoint" {
  description = "Primary endpoint of cache east-redis"
  value       = aws_elasticache_replication_group.east_redis.primary_endpoint_address
}

output "west_redis_primary_endpoint" {
  description = "Primary endpoint of cache west-redis"
  value       = aws_elasticache_replication_group.west_redis.primary_endpoint_address
}

output "east_documents_bucket" {
  description = "Name of bucket east-documents"
  value       = aws_s3_bucket.east_documents.bucket
}

output "west_documents_bucket" {
  description = "Name of bucket west-documents"
  value       = aws_s3_bucket.west_documents.bucket
}
