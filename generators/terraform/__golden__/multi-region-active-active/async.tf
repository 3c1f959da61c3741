# Queue east-outbox (FIFO), with a dead-letter queue after 5 attempts.
resource "aws_sqs_queue" "east_outbox_dlq" {
  provider                  = aws.east
  name                      = "${var.name_prefix}-east-outbox-dlq.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags = {
    Name                  = "East ERP outbox dead letters"
    "ninesmith:component" = "east-outbox"
  }
}

resource "aws_sqs_queue" "east_outbox" {
  provider                    = aws.east
  name                        = "${var.name_prefix}-east-outbox.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  message_retention_seconds   = 345600
  visibility_timeout_seconds  = var.queue_visibility_timeout_seconds
  receive_wait_time_seconds   = 20
  sqs_managed_sse_enabled     = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.east_outbox_dlq.arn
    maxReceiveCount     = 5
  })
  tags = {
    Name                  = "East ERP outbox"
    "ninesmith:component" = "east-outbox"
  }
}

# Queue west-outbox (FIFO), with a dead-letter queue after 5 attempts.
resource "aws_sqs_queue" "west_outbox_dlq" {
  provider                  = aws.west
  name                      = "${var.name_prefix}-west-outbox-dlq.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags = {
    Name                  = "West ERP outbox dead letters"
    "ninesmith:component" = "west-outbox"
  }
}

resource "aws_sqs_queue" "west_outbox" {
  provider                    = aws.west
  name                        = "${var.name_prefix}-west-outbox.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  message_retention_seconds   = 345600
  visibility_timeout_seconds  = var.queue_visibility_timeout_seconds
  receive_wait_time_seconds   = 20
  sqs_managed_sse_enabled     = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.west_outbox_dlq.arn
    maxReceiveCount     = 5
  })
  tags = {
    Name                  = "West ERP outbox"
    "ninesmith:component" = "west-outbox"
  }
}
