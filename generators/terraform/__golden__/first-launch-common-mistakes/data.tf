resource "aws_db_subnet_group" "db" {
  provider = aws.primary
  name     = "${var.name_prefix}-db"
  # RDS needs subnets in at least two zones even for a single instance; the instance itself is placed below.
  subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id]
  tags = {
    Name                  = "Database"
    "ninesmith:component" = "db"
  }
}

# Relational database db: postgres, single instance.
resource "aws_db_instance" "db" {
  provider                     = aws.primary
  identifier                   = "${var.name_prefix}-db"
  instance_class               = "db.m5.large"
  multi_az                     = false
  availability_zone            = "us-east-1a"
  db_subnet_group_name         = aws_db_subnet_group.db.name
  vpc_security_group_ids       = [aws_security_group.db.id]
  storage_type                 = "gp3"
  auto_minor_version_upgrade   = true
  backup_window                = var.db_backup_window
  maintenance_window           = var.db_maintenance_window
  performance_insights_enabled = true
  engine                       = "postgres"
  engine_version               = var.db_engine_version
  allocated_storage            = 100
  username                     = var.db_master_username
  manage_master_user_password  = true
  backup_retention_period      = 7
  storage_encrypted            = true
  deletion_protection          = false
  copy_tags_to_snapshot        = true
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${var.name_prefix}-db-final"
  # The design does not ask for point-in-time recovery; RDS keeps transaction logs whenever backups are on.
  tags = {
    Name                  = "Database"
    "ninesmith:component" = "db"
  }
}
