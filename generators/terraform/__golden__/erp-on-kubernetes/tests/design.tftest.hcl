# What design erp-stack-on-kuberne promises, checked on the plan: terraform init -backend=false && terraform test
# The AWS providers are mocked: nothing is created and no credentials are needed (Terraform 1.7 or later).
mock_provider "aws" {}
mock_provider "aws" {
  alias = "primary"
}
mock_provider "aws" {
  alias = "global"
}

variables {
  domain_name             = "app.example.com"
  eks_admin_principal_arn = "arn:aws:iam::123456789012:role/platform-admin"
  eks_cluster_role_arn    = "arn:aws:iam::123456789012:role/eks-cluster"
  eks_node_role_arn       = "arn:aws:iam::123456789012:role/eks-node"
  eks_public_access_cidrs = ["203.0.113.0/24"]
  primary_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000"
  route53_zone_id         = "Z0123456789ABCDEFGHIJ"
}

run "design_promises" {
  command = plan

  # subnets in every zone
  assert {
    condition     = aws_subnet.primary_public_a.availability_zone == "eu-west-1a"
    error_message = "Region primary: a public subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_private_a.availability_zone == "eu-west-1a"
    error_message = "Region primary: a private subnet in zone a, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_public_b.availability_zone == "eu-west-1b"
    error_message = "Region primary: a public subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_private_b.availability_zone == "eu-west-1b"
    error_message = "Region primary: a private subnet in zone b, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_public_c.availability_zone == "eu-west-1c"
    error_message = "Region primary: a public subnet in zone c, as the design places components there."
  }
  assert {
    condition     = aws_subnet.primary_private_c.availability_zone == "eu-west-1c"
    error_message = "Region primary: a private subnet in zone c, as the design places components there."
  }

  # kubernetes can be administered
  assert {
    condition     = aws_eks_cluster.primary.access_config[0].authentication_mode == "API" && aws_eks_access_policy_association.primary_admin.policy_arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
    error_message = "The cluster in primary has an administrator who can run the Helm step."
  }

  # kubernetes has volumes
  assert {
    condition     = aws_eks_addon.primary_ebs_csi.addon_name == "aws-ebs-csi-driver"
    error_message = "The cluster in primary can create the volumes its databases and caches claim."
  }

  # zonal shift enabled
  assert {
    condition     = aws_lb.nlb.enable_zonal_shift == true
    error_message = "nlb: the zone-loss runbook starts a zonal shift on this load balancer."
  }
}
