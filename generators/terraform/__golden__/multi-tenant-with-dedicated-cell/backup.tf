resource "aws_backup_vault" "primary_backups" {
  provider      = aws.primary
  name          = "${var.name_prefix}-primary-backups"
  force_destroy = false
  tags = {
    Name = "shared-platform-with primary backups"
  }
}

# Backups of shared-db: kept 14 days, point-in-time, copied to the backup account.
resource "aws_backup_plan" "shared_db" {
  provider = aws.primary
  name     = "${var.name_prefix}-shared-db"
  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.primary_backups.name
    schedule                 = var.backup_schedule
    enable_continuous_backup = true
    start_window             = 60
    completion_window        = 360
    lifecycle {
      delete_after = 14
    }
    copy_action {
      destination_vault_arn = var.backup_account_vault_arn
      lifecycle {
        delete_after = 14
      }
    }
  }
  tags = {
    Name                  = "Shared cell PostgreSQL"
    "ninesmith:component" = "shared-db"
  }
}

resource "aws_backup_selection" "shared_db" {
  provider     = aws.primary
  name         = "${var.name_prefix}-shared-db"
  plan_id      = aws_backup_plan.shared_db.id
  iam_role_arn = var.backup_role_arn
  resources    = [aws_db_instance.shared_db.arn]
}

# Backups of enterprise-db: kept 35 days, point-in-time, copied to the backup account.
resource "aws_backup_plan" "enterprise_db" {
  provider = aws.primary
  name     = "${var.name_prefix}-enterprise-db"
  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.primary_backups.name
    schedule                 = var.backup_schedule
    enable_continuous_backup = true
    start_window             = 60
    completion_window        = 360
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = var.backup_account_vault_arn
      lifecycle {
        delete_after = 35
      }
    }
  }
  tags = {
    Name                  = "Enterprise cell PostgreSQL"
    "ninesmith:component" = "enterprise-db"
  }
}

resource "aws_backup_selection" "enterprise_db" {
  provider     = aws.primary
  name         = "${var.name_prefix}-enterprise-db"
  plan_id      = aws_backup_plan.enterprise_db.id
  iam_role_arn = var.backup_role_arn
  resources    = [aws_rds_cluster.enterprise_db.arn]
}
