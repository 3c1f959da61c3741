# Region primary: primary, zones a, b, c.
provider "aws" {
  alias  = "primary"
  region = "eu-west-1"

  default_tags {
    tags = {
      "ninesmith:design"      = "erp-stack-on-kuberne"
      "ninesmith:design-name" = "ERP stack on Kubernetes"
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
      "ninesmith:design"      = "erp-stack-on-kuberne"
      "ninesmith:design-name" = "ERP stack on Kubernetes"
      "ninesmith:tier"        = "premium"
    }
  }
}
