resource "aws_backup_vault" "east_vault" {
  provider      = aws.east
  name          = "${var.name_prefix}-east-vault"
  force_destroy = false
  tags = {
    Name                  = "East backup vault"
    "ninesmith:component" = "east-vault"
  }
}

resource "aws_backup_vault" "west_backups" {
  provider      = aws.west
  name          = "${var.name_prefix}-west-backups"
  force_destroy = false
  tags = {
    Name = "client-portal-active west backups"
  }
}

data "aws_caller_identity" "current" {
  provider = aws.global
}

# Backups of east-db: kept 35 days, point-in-time, copied to region west and the backup account.
resource "aws_backup_plan" "east_db" {
  provider = aws.east
  name     = "${var.name_prefix}-east-db"
  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.east_vault.name
    schedule                 = var.backup_schedule
    enable_continuous_backup = true
    start_window             = 60
    completion_window        = 360
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = format("arn:aws:backup:%s:%s:backup-vault:%s", "us-west-2", data.aws_caller_identity.current.account_id, aws_backup_vault.west_backups.name)
      lifecycle {
        delete_after = 35
      }
    }
    copy_action {
      destination_vault_arn = var.backup_account_vault_arn
      lifecycle {
        delete_after = 35
      }
    }
  }
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_backup_selection" "east_db" {
  provider     = aws.east
  name         = "${var.name_prefix}-east-db"
  plan_id      = aws_backup_plan.east_db.id
  iam_role_arn = var.backup_role_arn
  resources    = [aws_rds_cluster.east_db.arn]
}

resource "aws_backup_vault" "east_backups" {
  provider      = aws.east
  name          = "${var.name_prefix}-east-backups"
  force_destroy = false
  tags = {
    Name = "client-portal-active east backups"
  }
}

# Backups of west-db: kept 35 days, point-in-time, copied to region east and the backup account.
resource "aws_backup_plan" "west_db" {
  provider = aws.west
  name     = "${var.name_prefix}-west-db"
  rule {
    rule_name                = "daily"
    target_vault_name        = aws_backup_vault.east_vault.name
    schedule                 = var.backup_schedule
    enable_continuous_backup = true
    start_window             = 60
    completion_window        = 360
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = format("arn:aws:backup:%s:%s:backup-vault:%s", "us-east-1", data.aws_caller_identity.current.account_id, aws_backup_vault.east_backups.name)
      lifecycle {
        delete_after = 35
      }
    }
    copy_action {
      destination_vault_arn = var.backup_account_vault_arn
      lifecycle {
        delete_after = 35
      }
    }
  }
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_backup_selection" "west_db" {
  provider     = aws.west
  name         = "${var.name_prefix}-west-db"
  plan_id      = aws_backup_plan.west_db.id
  iam_role_arn = var.backup_role_arn
  resources    = [aws_rds_cluster.west_db.arn]
}
