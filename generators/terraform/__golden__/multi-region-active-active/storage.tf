# Object storage east-documents (standard class) in east.
resource "aws_s3_bucket" "east_documents" {
  provider = aws.east
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix = "${var.name_prefix}-east-documents-"
  force_destroy = false
  tags = {
    Name                  = "East documents"
    "ninesmith:component" = "east-documents"
  }
}

resource "aws_s3_bucket_public_access_block" "east_documents" {
  provider                = aws.east
  bucket                  = aws_s3_bucket.east_documents.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "east_documents" {
  provider = aws.east
  bucket   = aws_s3_bucket.east_documents.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "east_documents" {
  provider = aws.east
  bucket   = aws_s3_bucket.east_documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# Object storage west-documents (standard class) in west.
resource "aws_s3_bucket" "west_documents" {
  provider = aws.west
  # Bucket names are global: the prefix plus a random suffix AWS adds.
  bucket_prefix = "${var.name_prefix}-west-documents-"
  force_destroy = false
  tags = {
    Name                  = "West documents"
    "ninesmith:component" = "west-documents"
  }
}

resource "aws_s3_bucket_public_access_block" "west_documents" {
  provider                = aws.west
  bucket                  = aws_s3_bucket.west_documents.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "west_documents" {
  provider = aws.west
  bucket   = aws_s3_bucket.west_documents.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "west_documents" {
  provider = aws.west
  bucket   = aws_s3_bucket.west_documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_replication_configuration" "east_documents" {
  provider = aws.east
  bucket   = aws_s3_bucket.east_documents.id
  role     = var.s3_replication_role_arn
  rule {
    id     = "replicate-to-west"
    status = "Enabled"
    filter {}
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket        = aws_s3_bucket.west_documents.arn
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
  depends_on = [aws_s3_bucket_versioning.east_documents, aws_s3_bucket_versioning.west_documents]
}

resource "aws_s3_bucket_replication_configuration" "west_documents" {
  provider = aws.west
  bucket   = aws_s3_bucket.west_documents.id
  role     = var.s3_replication_role_arn
  rule {
    id     = "replicate-to-east"
    status = "Enabled"
    filter {}
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket        = aws_s3_bucket.east_documents.arn
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
  depends_on = [aws_s3_bucket_versioning.west_documents, aws_s3_bucket_versioning.east_documents]
}
