# Cache east-redis: redis, 3 node(s) with automatic failover across zones.
resource "aws_elasticache_subnet_group" "east_redis" {
  provider   = aws.east
  name       = "${var.name_prefix}-east-redis"
  subnet_ids = [aws_subnet.east_private_a.id, aws_subnet.east_private_b.id, aws_subnet.east_private_c.id]
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

resource "aws_elasticache_replication_group" "east_redis" {
  provider                    = aws.east
  replication_group_id        = "${var.name_prefix}-east-redis"
  description                 = "Cache east-redis"
  engine                      = "redis"
  node_type                   = "cache.r6g.large"
  num_cache_clusters          = 3
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-east-1a", "us-east-1b", "us-east-1c"]
  subnet_group_name           = aws_elasticache_subnet_group.east_redis.name
  security_group_ids          = [aws_security_group.east_redis.id]
  port                        = 6379
  at_rest_encryption_enabled  = true
  transit_encryption_enabled  = true
  auth_token                  = var.east_redis_auth_token
  snapshot_retention_limit    = 1
  snapshot_window             = var.cache_snapshot_window
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

# Cache west-redis: redis, 3 node(s) with automatic failover across zones.
resource "aws_elasticache_subnet_group" "west_redis" {
  provider   = aws.west
  name       = "${var.name_prefix}-west-redis"
  subnet_ids = [aws_subnet.west_private_a.id, aws_subnet.west_private_b.id, aws_subnet.west_private_c.id]
  tags = {
    Name                  = "West Redis"
    "ninesmith:component" = "west-redis"
  }
}

resource "aws_elasticache_replication_group" "west_redis" {
  provider                    = aws.west
  replication_group_id        = "${var.name_prefix}-west-redis"
  description                 = "Cache west-redis"
  engine                      = "redis"
  node_type                   = "cache.r6g.large"
  num_cache_clusters          = 3
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-west-2a", "us-west-2b", "us-west-2c"]
  subnet_group_name           = aws_elasticache_subnet_group.west_redis.name
  security_group_ids          = [aws_security_group.west_redis.id]
  port                        = 6379
  at_rest_encryption_enabled  = true
  transit_encryption_enabled  = true
  auth_token                  = var.west_redis_auth_token
  snapshot_retention_limit    = 1
  snapshot_window             = var.cache_snapshot_window
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "West Redis"
    "ninesmith:component" = "west-redis"
  }
}
