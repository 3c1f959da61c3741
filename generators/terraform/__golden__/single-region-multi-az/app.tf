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

resource "aws_lb_target_group" "alb_reports" {
  provider             = aws.primary
  name                 = "${var.name_prefix}-alb-reports"
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
    Name                  = "Public ALB to Reporting service"
    "ninesmith:component" = "reports"
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
  # Also behind this load balancer: reports. Add listener rules (host or path) to route to them.
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
    Name = "client-portal-single primary"
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
          name  = "DB_HOST"
          value = aws_db_instance.db.address
        },
        {
          name  = "DB_PORT"
          value = "5432"
        },
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
        {
          name  = "JOBS_QUEUE_URL"
          value = aws_sqs_queue.jobs.url
        },
        {
          name  = "ERP_OUTBOX_QUEUE_URL"
          value = aws_sqs_queue.erp_outbox.url
        },
      ]
      secrets = [
        {
          name      = "DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.db_master.arn)
        },
        {
          name      = "DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.db_master.arn)
        },
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

# App service reports: 2 task(s) on Fargate across zones a, b, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "reports" {
  provider          = aws.primary
  name              = "/ninesmith/${var.name_prefix}/reports"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "Reporting service"
    "ninesmith:component" = "reports"
  }
}

resource "aws_ecs_task_definition" "reports" {
  provider                 = aws.primary
  family                   = "${var.name_prefix}-reports"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.reports_task.arn
  execution_role_arn       = aws_iam_role.reports_exec.arn
  container_definitions = jsonencode([
    {
      name      = "reports"
      image     = var.reports_image
      essential = true
      portMappings = [
        {
          containerPort = var.app_port
          protocol      = "tcp"
        },
      ]
      environment = [
        {
          name  = "DB_HOST"
          value = aws_db_instance.db.address
        },
        {
          name  = "DB_PORT"
          value = "5432"
        },
      ]
      secrets = [
        {
          name      = "DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.db_master.arn)
        },
        {
          name      = "DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.db_master.arn)
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.reports.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "reports"
        }
      }
    },
  ])
  tags = {
    Name                  = "Reporting service"
    "ninesmith:component" = "reports"
  }
}

resource "aws_ecs_service" "reports" {
  provider                           = aws.primary
  name                               = "${var.name_prefix}-reports"
  cluster                            = aws_ecs_cluster.primary.id
  task_definition                    = aws_ecs_task_definition.reports.arn
  desired_count                      = 2
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
    subnets          = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id]
    security_groups  = [aws_security_group.reports.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.alb_reports.arn
    container_name   = "reports"
    container_port   = var.app_port
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "Reporting service"
    "ninesmith:component" = "reports"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.primary_private_a, aws_route_table_association.primary_private_b, aws_route_table_association.primary_private_c]
}

resource "aws_appautoscaling_target" "reports" {
  provider           = aws.primary
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.primary.name}/${aws_ecs_service.reports.name}"
  min_capacity       = 2
  max_capacity       = 6
}

resource "aws_appautoscaling_policy" "reports" {
  provider           = aws.primary
  name               = "${var.name_prefix}-reports-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.reports.service_namespace
  scalable_dimension = aws_appautoscaling_target.reports.scalable_dimension
  resource_id        = aws_appautoscaling_target.reports.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Worker pool workers: 3 task(s) on Fargate across zones a, b, c, with the endpoints and credentials of what it connects to.
resource "aws_cloudwatch_log_group" "workers" {
  provider          = aws.primary
  name              = "/ninesmith/${var.name_prefix}/workers"
  retention_in_days = var.log_retention_days
  tags = {
    Name                  = "Background workers"
    "ninesmith:component" = "workers"
  }
}

resource "aws_ecs_task_definition" "workers" {
  provider                 = aws.primary
  family                   = "${var.name_prefix}-workers"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.workers_task.arn
  execution_role_arn       = aws_iam_role.workers_exec.arn
  container_definitions = jsonencode([
    {
      name      = "workers"
      image     = var.workers_image
      essential = true
      environment = [
        {
          name  = "DB_HOST"
          value = aws_db_instance.db.address
        },
        {
          name  = "DB_PORT"
          value = "5432"
        },
        {
          name  = "DOCUMENTS_BUCKET"
          value = aws_s3_bucket.documents.bucket
        },
        {
          name  = "JOBS_QUEUE_URL"
          value = aws_sqs_queue.jobs.url
        },
        {
          name  = "ERP_OUTBOX_QUEUE_URL"
          value = aws_sqs_queue.erp_outbox.url
        },
      ]
      secrets = [
        {
          name      = "DB_USERNAME"
          valueFrom = format("%s:username::", aws_secretsmanager_secret.db_master.arn)
        },
        {
          name      = "DB_PASSWORD"
          valueFrom = format("%s:password::", aws_secretsmanager_secret.db_master.arn)
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.workers.name
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "workers"
        }
      }
    },
  ])
  tags = {
    Name                  = "Background workers"
    "ninesmith:component" = "workers"
  }
}

resource "aws_ecs_service" "workers" {
  provider                           = aws.primary
  name                               = "${var.name_prefix}-workers"
  cluster                            = aws_ecs_cluster.primary.id
  task_definition                    = aws_ecs_task_definition.workers.arn
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
    security_groups  = [aws_security_group.workers.id]
    assign_public_ip = false
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
  tags = {
    Name                  = "Background workers"
    "ninesmith:component" = "workers"
  }
  # Tasks start once their subnets reach the internet (NAT) or the AWS endpoints they pull from.
  depends_on = [aws_route_table_association.primary_private_a, aws_route_table_association.primary_private_b, aws_route_table_association.primary_private_c]
}

resource "aws_appautoscaling_target" "workers" {
  provider           = aws.primary
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.primary.name}/${aws_ecs_service.workers.name}"
  min_capacity       = 3
  max_capacity       = 12
}

resource "aws_appautoscaling_policy" "workers" {
  provider           = aws.primary
  name               = "${var.name_prefix}-workers-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.workers.service_namespace
  scalable_dimension = aws_appautoscaling_target.workers.scalable_dimension
  resource_id        = aws_appautoscaling_target.workers.resource_id
  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling_cpu_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
