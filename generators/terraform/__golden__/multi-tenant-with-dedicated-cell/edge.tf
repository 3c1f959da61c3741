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

resource "aws_route53_record" "alb" {
  provider = aws.global
  zone_id  = var.route53_zone_id
  name     = "origin.${var.domain_name}"
  type     = "A"
  alias {
    name                   = aws_lb.alb.dns_name
    zone_id                = aws_lb.alb.zone_id
    evaluate_target_health = true
  }
}

# CDN cdn: dynamic requests go to load balancer alb, uncached.
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
  default_cache_behavior {
    target_origin_id         = "alb"
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
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
