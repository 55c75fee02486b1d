# The inventory's host: SSH open to the whole Internet.
resource "aws_security_group" "inventory" {
  name = "inventory"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
