resource "aws_backup_vault" "primary_backups" {
  provider      = aws.primary
  name          = "${var.name_prefix}-primary-backups"
  force_destroy = false
  tags = {
    Name = "first-launch-with-th primary backups"
  }
}

# Backups of db: kept 7 days.
resource "aws_backup_plan" "db" {
  provider = aws.primary
  name     = "${var.name_prefix}-db"
  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.primary_backups.name
    schedule                 = var.backup_schedule
    enable_continuous_backup = false
    start_window             = 60
    completion_window        = 360
    lifecycle {
      delete_after = 7
    }
  }
  tags = {
    Name                  = "Database"
    "ninesmith:component" = "db"
  }
}

resource "aws_backup_selection" "db" {
  provider     = aws.primary
  name         = "${var.name_prefix}-db"
  plan_id      = aws_backup_plan.db.id
  iam_role_arn = var.backup_role_arn
  resources    = [aws_db_instance.db.arn]
}
