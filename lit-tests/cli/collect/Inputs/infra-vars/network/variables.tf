variable "ssh_cidr" {
  description = "Who may reach the bastion over SSH"
  type        = string
  default     = "10.0.0.0/8"
}

variable "db_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}
