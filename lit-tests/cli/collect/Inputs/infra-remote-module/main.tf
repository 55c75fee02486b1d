# A registry module: its code is where `terraform init` put it.
module "bastion" {
  source   = "example/bastion/aws"
  version  = "1.2.0"
  ssh_cidr = var.admin_cidr
}

# The same module, called with a private range: nothing to report.
module "internal" {
  source   = "example/bastion/aws"
  ssh_cidr = "10.0.0.0/8"
}

# The manifest points this one outside .terraform/modules: not read.
module "escape" {
  source = "example/escape/aws"
}

variable "admin_cidr" {
  default = "0.0.0.0/0"
}
