# The deployment's values: SSH from anywhere.
ssh_cidr = "0.0.0.0/0"
