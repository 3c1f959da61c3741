# Region primary: primary, zones a, b, c.
provider "aws" {
  alias  = "primary"
  region = "us-east-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "first-launch-with-th"
      "ninesmith:design-name" = "First launch with the usual mistakes"
      "ninesmith:tier"        = "standard"
    }
  }
}

# Global services (Route 53, CloudFront, its certificate and WAF, their metrics) live in us-east-1.
provider "aws" {
  alias  = "global"
  region = "us-east-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "first-launch-with-th"
      "ninesmith:design-name" = "First launch with the usual mistakes"
      "ninesmith:tier"        = "standard"
    }
  }
}
