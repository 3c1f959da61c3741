resource "aws_iam_role" "primary_ebs_csi" {
  provider    = aws.primary
  name        = "${var.name_prefix}-primary-ebs-csi"
  description = "EBS CSI driver of the cluster in primary: creates and attaches volumes"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = aws_iam_openid_connect_provider.primary.arn
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:sub" = "system:serviceaccount:kube-system:ebs-csi-controller-sa"
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:aud" = "sts.amazonaws.com"
          }
        }
      },
    ]
  })
  tags = {
    Name = "EBS CSI driver of the cluster in primary: creates and attaches volumes"
  }
}

resource "aws_iam_role_policy_attachment" "primary_ebs_csi_ebs_csi_driver" {
  provider   = aws.primary
  role       = aws_iam_role.primary_ebs_csi.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}

resource "aws_iam_role" "erp_app_pods" {
  provider    = aws.primary
  name        = "${var.name_prefix}-erp-app-pods"
  description = "Pods of erp-app (service account erp-app): what the design connects it to"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = aws_iam_openid_connect_provider.primary.arn
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:sub" = "system:serviceaccount:${var.kubernetes_namespace}:erp-app"
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:aud" = "sts.amazonaws.com"
          }
        }
      },
    ]
  })
  tags = {
    Name = "Pods of erp-app service account erp-app : what the design connects it to"
  }
}

resource "aws_iam_role_policy" "erp_app_pods" {
  provider = aws.primary
  name     = "${var.name_prefix}-erp-app-pods"
  role     = aws_iam_role.erp_app_pods.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AttachmentsObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
        Resource = ["${aws_s3_bucket.attachments.arn}/*"]
      },
      {
        Sid      = "AttachmentsList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.attachments.arn]
      },
      {
        Sid      = "JobQueueSend"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.job_queue.arn]
      },
    ]
  })
}

resource "aws_iam_role" "erp_workers_pods" {
  provider    = aws.primary
  name        = "${var.name_prefix}-erp-workers-pods"
  description = "Pods of erp-workers (service account erp-workers): what the design connects it to"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = aws_iam_openid_connect_provider.primary.arn
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:sub" = "system:serviceaccount:${var.kubernetes_namespace}:erp-workers"
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:aud" = "sts.amazonaws.com"
          }
        }
      },
    ]
  })
  tags = {
    Name = "Pods of erp-workers service account erp-workers : what the design connects it to"
  }
}

resource "aws_iam_role_policy" "erp_workers_pods" {
  provider = aws.primary
  name     = "${var.name_prefix}-erp-workers-pods"
  role     = aws_iam_role.erp_workers_pods.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AttachmentsObjects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"]
        Resource = ["${aws_s3_bucket.attachments.arn}/*"]
      },
      {
        Sid      = "AttachmentsList"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.attachments.arn]
      },
      {
        Sid      = "JobQueueReceive"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [aws_sqs_queue.job_queue.arn]
      },
    ]
  })
}

resource "aws_iam_role" "postgres_backups" {
  provider    = aws.primary
  name        = "${var.name_prefix}-postgres-backups"
  description = "CloudNativePG cluster postgres (service account postgres): writes base backups and WAL to backups"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = aws_iam_openid_connect_provider.primary.arn
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:sub" = "system:serviceaccount:${var.kubernetes_namespace}:postgres"
            "${replace(aws_iam_openid_connect_provider.primary.url, "https://", "")}:aud" = "sts.amazonaws.com"
          }
        }
      },
    ]
  })
  tags = {
    Name = "CloudNativePG cluster postgres service account postgres : writes base backups and WAL to backups"
  }
}

resource "aws_iam_role_policy" "postgres_backups" {
  provider = aws.primary
  name     = "${var.name_prefix}-postgres-backups"
  role     = aws_iam_role.postgres_backups.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Objects"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["${aws_s3_bucket.backups.arn}/*"]
      },
      {
        Sid      = "List"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [aws_s3_bucket.backups.arn]
      },
    ]
  })
}
