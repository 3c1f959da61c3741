# Cache shared-redis: redis, 2 node(s) with automatic failover across zones.
resource "aws_elasticache_subnet_group" "shared_redis" {
  provider   = aws.primary
  name       = "${var.name_prefix}-shared-redis"
  subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
  tags = {
    Name                  = "Shared cell Redis"
    "ninesmith:component" = "shared-redis"
  }
}

resource "aws_elasticache_replication_group" "shared_redis" {
  provider                    = aws.primary
  replication_group_id        = "${var.name_prefix}-shared-redis"
  description                 = "Cache shared-redis"
  engine                      = "redis"
  node_type                   = "cache.r6g.large"
  at_rest_encryption_enabled  = true
  transit_encryption_enabled  = true
  num_cache_clusters          = 2
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-east-1a", "us-east-1b"]
  subnet_group_name           = aws_elasticache_subnet_group.shared_redis.name
  security_group_ids          = [aws_security_group.shared_redis.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.shared_redis_auth.secret_string
  snapshot_retention_limit    = 0
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "Shared cell Redis"
    "ninesmith:component" = "shared-redis"
  }
}

# Cache enterprise-redis: redis, 2 node(s) with automatic failover across zones.
resource "aws_elasticache_subnet_group" "enterprise_redis" {
  provider   = aws.primary
  name       = "${var.name_prefix}-enterprise-redis"
  subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
  tags = {
    Name                  = "Enterprise cell Redis"
    "ninesmith:component" = "enterprise-redis"
  }
}

resource "aws_elasticache_replication_group" "enterprise_redis" {
  provider                    = aws.primary
  replication_group_id        = "${var.name_prefix}-enterprise-redis"
  description                 = "Cache enterprise-redis"
  engine                      = "redis"
  node_type                   = "cache.r6g.large"
  at_rest_encryption_enabled  = true
  transit_encryption_enabled  = true
  num_cache_clusters          = 2
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-east-1a", "us-east-1b"]
  subnet_group_name           = aws_elasticache_subnet_group.enterprise_redis.name
  security_group_ids          = [aws_security_group.enterprise_redis.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.enterprise_redis_auth.secret_string
  snapshot_retention_limit    = 0
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "Enterprise cell Redis"
    "ninesmith:component" = "enterprise-redis"
  }
}
