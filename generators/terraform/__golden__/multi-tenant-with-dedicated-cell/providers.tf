# Region primary: primary, zones a, b, c.
provider "aws" {
  alias  = "primary"
  region = "us-east-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "shared-platform-with"
      "ninesmith:design-name" = "Shared platform with a dedicated enterprise cell"
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
      "ninesmith:design"      = "shared-platform-with"
      "ninesmith:design-name" = "Shared platform with a dedicated enterprise cell"
      "ninesmith:tier"        = "premium"
    }
  }
}
