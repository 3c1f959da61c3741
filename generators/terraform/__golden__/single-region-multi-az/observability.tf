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

resource "aws_cloudwatch_metric_alarm" "reports_alb_5xx" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-reports-alb-5xx"
  alarm_description   = "Server errors from reports behind alb (component reports). Journeys at risk: Run the monthly report. Runbook: runbooks/release-rollback.md"
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
    TargetGroup  = aws_lb_target_group.alb_reports.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Reporting service"
    "ninesmith:component" = "reports"
  }
}

resource "aws_cloudwatch_metric_alarm" "reports_alb_unhealthy" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-reports-alb-unhealthy"
  alarm_description   = "Unhealthy targets of reports behind alb (component reports). Journeys at risk: Run the monthly report. Runbook: runbooks/zone-loss.md"
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
    TargetGroup  = aws_lb_target_group.alb_reports.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Reporting service"
    "ninesmith:component" = "reports"
  }
}

resource "aws_cloudwatch_metric_alarm" "reports_tasks" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-reports-tasks"
  alarm_description   = "Fewer than 2 running tasks of reports (component reports). Journeys at risk: Run the monthly report. Runbook: runbooks/zone-loss.md"
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "LessThanThreshold"
  threshold           = 2
  treat_missing_data  = "breaching"
  dimensions = {
    ClusterName = aws_ecs_cluster.primary.name
    ServiceName = aws_ecs_service.reports.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Reporting service"
    "ninesmith:component" = "reports"
  }
}

resource "aws_cloudwatch_metric_alarm" "db_cpu" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-db-cpu"
  alarm_description   = "Database db CPU above 80% (component db). Journeys at risk: Submit timesheet, Run the monthly report. Runbook: runbooks/database-failover.md"
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
    Name                  = "PostgreSQL"
    "ninesmith:component" = "db"
  }
}

resource "aws_cloudwatch_metric_alarm" "db_storage" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-db-storage"
  alarm_description   = "Database db below 10% free storage (component db). Journeys at risk: Submit timesheet, Run the monthly report. Runbook: runbooks/database-failover.md"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  comparison_operator = "LessThanThreshold"
  threshold           = 21474836480
  treat_missing_data  = "missing"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.db.identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "PostgreSQL"
    "ninesmith:component" = "db"
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

resource "aws_cloudwatch_metric_alarm" "jobs_backlog_age" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-jobs-backlog-age"
  alarm_description   = "Backlog on queue jobs (component jobs). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.jobs.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Job queue"
    "ninesmith:component" = "jobs"
  }
}

resource "aws_cloudwatch_metric_alarm" "jobs_dead_letters" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-jobs-dead-letters"
  alarm_description   = "Messages in the dead-letter queue of jobs (component jobs). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.jobs_dlq.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Job queue"
    "ninesmith:component" = "jobs"
  }
}

resource "aws_cloudwatch_metric_alarm" "erp_outbox_backlog_age" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-erp-outbox-backlog-age"
  alarm_description   = "Backlog on queue erp-outbox (component erp-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.erp_outbox.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "ERP outbox"
    "ninesmith:component" = "erp-outbox"
  }
}

resource "aws_cloudwatch_metric_alarm" "erp_outbox_dead_letters" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-erp-outbox-dead-letters"
  alarm_description   = "Messages in the dead-letter queue of erp-outbox (component erp-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.erp_outbox_dlq.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "ERP outbox"
    "ninesmith:component" = "erp-outbox"
  }
}
