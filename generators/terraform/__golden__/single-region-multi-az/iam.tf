resource "aws_iam_role" "web_task" {
  provider    = aws.primary
  name        = "${var.name_prefix}-web-task"
  description = "Task role of web: what the design connects it to"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  tags = {
    Name = "Task role of web: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "web_task" {
  provider = aws.primary
  name     = "${var.name_prefix}-web-task"
  role     = aws_iam_role.web_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DocumentsObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
        Resource = ["${aws_s3_bucket.documents.arn}/*"]
      },
      {
        Sid      = "DocumentsList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.documents.arn]
      },
      {
        Sid      = "JobsSend"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.jobs.arn]
      },
      {
        Sid      = "ErpOutboxSend"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.erp_outbox.arn]
      },
    ]
  })
}

resource "aws_iam_role" "web_exec" {
  provider    = aws.primary
  name        = "${var.name_prefix}-web-exec"
  description = "Execution role of web: pulls its image, writes its logs, reads its secrets"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  tags = {
    Name = "Execution role of web: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "web_exec" {
  provider = aws.primary
  name     = "${var.name_prefix}-web-exec"
  role     = aws_iam_role.web_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.db_master.arn, aws_secretsmanager_secret.redis_auth.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "web_exec_ecs_task_execution" {
  provider   = aws.primary
  role       = aws_iam_role.web_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "reports_task" {
  provider    = aws.primary
  name        = "${var.name_prefix}-reports-task"
  description = "Task role of reports: what the design connects it to"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  tags = {
    Name = "Task role of reports: what the design connects it to"
  }
}

resource "aws_iam_role" "reports_exec" {
  provider    = aws.primary
  name        = "${var.name_prefix}-reports-exec"
  description = "Execution role of reports: pulls its image, writes its logs, reads its secrets"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  tags = {
    Name = "Execution role of reports: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "reports_exec" {
  provider = aws.primary
  name     = "${var.name_prefix}-reports-exec"
  role     = aws_iam_role.reports_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.db_master.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "reports_exec_ecs_task_execution" {
  provider   = aws.primary
  role       = aws_iam_role.reports_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "workers_task" {
  provider    = aws.primary
  name        = "${var.name_prefix}-workers-task"
  description = "Task role of workers: what the design connects it to"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  tags = {
    Name = "Task role of workers: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "workers_task" {
  provider = aws.primary
  name     = "${var.name_prefix}-workers-task"
  role     = aws_iam_role.workers_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DocumentsObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
        Resource = ["${aws_s3_bucket.documents.arn}/*"]
      },
      {
        Sid      = "DocumentsList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.documents.arn]
      },
      {
        Sid      = "JobsReceive"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.jobs.arn]
      },
      {
        Sid      = "ErpOutboxReceive"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.erp_outbox.arn]
      },
    ]
  })
}

resource "aws_iam_role" "workers_exec" {
  provider    = aws.primary
  name        = "${var.name_prefix}-workers-exec"
  description = "Execution role of workers: pulls its image, writes its logs, reads its secrets"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
  tags = {
    Name = "Execution role of workers: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "workers_exec" {
  provider = aws.primary
  name     = "${var.name_prefix}-workers-exec"
  role     = aws_iam_role.workers_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.db_master.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "workers_exec_ecs_task_execution" {
  provider   = aws.primary
  role       = aws_iam_role.workers_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
