# Object storage attachments (standard class) in primary.
resource "aws_s3_bucket" "attachments" {
  provider = aws.primary
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix = "${var.name_prefix}-attachments-"
  force_destroy = false
  tags = {
    Name                  = "Attachments"
    "ninesmith:component" = "attachments"
  }
}

resource "aws_s3_bucket_public_access_block" "attachments" {
  provider                = aws.primary
  bucket                  = aws_s3_bucket.attachments.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "attachments" {
  provider = aws.primary
  bucket   = aws_s3_bucket.attachments.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "attachments" {
  provider = aws.primary
  bucket   = aws_s3_bucket.attachments.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# Object storage backups (standard class) in primary.
resource "aws_s3_bucket" "backups" {
  provider = aws.primary
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix       = "${var.name_prefix}-backups-"
  force_destroy       = false
  object_lock_enabled = true
  tags = {
    Name                  = "Backup bucket backup account"
    "ninesmith:component" = "backups"
  }
}

resource "aws_s3_bucket_public_access_block" "backups" {
  provider                = aws.primary
  bucket                  = aws_s3_bucket.backups.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "backups" {
  provider = aws.primary
  bucket   = aws_s3_bucket.backups.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "backups" {
  provider = aws.primary
  bucket   = aws_s3_bucket.backups.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
