# Cache east-redis: redis, 3 node(s) with automatic failover across zones; primary of a global datastore with secondaries in west.
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
  at_rest_encryption_enabled  = true
  transit_encryption_enabled  = true
  num_cache_clusters          = 3
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-east-1a", "us-east-1b", "us-east-1c"]
  subnet_group_name           = aws_elasticache_subnet_group.east_redis.name
  security_group_ids          = [aws_security_group.east_redis.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.east_redis_auth.secret_string
  snapshot_retention_limit    = 1
  snapshot_window             = var.cache_snapshot_window
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

# Global datastore of east-redis: the primary takes writes, the secondaries replicate asynchronously (typically under a second) and one is promoted in a region failover.
resource "aws_elasticache_global_replication_group" "east_redis" {
  provider                             = aws.east
  global_replication_group_id_suffix   = "${var.name_prefix}-east-redis"
  global_replication_group_description = "Global datastore of cache east-redis"
  primary_replication_group_id         = aws_elasticache_replication_group.east_redis.id
}

resource "aws_elasticache_subnet_group" "east_redis_in_west" {
  provider   = aws.west
  name       = "${var.name_prefix}-east-redis-in-west"
  subnet_ids = [aws_subnet.west_private_a.id, aws_subnet.west_private_b.id, aws_subnet.west_private_c.id]
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

# Secondary of east-redis's global datastore in region west: read-only until promoted.
resource "aws_elasticache_replication_group" "east_redis_in_west" {
  provider                    = aws.west
  replication_group_id        = "${var.name_prefix}-east-redis-in-west"
  description                 = "Cache east-redis in west"
  global_replication_group_id = aws_elasticache_global_replication_group.east_redis.global_replication_group_id
  num_cache_clusters          = 3
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-west-2a", "us-west-2b", "us-west-2c"]
  subnet_group_name           = aws_elasticache_subnet_group.east_redis_in_west.name
  security_group_ids          = [aws_security_group.east_redis_in_west.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.east_redis_auth.secret_string
  snapshot_retention_limit    = 1
  snapshot_window             = var.cache_snapshot_window
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "East Redis in west"
    "ninesmith:component" = "east-redis"
  }
}

# Cache west-redis: redis, 3 node(s) with automatic failover across zones; primary of a global datastore with secondaries in east.
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
  at_rest_encryption_enabled  = true
  transit_encryption_enabled  = true
  num_cache_clusters          = 3
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-west-2a", "us-west-2b", "us-west-2c"]
  subnet_group_name           = aws_elasticache_subnet_group.west_redis.name
  security_group_ids          = [aws_security_group.west_redis.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.west_redis_auth.secret_string
  snapshot_retention_limit    = 1
  snapshot_window             = var.cache_snapshot_window
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "West Redis"
    "ninesmith:component" = "west-redis"
  }
}

# Global datastore of west-redis: the primary takes writes, the secondaries replicate asynchronously (typically under a second) and one is promoted in a region failover.
resource "aws_elasticache_global_replication_group" "west_redis" {
  provider                             = aws.west
  global_replication_group_id_suffix   = "${var.name_prefix}-west-redis"
  global_replication_group_description = "Global datastore of cache west-redis"
  primary_replication_group_id         = aws_elasticache_replication_group.west_redis.id
}

resource "aws_elasticache_subnet_group" "west_redis_in_east" {
  provider   = aws.east
  name       = "${var.name_prefix}-west-redis-in-east"
  subnet_ids = [aws_subnet.east_private_a.id, aws_subnet.east_private_b.id, aws_subnet.east_private_c.id]
  tags = {
    Name                  = "West Redis"
    "ninesmith:component" = "west-redis"
  }
}

# Secondary of west-redis's global datastore in region east: read-only until promoted.
resource "aws_elasticache_replication_group" "west_redis_in_east" {
  provider                    = aws.east
  replication_group_id        = "${var.name_prefix}-west-redis-in-east"
  description                 = "Cache west-redis in east"
  global_replication_group_id = aws_elasticache_global_replication_group.west_redis.global_replication_group_id
  num_cache_clusters          = 3
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = ["us-east-1a", "us-east-1b", "us-east-1c"]
  subnet_group_name           = aws_elasticache_subnet_group.west_redis_in_east.name
  security_group_ids          = [aws_security_group.west_redis_in_east.id]
  port                        = 6379
  auth_token                  = aws_secretsmanager_secret_version.west_redis_auth.secret_string
  snapshot_retention_limit    = 1
  snapshot_window             = var.cache_snapshot_window
  auto_minor_version_upgrade  = true
  tags = {
    Name                  = "West Redis in east"
    "ninesmith:component" = "west-redis"
  }
}
