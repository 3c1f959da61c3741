# Region east: active, zones a, b, c.
provider "aws" {
  alias  = "east"
  region = "us-east-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "client-portal-active"
      "ninesmith:design-name" = "Client portal active-active across two regions"
      "ninesmith:tier"        = "mission-critical"
    }
  }
}

# Region west: active, zones a, b, c.
provider "aws" {
  alias  = "west"
  region = "us-west-2"

  default_tags {
    tags = {
      "ninesmith:design"      = "client-portal-active"
      "ninesmith:design-name" = "Client portal active-active across two regions"
      "ninesmith:tier"        = "mission-critical"
    }
  }
}

# Global services (Route 53, CloudFront, its certificate and WAF, their metrics) live in us-east-1.
provider "aws" {
  alias  = "global"
  region = "us-east-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "client-portal-active"
      "ninesmith:design-name" = "Client portal active-active across two regions"
      "ninesmith:tier"        = "mission-critical"
    }
  }
}
