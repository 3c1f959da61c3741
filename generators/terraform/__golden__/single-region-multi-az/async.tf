# Queue jobs, with a dead-letter queue after 5 attempts.
resource "aws_sqs_queue" "jobs_dlq" {
  provider                  = aws.primary
  name                      = "${var.name_prefix}-jobs-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags = {
    Name                  = "Job queue dead letters"
    "ninesmith:component" = "jobs"
  }
}

resource "aws_sqs_queue" "jobs" {
  provider                   = aws.primary
  name                       = "${var.name_prefix}-jobs"
  message_retention_seconds  = 345600
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = 5
  })
  tags = {
    Name                  = "Job queue"
    "ninesmith:component" = "jobs"
  }
}

# Queue erp-outbox (FIFO), with a dead-letter queue after 5 attempts.
resource "aws_sqs_queue" "erp_outbox_dlq" {
  provider                  = aws.primary
  name                      = "${var.name_prefix}-erp-outbox-dlq.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags = {
    Name                  = "ERP outbox dead letters"
    "ninesmith:component" = "erp-outbox"
  }
}

resource "aws_sqs_queue" "erp_outbox" {
  provider                    = aws.primary
  name                        = "${var.name_prefix}-erp-outbox.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  message_retention_seconds   = 345600
  visibility_timeout_seconds  = var.queue_visibility_timeout_seconds
  receive_wait_time_seconds   = 20
  sqs_managed_sse_enabled     = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.erp_outbox_dlq.arn
    maxReceiveCount     = 5
  })
  tags = {
    Name                  = "ERP outbox"
    "ninesmith:component" = "erp-outbox"
  }
}
