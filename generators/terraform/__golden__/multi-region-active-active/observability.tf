resource "aws_cloudwatch_metric_alarm" "east_web_east_alb_5xx" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-web-east-alb-5xx"
  alarm_description   = "Server errors from east-web behind east-alb (component east-web). Journeys at risk: Sign in, Submit timesheet, Download a document. Runbook: runbooks/release-rollback.md"
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
    LoadBalancer = aws_lb.east_alb.arn_suffix
    TargetGroup  = aws_lb_target_group.east_alb_east_web.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East web and API"
    "ninesmith:component" = "east-web"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_web_east_alb_unhealthy" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-web-east-alb-unhealthy"
  alarm_description   = "Unhealthy targets of east-web behind east-alb (component east-web). Journeys at risk: Sign in, Submit timesheet, Download a document. Runbook: runbooks/zone-loss.md"
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
    LoadBalancer = aws_lb.east_alb.arn_suffix
    TargetGroup  = aws_lb_target_group.east_alb_east_web.arn_suffix
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East web and API"
    "ninesmith:component" = "east-web"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_web_tasks" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-web-tasks"
  alarm_description   = "Fewer than 6 running tasks of east-web (component east-web). Journeys at risk: Sign in, Submit timesheet, Download a document. Runbook: runbooks/zone-loss.md"
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
    ClusterName = aws_ecs_cluster.east.name
    ServiceName = aws_ecs_service.east_web.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East web and API"
    "ninesmith:component" = "east-web"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_db_cpu" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-db-cpu"
  alarm_description   = "Database east-db CPU above 80% (component east-db). Journeys at risk: Submit timesheet. Runbook: runbooks/database-failover.md"
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
    DBClusterIdentifier = aws_rds_cluster.east_db.cluster_identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_cloudwatch_metric_alarm" "west_db_cpu" {
  provider            = aws.west
  alarm_name          = "${var.name_prefix}-west-db-cpu"
  alarm_description   = "Database west-db CPU above 80% (component west-db). Runbook: runbooks/database-failover.md"
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
    DBClusterIdentifier = aws_rds_cluster.west_db.cluster_identifier
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_redis_memory_001" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-redis-memory-001"
  alarm_description   = "Cache east-redis memory above 80% on node 1 of 3 (component east-redis). Journeys at risk: Sign in. Runbook: runbooks/cache-loss.md"
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
    CacheClusterId = "${aws_elasticache_replication_group.east_redis.replication_group_id}-001"
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_redis_memory_002" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-redis-memory-002"
  alarm_description   = "Cache east-redis memory above 80% on node 2 of 3 (component east-redis). Journeys at risk: Sign in. Runbook: runbooks/cache-loss.md"
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
    CacheClusterId = "${aws_elasticache_replication_group.east_redis.replication_group_id}-002"
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_redis_memory_003" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-redis-memory-003"
  alarm_description   = "Cache east-redis memory above 80% on node 3 of 3 (component east-redis). Journeys at risk: Sign in. Runbook: runbooks/cache-loss.md"
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
    CacheClusterId = "${aws_elasticache_replication_group.east_redis.replication_group_id}-003"
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_outbox_backlog_age" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-outbox-backlog-age"
  alarm_description   = "Backlog on queue east-outbox (component east-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.east_outbox.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East ERP outbox"
    "ninesmith:component" = "east-outbox"
  }
}

resource "aws_cloudwatch_metric_alarm" "east_outbox_dead_letters" {
  provider            = aws.east
  alarm_name          = "${var.name_prefix}-east-outbox-dead-letters"
  alarm_description   = "Messages in the dead-letter queue of east-outbox (component east-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.east_outbox_dlq.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East ERP outbox"
    "ninesmith:component" = "east-outbox"
  }
}

resource "aws_cloudwatch_metric_alarm" "west_outbox_backlog_age" {
  provider            = aws.west
  alarm_name          = "${var.name_prefix}-west-outbox-backlog-age"
  alarm_description   = "Backlog on queue west-outbox (component west-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.west_outbox.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "West ERP outbox"
    "ninesmith:component" = "west-outbox"
  }
}

resource "aws_cloudwatch_metric_alarm" "west_outbox_dead_letters" {
  provider            = aws.west
  alarm_name          = "${var.name_prefix}-west-outbox-dead-letters"
  alarm_description   = "Messages in the dead-letter queue of west-outbox (component west-outbox). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.west_outbox_dlq.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "West ERP outbox"
    "ninesmith:component" = "west-outbox"
  }
}

# Route 53 health check metrics exist only in us-east-1.
resource "aws_cloudwatch_metric_alarm" "east_alb_dns_health" {
  provider            = aws.global
  alarm_name          = "${var.name_prefix}-east-alb-dns-health"
  alarm_description   = "Route 53 sees east-alb as unhealthy (component east-alb). Runbook: runbooks/region-failover.md"
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
    HealthCheckId = aws_route53_health_check.east_alb.id
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "East ALB"
    "ninesmith:component" = "east-alb"
  }
}

resource "aws_cloudwatch_metric_alarm" "west_alb_dns_health" {
  provider            = aws.global
  alarm_name          = "${var.name_prefix}-west-alb-dns-health"
  alarm_description   = "Route 53 sees west-alb as unhealthy (component west-alb). Runbook: runbooks/region-failover.md"
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
    HealthCheckId = aws_route53_health_check.west_alb.id
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "West ALB"
    "ninesmith:component" = "west-alb"
  }
}
