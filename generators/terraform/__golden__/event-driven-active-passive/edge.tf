resource "aws_wafv2_web_acl" "waf" {
  provider    = aws.global
  name        = "${var.name_prefix}-waf"
  description = "Web ACL of component waf"
  scope       = "CLOUDFRONT"
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
      metric_name                = "waf-aws-common"
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
      metric_name                = "waf-aws-known-bad-inputs"
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
      metric_name                = "waf-rate-limit"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "waf"
    sampled_requests_enabled   = true
  }
  tags = {
    Name                  = "Web ACL"
    "ninesmith:component" = "waf"
  }
}

# Load balancer alb admits only CloudFront: Route 53 follows this alarm on its healthy targets.
resource "aws_cloudwatch_metric_alarm" "alb_healthy_targets" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-alb-healthy-targets"
  alarm_description   = "No healthy target behind alb: Route 53 fails over away from region primary."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HealthyHostCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  dimensions = {
    LoadBalancer = aws_lb.alb.arn_suffix
    TargetGroup  = aws_lb_target_group.alb_web.arn_suffix
  }
  tags = {
    Name                  = "Public ALB healthy targets"
    "ninesmith:component" = "alb"
  }
}

resource "aws_route53_health_check" "alb" {
  provider                        = aws.global
  type                            = "CLOUDWATCH_METRIC"
  cloudwatch_alarm_name           = aws_cloudwatch_metric_alarm.alb_healthy_targets.alarm_name
  cloudwatch_alarm_region         = "us-east-1"
  insufficient_data_health_status = "LastKnownStatus"
  tags = {
    Name                  = "Public ALB health"
    "ninesmith:component" = "alb"
  }
}

# Load balancer dr-alb admits only CloudFront: Route 53 follows this alarm on its healthy targets.
resource "aws_cloudwatch_metric_alarm" "dr_alb_healthy_targets" {
  provider            = aws.dr
  alarm_name          = "${var.name_prefix}-dr-alb-healthy-targets"
  alarm_description   = "No healthy target behind dr-alb: Route 53 fails over away from region dr."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HealthyHostCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  dimensions = {
    LoadBalancer = aws_lb.dr_alb.arn_suffix
    TargetGroup  = aws_lb_target_group.dr_alb_dr_web.arn_suffix
  }
  tags = {
    Name                  = "Standby ALB healthy targets"
    "ninesmith:component" = "dr-alb"
  }
}

resource "aws_route53_health_check" "dr_alb" {
  provider                        = aws.global
  type                            = "CLOUDWATCH_METRIC"
  cloudwatch_alarm_name           = aws_cloudwatch_metric_alarm.dr_alb_healthy_targets.alarm_name
  cloudwatch_alarm_region         = "us-west-2"
  insufficient_data_health_status = "LastKnownStatus"
  tags = {
    Name                  = "Standby ALB health"
    "ninesmith:component" = "dr-alb"
  }
}

resource "aws_route53_record" "alb" {
  provider       = aws.global
  zone_id        = var.route53_zone_id
  name           = "origin.${var.domain_name}"
  type           = "A"
  set_identifier = "primary"
  failover_routing_policy {
    type = "PRIMARY"
  }
  health_check_id = aws_route53_health_check.alb.id
  alias {
    name                   = aws_lb.alb.dns_name
    zone_id                = aws_lb.alb.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "dr_alb" {
  provider       = aws.global
  zone_id        = var.route53_zone_id
  name           = "origin.${var.domain_name}"
  type           = "A"
  set_identifier = "dr"
  failover_routing_policy {
    type = "SECONDARY"
  }
  health_check_id = aws_route53_health_check.dr_alb.id
  alias {
    name                   = aws_lb.dr_alb.dns_name
    zone_id                = aws_lb.dr_alb.zone_id
    evaluate_target_health = true
  }
}

# CDN cdn: dynamic requests go to the health-checked failover name of the regions, uncached.
# Every origin request forwards the viewer Host header (the regional certificates are for the domain) and carries the X-Origin-Verify secret.
resource "aws_cloudfront_distribution" "cdn" {
  provider        = aws.global
  enabled         = true
  is_ipv6_enabled = true
  comment         = "CloudFront"
  aliases         = [var.domain_name]
  price_class     = var.cloudfront_price_class
  web_acl_id      = aws_wafv2_web_acl.waf.arn
  origin {
    origin_id   = "regions"
    domain_name = "origin.${var.domain_name}"
    custom_header {
      name  = "X-Origin-Verify"
      value = aws_secretsmanager_secret_version.cdn_origin.secret_string
    }
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  origin {
    origin_id   = "alb"
    domain_name = aws_lb.alb.dns_name
    custom_header {
      name  = "X-Origin-Verify"
      value = aws_secretsmanager_secret_version.cdn_origin.secret_string
    }
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  origin {
    origin_id   = "dr-alb"
    domain_name = aws_lb.dr_alb.dns_name
    custom_header {
      name  = "X-Origin-Verify"
      value = aws_secretsmanager_secret_version.cdn_origin.secret_string
    }
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  origin_group {
    origin_id = "static-failover"
    failover_criteria {
      status_codes = [500, 502, 503, 504]
    }
    member {
      origin_id = "alb"
    }
    member {
      origin_id = "dr-alb"
    }
  }
  default_cache_behavior {
    target_origin_id         = "regions"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
    compress                 = true
  }
  ordered_cache_behavior {
    # Origin groups serve only GET, HEAD and OPTIONS, so failover between origins covers static assets.
    path_pattern             = var.static_path_pattern
    target_origin_id         = "static-failover"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["GET", "HEAD", "OPTIONS"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
    compress                 = true
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = var.cloudfront_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
  tags = {
    Name                  = "CloudFront"
    "ninesmith:component" = "cdn"
  }
}

resource "aws_route53_record" "cdn" {
  provider = aws.global
  zone_id  = var.route53_zone_id
  name     = var.domain_name
  type     = "A"
  alias {
    name                   = aws_cloudfront_distribution.cdn.domain_name
    zone_id                = aws_cloudfront_distribution.cdn.hosted_zone_id
    evaluate_target_health = false
  }
}
