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

output "primary_ecs_cluster_name" {
  description = "ECS cluster of region primary"
  value       = aws_ecs_cluster.primary.name
}

output "shared_app_ecs_service_name" {
  description = "ECS service of shared-app"
  value       = aws_ecs_service.shared_app.name
}

output "enterprise_app_ecs_service_name" {
  description = "ECS service of enterprise-app"
  value       = aws_ecs_service.enterprise_app.name
}

output "integration_workers_ecs_service_name" {
  description = "ECS service of integration-workers"
  value       = aws_ecs_service.integration_workers.name
}

output "cdn_domain_name" {
  description = "CloudFront domain of cdn"
  value       = aws_cloudfront_distribution.cdn.domain_name
}

output "events_queue_url" {
  description = "URL of queue events"
  value       = aws_sqs_queue.events.url
}

output "events_dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue of events (the queue-backlog runbook redrives from it)"
  value       = aws_sqs_queue.events_dlq.arn
}

output "shared_db_master_secret_arn" {
  description = "Secrets Manager secret with the master credentials of shared-db"
  value       = aws_secretsmanager_secret.shared_db_master.arn
  sensitive   = true
}

output "shared_db_endpoint" {
  description = "Endpoint of database shared-db"
  value       = aws_db_instance.shared_db.address
}

output "enterprise_db_endpoint" {
  description = "Writer endpoint of database enterprise-db"
  value       = aws_rds_cluster.enterprise_db.endpoint
}

output "enterprise_db_master_secret_arn" {
  description = "Secrets Manager secret with the master credentials of enterprise-db"
  value       = aws_rds_cluster.enterprise_db.master_user_secret[0].secret_arn
  sensitive   = true
}

output "shared_redis_primary_endpoint" {
  description = "Primary endpoint of cache shared-redis"
  value       = aws_elasticache_replication_group.shared_redis.primary_endpoint_address
}

output "enterprise_redis_primary_endpoint" {
  description = "Primary endpoint of cache enterprise-redis"
  value       = aws_elasticache_replication_group.enterprise_redis.primary_endpoint_address
}

output "documents_bucket" {
  description = "Name of bucket documents"
  value       = aws_s3_bucket.documents.bucket
}
