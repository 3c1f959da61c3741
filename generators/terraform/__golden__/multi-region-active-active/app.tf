# Load balancer east-alb: application (HTTPS), internet-facing, in zones a, b, c.
resource "aws_lb" "east_alb" {
  provider                         = aws.east
  name                             = "${var.name_prefix}-east-alb"
  load_balancer_type               = "application"
  internal                         = false
  subnets                          = [aws_subnet.east_public_a.id, aws_subnet.east_public_b.id, aws_subnet.east_public_c.id]
  security_groups                  = [aws_security_group.east_alb.id]
  enable_deletion_protection       = true
  drop_invalid_header_fields       = true
  enable_cross_zone_load_balancing = true
  # The zone-loss runbook shifts traffic away from a failing zone (ARC zonal shift), which must be enabled here.
  enable_zonal_shift = true
  tags = {
    Name                  = "East ALB"
    "ninesmith:component" = "east-alb"
  }
}

resource "aws_lb_target_group" "east_alb_east_web" {
  provider             = aws.east
  name                 = "${var.name_prefix}-east-alb-jwmwtx"
  vpc_id               = aws_vpc.east.id
  target_type          = "ip"
  port                 = var.app_port
  protocol             = "HTTP"
  deregistration_delay = 30
  health_check {
    enabled             = true
    protocol            = "HTTP"
    path                = "/healthz"
    port                = "traffic-port"
    matcher             = "200-399"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
  tags = {
    Name                  = "East ALB to East web and API"
    "ninesmith:component" = "east-web"
  }
}

resource "aws_lb_listener" "east_alb_https" {
  provider          = aws.east
  load_balancer_arn = aws_lb.east_alb.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.east_certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.east_alb_east_web.arn
  }
}

resource "aws_lb_listener" "east_alb_http" {
  provider          = aws.east
  load_balancer_arn = aws_lb.east_alb.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_ecs_cluster" "east" {
  provider = aws.east
  name     = "${var.name_prefix}-east"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = {
    Name = "client-portal-active east"
  }
}

# App service east-web: 6 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "east_web" {
  provider          = aws.east
  name              = "/ninesmith/${var.name_prefix}/east-web"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "East web and API"
    "ninesmith:component" = "east-web"
  }
}

resource "aws_ecs_task_definition" "east_web" {
  provider                 = aws.east
  family                   = "${var.name_prefix}-east-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.east_web_task.arn
  execution_role_arn       = aws_iam_role.east_web_exec.arn
  container_definitions = jsonencode([
    {
      name      = "east-web"
      image     = var.east_web_image
      essential = true
      portMappings = [
        {
          containerPort = var.app_port
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "EAST_DB_HOST"
          value = aws_rds_cluster.east_db.endpoint
        },
        {
          name  = "EAST_DB_PORT"
          value = "5432"
        },
        {
          name  = "EAST_REDIS_HOST"
          value = aws_elasticache_replication_group.east_redis.primary_endpoint_address
        },
        {
          name  = "EAST_REDIS_PORT"
          value = "6379"
        },
        {
          name  = "EAST_REDIS_TLS"
          value = "true"
        },
        {
          name  = "EAST_DOCUMENTS_BUCKET"
          value = aws_s3_bucket.east_documents.bucket
        },
        {
          name  = "EAST_OUTBOX_QUEUE_URL"
          value = aws_sqs_queue.east_outbox.url
        },
      ]
      secrets = [
        {
          name      = "EAST_DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.east_db_master.arn)
        },
        {
          name      = "EAST_DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.east_db_master.arn)
        },
        {
          name      = "EAST_REDIS_AUTH_TOKEN"
          valueFrom = aws_secretsmanager_secret.east_redis_auth.arn
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.east_web.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "east-web"
        }
      }
    },
  ])
  tags = {
    Name                  = "East web and API"
    "ninesmith:component" = "east-web"
  }
}

resource "aws_ecs_service" "east_web" {
  provider                           = aws.east
  name                               = "${var.name_prefix}-east-web"
  cluster                            = aws_ecs_cluster.east.id
  task_definition                    = aws_ecs_task_definition.east_web.arn
  desired_count                      = 6
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60
  propagate_tags                     = "SERVICE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = [aws_subnet.east_private_a.id, aws_subnet.east_private_b.id, aws_subnet.east_private_c.id]
    security_groups  = [aws_security_group.east_web.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.east_alb_east_web.arn
    container_name   = "east-web"
    container_port   = var.app_port
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "East web and API"
    "ninesmith:component" = "east-web"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.east_private_a, aws_route_table_association.east_private_b, aws_route_table_association.east_private_c]
}

resource "aws_appautoscaling_target" "east_web" {
  provider           = aws.east
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.east.name}/${aws_ecs_service.east_web.name}"
  min_capacity       = 6
  max_capacity       = 24
}

resource "aws_appautoscaling_policy" "east_web" {
  provider           = aws.east
  name               = "${var.name_prefix}-east-web-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.east_web.service_namespace
  scalable_dimension = aws_appautoscaling_target.east_web.scalable_dimension
  resource_id        = aws_appautoscaling_target.east_web.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Worker pool east-workers: 3 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "east_workers" {
  provider          = aws.east
  name              = "/ninesmith/${var.name_prefix}/east-workers"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "East workers"
    "ninesmith:component" = "east-workers"
  }
}

resource "aws_ecs_task_definition" "east_workers" {
  provider                 = aws.east
  family                   = "${var.name_prefix}-east-workers"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.east_workers_task.arn
  execution_role_arn       = aws_iam_role.east_workers_exec.arn
  container_definitions = jsonencode([
    {
      name      = "east-workers"
      image     = var.east_workers_image
      essential = true
      environment = [
        {
          name  = "EAST_DB_HOST"
          value = aws_rds_cluster.east_db.endpoint
        },
        {
          name  = "EAST_DB_PORT"
          value = "5432"
        },
        {
          name  = "EAST_OUTBOX_QUEUE_URL"
          value = aws_sqs_queue.east_outbox.url
        },
      ]
      secrets = [
        {
          name      = "EAST_DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.east_db_master.arn)
        },
        {
          name      = "EAST_DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.east_db_master.arn)
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.east_workers.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "east-workers"
        }
      }
    },
  ])
  tags = {
    Name                  = "East workers"
    "ninesmith:component" = "east-workers"
  }
}

resource "aws_ecs_service" "east_workers" {
  provider                           = aws.east
  name                               = "${var.name_prefix}-east-workers"
  cluster                            = aws_ecs_cluster.east.id
  task_definition                    = aws_ecs_task_definition.east_workers.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  propagate_tags                     = "SERVICE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = [aws_subnet.east_private_a.id, aws_subnet.east_private_b.id, aws_subnet.east_private_c.id]
    security_groups  = [aws_security_group.east_workers.id]
    assign_public_ip = false
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "East workers"
    "ninesmith:component" = "east-workers"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.east_private_a, aws_route_table_association.east_private_b, aws_route_table_association.east_private_c]
}

resource "aws_appautoscaling_target" "east_workers" {
  provider           = aws.east
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.east.name}/${aws_ecs_service.east_workers.name}"
  min_capacity       = 3
  max_capacity       = 12
}

resource "aws_appautoscaling_policy" "east_workers" {
  provider           = aws.east
  name               = "${var.name_prefix}-east-workers-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.east_workers.service_namespace
  scalable_dimension = aws_appautoscaling_target.east_workers.scalable_dimension
  resource_id        = aws_appautoscaling_target.east_workers.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Load balancer west-alb: application (HTTPS), internet-facing, in zones a, b, c.
resource "aws_lb" "west_alb" {
  provider                         = aws.west
  name                             = "${var.name_prefix}-west-alb"
  load_balancer_type               = "application"
  internal                         = false
  subnets                          = [aws_subnet.west_public_a.id, aws_subnet.west_public_b.id, aws_subnet.west_public_c.id]
  security_groups                  = [aws_security_group.west_alb.id]
  enable_deletion_protection       = true
  drop_invalid_header_fields       = true
  enable_cross_zone_load_balancing = true
  # The zone-loss runbook shifts traffic away from a failing zone (ARC zonal shift), which must be enabled here.
  enable_zonal_shift = true
  tags = {
    Name                  = "West ALB"
    "ninesmith:component" = "west-alb"
  }
}

resource "aws_lb_target_group" "west_alb_west_web" {
  provider             = aws.west
  name                 = "${var.name_prefix}-west-alb-0ikval"
  vpc_id               = aws_vpc.west.id
  target_type          = "ip"
  port                 = var.app_port
  protocol             = "HTTP"
  deregistration_delay = 30
  health_check {
    enabled             = true
    protocol            = "HTTP"
    path                = "/healthz"
    port                = "traffic-port"
    matcher             = "200-399"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
  tags = {
    Name                  = "West ALB to West web and API"
    "ninesmith:component" = "west-web"
  }
}

resource "aws_lb_listener" "west_alb_https" {
  provider          = aws.west
  load_balancer_arn = aws_lb.west_alb.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.west_certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.west_alb_west_web.arn
  }
}

resource "aws_lb_listener" "west_alb_http" {
  provider          = aws.west
  load_balancer_arn = aws_lb.west_alb.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_ecs_cluster" "west" {
  provider = aws.west
  name     = "${var.name_prefix}-west"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = {
    Name = "client-portal-active west"
  }
}

# App service west-web: 6 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "west_web" {
  provider          = aws.west
  name              = "/ninesmith/${var.name_prefix}/west-web"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "West web and API"
    "ninesmith:component" = "west-web"
  }
}

resource "aws_ecs_task_definition" "west_web" {
  provider                 = aws.west
  family                   = "${var.name_prefix}-west-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.west_web_task.arn
  execution_role_arn       = aws_iam_role.west_web_exec.arn
  container_definitions = jsonencode([
    {
      name      = "west-web"
      image     = var.west_web_image
      essential = true
      portMappings = [
        {
          containerPort = var.app_port
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "WEST_DB_HOST"
          value = aws_rds_cluster.west_db.endpoint
        },
        {
          name  = "WEST_DB_PORT"
          value = "5432"
        },
        {
          name  = "WEST_REDIS_HOST"
          value = aws_elasticache_replication_group.west_redis.primary_endpoint_address
        },
        {
          name  = "WEST_REDIS_PORT"
          value = "6379"
        },
        {
          name  = "WEST_REDIS_TLS"
          value = "true"
        },
        {
          name  = "WEST_DOCUMENTS_BUCKET"
          value = aws_s3_bucket.west_documents.bucket
        },
        {
          name  = "WEST_OUTBOX_QUEUE_URL"
          value = aws_sqs_queue.west_outbox.url
        },
      ]
      secrets = [
        {
          name      = "WEST_DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.west_db_master.arn)
        },
        {
          name      = "WEST_DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.west_db_master.arn)
        },
        {
          name      = "WEST_REDIS_AUTH_TOKEN"
          valueFrom = aws_secretsmanager_secret.west_redis_auth.arn
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.west_web.name
          awslogs-region        = "us-west-2"
          awslogs-stream-prefix = "west-web"
        }
      }
    },
  ])
  tags = {
    Name                  = "West web and API"
    "ninesmith:component" = "west-web"
  }
}

resource "aws_ecs_service" "west_web" {
  provider                           = aws.west
  name                               = "${var.name_prefix}-west-web"
  cluster                            = aws_ecs_cluster.west.id
  task_definition                    = aws_ecs_task_definition.west_web.arn
  desired_count                      = 6
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60
  propagate_tags                     = "SERVICE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = [aws_subnet.west_private_a.id, aws_subnet.west_private_b.id, aws_subnet.west_private_c.id]
    security_groups  = [aws_security_group.west_web.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.west_alb_west_web.arn
    container_name   = "west-web"
    container_port   = var.app_port
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "West web and API"
    "ninesmith:component" = "west-web"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.west_private_a, aws_route_table_association.west_private_b, aws_route_table_association.west_private_c]
}

resource "aws_appautoscaling_target" "west_web" {
  provider           = aws.west
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.west.name}/${aws_ecs_service.west_web.name}"
  min_capacity       = 6
  max_capacity       = 24
}

resource "aws_appautoscaling_policy" "west_web" {
  provider           = aws.west
  name               = "${var.name_prefix}-west-web-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.west_web.service_namespace
  scalable_dimension = aws_appautoscaling_target.west_web.scalable_dimension
  resource_id        = aws_appautoscaling_target.west_web.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Worker pool west-workers: 3 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "west_workers" {
  provider          = aws.west
  name              = "/ninesmith/${var.name_prefix}/west-workers"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "West workers"
    "ninesmith:component" = "west-workers"
  }
}

resource "aws_ecs_task_definition" "west_workers" {
  provider                 = aws.west
  family                   = "${var.name_prefix}-west-workers"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.west_workers_task.arn
  execution_role_arn       = aws_iam_role.west_workers_exec.arn
  container_definitions = jsonencode([
    {
      name      = "west-workers"
      image     = var.west_workers_image
      essential = true
      environment = [
        {
          name  = "WEST_DB_HOST"
          value = aws_rds_cluster.west_db.endpoint
        },
        {
          name  = "WEST_DB_PORT"
          value = "5432"
        },
        {
          name  = "WEST_OUTBOX_QUEUE_URL"
          value = aws_sqs_queue.west_outbox.url
        },
      ]
      secrets = [
        {
          name      = "WEST_DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.west_db_master.arn)
        },
        {
          name      = "WEST_DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.west_db_master.arn)
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.west_workers.name
          awslogs-region        = "us-west-2"
          awslogs-stream-prefix = "west-workers"
        }
      }
    },
  ])
  tags = {
    Name                  = "West workers"
    "ninesmith:component" = "west-workers"
  }
}

resource "aws_ecs_service" "west_workers" {
  provider                           = aws.west
  name                               = "${var.name_prefix}-west-workers"
  cluster                            = aws_ecs_cluster.west.id
  task_definition                    = aws_ecs_task_definition.west_workers.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  propagate_tags                     = "SERVICE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = [aws_subnet.west_private_a.id, aws_subnet.west_private_b.id, aws_subnet.west_private_c.id]
    security_groups  = [aws_security_group.west_workers.id]
    assign_public_ip = false
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "West workers"
    "ninesmith:component" = "west-workers"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.west_private_a, aws_route_table_association.west_private_b, aws_route_table_association.west_private_c]
}

resource "aws_appautoscaling_target" "west_workers" {
  provider           = aws.west
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.west.name}/${aws_ecs_service.west_workers.name}"
  min_capacity       = 3
  max_capacity       = 12
}

resource "aws_appautoscaling_policy" "west_workers" {
  provider           = aws.west
  name               = "${var.name_prefix}-west-workers-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.west_workers.service_namespace
  scalable_dimension = aws_appautoscaling_target.west_workers.scalable_dimension
  resource_id        = aws_appautoscaling_target.west_workers.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
