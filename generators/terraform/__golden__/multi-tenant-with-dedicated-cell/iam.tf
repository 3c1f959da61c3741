resource "aws_iam_role" "shared_app_task" {
  provider    = aws.primary
  name        = "${var.name_prefix}-shared-app-task"
  description = "Task role of shared-app: what the design connects it to"
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
    Name = "Task role of shared-app: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "shared_app_task" {
  provider = aws.primary
  name     = "${var.name_prefix}-shared-app-task"
  role     = aws_iam_role.shared_app_task.id
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
        Sid      = "EventsSend"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.events.arn]
      },
    ]
  })
}

resource "aws_iam_role" "shared_app_exec" {
  provider    = aws.primary
  name        = "${var.name_prefix}-shared-app-exec"
  description = "Execution role of shared-app: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of shared-app: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "shared_app_exec" {
  provider = aws.primary
  name     = "${var.name_prefix}-shared-app-exec"
  role     = aws_iam_role.shared_app_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.shared_db_master.arn, aws_secretsmanager_secret.shared_redis_auth.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "shared_app_exec_ecs_task_execution" {
  provider   = aws.primary
  role       = aws_iam_role.shared_app_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "enterprise_app_task" {
  provider    = aws.primary
  name        = "${var.name_prefix}-enterprise-app-task"
  description = "Task role of enterprise-app: what the design connects it to"
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
    Name = "Task role of enterprise-app: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "enterprise_app_task" {
  provider = aws.primary
  name     = "${var.name_prefix}-enterprise-app-task"
  role     = aws_iam_role.enterprise_app_task.id
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
        Sid      = "EventsSend"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.events.arn]
      },
    ]
  })
}

resource "aws_iam_role" "enterprise_app_exec" {
  provider    = aws.primary
  name        = "${var.name_prefix}-enterprise-app-exec"
  description = "Execution role of enterprise-app: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of enterprise-app: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "enterprise_app_exec" {
  provider = aws.primary
  name     = "${var.name_prefix}-enterprise-app-exec"
  role     = aws_iam_role.enterprise_app_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_rds_cluster.enterprise_db.master_user_secret[0].secret_arn, aws_secretsmanager_secret.enterprise_redis_auth.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "enterprise_app_exec_ecs_task_execution" {
  provider   = aws.primary
  role       = aws_iam_role.enterprise_app_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "integration_workers_task" {
  provider    = aws.primary
  name        = "${var.name_prefix}-integration-workers-task"
  description = "Task role of integration-workers: what the design connects it to"
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
    Name = "Task role of integration-workers: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "integration_workers_task" {
  provider = aws.primary
  name     = "${var.name_prefix}-integration-workers-task"
  role     = aws_iam_role.integration_workers_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EventsReceive"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.events.arn]
      },
    ]
  })
}

resource "aws_iam_role" "integration_workers_exec" {
  provider    = aws.primary
  name        = "${var.name_prefix}-integration-workers-exec"
  description = "Execution role of integration-workers: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of integration-workers: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy_attachment" "integration_workers_exec_ecs_task_execution" {
  provider   = aws.primary
  role       = aws_iam_role.integration_workers_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
