# Queue events, with a dead-letter queue after 5 attempts.
resource "aws_sqs_queue" "events_dlq" {
  provider                  = aws.primary
  name                      = "${var.name_prefix}-events-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags = {
    Name                  = "Integration events dead letters"
    "ninesmith:component" = "events"
  }
}

resource "aws_sqs_queue" "events" {
  provider                   = aws.primary
  name                       = "${var.name_prefix}-events"
  message_retention_seconds  = 345600
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.events_dlq.arn
    maxReceiveCount     = 5
  })
  tags = {
    Name                  = "Integration events"
    "ninesmith:component" = "events"
  }
}
