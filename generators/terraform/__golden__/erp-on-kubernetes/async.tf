# Queue job-queue, with a dead-letter queue after 5 attempts.
resource "aws_sqs_queue" "job_queue_dlq" {
  provider                  = aws.primary
  name                      = "${var.name_prefix}-job-queue-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags = {
    Name                  = "Job queue dead letters"
    "ninesmith:component" = "job-queue"
  }
}

resource "aws_sqs_queue" "job_queue" {
  provider                   = aws.primary
  name                       = "${var.name_prefix}-job-queue"
  message_retention_seconds  = 345600
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.job_queue_dlq.arn
    maxReceiveCount     = 5
  })
  tags = {
    Name                  = "Job queue"
    "ninesmith:component" = "job-queue"
  }
}
