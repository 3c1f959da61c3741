# Kubernetes in region primary: runs traefik, erp-app, erp-workers, postgres, redis. Workloads come from the Helm values in ../helm.
resource "aws_eks_cluster" "primary" {
  provider                  = aws.primary
  name                      = "${var.name_prefix}-primary"
  role_arn                  = var.eks_cluster_role_arn
  version                   = var.primary_kubernetes_version
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
  deletion_protection       = true
  vpc_config {
    subnet_ids              = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
    endpoint_private_access = true
    endpoint_public_access  = var.eks_public_endpoint
  }
  access_config {
    authentication_mode = "API"
  }
  tags = {
    Name = "erp-stack-on-kuberne primary"
  }
}

resource "aws_eks_node_group" "primary" {
  provider        = aws.primary
  cluster_name    = aws_eks_cluster.primary.name
  node_group_name = "${var.name_prefix}-primary-nodes"
  node_role_arn   = var.eks_node_role_arn
  subnet_ids      = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
  instance_types  = var.primary_node_instance_types
  scaling_config {
    min_size     = 3
    desired_size = var.primary_node_count
    max_size     = var.primary_node_max
  }
  update_config {
    max_unavailable = 1
  }
  tags = {
    Name = "erp-stack-on-kuberne primary nodes"
  }
}

# Load balancer nlb: network (TCP), internet-facing, in zones a, b, c.
resource "aws_lb" "nlb" {
  provider                         = aws.primary
  name                             = substr("${var.name_prefix}-nlb", 0, 32)
  load_balancer_type               = "network"
  internal                         = false
  subnets                          = [aws_subnet.primary_public_a.id, aws_subnet.primary_public_b.id, aws_subnet.primary_public_c.id]
  security_groups                  = [aws_security_group.nlb.id]
  enable_deletion_protection       = true
  enable_cross_zone_load_balancing = true
  tags = {
    Name                  = "Network load balancer"
    "ninesmith:component" = "nlb"
  }
}

resource "aws_lb_target_group" "nlb_traefik" {
  provider             = aws.primary
  name                 = substr("${var.name_prefix}-traefik", 0, 32)
  vpc_id               = aws_vpc.primary.id
  target_type          = "ip"
  port                 = 8443
  protocol             = "TCP"
  deregistration_delay = 30
  health_check {
    enabled             = true
    protocol            = "TCP"
    healthy_threshold   = 2
    unhealthy_threshold = 2
    interval            = 10
  }
  tags = {
    Name                  = "Network load balancer to Traefik"
    "ninesmith:component" = "traefik"
  }
}

resource "aws_lb_listener" "nlb_tcp" {
  provider          = aws.primary
  load_balancer_arn = aws_lb.nlb.arn
  port              = 443
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.nlb_traefik.arn
  }
}
