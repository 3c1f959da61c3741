# Object storage files (standard class) in primary.
resource "aws_s3_bucket" "files" {
  provider = aws.primary
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix = "${var.name_prefix}-files-"
  force_destroy = false
  tags = {
    Name                  = "Uploads"
    "ninesmith:component" = "files"
  }
}

resource "aws_s3_bucket_public_access_block" "files" {
  provider                = aws.primary
  bucket                  = aws_s3_bucket.files.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "files" {
  provider = aws.primary
  bucket   = aws_s3_bucket.files.id
  versioning_configuration {
    # The design keeps versioning off: an overwrite or delete cannot be undone.
    status = "Disabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "files" {
  provider = aws.primary
  bucket   = aws_s3_bucket.files.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
