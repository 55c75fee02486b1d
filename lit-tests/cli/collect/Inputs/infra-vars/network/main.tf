locals {
  db_port = 5432
}

resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_cidr]
  }
}

resource "aws_security_group_rule" "db" {
  type        = "ingress"
  from_port   = local.db_port
  to_port     = local.db_port
  protocol    = "tcp"
  cidr_blocks = var.db_cidrs
}
