# Region east (us-east-1): a VPC with a public and a private subnet in each of its zones (a, b, c).
resource "aws_vpc" "east" {
  provider             = aws.east
  cidr_block           = var.east_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "client-portal-active east"
  }
}

# The default security group of the VPC allows nothing: every resource here has a group of its own.
resource "aws_default_security_group" "east" {
  provider = aws.east
  vpc_id   = aws_vpc.east.id
}

resource "aws_internet_gateway" "east" {
  provider = aws.east
  vpc_id   = aws_vpc.east.id
  tags = {
    Name = "client-portal-active east"
  }
}

resource "aws_subnet" "east_public_a" {
  provider                = aws.east
  vpc_id                  = aws_vpc.east.id
  availability_zone       = "us-east-1a"
  cidr_block              = cidrsubnet(var.east_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active east public a"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "east_private_a" {
  provider                = aws.east
  vpc_id                  = aws_vpc.east.id
  availability_zone       = "us-east-1a"
  cidr_block              = cidrsubnet(var.east_vpc_cidr, 4, 8)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active east private a"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "east_public_b" {
  provider                = aws.east
  vpc_id                  = aws_vpc.east.id
  availability_zone       = "us-east-1b"
  cidr_block              = cidrsubnet(var.east_vpc_cidr, 4, 1)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active east public b"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "east_private_b" {
  provider                = aws.east
  vpc_id                  = aws_vpc.east.id
  availability_zone       = "us-east-1b"
  cidr_block              = cidrsubnet(var.east_vpc_cidr, 4, 9)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active east private b"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "east_public_c" {
  provider                = aws.east
  vpc_id                  = aws_vpc.east.id
  availability_zone       = "us-east-1c"
  cidr_block              = cidrsubnet(var.east_vpc_cidr, 4, 2)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active east public c"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "east_private_c" {
  provider                = aws.east
  vpc_id                  = aws_vpc.east.id
  availability_zone       = "us-east-1c"
  cidr_block              = cidrsubnet(var.east_vpc_cidr, 4, 10)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active east private c"
    "ninesmith:tier" = "private"
  }
}

resource "aws_route_table" "east_public" {
  provider = aws.east
  vpc_id   = aws_vpc.east.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.east.id
  }
  tags = {
    Name = "client-portal-active east public"
  }
}

resource "aws_route_table_association" "east_public_a" {
  provider       = aws.east
  subnet_id      = aws_subnet.east_public_a.id
  route_table_id = aws_route_table.east_public.id
}

resource "aws_route_table_association" "east_public_b" {
  provider       = aws.east
  subnet_id      = aws_subnet.east_public_b.id
  route_table_id = aws_route_table.east_public.id
}

resource "aws_route_table_association" "east_public_c" {
  provider       = aws.east
  subnet_id      = aws_subnet.east_public_c.id
  route_table_id = aws_route_table.east_public.id
}

resource "aws_eip" "east_nat_a" {
  provider = aws.east
  domain   = "vpc"
  tags = {
    Name                  = "East NAT per zone a"
    "ninesmith:component" = "east-nat"
  }
}

resource "aws_nat_gateway" "east_nat_a" {
  provider      = aws.east
  allocation_id = aws_eip.east_nat_a.id
  subnet_id     = aws_subnet.east_public_a.id
  tags = {
    Name                  = "East NAT per zone a"
    "ninesmith:component" = "east-nat"
  }
  depends_on = [aws_internet_gateway.east]
}

resource "aws_eip" "east_nat_b" {
  provider = aws.east
  domain   = "vpc"
  tags = {
    Name                  = "East NAT per zone b"
    "ninesmith:component" = "east-nat"
  }
}

resource "aws_nat_gateway" "east_nat_b" {
  provider      = aws.east
  allocation_id = aws_eip.east_nat_b.id
  subnet_id     = aws_subnet.east_public_b.id
  tags = {
    Name                  = "East NAT per zone b"
    "ninesmith:component" = "east-nat"
  }
  depends_on = [aws_internet_gateway.east]
}

resource "aws_eip" "east_nat_c" {
  provider = aws.east
  domain   = "vpc"
  tags = {
    Name                  = "East NAT per zone c"
    "ninesmith:component" = "east-nat"
  }
}

resource "aws_nat_gateway" "east_nat_c" {
  provider      = aws.east
  allocation_id = aws_eip.east_nat_c.id
  subnet_id     = aws_subnet.east_public_c.id
  tags = {
    Name                  = "East NAT per zone c"
    "ninesmith:component" = "east-nat"
  }
  depends_on = [aws_internet_gateway.east]
}

resource "aws_route_table" "east_private_a" {
  provider = aws.east
  vpc_id   = aws_vpc.east.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.east_nat_a.id
  }
  tags = {
    Name = "client-portal-active east private a"
  }
}

resource "aws_route_table_association" "east_private_a" {
  provider       = aws.east
  subnet_id      = aws_subnet.east_private_a.id
  route_table_id = aws_route_table.east_private_a.id
}

resource "aws_route_table" "east_private_b" {
  provider = aws.east
  vpc_id   = aws_vpc.east.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.east_nat_b.id
  }
  tags = {
    Name = "client-portal-active east private b"
  }
}

resource "aws_route_table_association" "east_private_b" {
  provider       = aws.east
  subnet_id      = aws_subnet.east_private_b.id
  route_table_id = aws_route_table.east_private_b.id
}

resource "aws_route_table" "east_private_c" {
  provider = aws.east
  vpc_id   = aws_vpc.east.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.east_nat_c.id
  }
  tags = {
    Name = "client-portal-active east private c"
  }
}

resource "aws_route_table_association" "east_private_c" {
  provider       = aws.east
  subnet_id      = aws_subnet.east_private_c.id
  route_table_id = aws_route_table.east_private_c.id
}

# Region west (us-west-2): a VPC with a public and a private subnet in each of its zones (a, b, c).
resource "aws_vpc" "west" {
  provider             = aws.west
  cidr_block           = var.west_vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags = {
    Name = "client-portal-active west"
  }
}

# The default security group of the VPC allows nothing: every resource here has a group of its own.
resource "aws_default_security_group" "west" {
  provider = aws.west
  vpc_id   = aws_vpc.west.id
}

resource "aws_internet_gateway" "west" {
  provider = aws.west
  vpc_id   = aws_vpc.west.id
  tags = {
    Name = "client-portal-active west"
  }
}

resource "aws_subnet" "west_public_a" {
  provider                = aws.west
  vpc_id                  = aws_vpc.west.id
  availability_zone       = "us-west-2a"
  cidr_block              = cidrsubnet(var.west_vpc_cidr, 4, 0)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active west public a"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "west_private_a" {
  provider                = aws.west
  vpc_id                  = aws_vpc.west.id
  availability_zone       = "us-west-2a"
  cidr_block              = cidrsubnet(var.west_vpc_cidr, 4, 8)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active west private a"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "west_public_b" {
  provider                = aws.west
  vpc_id                  = aws_vpc.west.id
  availability_zone       = "us-west-2b"
  cidr_block              = cidrsubnet(var.west_vpc_cidr, 4, 1)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active west public b"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "west_private_b" {
  provider                = aws.west
  vpc_id                  = aws_vpc.west.id
  availability_zone       = "us-west-2b"
  cidr_block              = cidrsubnet(var.west_vpc_cidr, 4, 9)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active west private b"
    "ninesmith:tier" = "private"
  }
}

resource "aws_subnet" "west_public_c" {
  provider                = aws.west
  vpc_id                  = aws_vpc.west.id
  availability_zone       = "us-west-2c"
  cidr_block              = cidrsubnet(var.west_vpc_cidr, 4, 2)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active west public c"
    "ninesmith:tier" = "public"
  }
}

resource "aws_subnet" "west_private_c" {
  provider                = aws.west
  vpc_id                  = aws_vpc.west.id
  availability_zone       = "us-west-2c"
  cidr_block              = cidrsubnet(var.west_vpc_cidr, 4, 10)
  map_public_ip_on_launch = false
  tags = {
    Name             = "client-portal-active west private c"
    "ninesmith:tier" = "private"
  }
}

resource "aws_route_table" "west_public" {
  provider = aws.west
  vpc_id   = aws_vpc.west.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.west.id
  }
  tags = {
    Name = "client-portal-active west public"
  }
}

resource "aws_route_table_association" "west_public_a" {
  provider       = aws.west
  subnet_id      = aws_subnet.west_public_a.id
  route_table_id = aws_route_table.west_public.id
}

resource "aws_route_table_association" "west_public_b" {
  provider       = aws.west
  subnet_id      = aws_subnet.west_public_b.id
  route_table_id = aws_route_table.west_public.id
}

resource "aws_route_table_association" "west_public_c" {
  provider       = aws.west
  subnet_id      = aws_subnet.west_public_c.id
  route_table_id = aws_route_table.west_public.id
}

resource "aws_eip" "west_nat_a" {
  provider = aws.west
  domain   = "vpc"
  tags = {
    Name                  = "West NAT per zone a"
    "ninesmith:component" = "west-nat"
  }
}

resource "aws_nat_gateway" "west_nat_a" {
  provider      = aws.west
  allocation_id = aws_eip.west_nat_a.id
  subnet_id     = aws_subnet.west_public_a.id
  tags = {
    Name                  = "West NAT per zone a"
    "ninesmith:component" = "west-nat"
  }
  depends_on = [aws_internet_gateway.west]
}

resource "aws_eip" "west_nat_b" {
  provider = aws.west
  domain   = "vpc"
  tags = {
    Name                  = "West NAT per zone b"
    "ninesmith:component" = "west-nat"
  }
}

resource "aws_nat_gateway" "west_nat_b" {
  provider      = aws.west
  allocation_id = aws_eip.west_nat_b.id
  subnet_id     = aws_subnet.west_public_b.id
  tags = {
    Name                  = "West NAT per zone b"
    "ninesmith:component" = "west-nat"
  }
  depends_on = [aws_internet_gateway.west]
}

resource "aws_eip" "west_nat_c" {
  provider = aws.west
  domain   = "vpc"
  tags = {
    Name                  = "West NAT per zone c"
    "ninesmith:component" = "west-nat"
  }
}

resource "aws_nat_gateway" "west_nat_c" {
  provider      = aws.west
  allocation_id = aws_eip.west_nat_c.id
  subnet_id     = aws_subnet.west_public_c.id
  tags = {
    Name                  = "West NAT per zone c"
    "ninesmith:component" = "west-nat"
  }
  depends_on = [aws_internet_gateway.west]
}

resource "aws_route_table" "west_private_a" {
  provider = aws.west
  vpc_id   = aws_vpc.west.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.west_nat_a.id
  }
  tags = {
    Name = "client-portal-active west private a"
  }
}

resource "aws_route_table_association" "west_private_a" {
  provider       = aws.west
  subnet_id      = aws_subnet.west_private_a.id
  route_table_id = aws_route_table.west_private_a.id
}

resource "aws_route_table" "west_private_b" {
  provider = aws.west
  vpc_id   = aws_vpc.west.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.west_nat_b.id
  }
  tags = {
    Name = "client-portal-active west private b"
  }
}

resource "aws_route_table_association" "west_private_b" {
  provider       = aws.west
  subnet_id      = aws_subnet.west_private_b.id
  route_table_id = aws_route_table.west_private_b.id
}

resource "aws_route_table" "west_private_c" {
  provider = aws.west
  vpc_id   = aws_vpc.west.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.west_nat_c.id
  }
  tags = {
    Name = "client-portal-active west private c"
  }
}

resource "aws_route_table_association" "west_private_c" {
  provider       = aws.west
  subnet_id      = aws_subnet.west_private_c.id
  route_table_id = aws_route_table.west_private_c.id
}

resource "aws_security_group" "east_alb" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-alb"
  description = "Component east-alb: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.east.id
  tags = {
    Name                  = "East ALB"
    "ninesmith:component" = "east-alb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "east_alb_internet_443" {
  provider          = aws.east
  security_group_id = aws_security_group.east_alb.id
  description       = "HTTPS from the internet"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "east_alb_internet_80" {
  provider          = aws.east
  security_group_id = aws_security_group.east_alb.id
  description       = "HTTP from the internet (redirected to HTTPS)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "east_alb" {
  provider          = aws.east
  security_group_id = aws_security_group.east_alb.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "east_web" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-web"
  description = "Component east-web: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.east.id
  tags = {
    Name                  = "East web and API"
    "ninesmith:component" = "east-web"
  }
}

resource "aws_vpc_security_group_ingress_rule" "east_web_from_east_alb" {
  provider                     = aws.east
  security_group_id            = aws_security_group.east_web.id
  description                  = "From east-alb"
  referenced_security_group_id = aws_security_group.east_alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

resource "aws_vpc_security_group_egress_rule" "east_web" {
  provider          = aws.east
  security_group_id = aws_security_group.east_web.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "east_workers" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-workers"
  description = "Component east-workers: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.east.id
  tags = {
    Name                  = "East workers"
    "ninesmith:component" = "east-workers"
  }
}

resource "aws_vpc_security_group_egress_rule" "east_workers" {
  provider          = aws.east
  security_group_id = aws_security_group.east_workers.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "west_alb" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-alb"
  description = "Component west-alb: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.west.id
  tags = {
    Name                  = "West ALB"
    "ninesmith:component" = "west-alb"
  }
}

resource "aws_vpc_security_group_ingress_rule" "west_alb_internet_443" {
  provider          = aws.west
  security_group_id = aws_security_group.west_alb.id
  description       = "HTTPS from the internet"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "west_alb_internet_80" {
  provider          = aws.west
  security_group_id = aws_security_group.west_alb.id
  description       = "HTTP from the internet (redirected to HTTPS)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "west_alb" {
  provider          = aws.west
  security_group_id = aws_security_group.west_alb.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "west_web" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-web"
  description = "Component west-web: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.west.id
  tags = {
    Name                  = "West web and API"
    "ninesmith:component" = "west-web"
  }
}

resource "aws_vpc_security_group_ingress_rule" "west_web_from_west_alb" {
  provider                     = aws.west
  security_group_id            = aws_security_group.west_web.id
  description                  = "From west-alb"
  referenced_security_group_id = aws_security_group.west_alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.app_port
  to_port                      = var.app_port
}

resource "aws_vpc_security_group_egress_rule" "west_web" {
  provider          = aws.west
  security_group_id = aws_security_group.west_web.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "west_workers" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-workers"
  description = "Component west-workers: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.west.id
  tags = {
    Name                  = "West workers"
    "ninesmith:component" = "west-workers"
  }
}

resource "aws_vpc_security_group_egress_rule" "west_workers" {
  provider          = aws.west
  security_group_id = aws_security_group.west_workers.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "east_db" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-db"
  description = "Component east-db: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.east.id
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "east_db_from_east_web" {
  provider                     = aws.east
  security_group_id            = aws_security_group.east_db.id
  description                  = "From east-web"
  referenced_security_group_id = aws_security_group.east_web.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_ingress_rule" "east_db_from_east_workers" {
  provider                     = aws.east
  security_group_id            = aws_security_group.east_db.id
  description                  = "From east-workers"
  referenced_security_group_id = aws_security_group.east_workers.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "east_db" {
  provider          = aws.east
  security_group_id = aws_security_group.east_db.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "east_db_in_west" {
  provider    = aws.west
  name        = "${var.name_prefix}-east-db-in-west"
  description = "east-db-in-west (of component east-db): ingress only from what the design connects to it"
  vpc_id      = aws_vpc.west.id
  tags = {
    Name                  = "East Aurora PostgreSQL"
    "ninesmith:component" = "east-db"
  }
}

resource "aws_vpc_security_group_egress_rule" "east_db_in_west" {
  provider          = aws.west
  security_group_id = aws_security_group.east_db_in_west.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "west_db" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-db"
  description = "Component west-db: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.west.id
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_vpc_security_group_ingress_rule" "west_db_from_west_web" {
  provider                     = aws.west
  security_group_id            = aws_security_group.west_db.id
  description                  = "From west-web"
  referenced_security_group_id = aws_security_group.west_web.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_ingress_rule" "west_db_from_west_workers" {
  provider                     = aws.west
  security_group_id            = aws_security_group.west_db.id
  description                  = "From west-workers"
  referenced_security_group_id = aws_security_group.west_workers.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "west_db" {
  provider          = aws.west
  security_group_id = aws_security_group.west_db.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "west_db_in_east" {
  provider    = aws.east
  name        = "${var.name_prefix}-west-db-in-east"
  description = "west-db-in-east (of component west-db): ingress only from what the design connects to it"
  vpc_id      = aws_vpc.east.id
  tags = {
    Name                  = "West Aurora PostgreSQL"
    "ninesmith:component" = "west-db"
  }
}

resource "aws_vpc_security_group_egress_rule" "west_db_in_east" {
  provider          = aws.east
  security_group_id = aws_security_group.west_db_in_east.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "east_redis" {
  provider    = aws.east
  name        = "${var.name_prefix}-east-redis"
  description = "Component east-redis: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.east.id
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

resource "aws_vpc_security_group_ingress_rule" "east_redis_from_east_web" {
  provider                     = aws.east
  security_group_id            = aws_security_group.east_redis.id
  description                  = "From east-web"
  referenced_security_group_id = aws_security_group.east_web.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_vpc_security_group_egress_rule" "east_redis" {
  provider          = aws.east
  security_group_id = aws_security_group.east_redis.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "east_redis_in_west" {
  provider    = aws.west
  name        = "${var.name_prefix}-east-redis-in-west"
  description = "east-redis-in-west (of component east-redis): ingress only from what the design connects to it"
  vpc_id      = aws_vpc.west.id
  tags = {
    Name                  = "East Redis"
    "ninesmith:component" = "east-redis"
  }
}

resource "aws_vpc_security_group_egress_rule" "east_redis_in_west" {
  provider          = aws.west
  security_group_id = aws_security_group.east_redis_in_west.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "west_redis" {
  provider    = aws.west
  name        = "${var.name_prefix}-west-redis"
  description = "Component west-redis: ingress only from what the design connects to it"
  vpc_id      = aws_vpc.west.id
  tags = {
    Name                  = "West Redis"
    "ninesmith:component" = "west-redis"
  }
}

resource "aws_vpc_security_group_ingress_rule" "west_redis_from_west_web" {
  provider                     = aws.west
  security_group_id            = aws_security_group.west_redis.id
  description                  = "From west-web"
  referenced_security_group_id = aws_security_group.west_web.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_vpc_security_group_egress_rule" "west_redis" {
  provider          = aws.west
  security_group_id = aws_security_group.west_redis.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

resource "aws_security_group" "west_redis_in_east" {
  provider    = aws.east
  name        = "${var.name_prefix}-west-redis-in-east"
  description = "west-redis-in-east (of component west-redis): ingress only from what the design connects to it"
  vpc_id      = aws_vpc.east.id
  tags = {
    Name                  = "West Redis"
    "ninesmith:component" = "west-redis"
  }
}

resource "aws_vpc_security_group_egress_rule" "west_redis_in_east" {
  provider          = aws.east
  security_group_id = aws_security_group.west_redis_in_east.id
  description       = "All outbound"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
