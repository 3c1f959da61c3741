# Object storage documents (standard class) in primary.
resource "aws_s3_bucket" "documents" {
  provider = aws.primary
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix       = "${var.name_prefix}-documents-"
  force_destroy       = false
  object_lock_enabled = true
  tags = {
    Name                  = "Documents"
    "ninesmith:component" = "documents"
  }
}

resource "aws_s3_bucket_public_access_block" "documents" {
  provider                = aws.primary
  bucket                  = aws_s3_bucket.documents.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "documents" {
  provider = aws.primary
  bucket   = aws_s3_bucket.documents.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  provider = aws.primary
  bucket   = aws_s3_bucket.documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
