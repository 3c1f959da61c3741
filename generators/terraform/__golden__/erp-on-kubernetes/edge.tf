resource "aws_route53_record" "nlb" {
  provider = aws.global
  zone_id  = var.route53_zone_id
  name     = var.domain_name
  type     = "A"
  alias {
    name                   = aws_lb.nlb.dns_name
    zone_id                = aws_lb.nlb.zone_id
    evaluate_target_health = true
  }
}
