# Value of the X-Origin-Verify header CloudFront sends to the load balancers, which forward only requests that carry it.
resource "aws_secretsmanager_secret" "cdn_origin" {
  provider                = aws.global
  name_prefix             = "${var.name_prefix}-cdn-origin-"
  description             = "Value of the X-Origin-Verify header CloudFront sends to the load balancers, which forward only requests that carry it."
  recovery_window_in_days = 7
}

data "aws_secretsmanager_random_password" "cdn_origin" {
  provider            = aws.global
  password_length     = 48
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "cdn_origin" {
  provider      = aws.global
  secret_id     = aws_secretsmanager_secret.cdn_origin.id
  secret_string = data.aws_secretsmanager_random_password.cdn_origin.random_password
  lifecycle {
    # The value is generated once; later plans read a new random value that must not replace it.
    ignore_changes = [secret_string]
  }
}

# AUTH token of cache redis, generated here so it is never written in a file.
resource "aws_secretsmanager_secret" "redis_auth" {
  provider                = aws.primary
  name_prefix             = "${var.name_prefix}-redis-auth-"
  description             = "AUTH token of cache redis, generated here so it is never written in a file."
  recovery_window_in_days = 7
  replica {
    region = "us-west-2"
  }
}

data "aws_secretsmanager_random_password" "redis_auth" {
  provider            = aws.primary
  password_length     = 64
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "redis_auth" {
  provider      = aws.primary
  secret_id     = aws_secretsmanager_secret.redis_auth.id
  secret_string = data.aws_secretsmanager_random_password.redis_auth.random_password
  lifecycle {
    # The value is generated once; later plans read a new random value that must not replace it.
    ignore_changes = [secret_string]
  }
}
