# What design client-portal-event promises, checked on the plan: terraform init -backend=false && terraform test
# The AWS providers are mocked: nothing is created and no credentials are needed (Terraform 1.7 or later).
mock_provider "aws" {}
mock_provider "aws" {
  alias = "primary"
}
mock_provider "aws" {
  alias = "dr"
}
mock_provider "aws" {
  alias = "global"
}

override_data {
  target = data.aws_secretsmanager_random_password.cdn_origin
  values = {
    random_password = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  }
}

override_data {
  target = data.aws_secretsmanager_random_password.redis_auth
  values = {
    random_password = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  }
}

variables {
  cloudfront_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  domain_name                = "app.example.com"
  dr_certificate_arn         = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  dr_web_image               = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"
  primary_certificate_arn    = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  route53_zone_id            = "Z0123456789ABCDEFGHIJ"
  s3_replication_role_arn    = "arn:aws:iam::123456789012:role/s3-replication"
  web_image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000"
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
  assert {
    condition     = aws_subnet.primary_public_c.availability_zone == "us-east-1c"
    error_message = "Region primary: a public subnet in zone c, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_private_c.availability_zone == "us-east-1c"
    error_message = "Region primary: a private subnet in zone c, as the design places components there."
  }
  assert {
    condition     = aws_subnet.dr_public_a.availability_zone == "us-west-2a"
    error_message = "Region dr: a public subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.dr_private_a.availability_zone == "us-west-2a"
    error_message = "Region dr: a private subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.dr_public_b.availability_zone == "us-west-2b"
    error_message = "Region dr: a public subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.dr_private_b.availability_zone == "us-west-2b"
    error_message = "Region dr: a private subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.dr_public_c.availability_zone == "us-west-2c"
    error_message = "Region dr: a public subnet in zone c, as the design places components there."
  }
  assert {
    condition     = aws_subnet.dr_private_c.availability_zone == "us-west-2c"
    error_message = "Region dr: a private subnet in zone c, as the design places components there."
  }

  # zonal shift enabled
  assert {
    condition     = aws_lb.alb.enable_zonal_shift == true
    error_message = "alb: the zone-loss runbook starts a zonal shift on this load balancer."
  }
  assert {
    condition     = aws_lb.dr_alb.enable_zonal_shift == true
    error_message = "dr-alb: the zone-loss runbook starts a zonal shift on this load balancer."
  }

  # load balancers only from cdn
  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb_from_cloudfront.prefix_list_id == data.aws_ec2_managed_prefix_list.primary_cloudfront.id && aws_vpc_security_group_ingress_rule.alb_from_cloudfront.cidr_ipv4 == null
    error_message = "alb: reachable only from CloudFront, so its WAF cannot be bypassed."
  }
  assert {
    condition     = aws_lb_listener.alb_https.default_action[0].type == "fixed-response" && aws_lb_listener.alb_https.default_action[0].fixed_response[0].status_code == "403"
    error_message = "alb: reachable only from CloudFront, so its WAF cannot be bypassed."
  }
  assert {
    condition     = anytrue([for c in aws_lb_listener_rule.alb_from_cdn.condition : anytrue([for h in c.http_header : h.http_header_name == "X-Origin-Verify"])])
    error_message = "alb: reachable only from CloudFront, so its WAF cannot be bypassed."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.dr_alb_from_cloudfront.prefix_list_id == data.aws_ec2_managed_prefix_list.dr_cloudfront.id && aws_vpc_security_group_ingress_rule.dr_alb_from_cloudfront.cidr_ipv4 == null
    error_message = "dr-alb: reachable only from CloudFront, so its WAF cannot be bypassed."
  }
  assert {
    condition     = aws_lb_listener.dr_alb_https.default_action[0].type == "fixed-response" && aws_lb_listener.dr_alb_https.default_action[0].fixed_response[0].status_code == "403"
    error_message = "dr-alb: reachable only from CloudFront, so its WAF cannot be bypassed."
  }
  assert {
    condition     = anytrue([for c in aws_lb_listener_rule.dr_alb_from_cdn.condition : anytrue([for h in c.http_header : h.http_header_name == "X-Origin-Verify"])])
    error_message = "dr-alb: reachable only from CloudFront, so its WAF cannot be bypassed."
  }

  # multi az where designed
  assert {
    condition     = aws_elasticache_replication_group.redis.multi_az_enabled == true
    error_message = "redis: the design asks for automatic failover across zones."
  }
}
