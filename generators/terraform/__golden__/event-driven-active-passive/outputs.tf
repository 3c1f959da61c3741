output "primary_vpc_id" {
  description = "VPC of region primary"
  value       = aws_vpc.primary.id
}

output "dr_vpc_id" {
  description = "VPC of region dr"
  value       = aws_vpc.dr.id
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

output "web_ecs_service_name" {
  description = "ECS service of web"
  value       = aws_ecs_service.web.name
}

output "dr_alb_dns_name" {
  description = "DNS name of load balancer dr-alb"
  value       = aws_lb.dr_alb.dns_name
}

output "dr_alb_arn" {
  description = "ARN of load balancer dr-alb (the zone-loss runbook's zonal shift names it)"
  value       = aws_lb.dr_alb.arn
}

output "dr_ecs_cluster_name" {
  description = "ECS cluster of region dr"
  value       = aws_ecs_cluster.dr.name
}

output "dr_web_ecs_service_name" {
  description = "ECS service of dr-web"
  value       = aws_ecs_service.dr_web.name
}

output "cdn_domain_name" {
  description = "CloudFront domain of cdn"
  value       = aws_cloudfront_distribution.cdn.domain_name
}

output "dr_redis_primary_endpoint" {
  description = "Endpoint of the secondary of cache redis in region dr"
  value       = aws_elasticache_replication_group.dr_redis.primary_endpoint_address
}

output "redis_primary_endpoint" {
  description = "Primary endpoint of cache redis"
  value       = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "documents_bucket" {
  description = "Name of bucket documents"
  value       = aws_s3_bucket.documents.bucket
}

output "dr_documents_bucket" {
  description = "Name of bucket dr-documents"
  value       = aws_s3_bucket.dr_documents.bucket
}
