# What design first-launch-with-th promises, checked on the plan: terraform init -backend=false && terraform test
# The AWS providers are mocked: nothing is created and no credentials are needed (Terraform 1.7 or later).
mock_provider "aws" {}
mock_provider "aws" {
  alias = "primary"
}
mock_provider "aws" {
  alias = "global"
}

variables {
  backup_role_arn         = "arn:aws:iam::123456789012:role/aws-backup"
  domain_name             = "app.example.com"
  primary_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  route53_zone_id         = "Z0123456789ABCDEFGHIJ"
  web_ami_id              = "ami-0123456789abcdef0"
}

run "design_promises" {
  command = plan

  # subnets in every zone
  assert {
    condition     = aws_subnet.primary_public_a.availability_zone == "us-east-1a"
    error_message = "Region primary: a public subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_private_a.availability_zone == "us-east-1a"
    error_message = "Region primary: a private subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_public_b.availability_zone == "us-east-1b"
    error_message = "Region primary: a public subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_private_b.availability_zone == "us-east-1b"
    error_message = "Region primary: a private subnet in zone b, as the design places components there."
  }

  # zonal shift enabled
  assert {
    condition     = aws_lb.alb.enable_zonal_shift == true
    error_message = "alb: the zone-loss runbook starts a zonal shift on this load balancer."
  }
}
