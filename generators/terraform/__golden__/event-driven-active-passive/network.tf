# Region primary (us-east-1): a VPC with a public and a private subnet in each of its zones (a, b, c).
resource "aws_vpc" "primary" {
  provider             = aws.primary
  cidr_block           = var.primary_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "client-portal-event primary"
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
    Name = "client-portal-event primary"
  }
}

resource "aws_subnet" "primary_public_a" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1a"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-event primary public a"
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
    Name             = "client-portal-event primary private a"
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
    Name             = "client-portal-event primary public b"
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
    Name             = "client-portal-event primary private b"
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
    Name             = "client-portal-event primary public c"
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
    Name             = "client-portal-event primary private c"
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
    Name = "client-portal-event primary public"
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
    Name = "client-portal-event primary private a"
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
    Name = "client-portal-event primary private b"
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
    Name = "client-portal-event primary private c"
  }
}

resource "aws_route_table_association" "primary_private_c" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_private_c.id
  route_table_id = aws_route_table.primary_private_c.id
}

# Region dr (us-west-2): a VPC with a public and a private subnet in each of its zones (a, b, c).
resource "aws_vpc" "dr" {
  provider             = aws.dr
  cidr_block           = var.dr_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "client-portal-event dr"
  }
}

# The default security group of the VPC allows nothing: every resource here has a group of its own.
resource "aws_default_security_group" "dr" {
  provider = aws.dr
  vpc_id   = aws_vpc.dr.id
}

resource "aws_internet_gateway" "dr" {
  provider = aws.dr
  vpc_id   = aws_vpc.dr.id
  tags = {
    Name = "client-portal-event dr"
  }
}

resource "aws_subnet" "dr_public_a" {
  provider                = aws.dr
  vpc_id                  = aws_vpc.dr.id
  availability_zone       = "us-west-2a"
  cidr_block              = cidrsubnet(var.dr_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-event dr public a"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "dr_private_a" {
  provider                = aws.dr
  vpc_id                  = aws_vpc.dr.id
  availability_zone       = "us-west-2a"
  cidr_block              = cidrsubnet(var.dr_vpc_cidr, 4, 8)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-event dr private a"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "dr_public_b" {
  provider                = aws.dr
  vpc_id                  = aws_vpc.dr.id
  availability_zone       = "us-west-2b"
  cidr_block              = cidrsubnet(var.dr_vpc_cidr, 4, 1)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-event dr public b"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "dr_private_b" {
  provider                = aws.dr
  vpc_id                  = aws_vpc.dr.id
  availability_zone       = "us-west-2b"
  cidr_block              = cidrsubnet(var.dr_vpc_cidr, 4, 9)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-event dr private b"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "dr_public_c" {
  provider                = aws.dr
  vpc_id                  = aws_vpc.dr.id
  availability_zone       = "us-west-2c"
  cidr_block              = cidrsubnet(var.dr_vpc_cidr, 4, 2)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-event dr public c"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "dr_private_c" {
  provider                = aws.dr
  vpc_id                  = aws_vpc.dr.id
  availability_zone       = "us-west-2c"
  cidr_block              = cidrsubnet(var.dr_vpc_cidr, 4, 10)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-event dr private c"
    "ninesmith:tier" = "private"
  }
}

resource "aws_route_table" "dr_public" {
  provider = aws.dr
  vpc_id   = aws_vpc.dr.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.dr.id
  }
  tags = {
    Name = "client-portal-event dr public"
  }
}

resource "aws_route_table_association" "dr_public_a" {
  provider       = aws.dr
  subnet_id      = aws_subnet.dr_public_a.id
  route_table_id = aws_route_table.dr_public.id
}

resource "aws_route_table_association" "dr_public_b" {
  provider       = aws.dr
  subnet_id      = aws_subnet.dr_public_b.id
  route_table_id = aws_route_table.dr_public.id
}

resource "aws_route_table_association" "dr_public_c" {
  provider       = aws.dr
  subnet_id      = aws_subnet.dr_public_c.id
  route_table_id = aws_route_table.dr_public.id
}

resource "aws_eip" "dr_nat_a" {
  provider = aws.dr
  domain   = "vpc"
  tags = {
    Name                  = "Standby NAT per zone a"
    "ninesmith:component" = "dr-nat"
  }
}

resource "aws_nat_gateway" "dr_nat_a" {
  provider      = aws.dr
  allocation_id = aws_eip.dr_nat_a.id
  subnet_id     = aws_subnet.dr_public_a.id
  tags = {
    Name                  = "Standby NAT per zone a"
    "ninesmith:component" = "dr-nat"
  }
  depends_on = [aws_internet_gateway.dr]
}

resource "aws_eip" "dr_nat_b" {
  provider = aws.dr
  domain   = "vpc"
  tags = {
    Name                  = "Standby NAT per zone b"
    "ninesmith:component" = "dr-nat"
  }
}

resource "aws_nat_gateway" "dr_nat_b" {
  provider      = aws.dr
  allocation_id = aws_eip.dr_nat_b.id
  subnet_id     = aws_subnet.dr_public_b.id
  tags = {
    Name                  = "Standby NAT per zone b"
    "ninesmith:component" = "dr-nat"
  }
  depends_on = [aws_internet_gateway.dr]
}

resource "aws_eip" "dr_nat_c" {
  provider = aws.dr
  domain   = "vpc"
  tags = {
    Name                  = "Standby NAT per zone c"
    "ninesmith:component" = "dr-nat"
  }
}

resource "aws_nat_gateway" "dr_nat_c" {
  provider      = aws.dr
  allocation_id = aws_eip.dr_nat_c.id
  subnet_id     = aws_subnet.dr_public_c.id
  tags = {
    Name                  = "Standby NAT per zone c"
    "ninesmith:component" = "dr-nat"
  }
  depends_on = [aws_internet_gateway.dr]
}

resource "aws_route_table" "dr_private_a" {
  provider = aws.dr
  vpc_id   = aws_vpc.dr.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.dr_nat_a.id
  }
  tags = {
    Name = "client-portal-event dr private a"
  }
}

resource "aws_route_table_association" "dr_private_a" {
  provider       = aws.dr
  subnet_id      = aws_subnet.dr_private_a.id
  route_table_id = aws_route_table.dr_private_a.id
}

resource "aws_route_table" "dr_private_b" {
  provider = aws.dr
  vpc_id   = aws_vpc.dr.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.dr_nat_b.id
  }
  tags = {
    Name = "client-portal-event dr private b"
  }
}

resource "aws_route_table_association" "dr_private_b" {
  provider       = aws.dr
  subnet_id      = aws_subnet.dr_private_b.id
  route_table_id = aws_route_table.dr_private_b.id
}

resource "aws_route_table" "dr_private_c" {
  provider = aws.dr
  vpc_id   = aws_vpc.dr.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.dr_nat_c.id
  }
  tags = {
    Name = "client-portal-event dr private c"
  }
}

resource "aws_route_table_association" "dr_private_c" {
  provider       = aws.dr
  subnet_id      = aws_subnet.dr_private_c.id
  route_table_id = aws_route_table.dr_private_c.id
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

data "aws_ec2_managed_prefix_list" "dr_cloudfront" {
  provider = aws.dr
  name     = "com.amazonaws.global.cloudfront.origin-facing"
}

resource "aws_security_group" "dr_alb" {
  provider    = aws.dr
  name        = "${var.name_prefix}-dr-alb"
  description = "Component dr-alb: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.dr.id
  tags = {
    Name                  = "Standby ALB"
    "ninesmith:component" = "dr-alb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "dr_alb_from_cloudfront" {
  provider          = aws.dr
  security_group_id = aws_security_group.dr_alb.id
  description       = "HTTPS from CloudFront only (its origin-facing prefix list)"
  prefix_list_id    = data.aws_ec2_managed_prefix_list.dr_cloudfront.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "dr_alb" {
  provider          = aws.dr
  security_group_id = aws_security_group.dr_alb.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "dr_web" {
  provider    = aws.dr
  name        = "${var.name_prefix}-dr-web"
  description = "Component dr-web: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.dr.id
  tags = {
    Name                  = "Standby web and API"
    "ninesmith:component" = "dr-web"
  }
}

resource "aws_vpc_security_group_ingress_rule" "dr_web_from_dr_alb" {
  provider                     = aws.dr
  security_group_id            = aws_security_group.dr_web.id
  description                  = "From dr-alb"
  referenced_security_group_id = aws_security_group.dr_alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

resource "aws_vpc_security_group_egress_rule" "dr_web" {
  provider          = aws.dr
  security_group_id = aws_security_group.dr_web.id
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

resource "aws_security_group" "dr_redis" {
  provider    = aws.dr
  name        = "${var.name_prefix}-dr-redis"
  description = "Component dr-redis: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.dr.id
  tags = {
    Name                  = "Standby Redis"
    "ninesmith:component" = "dr-redis"
  }
}

resource "aws_vpc_security_group_ingress_rule" "dr_redis_from_dr_web" {
  provider                     = aws.dr
  security_group_id            = aws_security_group.dr_redis.id
  description                  = "From dr-web"
  referenced_security_group_id = aws_security_group.dr_web.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_vpc_security_group_egress_rule" "dr_redis" {
  provider          = aws.dr
  security_group_id = aws_security_group.dr_redis.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
