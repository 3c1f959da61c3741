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
    Name                  = "Public ALB"
    "ninesmith:component" = "alb"
  }
}

resource "aws_lb_target_group" "alb_web" {
  provider             = aws.primary
  name                 = "${var.name_prefix}-alb-web"
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
    Name                  = "Public ALB to Web and API"
    "ninesmith:component" = "web"
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
}

resource "aws_lb_listener_rule" "alb_from_cdn" {
  provider     = aws.primary
  listener_arn = aws_lb_listener.alb_https.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.alb_web.arn
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
    Name = "client-portal-event primary"
  }
}

# App service web: 6 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "web" {
  provider          = aws.primary
  name              = "/ninesmith/${var.name_prefix}/web"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "Web and API"
    "ninesmith:component" = "web"
  }
}

resource "aws_ecs_task_definition" "web" {
  provider                 = aws.primary
  family                   = "${var.name_prefix}-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.web_task.arn
  execution_role_arn       = aws_iam_role.web_exec.arn
  container_definitions = jsonencode([
    {
      name      = "web"
      image     = var.web_image
      essential = true
      portMappings = [
        {
          containerPort = var.app_port
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "REDIS_HOST"
          value = aws_elasticache_replication_group.redis.primary_endpoint_address
        },
        {
          name  = "REDIS_PORT"
          value = "6379"
        },
        {
          name  = "REDIS_TLS"
          value = "true"
        },
        {
          name  = "DOCUMENTS_BUCKET"
          value = aws_s3_bucket.documents.bucket
        },
      ]
      secrets = [
        {
          name      = "REDIS_AUTH_TOKEN"
          valueFrom = aws_secretsmanager_secret.redis_auth.arn
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.web.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "web"
        }
      }
    },
  ])
  tags = {
    Name                  = "Web and API"
    "ninesmith:component" = "web"
  }
}

resource "aws_ecs_service" "web" {
  provider                           = aws.primary
  name                               = "${var.name_prefix}-web"
  cluster                            = aws_ecs_cluster.primary.id
  task_definition                    = aws_ecs_task_definition.web.arn
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
    security_groups  = [aws_security_group.web.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.alb_web.arn
    container_name   = "web"
    container_port   = var.app_port
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "Web and API"
    "ninesmith:component" = "web"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.primary_private_a, aws_route_table_association.primary_private_b, aws_route_table_association.primary_private_c]
}

resource "aws_appautoscaling_target" "web" {
  provider           = aws.primary
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.primary.name}/${aws_ecs_service.web.name}"
  min_capacity       = 6
  max_capacity       = 18
}

resource "aws_appautoscaling_policy" "web" {
  provider           = aws.primary
  name               = "${var.name_prefix}-web-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.web.service_namespace
  scalable_dimension = aws_appautoscaling_target.web.scalable_dimension
  resource_id        = aws_appautoscaling_target.web.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Load balancer dr-alb: application (HTTPS), reachable only from CloudFront, in zones a, b, c.
resource "aws_lb" "dr_alb" {
  provider                         = aws.dr
  name                             = "${var.name_prefix}-dr-alb"
  load_balancer_type               = "application"
  internal                         = false
  subnets                          = [aws_subnet.dr_public_a.id, aws_subnet.dr_public_b.id, aws_subnet.dr_public_c.id]
  security_groups                  = [aws_security_group.dr_alb.id]
  enable_deletion_protection       = true
  drop_invalid_header_fields       = true
  enable_cross_zone_load_balancing = true
  # The zone-loss runbook shifts traffic away from a failing zone (ARC zonal shift), which must be enabled here.
  enable_zonal_shift = true
  tags = {
    Name                  = "Standby ALB"
    "ninesmith:component" = "dr-alb"
  }
}

resource "aws_lb_target_group" "dr_alb_dr_web" {
  provider             = aws.dr
  name                 = "${var.name_prefix}-dr-alb-dr-web"
  vpc_id               = aws_vpc.dr.id
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
    Name                  = "Standby ALB to Standby web and API"
    "ninesmith:component" = "dr-web"
  }
}

resource "aws_lb_listener" "dr_alb_https" {
  provider          = aws.dr
  load_balancer_arn = aws_lb.dr_alb.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.dr_certificate_arn
  # Only requests from CloudFront carry the X-Origin-Verify secret; anything else gets 403, so the CDN's WAF cannot be bypassed.
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "403"
      message_body = "Forbidden"
    }
  }
}

resource "aws_lb_listener_rule" "dr_alb_from_cdn" {
  provider     = aws.dr
  listener_arn = aws_lb_listener.dr_alb_https.arn
  priority     = 1
  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.dr_alb_dr_web.arn
  }
  condition {
    http_header {
      http_header_name = "X-Origin-Verify"
      values           = [aws_secretsmanager_secret_version.cdn_origin.secret_string]
    }
  }
}

resource "aws_ecs_cluster" "dr" {
  provider = aws.dr
  name     = "${var.name_prefix}-dr"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = {
    Name = "client-portal-event dr"
  }
}

# App service dr-web: 3 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "dr_web" {
  provider          = aws.dr
  name              = "/ninesmith/${var.name_prefix}/dr-web"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "Standby web and API"
    "ninesmith:component" = "dr-web"
  }
}

resource "aws_ecs_task_definition" "dr_web" {
  provider                 = aws.dr
  family                   = "${var.name_prefix}-dr-web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.dr_web_task.arn
  execution_role_arn       = aws_iam_role.dr_web_exec.arn
  container_definitions = jsonencode([
    {
      name      = "dr-web"
      image     = var.dr_web_image
      essential = true
      portMappings = [
        {
          containerPort = var.app_port
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "DR_REDIS_HOST"
          value = aws_elasticache_replication_group.dr_redis.primary_endpoint_address
        },
        {
          name  = "DR_REDIS_PORT"
          value = "6379"
        },
        {
          name  = "DR_REDIS_TLS"
          value = "true"
        },
        {
          name  = "DR_DOCUMENTS_BUCKET"
          value = aws_s3_bucket.dr_documents.bucket
        },
      ]
      secrets = [
        {
          name      = "DR_REDIS_AUTH_TOKEN"
          valueFrom = replace(aws_secretsmanager_secret.redis_auth.arn, ":us-east-1:", ":us-west-2:")
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.dr_web.name
          awslogs-region        = "us-west-2"
          awslogs-stream-prefix = "dr-web"
        }
      }
    },
  ])
  tags = {
    Name                  = "Standby web and API"
    "ninesmith:component" = "dr-web"
  }
}

resource "aws_ecs_service" "dr_web" {
  provider                           = aws.dr
  name                               = "${var.name_prefix}-dr-web"
  cluster                            = aws_ecs_cluster.dr.id
  task_definition                    = aws_ecs_task_definition.dr_web.arn
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
    subnets          = [aws_subnet.dr_private_a.id, aws_subnet.dr_private_b.id, aws_subnet.dr_private_c.id]
    security_groups  = [aws_security_group.dr_web.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.dr_alb_dr_web.arn
    container_name   = "dr-web"
    container_port   = var.app_port
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "Standby web and API"
    "ninesmith:component" = "dr-web"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.dr_private_a, aws_route_table_association.dr_private_b, aws_route_table_association.dr_private_c]
}

resource "aws_appautoscaling_target" "dr_web" {
  provider           = aws.dr
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.dr.name}/${aws_ecs_service.dr_web.name}"
  min_capacity       = 3
  max_capacity       = 18
}

resource "aws_appautoscaling_policy" "dr_web" {
  provider           = aws.dr
  name               = "${var.name_prefix}-dr-web-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.dr_web.service_namespace
  scalable_dimension = aws_appautoscaling_target.dr_web.scalable_dimension
  resource_id        = aws_appautoscaling_target.dr_web.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
