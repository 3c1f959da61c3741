# Region primary (us-east-1): a VPC with a public and a private subnet in each of its zones (a, b, c).
resource "aws_vpc" "primary" {
  provider             = aws.primary
  cidr_block           = var.primary_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "shared-platform-with primary"
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
    Name = "shared-platform-with primary"
  }
}

resource "aws_subnet" "primary_public_a" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1a"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "shared-platform-with primary public a"
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
    Name             = "shared-platform-with primary private a"
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
    Name             = "shared-platform-with primary public b"
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
    Name             = "shared-platform-with primary private b"
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
    Name             = "shared-platform-with primary public c"
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
    Name             = "shared-platform-with primary private c"
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
    Name = "shared-platform-with primary public"
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
    Name = "shared-platform-with primary private a"
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
    Name = "shared-platform-with primary private b"
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
    Name = "shared-platform-with primary private c"
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
    Name                  = "Cell router ALB"
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

resource "aws_security_group" "shared_app" {
  provider    = aws.primary
  name        = "${var.name_prefix}-shared-app"
  description = "Component shared-app: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Shared cell app"
    "ninesmith:component" = "shared-app"
  }
}

resource "aws_vpc_security_group_ingress_rule" "shared_app_from_alb" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.shared_app.id
  description                  = "From alb"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

resource "aws_vpc_security_group_egress_rule" "shared_app" {
  provider          = aws.primary
  security_group_id = aws_security_group.shared_app.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "enterprise_app" {
  provider    = aws.primary
  name        = "${var.name_prefix}-enterprise-app"
  description = "Component enterprise-app: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Enterprise cell app"
    "ninesmith:component" = "enterprise-app"
  }
}

resource "aws_vpc_security_group_ingress_rule" "enterprise_app_from_alb" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.enterprise_app.id
  description                  = "From alb"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

resource "aws_vpc_security_group_egress_rule" "enterprise_app" {
  provider          = aws.primary
  security_group_id = aws_security_group.enterprise_app.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "integration_workers" {
  provider    = aws.primary
  name        = "${var.name_prefix}-integration-workers"
  description = "Component integration-workers: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Integration workers"
    "ninesmith:component" = "integration-workers"
  }
}

resource "aws_vpc_security_group_egress_rule" "integration_workers" {
  provider          = aws.primary
  security_group_id = aws_security_group.integration_workers.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "shared_db" {
  provider    = aws.primary
  name        = "${var.name_prefix}-shared-db"
  description = "Component shared-db: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Shared cell PostgreSQL"
    "ninesmith:component" = "shared-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "shared_db_from_shared_app" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.shared_db.id
  description                  = "From shared-app"
  referenced_security_group_id = aws_security_group.shared_app.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "shared_db" {
  provider          = aws.primary
  security_group_id = aws_security_group.shared_db.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "enterprise_db" {
  provider    = aws.primary
  name        = "${var.name_prefix}-enterprise-db"
  description = "Component enterprise-db: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Enterprise cell PostgreSQL"
    "ninesmith:component" = "enterprise-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "enterprise_db_from_enterprise_app" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.enterprise_db.id
  description                  = "From enterprise-app"
  referenced_security_group_id = aws_security_group.enterprise_app.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "enterprise_db" {
  provider          = aws.primary
  security_group_id = aws_security_group.enterprise_db.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "shared_redis" {
  provider    = aws.primary
  name        = "${var.name_prefix}-shared-redis"
  description = "Component shared-redis: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Shared cell Redis"
    "ninesmith:component" = "shared-redis"
  }
}

resource "aws_vpc_security_group_ingress_rule" "shared_redis_from_shared_app" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.shared_redis.id
  description                  = "From shared-app"
  referenced_security_group_id = aws_security_group.shared_app.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_vpc_security_group_egress_rule" "shared_redis" {
  provider          = aws.primary
  security_group_id = aws_security_group.shared_redis.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "enterprise_redis" {
  provider    = aws.primary
  name        = "${var.name_prefix}-enterprise-redis"
  description = "Component enterprise-redis: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Enterprise cell Redis"
    "ninesmith:component" = "enterprise-redis"
  }
}

resource "aws_vpc_security_group_ingress_rule" "enterprise_redis_from_enterprise_app" {
  provider                     = aws.primary
  security_group_id            = aws_security_group.enterprise_redis.id
  description                  = "From enterprise-app"
  referenced_security_group_id = aws_security_group.enterprise_app.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_vpc_security_group_egress_rule" "enterprise_redis" {
  provider          = aws.primary
  security_group_id = aws_security_group.enterprise_redis.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
