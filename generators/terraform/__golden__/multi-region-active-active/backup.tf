resource "aws_backup_vault" "east_vault" {
  provider      = aws.east
  name          = "${var.name_prefix}-east-vault"
  force_destroy = false
  tags = {
    Name                  = "East backup vault"
    "ninesmith:component" = "east-vault"
  }
}
