resource "aws_cloudwatch_metric_alarm" "shared_app_alb_5xx" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-shared-app-alb-5xx"
  alarm_description   = "Server errors from shared-app behind alb (component shared-app). Journeys at risk: Submit timesheet. Runbook: runbooks/release-rollback.md"
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
    TargetGroup  = aws_lb_target_group.alb_shared_app.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Shared cell app"
    "ninesmith:component" = "shared-app"
  }
}

resource "aws_cloudwatch_metric_alarm" "shared_app_alb_unhealthy" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-shared-app-alb-unhealthy"
  alarm_description   = "Unhealthy targets of shared-app behind alb (component shared-app). Journeys at risk: Submit timesheet. Runbook: runbooks/zone-loss.md"
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
    TargetGroup  = aws_lb_target_group.alb_shared_app.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Shared cell app"
    "ninesmith:component" = "shared-app"
  }
}

resource "aws_cloudwatch_metric_alarm" "shared_app_tasks" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-shared-app-tasks"
  alarm_description   = "Fewer than 6 running tasks of shared-app (component shared-app). Journeys at risk: Submit timesheet. Runbook: runbooks/zone-loss.md"
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
    ServiceName = aws_ecs_service.shared_app.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Shared cell app"
    "ninesmith:component" = "shared-app"
  }
}

resource "aws_cloudwatch_metric_alarm" "enterprise_app_alb_5xx" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-enterprise-app-alb-5xx"
  alarm_description   = "Server errors from enterprise-app behind alb (component enterprise-app). Journeys at risk: Submit timesheet (enterprise tenant). Runbook: runbooks/release-rollback.md"
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
    TargetGroup  = aws_lb_target_group.alb_enterprise_app.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
}

resource "aws_cloudwatch_metric_alarm" "enterprise_app_alb_unhealthy" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-enterprise-app-alb-unhealthy"
  alarm_description   = "Unhealthy targets of enterprise-app behind alb (component enterprise-app). Journeys at risk: Submit timesheet (enterprise tenant). Runbook: runbooks/zone-loss.md"
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
    TargetGroup  = aws_lb_target_group.alb_enterprise_app.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
}

resource "aws_cloudwatch_metric_alarm" "enterprise_app_tasks" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-enterprise-app-tasks"
  alarm_description   = "Fewer than 3 running tasks of enterprise-app (component enterprise-app). Journeys at risk: Submit timesheet (enterprise tenant). Runbook: runbooks/zone-loss.md"
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "LessThanThreshold"
  threshold           = 3
  treat_missing_data  = "breaching"
  dimensions = {
    ClusterName = aws_ecs_cluster.primary.name
    ServiceName = aws_ecs_service.enterprise_app.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
}

resource "aws_cloudwatch_metric_alarm" "shared_db_cpu" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-shared-db-cpu"
  alarm_description   = "Database shared-db CPU above 80% (component shared-db). Journeys at risk: Submit timesheet. Runbook: runbooks/database-failover.md"
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
    DBInstanceIdentifier = aws_db_instance.shared_db.identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Shared cell PostgreSQL"
    "ninesmith:component" = "shared-db"
  }
}

resource "aws_cloudwatch_metric_alarm" "shared_db_storage" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-shared-db-storage"
  alarm_description   = "Database shared-db below 10% free storage (component shared-db). Journeys at risk: Submit timesheet. Runbook: runbooks/database-failover.md"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "LessThanThreshold"
  threshold           = 53687091200
  treat_missing_data  = "missing"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.shared_db.identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Shared cell PostgreSQL"
    "ninesmith:component" = "shared-db"
  }
}

resource "aws_cloudwatch_metric_alarm" "enterprise_db_cpu" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-enterprise-db-cpu"
  alarm_description   = "Database enterprise-db CPU above 80% (component enterprise-db). Journeys at risk: Submit timesheet (enterprise tenant). Runbook: runbooks/database-failover.md"
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
    DBClusterIdentifier = aws_rds_cluster.enterprise_db.cluster_identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Enterprise cell PostgreSQL"
    "ninesmith:component" = "enterprise-db"
  }
}

resource "aws_cloudwatch_metric_alarm" "events_backlog_age" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-events-backlog-age"
  alarm_description   = "Backlog on queue events (component events). Runbook: runbooks/queue-backlog.md"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.queue_max_age_seconds
  treat_missing_data  = "notBreaching"
  dimensions = {
    QueueName = aws_sqs_queue.events.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Integration events"
    "ninesmith:component" = "events"
  }
}

resource "aws_cloudwatch_metric_alarm" "events_dead_letters" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-events-dead-letters"
  alarm_description   = "Messages in the dead-letter queue of events (component events). Runbook: runbooks/queue-backlog.md"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  datapoints_to_alarm = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  dimensions = {
    QueueName = aws_sqs_queue.events_dlq.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Integration events"
    "ninesmith:component" = "events"
  }
}
