resource "aws_db_subnet_group" "db" {
  provider = aws.primary
  name     = "${var.name_prefix}-db"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
  tags = {
    Name                  = "PostgreSQL primary"
    "ninesmith:component" = "db"
  }
}

# Relational database db: postgres, Multi-AZ with a synchronous standby.
resource "aws_db_instance" "db" {
  provider                     = aws.primary
  identifier                   = "${var.name_prefix}-db"
  instance_class               = "db.r6g.large"
  multi_az                     = true
  db_subnet_group_name         = aws_db_subnet_group.db.name
  vpc_security_group_ids       = [aws_security_group.db.id]
  storage_type                 = "gp3"
  auto_minor_version_upgrade   = true
  backup_window                = var.db_backup_window
  maintenance_window           = var.db_maintenance_window
  performance_insights_enabled = true
  engine                       = "postgres"
  engine_version               = var.db_engine_version
  allocated_storage            = 200
  username                     = var.db_master_username
  password                     = jsondecode(aws_secretsmanager_secret_version.db_master.secret_string)["password"]
  backup_retention_period      = 14
  storage_encrypted            = true
  deletion_protection          = true
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name_prefix}-db-final"
  tags = {
    Name                  = "PostgreSQL primary"
    "ninesmith:component" = "db"
  }
}

resource "aws_db_instance" "db_replica_1" {
  provider                     = aws.primary
  identifier                   = "${var.name_prefix}-db-replica-1"
  replicate_source_db          = aws_db_instance.db.identifier
  instance_class               = "db.r6g.large"
  availability_zone            = "us-east-1b"
  vpc_security_group_ids       = [aws_security_group.db.id]
  storage_encrypted            = true
  auto_minor_version_upgrade   = true
  performance_insights_enabled = true
  skip_final_snapshot          = true
  tags = {
    Name                  = "PostgreSQL primary replica 1"
    "ninesmith:component" = "db"
  }
}

resource "aws_db_subnet_group" "dr_db" {
  provider = aws.dr
  name     = "${var.name_prefix}-dr-db"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.dr_private_a.id, aws_subnet.dr_private_b.id, aws_subnet.dr_private_c.id]
  tags = {
    Name                  = "PostgreSQL cross-region replica"
    "ninesmith:component" = "dr-db"
  }
}

# Relational database dr-db: postgres, Multi-AZ with a synchronous standby, replica of db.
resource "aws_kms_key" "dr_db_replica" {
  provider                = aws.dr
  description             = "Encrypts cross-region copy dr-db of dr-db"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags = {
    Name                  = "PostgreSQL cross-region replica"
    "ninesmith:component" = "dr-db"
  }
}

resource "aws_db_instance" "dr_db" {
  provider                     = aws.dr
  identifier                   = "${var.name_prefix}-dr-db"
  instance_class               = "db.r6g.large"
  multi_az                     = true
  db_subnet_group_name         = aws_db_subnet_group.dr_db.name
  vpc_security_group_ids       = [aws_security_group.dr_db.id]
  storage_type                 = "gp3"
  auto_minor_version_upgrade   = true
  backup_window                = var.db_backup_window
  maintenance_window           = var.db_maintenance_window
  performance_insights_enabled = true
  # A read replica takes its engine, storage and credentials from its source.
  replicate_source_db     = aws_db_instance.db.arn
  kms_key_id              = aws_kms_key.dr_db_replica.arn
  backup_retention_period = 7
  storage_encrypted       = true
  deletion_protection     = true
  copy_tags_to_snapshot   = true
  skip_final_snapshot     = true
  tags = {
    Name                  = "PostgreSQL cross-region replica"
    "ninesmith:component" = "dr-db"
  }
}
