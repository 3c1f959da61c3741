resource "aws_db_subnet_group" "shared_db" {
  provider = aws.primary
  name     = "${var.name_prefix}-shared-db"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
  tags = {
    Name                  = "Shared cell PostgreSQL"
    "ninesmith:component" = "shared-db"
  }
}

# Relational database shared-db: postgres, Multi-AZ with a synchronous standby.
resource "aws_db_instance" "shared_db" {
  provider                     = aws.primary
  identifier                   = "${var.name_prefix}-shared-db"
  instance_class               = "db.r6g.xlarge"
  multi_az                     = true
  db_subnet_group_name         = aws_db_subnet_group.shared_db.name
  vpc_security_group_ids       = [aws_security_group.shared_db.id]
  storage_type                 = "gp3"
  auto_minor_version_upgrade   = true
  backup_window                = var.db_backup_window
  maintenance_window           = var.db_maintenance_window
  performance_insights_enabled = true
  engine                       = "postgres"
  engine_version               = var.shared_db_engine_version
  allocated_storage            = 500
  username                     = var.db_master_username
  password                     = jsondecode(aws_secretsmanager_secret_version.shared_db_master.secret_string)["password"]
  backup_retention_period      = 14
  storage_encrypted            = true
  deletion_protection          = true
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name_prefix}-shared-db-final"
  tags = {
    Name                  = "Shared cell PostgreSQL"
    "ninesmith:component" = "shared-db"
  }
}

resource "aws_db_instance" "shared_db_replica_1" {
  provider                     = aws.primary
  identifier                   = "${var.name_prefix}-shared-db-replica-1"
  replicate_source_db          = aws_db_instance.shared_db.identifier
  instance_class               = "db.r6g.xlarge"
  availability_zone            = "us-east-1b"
  vpc_security_group_ids       = [aws_security_group.shared_db.id]
  storage_encrypted            = true
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  skip_final_snapshot          = true
  tags = {
    Name                  = "Shared cell PostgreSQL replica 1"
    "ninesmith:component" = "shared-db"
  }
}

resource "aws_db_subnet_group" "enterprise_db" {
  provider = aws.primary
  name     = "${var.name_prefix}-enterprise-db"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
  tags = {
    Name                  = "Enterprise cell PostgreSQL"
    "ninesmith:component" = "enterprise-db"
  }
}

# Relational database enterprise-db: Aurora (aurora-postgresql), storage replicated across three zones.
resource "aws_rds_cluster" "enterprise_db" {
  provider                     = aws.primary
  cluster_identifier           = "${var.name_prefix}-enterprise-db"
  engine                       = "aurora-postgresql"
  engine_version               = var.enterprise_db_engine_version
  db_subnet_group_name         = aws_db_subnet_group.enterprise_db.name
  vpc_security_group_ids       = [aws_security_group.enterprise_db.id]
  master_username              = var.db_master_username
  manage_master_user_password  = true
  preferred_backup_window      = var.db_backup_window
  preferred_maintenance_window = var.db_maintenance_window
  backup_retention_period      = 35
  storage_encrypted            = true
  deletion_protection          = true
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name_prefix}-enterprise-db-final"
  tags = {
    Name                  = "Enterprise cell PostgreSQL"
    "ninesmith:component" = "enterprise-db"
  }
}

resource "aws_rds_cluster_instance" "enterprise_db_1" {
  provider                     = aws.primary
  identifier                   = "${var.name_prefix}-enterprise-db-1"
  cluster_identifier           = aws_rds_cluster.enterprise_db.id
  engine                       = aws_rds_cluster.enterprise_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1a"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "Enterprise cell PostgreSQL 1"
    "ninesmith:component" = "enterprise-db"
  }
}

resource "aws_rds_cluster_instance" "enterprise_db_2" {
  provider                     = aws.primary
  identifier                   = "${var.name_prefix}-enterprise-db-2"
  cluster_identifier           = aws_rds_cluster.enterprise_db.id
  engine                       = aws_rds_cluster.enterprise_db.engine
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1b"
  promotion_tier               = 0
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  tags = {
    Name                  = "Enterprise cell PostgreSQL 2"
    "ninesmith:component" = "enterprise-db"
  }
}
