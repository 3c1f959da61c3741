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

# Relational database east-db: Aurora (aurora-postgresql), storage replicated across three zones.
# The design replicates west-db into east-db: for Aurora across regions use a global database (aws_rds_global_cluster), set up outside this export.
resource "aws_rds_cluster" "east_db" {
  provider                     = aws.east
  cluster_identifier           = "${var.name_prefix}-east-db"
  engine                       = "aurora-postgresql"
  engine_version               = var.east_db_engine_version
  db_subnet_group_name         = aws_db_subnet_group.east_db.name
  vpc_security_group_ids       = [aws_security_group.east_db.id]
  master_username              = var.db_master_username
  manage_master_user_password  = true
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

# Relational database west-db: Aurora (aurora-postgresql), storage replicated across three zones.
# The design replicates east-db into west-db: for Aurora across regions use a global database (aws_rds_global_cluster), set up outside this export.
resource "aws_rds_cluster" "west_db" {
  provider                     = aws.west
  cluster_identifier           = "${var.name_prefix}-west-db"
  engine                       = "aurora-postgresql"
  engine_version               = var.west_db_engine_version
  db_subnet_group_name         = aws_db_subnet_group.west_db.name
  vpc_security_group_ids       = [aws_security_group.west_db.id]
  master_username              = var.db_master_username
  manage_master_user_password  = true
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
