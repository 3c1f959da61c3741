# Cache redis: redis, 2 node(s) with automatic failover across zones; primary of a global datastore with secondaries in dr.
resource "aws_elasticache_subnet_group" "redis" {
  provider   = aws.primary
  name       = "${var.name_prefix}-redis"
  subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
  tags = {
    Name                  = "Redis sessions"
    "ninesmith:component" = "redis"
  }
}

resource "aws_elasticache_replication_group" "redis" {
  provider                    = aws.primary
  replication_group_id        = "${var.name_prefix}-redis"
  description                 = "Cache redis"
  engine                      = "redis"
  node_type                   = "cache.r6g.large"
  at_rest_encryption_enabled  = true
  transit_encryption_enabled  = true
  num_cache_clusters          = 2
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-east-1a", "us-east-1b"]
  subnet_group_name           = aws_elasticache_subnet_group.redis.name
  security_group_ids          = [aws_security_group.redis.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.redis_auth.secret_string
  snapshot_retention_limit    = 1
  snapshot_window             = var.cache_snapshot_window
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "Redis sessions"
    "ninesmith:component" = "redis"
  }
}

# Global datastore of redis: the primary takes writes, the secondaries replicate asynchronously (typically under a second) and one is promoted in a region failover.
resource "aws_elasticache_global_replication_group" "redis" {
  provider                             = aws.primary
  global_replication_group_id_suffix   = "${var.name_prefix}-redis"
  global_replication_group_description = "Global datastore of cache redis"
  primary_replication_group_id         = aws_elasticache_replication_group.redis.id
}

resource "aws_elasticache_subnet_group" "dr_redis" {
  provider   = aws.dr
  name       = "${var.name_prefix}-dr-redis"
  subnet_ids = [aws_subnet.dr_private_a.id, aws_subnet.dr_private_b.id, aws_subnet.dr_private_c.id]
  tags = {
    Name                  = "Standby Redis"
    "ninesmith:component" = "dr-redis"
  }
}

# Secondary of redis's global datastore in region dr (component dr-redis): read-only until promoted.
resource "aws_elasticache_replication_group" "dr_redis" {
  provider                    = aws.dr
  replication_group_id        = "${var.name_prefix}-dr-redis"
  description                 = "Cache dr-redis"
  global_replication_group_id = aws_elasticache_global_replication_group.redis.global_replication_group_id
  num_cache_clusters          = 2
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-west-2a", "us-west-2b"]
  subnet_group_name           = aws_elasticache_subnet_group.dr_redis.name
  security_group_ids          = [aws_security_group.dr_redis.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.redis_auth.secret_string
  snapshot_retention_limit    = 0
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "Standby Redis"
    "ninesmith:component" = "dr-redis"
  }
}
