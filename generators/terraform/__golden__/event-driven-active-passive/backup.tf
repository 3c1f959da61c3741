resource "aws_backup_vault" "vault" {
  provider      = aws.primary
  name          = "${var.name_prefix}-vault"
  force_destroy = false
  tags = {
    Name                  = "Backup vault backup account"
    "ninesmith:component" = "vault"
  }
}
