resource "aws_wafv2_web_acl" "east_waf" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-waf"
  description = "Web ACL of component east-waf"
  scope       = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "aws-common"
    priority = 10
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "east-waf-aws-common"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "aws-known-bad-inputs"
    priority = 20
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "east-waf-aws-known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "rate-limit-per-ip"
    priority = 30
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = var.waf_rate_limit
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "east-waf-rate-limit"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "east-waf"
    sampled_requests_enabled   = true
  }
  tags = {
    Name                  = "East web ACL"
    "ninesmith:component" = "east-waf"
  }
}

resource "aws_wafv2_web_acl_association" "east_waf_east_alb" {
  provider     = aws.east
  resource_arn = aws_lb.east_alb.arn
  web_acl_arn  = aws_wafv2_web_acl.east_waf.arn
}

resource "aws_wafv2_web_acl" "west_waf" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-waf"
  description = "Web ACL of component west-waf"
  scope       = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "aws-common"
    priority = 10
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "west-waf-aws-common"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "aws-known-bad-inputs"
    priority = 20
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "west-waf-aws-known-bad-inputs"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "rate-limit-per-ip"
    priority = 30
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = var.waf_rate_limit
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "west-waf-rate-limit"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "west-waf"
    sampled_requests_enabled   = true
  }
  tags = {
    Name                  = "West web ACL"
    "ninesmith:component" = "west-waf"
  }
}

resource "aws_wafv2_web_acl_association" "west_waf_west_alb" {
  provider     = aws.west
  resource_arn = aws_lb.west_alb.arn
  web_acl_arn  = aws_wafv2_web_acl.west_waf.arn
}

resource "aws_route53_health_check" "east_alb" {
  provider          = aws.global
  type              = "HTTPS"
  fqdn              = aws_lb.east_alb.dns_name
  port              = 443
  resource_path     = "/healthz"
  failure_threshold = 3
  request_interval  = 10
  tags = {
    Name                  = "East ALB health"
    "ninesmith:component" = "east-alb"
  }
}

resource "aws_route53_health_check" "west_alb" {
  provider          = aws.global
  type              = "HTTPS"
  fqdn              = aws_lb.west_alb.dns_name
  port              = 443
  resource_path     = "/healthz"
  failure_threshold = 3
  request_interval  = 10
  tags = {
    Name                  = "West ALB health"
    "ninesmith:component" = "west-alb"
  }
}

resource "aws_route53_record" "east_alb" {
  provider       = aws.global
  zone_id        = var.route53_zone_id
  name           = var.domain_name
  type           = "A"
  set_identifier = "east"
  latency_routing_policy {
    region = "us-east-1"
  }
  health_check_id = aws_route53_health_check.east_alb.id
  alias {
    name                   = aws_lb.east_alb.dns_name
    zone_id                = aws_lb.east_alb.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "west_alb" {
  provider       = aws.global
  zone_id        = var.route53_zone_id
  name           = var.domain_name
  type           = "A"
  set_identifier = "west"
  latency_routing_policy {
    region = "us-west-2"
  }
  health_check_id = aws_route53_health_check.west_alb.id
  alias {
    name                   = aws_lb.west_alb.dns_name
    zone_id                = aws_lb.west_alb.zone_id
    evaluate_target_health = true
  }
}
