// InfraTest.cpp - unit tests of the deployment-file rules
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Infra.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace exitbar;
namespace fs = std::filesystem;

TEST(InfraTerraform, OpenAdminPortsAcrossProviders) {
  auto F = scanTerraform("main.tf", R"(
resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
resource "aws_security_group_rule" "all" {
  type             = "ingress"
  from_port        = 0
  to_port          = 0
  protocol         = "-1"
  ipv6_cidr_blocks = ["::/0"]
}
resource "google_compute_firewall" "rdp" {
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["80", "3000-3400"]
  }
}
resource "azurerm_network_security_rule" "ssh" {
  direction                  = "Inbound"
  access                     = "Allow"
  source_address_prefix      = "*"
  destination_port_range     = "22"
}
resource "azurerm_network_security_rule" "deny" {
  direction                  = "Inbound"
  access                     = "Deny"
  source_address_prefix      = "*"
  destination_port_range     = "22"
}
)");
  ASSERT_EQ(F.size(), 4u);
  EXPECT_EQ(F[0].Check, "exitbar-infra-open-admin-port");
  EXPECT_EQ(F[0].Line, 3);
  EXPECT_EQ(F[0].Level, Severity::High);
  EXPECT_NE(F[0].Message.find("port 22 (SSH) to 0.0.0.0/0"), std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[1].Message.find("all ports, including"), std::string::npos);
  EXPECT_NE(F[2].Message.find("3306 (MySQL), 3389 (RDP)"), std::string::npos)
      << F[2].Message;
  EXPECT_NE(F[3].Message.find("azurerm_network_security_rule.ssh"),
            std::string::npos);
}

// Forms found by running the anchors' (KICS, Checkov) fixtures through
// ExitBar (docs/infra.md "Compared with ..."): each was missed or
// misread before.
TEST(InfraTerraform, FormsTheAnchorsFixturesUse) {
  auto F = scanTerraform("main.tf", R"(
resource "azurerm_network_security_rule" "number" {
  direction              = "Inbound"
  access                 = "Allow"
  source_address_prefix  = "internet"
  destination_port_range = 22
}
resource "azurerm_network_security_rule" "several" {
  direction               = "inbound"
  access                  = "allow"
  protocol                = "Tcp"
  source_address_prefix   = "any"
  destination_port_ranges = [443, "21-24, 8080"]
}
resource "aws_security_group" "list" {
  ingress = [{
    cidr_blocks = ["0.0.0.0/0"], from_port = 3389, to_port = 3389,
    protocol = "tcp", self = false
  }]
}
resource "aws_security_group_rule" "long_ipv6" {
  type             = "ingress"
  from_port        = 22
  to_port          = 22
  protocol         = "tcp"
  ipv6_cidr_blocks = ["0:0:0:0:0:0:0:0/0"]
}
)");
  ASSERT_EQ(F.size(), 4u);
  EXPECT_EQ(F[0].Line, 2);
  EXPECT_NE(F[0].Message.find("port 22 (SSH) to internet"), std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[1].Message.find("ports 22 (SSH), 23 (Telnet)"), std::string::npos)
      << F[1].Message;
  EXPECT_EQ(F[2].Line, 16); // the object in the list
  EXPECT_NE(F[2].Message.find("port 3389 (RDP)"), std::string::npos);
  EXPECT_NE(F[3].Message.find("0:0:0:0:0:0:0:0/0"), std::string::npos);
}

TEST(InfraTerraform, ProtocolsThatOpenNoAdminPort) {
  // ICMP has no ports (AWS's from_port is its type); UDP reaches only the
  // services that listen on it (RDP's UDP transport does; SSH does not); a
  // GCP port written as a number is that port, not every port; a /0
  // prefix on another address is not canonical (the provider rejects it).
  auto F = scanTerraform("main.tf", R"(
resource "aws_security_group_rule" "ping" {
  type        = "ingress"
  from_port   = 8
  to_port     = 0
  protocol    = "icmp"
  cidr_blocks = ["0.0.0.0/0"]
}
resource "google_compute_firewall" "icmp" {
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "icmp"
  }
}
resource "google_compute_firewall" "web" {
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = [8080, 443]
  }
}
resource "azurerm_network_security_rule" "udp_ssh" {
  direction              = "Inbound"
  access                 = "Allow"
  protocol               = "Udp"
  source_address_prefix  = "*"
  destination_port_range = "20-50"
}
resource "aws_security_group_rule" "odd" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = ["10.1.0.0/0"]
}
resource "azurerm_network_security_rule" "udp_rdp" {
  direction              = "Inbound"
  access                 = "Allow"
  protocol               = "Udp"
  source_address_prefix  = "*"
  destination_port_range = "3389"
}
)");
  ASSERT_EQ(F.size(), 1u);
  EXPECT_NE(F[0].Message.find("'azurerm_network_security_rule.udp_rdp' opens "
                              "UDP port 3389 (RDP)"),
            std::string::npos)
      << F[0].Message;
}

TEST(InfraTerraform, TheRegistrySecurityGroupModule) {
  auto F = scanTerraform("main.tf", R"(
module "named" {
  source              = "terraform-aws-modules/security-group/aws"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["https-443-tcp", "ssh-tcp"]
}
module "preset" {
  source              = "terraform-aws-modules/security-group/aws//modules/postgresql"
  ingress_cidr_blocks = ["0.0.0.0/0"]
}
module "objects" {
  source = "registry.terraform.io/terraform-aws-modules/security-group/aws"
  ingress_with_cidr_blocks = [
    {
      rule        = "redis-tcp"
      cidr_blocks = "10.0.0.0/8,0.0.0.0/0"
    },
    {
      from_port   = 443
      to_port     = 443
      protocol    = "tcp"
      cidr_blocks = "0.0.0.0/0"
    },
  ]
}
module "preset_off" {
  source              = "terraform-aws-modules/security-group/aws//modules/ssh"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  auto_ingress_rules  = []
}
module "private" {
  source              = "terraform-aws-modules/security-group/aws"
  ingress_cidr_blocks = ["10.0.0.0/8"]
  ingress_rules       = ["ssh-tcp"]
}
module "other" {
  source              = "./modules/sg"
  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["ssh-tcp"]
}
)");
  ASSERT_EQ(F.size(), 3u);
  EXPECT_EQ(F[0].Line, 5);
  EXPECT_NE(F[0].Message.find("'module.named' opens port 22 (SSH)"),
            std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[1].Message.find("'module.preset' opens port 5432"),
            std::string::npos)
      << F[1].Message;
  EXPECT_EQ(F[2].Line, 14);
  EXPECT_NE(F[2].Message.find("port 6379 (Redis) to 0.0.0.0/0"),
            std::string::npos)
      << F[2].Message;
}

TEST(InfraKubernetes, ServicesPrivilegedAndRoot) {
  auto F = scanKubernetes("k8s.yaml", R"(apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: LoadBalancer
  ports:
  - port: 5432
---
apiVersion: v1
kind: Service
metadata:
  name: internal
spec:
  ports:
  - port: 5432
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: app
        image: app:1
      - name: agent
        securityContext:
          privileged: true
          runAsUser: 0
---
apiVersion: v1
kind: Pod
metadata:
  name: job
spec:
  containers:
  - name: worker
    image: w:1
)");
  ASSERT_EQ(F.size(), 4u);
  EXPECT_EQ(F[0].Check, "exitbar-infra-open-admin-port");
  EXPECT_EQ(F[0].Line, 8);
  EXPECT_EQ(F[1].Check, "exitbar-infra-privileged-container");
  EXPECT_EQ(F[1].Line, 32);
  EXPECT_EQ(F[2].Check, "exitbar-infra-root-container");
  EXPECT_NE(F[2].Message.find("runs as root (runAsUser: 0)"),
            std::string::npos);
  EXPECT_EQ(F[3].Check, "exitbar-infra-root-container");
  EXPECT_NE(F[3].Message.find("'Pod/job' container 'worker' may run as root"),
            std::string::npos)
      << F[3].Message;
}

TEST(InfraCompose, PortsOnEveryInterface) {
  auto F = scanCompose("docker-compose.yml", R"(services:
  db:
    image: postgres
    ports:
      - "5432:5432"
      - "127.0.0.1:6379:6379"
      - "[::1]:9000:9000"
      - 8080
      - target: 80
        published: 8081
      - target: 81
        published: 8082
        host_ip: 127.0.0.1
      - target: 82
        published: 127.0.0.1:8083
)");
  ASSERT_EQ(F.size(), 3u);
  EXPECT_EQ(F[0].Line, 5);
  EXPECT_EQ(F[0].Check, "exitbar-infra-compose-public-port");
  EXPECT_NE(F[1].Message.find("port 8080"), std::string::npos);
  EXPECT_NE(F[2].Message.find("port 8081"), std::string::npos);
}

TEST(InfraDockerfile, FinalStageUser) {
  EXPECT_EQ(
      scanDockerfile("Dockerfile", "FROM debian:12\nRUN make\n").at(0).Line, 1);
  EXPECT_TRUE(scanDockerfile("Dockerfile", "FROM a AS build\nUSER root\n"
                                           "FROM b\nUSER app\n")
                  .empty());
  auto Root = scanDockerfile("Dockerfile", "FROM a\nUSER app\nFROM b\n"
                                           "RUN x \\\n  && y\nUSER 0:0\n");
  ASSERT_EQ(Root.size(), 1u);
  EXPECT_EQ(Root[0].Line, 6);
  EXPECT_TRUE(scanDockerfile("notes", "just text\n").empty());
}

TEST(InfraCollect, WalksTreeSkipsFixturesAndFingerprints) {
  fs::path Dir = test::freshTestDir("infra");
  fs::create_directories(Dir / "deploy");
  fs::create_directories(Dir / "tests");
  fs::create_directories(Dir / "examples/demo");
  writeFileAtomically((Dir / "Dockerfile").string(), "FROM x\n");
  writeFileAtomically((Dir / "deploy/compose.yaml").string(),
                      "services:\n  a:\n    ports: [\"80:80\"]\n");
  writeFileAtomically((Dir / "tests/Dockerfile").string(), "FROM x\n");
  writeFileAtomically((Dir / "examples/demo/CMakeLists.txt").string(),
                      "project(demo)\n");
  writeFileAtomically((Dir / "examples/demo/Dockerfile").string(), "FROM x\n");
  InfraOptions O;
  O.SourceDir = Dir.string();
  FindingsEvidence E = collectInfra(O);
  ASSERT_EQ(E.Findings.size(), 2u);
  EXPECT_EQ(E.Findings[0].File, "Dockerfile");
  EXPECT_EQ(E.Findings[1].File, "deploy/compose.yaml");
  EXPECT_EQ(E.Findings[0].Fingerprint.size(), 32u);
  O.Exclude = {"deploy/*"};
  EXPECT_EQ(collectInfra(O).Findings.size(), 1u);
  fs::remove_all(Dir);
  EXPECT_THROW(collectInfra(O), Error);
}

// Variables, locals and .tfvars: what tfsec and Checkov resolve.
TEST(InfraTerraform, ReferencesResolveToTheirValues) {
  TerraformValues V = terraformValues({R"(
variable "admin_cidr" {
  type    = string
  default = "0.0.0.0/0"
}
variable "office" { default = "203.0.113.0/24" }
variable "unset" { type = string }
variable "ssh_port" { default = 22 }
locals {
  open      = [var.admin_cidr]
  loop      = local.loop
  via_local = local.open
}
)"},
                                      {});
  EXPECT_EQ(resolveTerraformReferences("[var.admin_cidr]", V),
            "[\"0.0.0.0/0\"]");
  EXPECT_EQ(resolveTerraformReferences("local.via_local", V),
            "[\"0.0.0.0/0\"]");
  EXPECT_EQ(resolveTerraformReferences("[\"${var.admin_cidr}\"]", V),
            "[\"0.0.0.0/0\"]");
  EXPECT_EQ(resolveTerraformReferences("var.unset", V), "var.unset");
  EXPECT_EQ(resolveTerraformReferences("[var.admin_cidr_other]", V),
            "[var.admin_cidr_other]");
  EXPECT_EQ(resolveTerraformReferences("\"var.admin_cidr\"", V),
            "\"var.admin_cidr\""); // a string, not a reference
  // A local that refers to itself stops after a few levels.
  EXPECT_EQ(resolveTerraformReferences("local.loop", V), "local.loop");
  EXPECT_EQ(firstTerraformReference("[var.office, \"10.0.0.0/8\"]"),
            "var.office");
  EXPECT_EQ(firstTerraformReference("[\"${local.open}\"]"), "local.open");
  EXPECT_EQ(firstTerraformReference("[\"var.office\"]"), "");

  // terraform.tfvars, then *.auto.tfvars, override the defaults.
  TerraformValues Over = terraformValues(
      {R"(variable "admin_cidr" { default = "10.0.0.0/8" })"},
      {"admin_cidr = \"0.0.0.0/0\"\n", "admin_cidr = \"192.0.2.0/24\"\n"});
  EXPECT_EQ(Over.at("var.admin_cidr"), "\"192.0.2.0/24\"");
}

TEST(InfraTerraform, OpenThroughVariablesIsReportedWithItsSource) {
  std::string Module = R"(
variable "admin_cidr" { default = "0.0.0.0/0" }
variable "office" { default = "203.0.113.0/24" }
variable "from_anywhere" { type = string }
variable "ssh_port" { default = 22 }
resource "aws_security_group" "bastion" {
  ingress {
    from_port   = var.ssh_port
    to_port     = var.ssh_port
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.office]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.from_anywhere]
  }
}
resource "google_compute_firewall" "ssh" {
  source_ranges = ["${var.admin_cidr}"]
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}
)";
  auto F = scanTerraform("main.tf", Module, terraformValues({Module}, {}));
  ASSERT_EQ(F.size(), 2u);
  EXPECT_EQ(F[0].Line, 7);
  EXPECT_NE(F[0].Message.find(
                "opens port 22 (SSH) to 0.0.0.0/0 (from var.admin_cidr)"),
            std::string::npos)
      << F[0].Message;
  EXPECT_NE(F[1].Message.find("(from var.admin_cidr)"), std::string::npos);
  // Without the module's values nothing is known to be open.
  EXPECT_TRUE(scanTerraform("main.tf", Module).empty());
  // A .tfvars that narrows the range: nothing open.
  auto Narrowed = scanTerraform(
      "main.tf", Module,
      terraformValues({Module}, {"admin_cidr = \"198.51.100.7/32\"\n"}));
  EXPECT_TRUE(Narrowed.empty());
}

TEST(InfraCollect, ModuleValuesComeFromItsFolder) {
  fs::path Dir = test::freshTestDir("infra-vars");
  fs::create_directories(Dir / "deploy");
  fs::create_directories(Dir / "other");
  writeFileAtomically((Dir / "deploy/variables.tf").string(),
                      "variable \"cidr\" { default = \"10.0.0.0/8\" }\n");
  writeFileAtomically((Dir / "deploy/main.tf").string(),
                      R"(resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = [var.cidr]
}
)");
  // Another module's variable of the same name changes nothing here.
  writeFileAtomically((Dir / "other/variables.tf").string(),
                      "variable \"cidr\" { default = \"0.0.0.0/0\" }\n");
  InfraOptions O;
  O.SourceDir = Dir.string();
  EXPECT_TRUE(collectInfra(O).Findings.empty());
  // The module's own terraform.tfvars opens it.
  writeFileAtomically((Dir / "deploy/terraform.tfvars").string(),
                      "cidr = \"0.0.0.0/0\"\n");
  FindingsEvidence E = collectInfra(O);
  ASSERT_EQ(E.Findings.size(), 1u);
  EXPECT_EQ(E.Findings[0].File, "deploy/main.tf");
  EXPECT_NE(E.Findings[0].Message.find("(from var.cidr)"), std::string::npos);
  // And a later *.auto.tfvars closes it again.
  writeFileAtomically((Dir / "deploy/z.auto.tfvars").string(),
                      "cidr = \"10.1.0.0/16\"\n");
  EXPECT_TRUE(collectInfra(O).Findings.empty());
  fs::remove_all(Dir);
}

TEST(InfraCollect, ModuleCallsPassTheirValues) {
  fs::path Dir = test::freshTestDir("infra-modules");
  fs::create_directories(Dir / "deploy");
  fs::create_directories(Dir / "modules/bastion");
  writeFileAtomically((Dir / "modules/bastion/main.tf").string(),
                      R"(variable "ssh_cidr" { default = "10.0.0.0/8" }
resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = [var.ssh_cidr]
}
)");
  // No call: the module's default, closed.
  InfraOptions O;
  O.SourceDir = Dir.string();
  EXPECT_TRUE(collectInfra(O).Findings.empty());
  // Two calls, one closed and one open through the caller's own variable.
  writeFileAtomically((Dir / "deploy/main.tf").string(),
                      R"(variable "anywhere" { default = "0.0.0.0/0" }
module "office" {
  source   = "../modules/bastion"
  ssh_cidr = "203.0.113.0/24"
}
module "public" {
  source   = "../modules/bastion/"
  ssh_cidr = var.anywhere
}
module "registry" {
  source   = "terraform-aws-modules/security-group/aws"
  ssh_cidr = "0.0.0.0/0"
}
)");
  FindingsEvidence E = collectInfra(O);
  ASSERT_EQ(E.Findings.size(), 1u);
  EXPECT_EQ(E.Findings[0].File, "modules/bastion/main.tf");
  EXPECT_EQ(E.Findings[0].Line, 2);
  EXPECT_NE(E.Findings[0].Message.find("to 0.0.0.0/0 (from var.ssh_cidr)"),
            std::string::npos);
  fs::remove_all(Dir);
}
