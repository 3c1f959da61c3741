# Load balancer alb: application (HTTPS), internet-facing, in zones a.
resource "aws_lb" "alb" {
  provider           = aws.primary
  name               = "${var.name_prefix}-alb"
  load_balancer_type = "application"
  internal           = false
  # The design places this load balancer in one zone; AWS requires subnets in two, so it gets a second.
  subnets                          = [aws_subnet.primary_public_a.id, aws_subnet.primary_public_b.id]
  security_groups                  = [aws_security_group.alb.id]
  enable_deletion_protection       = true
  drop_invalid_header_fields       = true
  enable_cross_zone_load_balancing = true
  # The zone-loss runbook shifts traffic away from a failing zone (ARC zonal shift), which must be enabled here.
  enable_zonal_shift = true
  tags = {
    Name                  = "Load balancer"
    "ninesmith:component" = "alb"
  }
}

resource "aws_lb_target_group" "alb_web" {
  provider             = aws.primary
  name                 = "${var.name_prefix}-alb-web"
  vpc_id               = aws_vpc.primary.id
  target_type          = "instance"
  port                 = var.app_port
  protocol             = "HTTP"
  deregistration_delay = 30
  # The design turns health checks off here; AWS always checks target health, so these settings still apply. Review them.
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
    Name                  = "Load balancer to Web server"
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
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.alb_web.arn
  }
}

resource "aws_lb_listener" "alb_http" {
  provider          = aws.primary
  load_balancer_arn = aws_lb.alb.arn
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

# App service web: 1 m5.large instance(s) in an Auto Scaling group across zones a.
resource "aws_launch_template" "web" {
  provider               = aws.primary
  name_prefix            = "${var.name_prefix}-web-"
  image_id               = var.web_ami_id
  instance_type          = "m5.large"
  vpc_security_group_ids = [aws_security_group.web.id]
  update_default_version = true
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
  monitoring {
    enabled = true
  }
  tags = {
    Name                  = "Web server"
    "ninesmith:component" = "web"
  }
}

resource "aws_autoscaling_group" "web" {
  provider                  = aws.primary
  name_prefix               = "${var.name_prefix}-web-"
  min_size                  = 1
  max_size                  = 1
  desired_capacity          = 1
  vpc_zone_identifier       = [aws_subnet.primary_private_a.id]
  target_group_arns         = [aws_lb_target_group.alb_web.arn]
  health_check_type         = "EC2"
  health_check_grace_period = 120
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 90
    }
  }
  tag {
    key                 = "ninesmith:component"
    value               = "web"
    propagate_at_launch = true
  }
}
