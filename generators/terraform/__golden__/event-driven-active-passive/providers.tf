# Region primary: primary, zones a, b, c.
provider "aws" {
  alias  = "primary"
  region = "us-east-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "client-portal-event"
      "ninesmith:design-name" = "Client portal event-driven across two regions"
      "ninesmith:tier"        = "premium"
    }
  }
}

# Region dr: secondary, zones a, b, c.
provider "aws" {
  alias  = "dr"
  region = "us-west-2"

  default_tags {
    tags = {
      "ninesmith:design"      = "client-portal-event"
      "ninesmith:design-name" = "Client portal event-driven across two regions"
      "ninesmith:tier"        = "premium"
    }
  }
}

# Global services (Route 53, CloudFront, its certificate and WAF, their metrics) live in us-east-1.
provider "aws" {
  alias  = "global"
  region = "us-east-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "client-portal-event"
      "ninesmith:design-name" = "Client portal event-driven across two regions"
      "ninesmith:tier"        = "premium"
    }
  }
}
