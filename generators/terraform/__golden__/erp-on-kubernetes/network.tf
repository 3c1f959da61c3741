# Region primary (eu-west-1): a VPC with a public and a private subnet in each of its zones (a, b, c).
resource "aws_vpc" "primary" {
  provider             = aws.primary
  cidr_block           = var.primary_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "erp-stack-on-kuberne primary"
  }
}

# The default security group of the VPC allows nothing: every resource here has a group of its own.
resource "aws_default_security_group" "primary" {
  provider = aws.primary
  vpc_id   = aws_vpc.primary.id
}

resource "aws_internet_gateway" "primary" {
  provider = aws.primary
  vpc_id   = aws_vpc.primary.id
  tags = {
    Name = "erp-stack-on-kuberne primary"
  }
}

resource "aws_subnet" "primary_public_a" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "eu-west-1a"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "erp-stack-on-kuberne primary public a"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "primary_private_a" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "eu-west-1a"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 8)
  map_public_ip_on_launch = false
  tags = {
    Name             = "erp-stack-on-kuberne primary private a"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "primary_public_b" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "eu-west-1b"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 1)
  map_public_ip_on_launch = false
  tags = {
    Name             = "erp-stack-on-kuberne primary public b"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "primary_private_b" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "eu-west-1b"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 9)
  map_public_ip_on_launch = false
  tags = {
    Name             = "erp-stack-on-kuberne primary private b"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "primary_public_c" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "eu-west-1c"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 2)
  map_public_ip_on_launch = false
  tags = {
    Name             = "erp-stack-on-kuberne primary public c"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "primary_private_c" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "eu-west-1c"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 10)
  map_public_ip_on_launch = false
  tags = {
    Name             = "erp-stack-on-kuberne primary private c"
    "ninesmith:tier" = "private"
  }
}

resource "aws_route_table" "primary_public" {
  provider = aws.primary
  vpc_id   = aws_vpc.primary.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.primary.id
  }
  tags = {
    Name = "erp-stack-on-kuberne primary public"
  }
}

resource "aws_route_table_association" "primary_public_a" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_public_a.id
  route_table_id = aws_route_table.primary_public.id
}

resource "aws_route_table_association" "primary_public_b" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_public_b.id
  route_table_id = aws_route_table.primary_public.id
}

resource "aws_route_table_association" "primary_public_c" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_public_c.id
  route_table_id = aws_route_table.primary_public.id
}

resource "aws_eip" "nat_a" {
  provider = aws.primary
  domain   = "vpc"
  tags = {
    Name                  = "NAT per zone a"
    "ninesmith:component" = "nat"
  }
}

resource "aws_nat_gateway" "nat_a" {
  provider      = aws.primary
  allocation_id = aws_eip.nat_a.id
  subnet_id     = aws_subnet.primary_public_a.id
  tags = {
    Name                  = "NAT per zone a"
    "ninesmith:component" = "nat"
  }
  depends_on = [aws_internet_gateway.primary]
}

resource "aws_eip" "nat_b" {
  provider = aws.primary
  domain   = "vpc"
  tags = {
    Name                  = "NAT per zone b"
    "ninesmith:component" = "nat"
  }
}

resource "aws_nat_gateway" "nat_b" {
  provider      = aws.primary
  allocation_id = aws_eip.nat_b.id
  subnet_id     = aws_subnet.primary_public_b.id
  tags = {
    Name                  = "NAT per zone b"
    "ninesmith:component" = "nat"
  }
  depends_on = [aws_internet_gateway.primary]
}

resource "aws_eip" "nat_c" {
  provider = aws.primary
  domain   = "vpc"
  tags = {
    Name                  = "NAT per zone c"
    "ninesmith:component" = "nat"
  }
}

resource "aws_nat_gateway" "nat_c" {
  provider      = aws.primary
  allocation_id = aws_eip.nat_c.id
  subnet_id     = aws_subnet.primary_public_c.id
  tags = {
    Name                  = "NAT per zone c"
    "ninesmith:component" = "nat"
  }
  depends_on = [aws_internet_gateway.primary]
}

resource "aws_route_table" "primary_private_a" {
  provider = aws.primary
  vpc_id   = aws_vpc.primary.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat_a.id
  }
  tags = {
    Name = "erp-stack-on-kuberne primary private a"
  }
}

resource "aws_route_table_association" "primary_private_a" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_private_a.id
  route_table_id = aws_route_table.primary_private_a.id
}

resource "aws_route_table" "primary_private_b" {
  provider = aws.primary
  vpc_id   = aws_vpc.primary.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat_b.id
  }
  tags = {
    Name = "erp-stack-on-kuberne primary private b"
  }
}

resource "aws_route_table_association" "primary_private_b" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_private_b.id
  route_table_id = aws_route_table.primary_private_b.id
}

resource "aws_route_table" "primary_private_c" {
  provider = aws.primary
  vpc_id   = aws_vpc.primary.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat_c.id
  }
  tags = {
    Name = "erp-stack-on-kuberne primary private c"
  }
}

resource "aws_route_table_association" "primary_private_c" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_private_c.id
  route_table_id = aws_route_table.primary_private_c.id
}

resource "aws_security_group" "nlb" {
  provider    = aws.primary
  name        = "${var.name_prefix}-nlb"
  description = "Component nlb: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Network load balancer"
    "ninesmith:component" = "nlb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "nlb_internet_443" {
  provider          = aws.primary
  security_group_id = aws_security_group.nlb.id
  description       = "HTTPS from the internet"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "nlb_internet_80" {
  provider          = aws.primary
  security_group_id = aws_security_group.nlb.id
  description       = "HTTP from the internet (redirected to HTTPS)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "nlb" {
  provider          = aws.primary
  security_group_id = aws_security_group.nlb.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_ingress_rule" "traefik_from_nlb" {
  provider                     = aws.primary
  security_group_id            = aws_eks_cluster.primary.vpc_config[0].cluster_security_group_id
  description                  = "From nlb to traefik on the cluster's nodes"
  referenced_security_group_id = aws_security_group.nlb.id
  ip_protocol                  = "tcp"
  from_port                    = 30080
  to_port                      = 30080
}
