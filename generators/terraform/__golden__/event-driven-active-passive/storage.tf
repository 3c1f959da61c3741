# Object storage documents (standard class) in primary.
resource "aws_s3_bucket" "documents" {
  provider = aws.primary
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix = "${var.name_prefix}-documents-"
  force_destroy = false
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

# Object storage dr-documents (standard class) in dr.
resource "aws_s3_bucket" "dr_documents" {
  provider = aws.dr
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix = "${var.name_prefix}-dr-documents-"
  force_destroy = false
  tags = {
    Name                  = "Documents replica"
    "ninesmith:component" = "dr-documents"
  }
}

resource "aws_s3_bucket_public_access_block" "dr_documents" {
  provider                = aws.dr
  bucket                  = aws_s3_bucket.dr_documents.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "dr_documents" {
  provider = aws.dr
  bucket   = aws_s3_bucket.dr_documents.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "dr_documents" {
  provider = aws.dr
  bucket   = aws_s3_bucket.dr_documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_replication_configuration" "documents" {
  provider = aws.primary
  bucket   = aws_s3_bucket.documents.id
  role     = var.s3_replication_role_arn
  rule {
    id     = "replicate-to-dr"
    status = "Enabled"
    filter {}
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket        = aws_s3_bucket.dr_documents.arn
      storage_class = "STANDARD"
      replication_time {
        status = "Enabled"
        time {
          minutes = 15
        }
      }
      metrics {
        status = "Enabled"
        event_threshold {
          minutes = 15
        }
      }
    }
  }
  depends_on = [aws_s3_bucket_versioning.documents, aws_s3_bucket_versioning.dr_documents]
}
