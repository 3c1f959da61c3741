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

output "east_alb_arn" {
  description = "ARN of load balancer east-alb (the zone-loss runbook's zonal shift names it)"
  value       = aws_lb.east_alb.arn
}

output "east_ecs_cluster_name" {
  description = "ECS cluster of region east"
  value       = aws_ecs_cluster.east.name
}

output "east_web_ecs_service_name" {
  description = "ECS service of east-web"
  value       = aws_ecs_service.east_web.name
}

output "east_workers_ecs_service_name" {
  description = "ECS service of east-workers"
  value       = aws_ecs_service.east_workers.name
}

output "west_alb_dns_name" {
  description = "DNS name of load balancer west-alb"
  value       = aws_lb.west_alb.dns_name
}

output "west_alb_arn" {
  description = "ARN of load balancer west-alb (the zone-loss runbook's zonal shift names it)"
  value       = aws_lb.west_alb.arn
}

output "west_ecs_cluster_name" {
  description = "ECS cluster of region west"
  value       = aws_ecs_cluster.west.name
}

output "west_web_ecs_service_name" {
  description = "ECS service of west-web"
  value       = aws_ecs_service.west_web.name
}

output "west_workers_ecs_service_name" {
  description = "ECS service of west-workers"
  value       = aws_ecs_service.west_workers.name
}

output "east_outbox_queue_url" {
  description = "URL of queue east-outbox"
  value       = aws_sqs_queue.east_outbox.url
}

output "east_outbox_dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue of east-outbox (the queue-backlog runbook redrives from it)"
  value       = aws_sqs_queue.east_outbox_dlq.arn
}

output "west_outbox_queue_url" {
  description = "URL of queue west-outbox"
  value       = aws_sqs_queue.west_outbox.url
}

output "west_outbox_dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue of west-outbox (the queue-backlog runbook redrives from it)"
  value       = aws_sqs_queue.west_outbox_dlq.arn
}

output "east_db_endpoint" {
  description = "Writer endpoint of database east-db"
  value       = aws_rds_cluster.east_db.endpoint
}

output "east_db_master_secret_arn" {
  description = "Secrets Manager secret with the master credentials of east-db"
  value       = aws_secretsmanager_secret.east_db_master.arn
  sensitive   = true
}

output "east_db_in_west_reader_endpoint" {
  description = "Endpoint of the secondary of east-db in region west (read-only until promoted)"
  value       = aws_rds_cluster.east_db_in_west.endpoint
}

output "west_db_endpoint" {
  description = "Writer endpoint of database west-db"
  value       = aws_rds_cluster.west_db.endpoint
}

output "west_db_master_secret_arn" {
  description = "Secrets Manager secret with the master credentials of west-db"
  value       = aws_secretsmanager_secret.west_db_master.arn
  sensitive   = true
}

output "west_db_in_east_reader_endpoint" {
  description = "Endpoint of the secondary of west-db in region east (read-only until promoted)"
  value       = aws_rds_cluster.west_db_in_east.endpoint
}

output "east_redis_in_west_primary_endpoint" {
  description = "Endpoint of the secondary of cache east-redis in region west"
  value       = aws_elasticache_replication_group.east_redis_in_west.primary_endpoint_address
}

output "east_redis_primary_endpoint" {
  description = "Primary endpoint of cache east-redis"
  value       = aws_elasticache_replication_group.east_redis.primary_endpoint_address
}

output "west_redis_in_east_primary_endpoint" {
  description = "Endpoint of the secondary of cache west-redis in region east"
  value       = aws_elasticache_replication_group.west_redis_in_east.primary_endpoint_address
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
