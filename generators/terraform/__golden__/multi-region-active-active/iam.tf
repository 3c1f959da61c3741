resource "aws_iam_role" "east_web_task" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-web-task"
  description = "Task role of east-web: what the design connects it to"
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
    Name = "Task role of east-web: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "east_web_task" {
  provider = aws.east
  name     = "${var.name_prefix}-east-web-task"
  role     = aws_iam_role.east_web_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EastDocumentsObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
        Resource = ["${aws_s3_bucket.east_documents.arn}/*"]
      },
      {
        Sid      = "EastDocumentsList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.east_documents.arn]
      },
      {
        Sid      = "EastOutboxSend"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.east_outbox.arn]
      },
    ]
  })
}

resource "aws_iam_role" "east_web_exec" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-web-exec"
  description = "Execution role of east-web: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of east-web: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "east_web_exec" {
  provider = aws.east
  name     = "${var.name_prefix}-east-web-exec"
  role     = aws_iam_role.east_web_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.east_db_master.arn, aws_secretsmanager_secret.east_redis_auth.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "east_web_exec_ecs_task_execution" {
  provider   = aws.east
  role       = aws_iam_role.east_web_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "east_workers_task" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-workers-task"
  description = "Task role of east-workers: what the design connects it to"
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
    Name = "Task role of east-workers: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "east_workers_task" {
  provider = aws.east
  name     = "${var.name_prefix}-east-workers-task"
  role     = aws_iam_role.east_workers_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EastOutboxReceive"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.east_outbox.arn]
      },
    ]
  })
}

resource "aws_iam_role" "east_workers_exec" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-workers-exec"
  description = "Execution role of east-workers: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of east-workers: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "east_workers_exec" {
  provider = aws.east
  name     = "${var.name_prefix}-east-workers-exec"
  role     = aws_iam_role.east_workers_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.east_db_master.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "east_workers_exec_ecs_task_execution" {
  provider   = aws.east
  role       = aws_iam_role.east_workers_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "west_web_task" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-web-task"
  description = "Task role of west-web: what the design connects it to"
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
    Name = "Task role of west-web: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "west_web_task" {
  provider = aws.west
  name     = "${var.name_prefix}-west-web-task"
  role     = aws_iam_role.west_web_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WestDocumentsObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
        Resource = ["${aws_s3_bucket.west_documents.arn}/*"]
      },
      {
        Sid      = "WestDocumentsList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.west_documents.arn]
      },
      {
        Sid      = "WestOutboxSend"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.west_outbox.arn]
      },
    ]
  })
}

resource "aws_iam_role" "west_web_exec" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-web-exec"
  description = "Execution role of west-web: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of west-web: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "west_web_exec" {
  provider = aws.west
  name     = "${var.name_prefix}-west-web-exec"
  role     = aws_iam_role.west_web_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.west_db_master.arn, aws_secretsmanager_secret.west_redis_auth.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "west_web_exec_ecs_task_execution" {
  provider   = aws.west
  role       = aws_iam_role.west_web_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "west_workers_task" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-workers-task"
  description = "Task role of west-workers: what the design connects it to"
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
    Name = "Task role of west-workers: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "west_workers_task" {
  provider = aws.west
  name     = "${var.name_prefix}-west-workers-task"
  role     = aws_iam_role.west_workers_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WestOutboxReceive"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.west_outbox.arn]
      },
    ]
  })
}

resource "aws_iam_role" "west_workers_exec" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-workers-exec"
  description = "Execution role of west-workers: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of west-workers: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "west_workers_exec" {
  provider = aws.west
  name     = "${var.name_prefix}-west-workers-exec"
  role     = aws_iam_role.west_workers_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [aws_secretsmanager_secret.west_db_master.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "west_workers_exec_ecs_task_execution" {
  provider   = aws.west
  role       = aws_iam_role.west_workers_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
