# Region primary (us-east-1): a VPC with a public and a private subnet in each of its zones (a, b, c).
resource "aws_vpc" "primary" {
  provider             = aws.primary
  cidr_block           = var.primary_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "client-portal-single primary"
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
    Name = "client-portal-single primary"
  }
}

resource "aws_subnet" "primary_public_a" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1a"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-single primary public a"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "primary_private_a" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1a"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 8)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-single primary private a"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "primary_public_b" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1b"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 1)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-single primary public b"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "primary_private_b" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1b"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 9)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-single primary private b"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "primary_public_c" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1c"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 2)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-single primary public c"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "primary_private_c" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1c"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 10)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-single primary private c"
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
    Name = "client-portal-single primary public"
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
    Name = "client-portal-single primary private a"
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
    Name = "client-portal-single primary private b"
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
    Name = "client-portal-single primary private c"
  }
}

resource "aws_route_table_association" "primary_private_c" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_private_c.id
  route_table_id = aws_route_table.primary_private_c.id
}

data "aws_ec2_managed_prefix_list" "primary_cloudfront" {
  provider = aws.primary
  name     = "com.amazonaws.global.cloudfront.origin-facing"
}

resource "aws_security_group" "alb" {
  provider    = aws.primary
  name        = "${var.name_prefix}-alb"
  description = "Component alb: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Public ALB"
    "ninesmith:component" = "alb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_from_cloudfront" {
  provider          = aws.primary
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from CloudFront only (its origin-facing prefix list)"
  prefix_list_id    = data.aws_ec2_managed_prefix_list.primary_cloudfront.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "alb" {
  provider          = aws.primary
  security_group_id = aws_security_group.alb.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "web" {
  provider    = aws.primary
  name        = "${var.name_prefix}-web"
  description = "Component web: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Web and API"
    "ninesmith:component" = "web"
  }
}

resource "aws_vpc_security_group_ingress_rule" "web_from_alb" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.web.id
  description                  = "From alb"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

resource "aws_vpc_security_group_egress_rule" "web" {
  provider          = aws.primary
  security_group_id = aws_security_group.web.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "reports" {
  provider    = aws.primary
  name        = "${var.name_prefix}-reports"
  description = "Component reports: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Reporting service"
    "ninesmith:component" = "reports"
  }
}

resource "aws_vpc_security_group_ingress_rule" "reports_from_alb" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.reports.id
  description                  = "From alb"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

resource "aws_vpc_security_group_egress_rule" "reports" {
  provider          = aws.primary
  security_group_id = aws_security_group.reports.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "workers" {
  provider    = aws.primary
  name        = "${var.name_prefix}-workers"
  description = "Component workers: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Background workers"
    "ninesmith:component" = "workers"
  }
}

resource "aws_vpc_security_group_egress_rule" "workers" {
  provider          = aws.primary
  security_group_id = aws_security_group.workers.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "db" {
  provider    = aws.primary
  name        = "${var.name_prefix}-db"
  description = "Component db: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "PostgreSQL"
    "ninesmith:component" = "db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "db_from_web" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.db.id
  description                  = "From web"
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_ingress_rule" "db_from_reports" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.db.id
  description                  = "From reports"
  referenced_security_group_id = aws_security_group.reports.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_ingress_rule" "db_from_workers" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.db.id
  description                  = "From workers"
  referenced_security_group_id = aws_security_group.workers.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "db" {
  provider          = aws.primary
  security_group_id = aws_security_group.db.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "redis" {
  provider    = aws.primary
  name        = "${var.name_prefix}-redis"
  description = "Component redis: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Redis sessions"
    "ninesmith:component" = "redis"
  }
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_web" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.redis.id
  description                  = "From web"
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_vpc_security_group_egress_rule" "redis" {
  provider          = aws.primary
  security_group_id = aws_security_group.redis.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
