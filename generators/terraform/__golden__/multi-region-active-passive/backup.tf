resource "aws_backup_vault" "vault" {
  provider      = aws.primary
  name          = "${var.name_prefix}-vault"
  force_destroy = false
  tags = {
    Name                  = "Backup vault backup account"
    "ninesmith:component" = "vault"
  }
}

resource "aws_backup_vault" "dr_backups" {
  provider      = aws.dr
  name          = "${var.name_prefix}-dr-backups"
  force_destroy = false
  tags = {
    Name = "client-portal-active dr backups"
  }
}

data "aws_caller_identity" "current" {
  provider = aws.global
}

# Backups of db: kept 14 days, point-in-time, copied to region dr and the backup account.
resource "aws_backup_plan" "db" {
  provider = aws.primary
  name     = "${var.name_prefix}-db"
  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.vault.name
    schedule                 = var.backup_schedule
    enable_continuous_backup = true
    start_window             = 60
    completion_window        = 360
    lifecycle {
      delete_after = 14
    }
    copy_action {
      destination_vault_arn = format("arn:aws:backup:%s:%s:backup-vault:%s", "us-west-2", data.aws_caller_identity.current.account_id, aws_backup_vault.dr_backups.name)
      lifecycle {
        delete_after = 14
      }
    }
    copy_action {
      destination_vault_arn = var.backup_account_vault_arn
      lifecycle {
        delete_after = 14
      }
    }
  }
  tags = {
    Name                  = "PostgreSQL primary"
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
