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

resource "aws_cloudwatch_metric_alarm" "db_cpu" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-db-cpu"
  alarm_description   = "Database db CPU above 80% (component db). Journeys at risk: Submit timesheet. Runbook: runbooks/database-failover.md"
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
    Name                  = "PostgreSQL primary"
    "ninesmith:component" = "db"
  }
}

resource "aws_cloudwatch_metric_alarm" "db_storage" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-db-storage"
  alarm_description   = "Database db below 10% free storage (component db). Journeys at risk: Submit timesheet. Runbook: runbooks/database-failover.md"
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
    Name                  = "PostgreSQL primary"
    "ninesmith:component" = "db"
  }
}

resource "aws_cloudwatch_metric_alarm" "dr_db_cpu" {
  provider            = aws.dr
  alarm_name          = "${var.name_prefix}-dr-db-cpu"
  alarm_description   = "Database dr-db CPU above 80% (component dr-db). Runbook: runbooks/database-failover.md"
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
    DBInstanceIdentifier = aws_db_instance.dr_db.identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "PostgreSQL cross-region replica"
    "ninesmith:component" = "dr-db"
  }
}

resource "aws_cloudwatch_metric_alarm" "dr_db_replica_lag" {
  provider            = aws.dr
  alarm_name          = "${var.name_prefix}-dr-db-replica-lag"
  alarm_description   = "Replica dr-db lags more than the tier's RPO (900s) (component dr-db). Runbook: runbooks/region-failover.md"
  namespace           = "AWS/RDS"
  metric_name         = "ReplicaLag"
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = 900
  treat_missing_data  = "breaching"
  dimensions = {
    DBInstanceIdentifier = aws_db_instance.dr_db.identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "PostgreSQL cross-region replica"
    "ninesmith:component" = "dr-db"
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

resource "aws_cloudwatch_metric_alarm" "dr_outbox_backlog_age" {
  provider            = aws.dr
  alarm_name          = "${var.name_prefix}-dr-outbox-backlog-age"
  alarm_description   = "Backlog on queue dr-outbox (component dr-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.dr_outbox.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Standby ERP outbox"
    "ninesmith:component" = "dr-outbox"
  }
}

resource "aws_cloudwatch_metric_alarm" "dr_outbox_dead_letters" {
  provider            = aws.dr
  alarm_name          = "${var.name_prefix}-dr-outbox-dead-letters"
  alarm_description   = "Messages in the dead-letter queue of dr-outbox (component dr-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.dr_outbox_dlq.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Standby ERP outbox"
    "ninesmith:component" = "dr-outbox"
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
