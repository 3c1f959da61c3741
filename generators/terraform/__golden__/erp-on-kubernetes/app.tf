# Kubernetes in region primary: runs traefik, erp-app, erp-workers, postgres, redis. Workloads come from the Helm values in ../helm.
resource "aws_eks_cluster" "primary" {
  provider                  = aws.primary
  name                      = "${var.name_prefix}-primary"
  role_arn                  = var.eks_cluster_role_arn
  version                   = var.primary_kubernetes_version
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
  vpc_config {
    subnet_ids = [aws_subnet.primary_private_a.id, aws_subnet.primary_private_b.id, aws_subnet.primary_private_c.id]
    # The Helm step reaches the API from these addresses (your CI runners, VPN); turn the public endpoint off to reach it only from inside the VPC.
    endpoint_private_access = true
    endpoint_public_access  = var.eks_public_endpoint
    public_access_cidrs     = var.eks_public_access_cidrs
  }
  access_config {
    authentication_mode = "API"
    # Administrators are the access entries below, not whoever ran the first apply.
    bootstrap_cluster_creator_admin_permissions = false
  }
  tags = {
    Name = "erp-stack-on-kuberne primary"
  }
  lifecycle {
    # Deletion protection of the cluster: the provider argument needs provider 6, so Terraform guards it here.
    prevent_destroy = true
  }
}

resource "aws_eks_access_entry" "primary_admin" {
  provider      = aws.primary
  cluster_name  = aws_eks_cluster.primary.name
  principal_arn = var.eks_admin_principal_arn
  type          = "STANDARD"
}

resource "aws_eks_access_policy_association" "primary_admin" {
  provider      = aws.primary
  cluster_name  = aws_eks_cluster.primary.name
  principal_arn = aws_eks_access_entry.primary_admin.principal_arn
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  access_scope {
    type = "cluster"
  }
}

# IAM roles for service accounts: pods assume the roles below through the cluster's OIDC issuer.
resource "aws_iam_openid_connect_provider" "primary" {
  provider       = aws.primary
  url            = aws_eks_cluster.primary.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
  tags = {
    Name = "erp-stack-on-kuberne primary oidc"
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
  # Nodes join once their subnets reach the internet (NAT) or the AWS endpoints (EC2, ECR, STS) they need.
  depends_on = [aws_route_table_association.primary_private_a, aws_route_table_association.primary_private_b, aws_route_table_association.primary_private_c]
}

resource "aws_eks_addon" "primary_ebs_csi" {
  provider                 = aws.primary
  cluster_name             = aws_eks_cluster.primary.name
  addon_name               = "aws-ebs-csi-driver"
  service_account_role_arn = aws_iam_role.primary_ebs_csi.arn
  depends_on               = [aws_eks_node_group.primary]
}

# Load balancer nlb: network (TLS terminated here), internet-facing, in zones a, b, c.
resource "aws_lb" "nlb" {
  provider                   = aws.primary
  name                       = "${var.name_prefix}-nlb"
  load_balancer_type         = "network"
  internal                   = false
  subnets                    = [aws_subnet.primary_public_a.id, aws_subnet.primary_public_b.id, aws_subnet.primary_public_c.id]
  security_groups            = [aws_security_group.nlb.id]
  enable_deletion_protection = true
  # Zonal shift on a network load balancer needs cross-zone load balancing off: each zone serves its own targets.
  enable_cross_zone_load_balancing = false
  # The zone-loss runbook shifts traffic away from a failing zone (ARC zonal shift), which must be enabled here.
  enable_zonal_shift = true
  tags = {
    Name                  = "Network load balancer"
    "ninesmith:component" = "nlb"
  }
}

resource "aws_lb_target_group" "nlb_traefik" {
  provider             = aws.primary
  name                 = "${var.name_prefix}-nlb-traefik"
  vpc_id               = aws_vpc.primary.id
  target_type          = "instance"
  port                 = 30080
  protocol             = "TCP"
  deregistration_delay = 30
  health_check {
    enabled             = true
    protocol            = "HTTP"
    path                = "/ping"
    port                = "traffic-port"
    matcher             = "200-399"
    interval            = 10
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }
  tags = {
    Name                  = "Network load balancer to Traefik"
    "ninesmith:component" = "traefik"
  }
}

# The nodes of the cluster are the targets: Traefik's Service publishes its web entrypoint on port 30080 of each node (helm/platform/traefik).
resource "aws_autoscaling_attachment" "nlb_traefik" {
  provider               = aws.primary
  autoscaling_group_name = aws_eks_node_group.primary.resources[0].autoscaling_groups[0].name
  lb_target_group_arn    = aws_lb_target_group.nlb_traefik.arn
}

resource "aws_lb_listener" "nlb_tls" {
  provider          = aws.primary
  load_balancer_arn = aws_lb.nlb.arn
  # TLS ends here with the ACM certificate for the platform's domain; targets receive plain TCP.
  port            = 443
  protocol        = "TLS"
  ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn = var.primary_certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.nlb_traefik.arn
  }
}
