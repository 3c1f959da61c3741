# Master credentials of database east-db: generated here because RDS cannot manage them for replicated or global databases.
resource "aws_secretsmanager_secret" "east_db_master" {
  provider                = aws.east
  name_prefix             = "${var.name_prefix}-east-db-master-"
  description             = "Master credentials of database east-db: generated here because RDS cannot manage them for replicated or global databases."
  recovery_window_in_days = 7
  replica {
    region = "us-west-2"
  }
}

data "aws_secretsmanager_random_password" "east_db_master" {
  provider            = aws.east
  password_length     = 32
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "east_db_master" {
  provider  = aws.east
  secret_id = aws_secretsmanager_secret.east_db_master.id
  secret_string = jsonencode({
    username = var.db_master_username
    password = data.aws_secretsmanager_random_password.east_db_master.random_password
  })
  lifecycle {
    # The value is generated once; later plans read a new random value that must not replace it.
    ignore_changes = [secret_string]
  }
}

# AUTH token of cache east-redis, generated here so it is never written in a file.
resource "aws_secretsmanager_secret" "east_redis_auth" {
  provider                = aws.east
  name_prefix             = "${var.name_prefix}-east-redis-auth-"
  description             = "AUTH token of cache east-redis, generated here so it is never written in a file."
  recovery_window_in_days = 7
  replica {
    region = "us-west-2"
  }
}

data "aws_secretsmanager_random_password" "east_redis_auth" {
  provider            = aws.east
  password_length     = 64
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "east_redis_auth" {
  provider      = aws.east
  secret_id     = aws_secretsmanager_secret.east_redis_auth.id
  secret_string = data.aws_secretsmanager_random_password.east_redis_auth.random_password
  lifecycle {
    # The value is generated once; later plans read a new random value that must not replace it.
    ignore_changes = [secret_string]
  }
}

# Master credentials of database west-db: generated here because RDS cannot manage them for replicated or global databases.
resource "aws_secretsmanager_secret" "west_db_master" {
  provider                = aws.west
  name_prefix             = "${var.name_prefix}-west-db-master-"
  description             = "Master credentials of database west-db: generated here because RDS cannot manage them for replicated or global databases."
  recovery_window_in_days = 7
  replica {
    region = "us-east-1"
  }
}

data "aws_secretsmanager_random_password" "west_db_master" {
  provider            = aws.west
  password_length     = 32
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "west_db_master" {
  provider  = aws.west
  secret_id = aws_secretsmanager_secret.west_db_master.id
  secret_string = jsonencode({
    username = var.db_master_username
    password = data.aws_secretsmanager_random_password.west_db_master.random_password
  })
  lifecycle {
    # The value is generated once; later plans read a new random value that must not replace it.
    ignore_changes = [secret_string]
  }
}

# AUTH token of cache west-redis, generated here so it is never written in a file.
resource "aws_secretsmanager_secret" "west_redis_auth" {
  provider                = aws.west
  name_prefix             = "${var.name_prefix}-west-redis-auth-"
  description             = "AUTH token of cache west-redis, generated here so it is never written in a file."
  recovery_window_in_days = 7
  replica {
    region = "us-east-1"
  }
}

data "aws_secretsmanager_random_password" "west_redis_auth" {
  provider            = aws.west
  password_length     = 64
  exclude_punctuation = true
}

resource "aws_secretsmanager_secret_version" "west_redis_auth" {
  provider      = aws.west
  secret_id     = aws_secretsmanager_secret.west_redis_auth.id
  secret_string = data.aws_secretsmanager_random_password.west_redis_auth.random_password
  lifecycle {
    # The value is generated once; later plans read a new random value that must not replace it.
    ignore_changes = [secret_string]
  }
}
