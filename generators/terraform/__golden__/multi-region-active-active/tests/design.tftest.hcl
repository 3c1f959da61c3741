# What design client-portal-active promises, checked on the plan: terraform init -backend=false && terraform test
# The AWS providers are mocked: nothing is created and no credentials are needed (Terraform 1.7 or later).
mock_provider "aws" {}
mock_provider "aws" {
  alias = "east"
}
mock_provider "aws" {
  alias = "west"
}
mock_provider "aws" {
  alias = "global"
}

override_data {
  target = data.aws_secretsmanager_random_password.east_db_master
  values = {
    random_password = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  }
}

override_data {
  target = data.aws_secretsmanager_random_password.east_redis_auth
  values = {
    random_password = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  }
}

override_data {
  target = data.aws_secretsmanager_random_password.west_db_master
  values = {
    random_password = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  }
}

override_data {
  target = data.aws_secretsmanager_random_password.west_redis_auth
  values = {
    random_password = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  }
}

override_data {
  target = data.aws_caller_identity.current
  values = {
    account_id = "123456789012"
  }
}

variables {
  backup_account_vault_arn = "arn:aws:backup:us-east-1:210987654321:backup-vault:platform-copies"
  backup_role_arn          = "arn:aws:iam::123456789012:role/aws-backup"
  domain_name              = "app.example.com"
  east_certificate_arn     = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  east_web_image           = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"
  east_workers_image       = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"
  route53_zone_id          = "Z0123456789ABCDEFGHIJ"
  s3_replication_role_arn  = "arn:aws:iam::123456789012:role/s3-replication"
  west_certificate_arn     = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  west_web_image           = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"
  west_workers_image       = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"
}

run "design_promises" {
  command = plan

  # subnets in every zone
  assert {
    condition     = aws_subnet.east_public_a.availability_zone == "us-east-1a"
    error_message = "Region east: a public subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.east_private_a.availability_zone == "us-east-1a"
    error_message = "Region east: a private subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.east_public_b.availability_zone == "us-east-1b"
    error_message = "Region east: a public subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.east_private_b.availability_zone == "us-east-1b"
    error_message = "Region east: a private subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.east_public_c.availability_zone == "us-east-1c"
    error_message = "Region east: a public subnet in zone c, as the design places components there."
  }
  assert {
    condition     = aws_subnet.east_private_c.availability_zone == "us-east-1c"
    error_message = "Region east: a private subnet in zone c, as the design places components there."
  }
  assert {
    condition     = aws_subnet.west_public_a.availability_zone == "us-west-2a"
    error_message = "Region west: a public subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.west_private_a.availability_zone == "us-west-2a"
    error_message = "Region west: a private subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.west_public_b.availability_zone == "us-west-2b"
    error_message = "Region west: a public subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.west_private_b.availability_zone == "us-west-2b"
    error_message = "Region west: a private subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.west_public_c.availability_zone == "us-west-2c"
    error_message = "Region west: a public subnet in zone c, as the design places components there."
  }
  assert {
    condition     = aws_subnet.west_private_c.availability_zone == "us-west-2c"
    error_message = "Region west: a private subnet in zone c, as the design places components there."
  }

  # zonal shift enabled
  assert {
    condition     = aws_lb.east_alb.enable_zonal_shift == true
    error_message = "east-alb: the zone-loss runbook starts a zonal shift on this load balancer."
  }
  assert {
    condition     = aws_lb.west_alb.enable_zonal_shift == true
    error_message = "west-alb: the zone-loss runbook starts a zonal shift on this load balancer."
  }

  # multi az where designed
  assert {
    condition     = length(distinct([aws_rds_cluster_instance.east_db_1.availability_zone, aws_rds_cluster_instance.east_db_2.availability_zone, aws_rds_cluster_instance.east_db_3.availability_zone])) >= 2
    error_message = "east-db: the cluster's instances are spread over at least two zones."
  }
  assert {
    condition     = length(distinct([aws_rds_cluster_instance.east_db_in_west_1.availability_zone, aws_rds_cluster_instance.east_db_in_west_2.availability_zone, aws_rds_cluster_instance.east_db_in_west_3.availability_zone])) >= 2
    error_message = "east-db in west: the cluster's instances are spread over at least two zones."
  }
  assert {
    condition     = length(distinct([aws_rds_cluster_instance.west_db_1.availability_zone, aws_rds_cluster_instance.west_db_2.availability_zone, aws_rds_cluster_instance.west_db_3.availability_zone])) >= 2
    error_message = "west-db: the cluster's instances are spread over at least two zones."
  }
  assert {
    condition     = length(distinct([aws_rds_cluster_instance.west_db_in_east_1.availability_zone, aws_rds_cluster_instance.west_db_in_east_2.availability_zone, aws_rds_cluster_instance.west_db_in_east_3.availability_zone])) >= 2
    error_message = "west-db in east: the cluster's instances are spread over at least two zones."
  }
  assert {
    condition     = aws_elasticache_replication_group.east_redis.multi_az_enabled == true
    error_message = "east-redis: the design asks for automatic failover across zones."
  }
  assert {
    condition     = aws_elasticache_replication_group.west_redis.multi_az_enabled == true
    error_message = "west-redis: the design asks for automatic failover across zones."
  }

  # backups copied where designed
  assert {
    condition     = length(flatten([for r in aws_backup_plan.east_db.rule : [for a in r.copy_action : a.destination_vault_arn]])) == 2
    error_message = "east-db: backups are copied to region west and the backup account."
  }
  assert {
    condition     = anytrue([for arn in flatten([for r in aws_backup_plan.east_db.rule : [for a in r.copy_action : a.destination_vault_arn]]) : strcontains(arn, ":us-west-2:")])
    error_message = "east-db: one copy goes to a vault in region west."
  }
  assert {
    condition     = contains(flatten([for r in aws_backup_plan.east_db.rule : [for a in r.copy_action : a.destination_vault_arn]]), var.backup_account_vault_arn)
    error_message = "east-db: one copy goes to the vault of the separate backup account."
  }
  assert {
    condition     = length(flatten([for r in aws_backup_plan.west_db.rule : [for a in r.copy_action : a.destination_vault_arn]])) == 2
    error_message = "west-db: backups are copied to region east and the backup account."
  }
  assert {
    condition     = anytrue([for arn in flatten([for r in aws_backup_plan.west_db.rule : [for a in r.copy_action : a.destination_vault_arn]]) : strcontains(arn, ":us-east-1:")])
    error_message = "west-db: one copy goes to a vault in region east."
  }
  assert {
    condition     = contains(flatten([for r in aws_backup_plan.west_db.rule : [for a in r.copy_action : a.destination_vault_arn]]), var.backup_account_vault_arn)
    error_message = "west-db: one copy goes to the vault of the separate backup account."
  }
}
