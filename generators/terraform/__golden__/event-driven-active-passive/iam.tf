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
        Resource = [aws_secretsmanager_secret.redis_auth.arn]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "web_exec_ecs_task_execution" {
  provider   = aws.primary
  role       = aws_iam_role.web_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role" "dr_web_task" {
  provider    = aws.dr
  name        = "${var.name_prefix}-dr-web-task"
  description = "Task role of dr-web: what the design connects it to"
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
    Name = "Task role of dr-web: what the design connects it to"
  }
}

resource "aws_iam_role_policy" "dr_web_task" {
  provider = aws.dr
  name     = "${var.name_prefix}-dr-web-task"
  role     = aws_iam_role.dr_web_task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DrDocumentsObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
        Resource = ["${aws_s3_bucket.dr_documents.arn}/*"]
      },
      {
        Sid      = "DrDocumentsList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.dr_documents.arn]
      },
    ]
  })
}

resource "aws_iam_role" "dr_web_exec" {
  provider    = aws.dr
  name        = "${var.name_prefix}-dr-web-exec"
  description = "Execution role of dr-web: pulls its image, writes its logs, reads its secrets"
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
    Name = "Execution role of dr-web: pulls its image writes its logs reads its secrets"
  }
}

resource "aws_iam_role_policy" "dr_web_exec" {
  provider = aws.dr
  name     = "${var.name_prefix}-dr-web-exec"
  role     = aws_iam_role.dr_web_exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [replace(aws_secretsmanager_secret.redis_auth.arn, ":us-east-1:", ":us-west-2:")]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "dr_web_exec_ecs_task_execution" {
  provider   = aws.dr
  role       = aws_iam_role.dr_web_exec.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
