resource "aws_cloudwatch_metric_alarm" "job_queue_backlog_age" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-job-queue-backlog-age"
  alarm_description   = "Backlog on queue job-queue (component job-queue). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.job_queue.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Job queue"
    "ninesmith:component" = "job-queue"
  }
}

resource "aws_cloudwatch_metric_alarm" "job_queue_dead_letters" {
  provider            = aws.primary
  alarm_name          = "${var.name_prefix}-job-queue-dead-letters"
  alarm_description   = "Messages in the dead-letter queue of job-queue (component job-queue). Runbook: runbooks/queue-backlog.md"
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
    QueueName = aws_sqs_queue.job_queue_dlq.name
  }
  alarm_actions = var.alarm_actions
  ok_actions    = var.alarm_actions
  tags = {
    Name                  = "Job queue"
    "ninesmith:component" = "job-queue"
  }
}
