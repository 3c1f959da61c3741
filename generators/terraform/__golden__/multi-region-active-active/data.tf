resource "aws_db_subnet_group" "east_db" {
  provider = aws.east
  name     = "${var.name_prefix}-east-db"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.east_private_a.id, aws_subnet.east_private_b.id, aws_subnet.east_private_c.id]
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

# Relational database east-db: Aurora (aurora-postgresql), storage replicated across three zones; the writer of global database east-db, with secondaries in west.
# One writer region, storage-level replication to the others (about a second behind); a secondary takes writes once promoted (aws rds failover-global-cluster).
resource "aws_rds_global_cluster" "east_db" {
  provider                  = aws.east
  global_cluster_identifier = "${var.name_prefix}-east-db"
  engine                    = "aurora-postgresql"
  engine_version            = var.east_db_engine_version
  storage_encrypted         = true
  deletion_protection       = true
}

resource "aws_rds_cluster" "east_db" {
  provider                     = aws.east
  cluster_identifier           = "${var.name_prefix}-east-db"
  global_cluster_identifier    = aws_rds_global_cluster.east_db.id
  engine                       = aws_rds_global_cluster.east_db.engine
  engine_version               = aws_rds_global_cluster.east_db.engine_version
  db_subnet_group_name         = aws_db_subnet_group.east_db.name
  vpc_security_group_ids       = [aws_security_group.east_db.id]
  master_username              = var.db_master_username
  master_password              = jsondecode(aws_secretsmanager_secret_version.east_db_master.secret_string)["password"]
  preferred_backup_window      = var.db_backup_window
  preferred_maintenance_window = var.db_maintenance_window
  backup_retention_period      = 35
  storage_encrypted            = true
  deletion_protection          = true
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name_prefix}-east-db-final"
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_rds_cluster_instance" "east_db_1" {
  provider                     = aws.east
  identifier                   = "${var.name_prefix}-east-db-1"
  cluster_identifier           = aws_rds_cluster.east_db.id
  engine                       = aws_rds_cluster.east_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1a"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "East Aurora PostgreSQL 1"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_rds_cluster_instance" "east_db_2" {
  provider                     = aws.east
  identifier                   = "${var.name_prefix}-east-db-2"
  cluster_identifier           = aws_rds_cluster.east_db.id
  engine                       = aws_rds_cluster.east_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1b"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "East Aurora PostgreSQL 2"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_rds_cluster_instance" "east_db_3" {
  provider                     = aws.east
  identifier                   = "${var.name_prefix}-east-db-3"
  cluster_identifier           = aws_rds_cluster.east_db.id
  engine                       = aws_rds_cluster.east_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1c"
  promotion_tier               = 1
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "East Aurora PostgreSQL 3"
    "ninesmith:component" = "east-db"
  }
}

# Secondary of global database east-db in region west: a read-only copy of its data beside west-db.
resource "aws_db_subnet_group" "east_db_in_west" {
  provider = aws.west
  name     = "${var.name_prefix}-east-db-in-west"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.west_private_a.id, aws_subnet.west_private_b.id, aws_subnet.west_private_c.id]
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_kms_key" "east_db_in_west_replica" {
  provider                = aws.west
  description             = "Encrypts cross-region copy east-db-in-west of east-db"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_rds_cluster" "east_db_in_west" {
  provider                     = aws.west
  cluster_identifier           = "${var.name_prefix}-east-db-in-west"
  global_cluster_identifier    = aws_rds_global_cluster.east_db.id
  engine                       = aws_rds_global_cluster.east_db.engine
  engine_version               = aws_rds_global_cluster.east_db.engine_version
  db_subnet_group_name         = aws_db_subnet_group.east_db_in_west.name
  vpc_security_group_ids       = [aws_security_group.east_db_in_west.id]
  kms_key_id                   = aws_kms_key.east_db_in_west_replica.arn
  preferred_backup_window      = var.db_backup_window
  preferred_maintenance_window = var.db_maintenance_window
  backup_retention_period      = 35
  storage_encrypted            = true
  deletion_protection          = true
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = true
  tags = {
    Name                  = "East Aurora PostgreSQL in west"
    "ninesmith:component" = "east-db"
  }
  depends_on = [aws_rds_cluster_instance.east_db_1]
  lifecycle {
    # After a global failover AWS rewrites these; Terraform must not undo it.
    ignore_changes = [replication_source_identifier, global_cluster_identifier]
  }
}

resource "aws_rds_cluster_instance" "east_db_in_west_1" {
  provider                     = aws.west
  identifier                   = "${var.name_prefix}-east-db-in-west-1"
  cluster_identifier           = aws_rds_cluster.east_db_in_west.id
  engine                       = aws_rds_cluster.east_db_in_west.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-west-2a"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "East Aurora PostgreSQL in west 1"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_rds_cluster_instance" "east_db_in_west_2" {
  provider                     = aws.west
  identifier                   = "${var.name_prefix}-east-db-in-west-2"
  cluster_identifier           = aws_rds_cluster.east_db_in_west.id
  engine                       = aws_rds_cluster.east_db_in_west.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-west-2b"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "East Aurora PostgreSQL in west 2"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_rds_cluster_instance" "east_db_in_west_3" {
  provider                     = aws.west
  identifier                   = "${var.name_prefix}-east-db-in-west-3"
  cluster_identifier           = aws_rds_cluster.east_db_in_west.id
  engine                       = aws_rds_cluster.east_db_in_west.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-west-2c"
  promotion_tier               = 1
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "East Aurora PostgreSQL in west 3"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_db_subnet_group" "west_db" {
  provider = aws.west
  name     = "${var.name_prefix}-west-db"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.west_private_a.id, aws_subnet.west_private_b.id, aws_subnet.west_private_c.id]
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

# Relational database west-db: Aurora (aurora-postgresql), storage replicated across three zones; the writer of global database west-db, with secondaries in east.
# One writer region, storage-level replication to the others (about a second behind); a secondary takes writes once promoted (aws rds failover-global-cluster).
resource "aws_rds_global_cluster" "west_db" {
  provider                  = aws.west
  global_cluster_identifier = "${var.name_prefix}-west-db"
  engine                    = "aurora-postgresql"
  engine_version            = var.west_db_engine_version
  storage_encrypted         = true
  deletion_protection       = true
}

resource "aws_rds_cluster" "west_db" {
  provider                     = aws.west
  cluster_identifier           = "${var.name_prefix}-west-db"
  global_cluster_identifier    = aws_rds_global_cluster.west_db.id
  engine                       = aws_rds_global_cluster.west_db.engine
  engine_version               = aws_rds_global_cluster.west_db.engine_version
  db_subnet_group_name         = aws_db_subnet_group.west_db.name
  vpc_security_group_ids       = [aws_security_group.west_db.id]
  master_username              = var.db_master_username
  master_password              = jsondecode(aws_secretsmanager_secret_version.west_db_master.secret_string)["password"]
  preferred_backup_window      = var.db_backup_window
  preferred_maintenance_window = var.db_maintenance_window
  backup_retention_period      = 35
  storage_encrypted            = true
  deletion_protection          = true
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name_prefix}-west-db-final"
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_rds_cluster_instance" "west_db_1" {
  provider                     = aws.west
  identifier                   = "${var.name_prefix}-west-db-1"
  cluster_identifier           = aws_rds_cluster.west_db.id
  engine                       = aws_rds_cluster.west_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-west-2a"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "West Aurora PostgreSQL 1"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_rds_cluster_instance" "west_db_2" {
  provider                     = aws.west
  identifier                   = "${var.name_prefix}-west-db-2"
  cluster_identifier           = aws_rds_cluster.west_db.id
  engine                       = aws_rds_cluster.west_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-west-2b"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "West Aurora PostgreSQL 2"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_rds_cluster_instance" "west_db_3" {
  provider                     = aws.west
  identifier                   = "${var.name_prefix}-west-db-3"
  cluster_identifier           = aws_rds_cluster.west_db.id
  engine                       = aws_rds_cluster.west_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-west-2c"
  promotion_tier               = 1
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "West Aurora PostgreSQL 3"
    "ninesmith:component" = "west-db"
  }
}

# Secondary of global database west-db in region east: a read-only copy of its data beside east-db.
resource "aws_db_subnet_group" "west_db_in_east" {
  provider = aws.east
  name     = "${var.name_prefix}-west-db-in-east"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.east_private_a.id, aws_subnet.east_private_b.id, aws_subnet.east_private_c.id]
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_kms_key" "west_db_in_east_replica" {
  provider                = aws.east
  description             = "Encrypts cross-region copy west-db-in-east of west-db"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_rds_cluster" "west_db_in_east" {
  provider                     = aws.east
  cluster_identifier           = "${var.name_prefix}-west-db-in-east"
  global_cluster_identifier    = aws_rds_global_cluster.west_db.id
  engine                       = aws_rds_global_cluster.west_db.engine
  engine_version               = aws_rds_global_cluster.west_db.engine_version
  db_subnet_group_name         = aws_db_subnet_group.west_db_in_east.name
  vpc_security_group_ids       = [aws_security_group.west_db_in_east.id]
  kms_key_id                   = aws_kms_key.west_db_in_east_replica.arn
  preferred_backup_window      = var.db_backup_window
  preferred_maintenance_window = var.db_maintenance_window
  backup_retention_period      = 35
  storage_encrypted            = true
  deletion_protection          = true
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = true
  tags = {
    Name                  = "West Aurora PostgreSQL in east"
    "ninesmith:component" = "west-db"
  }
  depends_on = [aws_rds_cluster_instance.west_db_1]
  lifecycle {
    # After a global failover AWS rewrites these; Terraform must not undo it.
    ignore_changes = [replication_source_identifier, global_cluster_identifier]
  }
}

resource "aws_rds_cluster_instance" "west_db_in_east_1" {
  provider                     = aws.east
  identifier                   = "${var.name_prefix}-west-db-in-east-1"
  cluster_identifier           = aws_rds_cluster.west_db_in_east.id
  engine                       = aws_rds_cluster.west_db_in_east.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1a"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "West Aurora PostgreSQL in east 1"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_rds_cluster_instance" "west_db_in_east_2" {
  provider                     = aws.east
  identifier                   = "${var.name_prefix}-west-db-in-east-2"
  cluster_identifier           = aws_rds_cluster.west_db_in_east.id
  engine                       = aws_rds_cluster.west_db_in_east.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1b"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "West Aurora PostgreSQL in east 2"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_rds_cluster_instance" "west_db_in_east_3" {
  provider                     = aws.east
  identifier                   = "${var.name_prefix}-west-db-in-east-3"
  cluster_identifier           = aws_rds_cluster.west_db_in_east.id
  engine                       = aws_rds_cluster.west_db_in_east.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1c"
  promotion_tier               = 1
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "West Aurora PostgreSQL in east 3"
    "ninesmith:component" = "west-db"
  }
}
