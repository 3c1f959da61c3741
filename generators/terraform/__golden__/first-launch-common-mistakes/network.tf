# Region primary (us-east-1): a VPC with a public and a private subnet in each of its zones (a, b).
resource "aws_vpc" "primary" {
  provider             = aws.primary
  cidr_block           = var.primary_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "first-launch-with-th primary"
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
    Name = "first-launch-with-th primary"
  }
}

resource "aws_subnet" "primary_public_a" {
  provider                = aws.primary
  vpc_id                  = aws_vpc.primary.id
  availability_zone       = "us-east-1a"
  cidr_block              = cidrsubnet(var.primary_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "first-launch-with-th primary public a"
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
    Name             = "first-launch-with-th primary private a"
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
    Name             = "first-launch-with-th primary public b"
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
    Name             = "first-launch-with-th primary private b"
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
    Name = "first-launch-with-th primary public"
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

resource "aws_route_table" "primary_private_a" {
  provider = aws.primary
  vpc_id   = aws_vpc.primary.id
  # No NAT gateway in this region in the design: private subnets have no route to the internet (AWS services through VPC endpoints).
  tags = {
    Name = "first-launch-with-th primary private a"
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
  # No NAT gateway in this region in the design: private subnets have no route to the internet (AWS services through VPC endpoints).
  tags = {
    Name = "first-launch-with-th primary private b"
  }
}

resource "aws_route_table_association" "primary_private_b" {
  provider       = aws.primary
  subnet_id      = aws_subnet.primary_private_b.id
  route_table_id = aws_route_table.primary_private_b.id
}

resource "aws_security_group" "alb" {
  provider    = aws.primary
  name        = "${var.name_prefix}-alb"
  description = "Component alb: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Load balancer"
    "ninesmith:component" = "alb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_internet_443" {
  provider          = aws.primary
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from the internet"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_internet_80" {
  provider          = aws.primary
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from the internet (redirected to HTTPS)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
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
    Name                  = "Web server"
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

resource "aws_security_group" "db" {
  provider    = aws.primary
  name        = "${var.name_prefix}-db"
  description = "Component db: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.primary.id
  tags = {
    Name                  = "Database"
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

resource "aws_vpc_security_group_egress_rule" "db" {
  provider          = aws.primary
  security_group_id = aws_security_group.db.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
