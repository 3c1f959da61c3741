# Load balancer alb: application (HTTPS), reachable only from CloudFront, in zones a, b, c.
resource "aws_lb" "alb" {
  provider                         = aws.primary
  name                             = "${var.name_prefix}-alb"
  load_balancer_type               = "application"
  internal                         = false
  subnets                          = [aws_subnet.primary_public_a.id, aws_subnet.primary_public_b.id, aws_subnet.primary_public_c.id]
  security_groups                  = [aws_security_group.alb.id]
  enable_deletion_protection       = true
  drop_invalid_header_fields       = true
  enable_cross_zone_load_balancing = true
  # The zone-loss runbook shifts traffic away from a failing zone (ARC zonal shift), which must be enabled here.
  enable_zonal_shift = true
  tags = {
    Name                  = "Cell router ALB"
    "ninesmith:component" = "alb"
  }
}

resource "aws_lb_target_group" "alb_shared_app" {
  provider             = aws.primary
  name                 = "${var.name_prefix}-alb-shared-app"
  vpc_id               = aws_vpc.primary.id
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
    Name                  = "Cell router ALB to Shared cell app"
    "ninesmith:component" = "shared-app"
  }
}

resource "aws_lb_target_group" "alb_enterprise_app" {
  provider             = aws.primary
  name                 = "${var.name_prefix}-alb-ente-auz3w0"
  vpc_id               = aws_vpc.primary.id
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
    Name                  = "Cell router ALB to Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
}

resource "aws_lb_listener" "alb_https" {
  provider          = aws.primary
  load_balancer_arn = aws_lb.alb.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.primary_certificate_arn
  # Only requests from CloudFront carry the X-Origin-Verify secret; anything else gets 403, so the CDN's WAF cannot be bypassed.
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "403"
      message_body = "Forbidden"
    }
  }
  # Also behind this load balancer: enterprise-app. Add listener rules (host or path) to route to them.
}

resource "aws_lb_listener_rule" "alb_from_cdn" {
  provider     = aws.primary
  listener_arn = aws_lb_listener.alb_https.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.alb_shared_app.arn
  }
  condition {
    http_header {
      http_header_name = "X-Origin-Verify"
      values           = [aws_secretsmanager_secret_version.cdn_origin.secret_string]
    }
  }
}

resource "aws_ecs_cluster" "primary" {
  provider = aws.primary
  name     = "${var.name_prefix}-primary"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = {
    Name = "shared-platform-with primary"
  }
}

# App service shared-app: 6 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "shared_app" {
  provider          = aws.primary
  name              = "/ninesmith/${var.name_prefix}/shared-app"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "Shared cell app"
    "ninesmith:component" = "shared-app"
  }
}

resource "aws_ecs_task_definition" "shared_app" {
  provider                 = aws.primary
  family                   = "${var.name_prefix}-shared-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.shared_app_task.arn
  execution_role_arn       = aws_iam_role.shared_app_exec.arn
  container_definitions = jsonencode([
    {
      name      = "shared-app"
      image     = var.shared_app_image
      essential = true
      portMappings = [
        {
          containerPort = var.app_port
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "SHARED_DB_HOST"
          value = aws_db_instance.shared_db.address
        },
        {
          name  = "SHARED_DB_PORT"
          value = "5432"
        },
        {
          name  = "SHARED_REDIS_HOST"
          value = aws_elasticache_replication_group.shared_redis.primary_endpoint_address
        },
        {
          name  = "SHARED_REDIS_PORT"
          value = "6379"
        },
        {
          name  = "SHARED_REDIS_TLS"
          value = "true"
        },
        {
          name  = "DOCUMENTS_BUCKET"
          value = aws_s3_bucket.documents.bucket
        },
        {
          name  = "EVENTS_QUEUE_URL"
          value = aws_sqs_queue.events.url
        },
      ]
      secrets = [
        {
          name      = "SHARED_DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.shared_db_master.arn)
        },
        {
          name      = "SHARED_DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.shared_db_master.arn)
        },
        {
          name      = "SHARED_REDIS_AUTH_TOKEN"
          valueFrom = aws_secretsmanager_secret.shared_redis_auth.arn
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.shared_app.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "shared-app"
        }
      }
    },
  ])
  tags = {
    Name                  = "Shared cell app"
    "ninesmith:component" = "shared-app"
  }
}

resource "aws_ecs_service" "shared_app" {
  provider                           = aws.primary
  name                               = "${var.name_prefix}-shared-app"
  cluster                            = aws_ecs_cluster.primary.id
  task_definition                    = aws_ecs_task_definition.shared_app.arn
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
    subnets          = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
    security_groups  = [aws_security_group.shared_app.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.alb_shared_app.arn
    container_name   = "shared-app"
    container_port   = var.app_port
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "Shared cell app"
    "ninesmith:component" = "shared-app"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.primary_private_a, aws_route_table_association.primary_private_b, aws_route_table_association.primary_private_c]
}

resource "aws_appautoscaling_target" "shared_app" {
  provider           = aws.primary
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.primary.name}/${aws_ecs_service.shared_app.name}"
  min_capacity       = 6
  max_capacity       = 24
}

resource "aws_appautoscaling_policy" "shared_app" {
  provider           = aws.primary
  name               = "${var.name_prefix}-shared-app-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.shared_app.service_namespace
  scalable_dimension = aws_appautoscaling_target.shared_app.scalable_dimension
  resource_id        = aws_appautoscaling_target.shared_app.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# App service enterprise-app: 3 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "enterprise_app" {
  provider          = aws.primary
  name              = "/ninesmith/${var.name_prefix}/enterprise-app"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
}

resource "aws_ecs_task_definition" "enterprise_app" {
  provider                 = aws.primary
  family                   = "${var.name_prefix}-enterprise-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.enterprise_app_task.arn
  execution_role_arn       = aws_iam_role.enterprise_app_exec.arn
  container_definitions = jsonencode([
    {
      name      = "enterprise-app"
      image     = var.enterprise_app_image
      essential = true
      portMappings = [
        {
          containerPort = var.app_port
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "ENTERPRISE_DB_HOST"
          value = aws_rds_cluster.enterprise_db.endpoint
        },
        {
          name  = "ENTERPRISE_DB_PORT"
          value = "5432"
        },
        {
          name  = "ENTERPRISE_REDIS_HOST"
          value = aws_elasticache_replication_group.enterprise_redis.primary_endpoint_address
        },
        {
          name  = "ENTERPRISE_REDIS_PORT"
          value = "6379"
        },
        {
          name  = "ENTERPRISE_REDIS_TLS"
          value = "true"
        },
        {
          name  = "DOCUMENTS_BUCKET"
          value = aws_s3_bucket.documents.bucket
        },
        {
          name  = "EVENTS_QUEUE_URL"
          value = aws_sqs_queue.events.url
        },
      ]
      secrets = [
        {
          name      = "ENTERPRISE_DB_USERNAME"
          valueFrom = format("%s:username::", aws_rds_cluster.enterprise_db.master_user_secret[0].secret_arn)
        },
        {
          name      = "ENTERPRISE_DB_PASSWORD"
          valueFrom = format("%s:password::", aws_rds_cluster.enterprise_db.master_user_secret[0].secret_arn)
        },
        {
          name      = "ENTERPRISE_REDIS_AUTH_TOKEN"
          valueFrom = aws_secretsmanager_secret.enterprise_redis_auth.arn
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.enterprise_app.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "enterprise-app"
        }
      }
    },
  ])
  tags = {
    Name                  = "Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
}

resource "aws_ecs_service" "enterprise_app" {
  provider                           = aws.primary
  name                               = "${var.name_prefix}-enterprise-app"
  cluster                            = aws_ecs_cluster.primary.id
  task_definition                    = aws_ecs_task_definition.enterprise_app.arn
  desired_count                      = 3
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
    subnets          = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
    security_groups  = [aws_security_group.enterprise_app.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.alb_enterprise_app.arn
    container_name   = "enterprise-app"
    container_port   = var.app_port
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.primary_private_a, aws_route_table_association.primary_private_b, aws_route_table_association.primary_private_c]
}

resource "aws_appautoscaling_target" "enterprise_app" {
  provider           = aws.primary
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.primary.name}/${aws_ecs_service.enterprise_app.name}"
  min_capacity       = 3
  max_capacity       = 9
}

resource "aws_appautoscaling_policy" "enterprise_app" {
  provider           = aws.primary
  name               = "${var.name_prefix}-enterprise-app-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.enterprise_app.service_namespace
  scalable_dimension = aws_appautoscaling_target.enterprise_app.scalable_dimension
  resource_id        = aws_appautoscaling_target.enterprise_app.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Worker pool integration-workers: 3 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "integration_workers" {
  provider          = aws.primary
  name              = "/ninesmith/${var.name_prefix}/integration-workers"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "Integration workers"
    "ninesmith:component" = "integration-workers"
  }
}

resource "aws_ecs_task_definition" "integration_workers" {
  provider                 = aws.primary
  family                   = "${var.name_prefix}-integration-workers"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.integration_workers_task.arn
  execution_role_arn       = aws_iam_role.integration_workers_exec.arn
  container_definitions = jsonencode([
    {
      name      = "integration-workers"
      image     = var.integration_workers_image
      essential = true
      environment = [
        {
          name  = "EVENTS_QUEUE_URL"
          value = aws_sqs_queue.events.url
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.integration_workers.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "integration-workers"
        }
      }
    },
  ])
  tags = {
    Name                  = "Integration workers"
    "ninesmith:component" = "integration-workers"
  }
}

resource "aws_ecs_service" "integration_workers" {
  provider                           = aws.primary
  name                               = "${var.name_prefix}-integration-workers"
  cluster                            = aws_ecs_cluster.primary.id
  task_definition                    = aws_ecs_task_definition.integration_workers.arn
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
    subnets          = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
    security_groups  = [aws_security_group.integration_workers.id]
    assign_public_ip = false
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "Integration workers"
    "ninesmith:component" = "integration-workers"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.primary_private_a, aws_route_table_association.primary_private_b, aws_route_table_association.primary_private_c]
}

resource "aws_appautoscaling_target" "integration_workers" {
  provider           = aws.primary
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.primary.name}/${aws_ecs_service.integration_workers.name}"
  min_capacity       = 3
  max_capacity       = 9
}

resource "aws_appautoscaling_policy" "integration_workers" {
  provider           = aws.primary
  name               = "${var.name_prefix}-integration-workers-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.integration_workers.service_namespace
  scalable_dimension = aws_appautoscaling_target.integration_workers.scalable_dimension
  resource_id        = aws_appautoscaling_target.integration_workers.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
