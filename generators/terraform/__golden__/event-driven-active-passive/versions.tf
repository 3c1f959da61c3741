# Valid for AWS provider releases >= 5.100, < 7.0 (checked against 5.100.0 and 6.58.0).
terraform {
  required_version = ">= 1.7.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}
