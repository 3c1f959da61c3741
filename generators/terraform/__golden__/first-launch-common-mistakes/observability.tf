resource "aws_cloudwatch_metric_alarm" "web_alb_5xx" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-web-alb-5xx"
  alarm_description   = "Server errors from web behind alb (component web). Journeys at risk: Sign in, Submit timesheet. Runbook: runbooks/release-rollback.md"
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
    Name                  = "Web server"
    "ninesmith:component" = "web"
  }
}

resource "aws_cloudwatch_metric_alarm" "web_alb_unhealthy" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-web-alb-unhealthy"
  alarm_description   = "Unhealthy targets of web behind alb (component web). Journeys at risk: Sign in, Submit timesheet. Runbook: runbooks/zone-loss.md"
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
    Name                  = "Web server"
    "ninesmith:component" = "web"
  }
}

resource "aws_cloudwatch_metric_alarm" "db_cpu" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-db-cpu"
  alarm_description   = "Database db CPU above 80% (component db). Journeys at risk: Sign in, Submit timesheet. Runbook: runbooks/database-failover.md"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = 80
  treat_missing_data  = "missing"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.db.identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Database"
    "ninesmith:component" = "db"
  }
}

resource "aws_cloudwatch_metric_alarm" "db_storage" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-db-storage"
  alarm_description   = "Database db below 10% free storage (component db). Journeys at risk: Sign in, Submit timesheet. Runbook: runbooks/database-failover.md"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "LessThanThreshold"
  threshold           = 10737418240
  treat_missing_data  = "missing"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.db.identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Database"
    "ninesmith:component" = "db"
  }
}
