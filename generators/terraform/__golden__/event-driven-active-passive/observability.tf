resource "aws_cloudwatch_metric_alarm" "web_alb_5xx" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-web-alb-5xx"
  alarm_description   = "Server errors from web behind alb (component web). Journeys at risk: Sign in, Submit timesheet, Download a document. Runbook: runbooks/release-rollback.md"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarm_5xx_per_minute
  treat_missing_data  = "notBreaching"
  dimensions = {
    LoadBalancer = aws_lb.alb.arn_suffix
    TargetGroup  = aws_lb_target_group.alb_web.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Web and API"
    "ninesmith:component" = "web"
  }
}

resource "aws_cloudwatch_metric_alarm" "web_alb_unhealthy" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-web-alb-unhealthy"
  alarm_description   = "Unhealthy targets of web behind alb (component web). Journeys at risk: Sign in, Submit timesheet, Download a document. Runbook: runbooks/zone-loss.md"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "UnHealthyHostCount"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  dimensions = {
    LoadBalancer = aws_lb.alb.arn_suffix
    TargetGroup  = aws_lb_target_group.alb_web.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Web and API"
    "ninesmith:component" = "web"
  }
}

resource "aws_cloudwatch_metric_alarm" "web_tasks" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-web-tasks"
  alarm_description   = "Fewer than 6 running tasks of web (component web). Journeys at risk: Sign in, Submit timesheet, Download a document. Runbook: runbooks/zone-loss.md"
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "LessThanThreshold"
  threshold           = 6
  treat_missing_data  = "breaching"
  dimensions = {
    ClusterName = aws_ecs_cluster.primary.name
    ServiceName = aws_ecs_service.web.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Web and API"
    "ninesmith:component" = "web"
  }
}

resource "aws_cloudwatch_metric_alarm" "redis_memory_001" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-redis-memory-001"
  alarm_description   = "Cache redis memory above 80% on node 1 of 2 (component redis). Journeys at risk: Sign in. Runbook: runbooks/cache-loss.md"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = 80
  treat_missing_data  = "missing"
  dimensions = {
    CacheClusterId = "${aws_elasticache_replication_group.redis.replication_group_id}-001"
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Redis sessions"
    "ninesmith:component" = "redis"
  }
}

resource "aws_cloudwatch_metric_alarm" "redis_memory_002" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-redis-memory-002"
  alarm_description   = "Cache redis memory above 80% on node 2 of 2 (component redis). Journeys at risk: Sign in. Runbook: runbooks/cache-loss.md"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = 80
  treat_missing_data  = "missing"
  dimensions = {
    CacheClusterId = "${aws_elasticache_replication_group.redis.replication_group_id}-002"
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Redis sessions"
    "ninesmith:component" = "redis"
  }
}

# Route 53 health check metrics exist only in us-east-1.
resource "aws_cloudwatch_metric_alarm" "alb_dns_health" {
  provider            = aws.global
  alarm_name          = "${var.name_prefix}-alb-dns-health"
  alarm_description   = "Route 53 sees alb as unhealthy (component alb). Runbook: runbooks/region-failover.md"
  namespace           = "AWS/Route53"
  metric_name         = "HealthCheckStatus"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  dimensions = {
    HealthCheckId = aws_route53_health_check.alb.id
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Public ALB"
    "ninesmith:component" = "alb"
  }
}

resource "aws_cloudwatch_metric_alarm" "dr_alb_dns_health" {
  provider            = aws.global
  alarm_name          = "${var.name_prefix}-dr-alb-dns-health"
  alarm_description   = "Route 53 sees dr-alb as unhealthy (component dr-alb). Runbook: runbooks/region-failover.md"
  namespace           = "AWS/Route53"
  metric_name         = "HealthCheckStatus"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "breaching"
  dimensions = {
    HealthCheckId = aws_route53_health_check.dr_alb.id
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Standby ALB"
    "ninesmith:component" = "dr-alb"
  }
}
