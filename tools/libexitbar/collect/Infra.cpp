// Infra.cpp - `exitbar collect infra`: findings in deployment files
// SPDX-License-Identifier: Apache-2.0
//
// The audits' "SSH open to 0.0.0.0" is a fact of the deployment files, not
// of the C++: Terraform rules, Kubernetes manifests, Dockerfiles and Compose
// files. Each rule here has its own id (exitbar-infra-*) so the findings go
// through the same severity catalogue, baselines, waivers and SARIF as the
// plugin's. docs/infra.md maps them to Checkov, tfsec/Trivy and KICS rules.

#include "exitbar/Infra.h"
#include "collect/DownloadedModules.h"
#include "collect/Kustomize.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "formats/hcl/Read.h"
#include "formats/helm/Render.h"
#include "formats/yaml/Read.h"
#include "support/Glob.h"
#include "support/Strings.h"
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

using formats::HclBlock;
using formats::YamlNode;

const char *const OpenAdminPort = "exitbar-infra-open-admin-port";
const char *const PrivilegedContainer = "exitbar-infra-privileged-container";
const char *const RootContainer = "exitbar-infra-root-container";
const char *const ComposePublicPort = "exitbar-infra-compose-public-port";

/// Ports of remote administration, file sharing and data stores, which no
/// firewall should open to the whole Internet.
struct AdminPort {
  const char *Name;
  bool Udp; ///< the service also (or only) listens on UDP
};

const std::map<long, AdminPort> &adminPorts() {
  static const std::map<long, AdminPort> Ports = {
      {22, {"SSH", false}},
      {23, {"Telnet", false}},
      {135, {"MS RPC", true}},
      {137, {"NetBIOS", true}},
      {138, {"NetBIOS", true}},
      {139, {"NetBIOS", false}},
      {445, {"SMB", false}},
      {1433, {"SQL Server", false}},
      {1521, {"Oracle", false}},
      {2375, {"Docker API", false}},
      {2376, {"Docker API", false}},
      {2379, {"etcd", false}},
      {3306, {"MySQL", false}},
      {3389, {"RDP", true}},
      {5432, {"PostgreSQL", false}},
      {5601, {"Kibana", false}},
      {5900, {"VNC", false}},
      {5984, {"CouchDB", false}},
      {6379, {"Redis", false}},
      {6443, {"Kubernetes API", false}},
      {8086, {"InfluxDB", false}},
      {9042, {"Cassandra", false}},
      {9200, {"Elasticsearch", false}},
      {9300, {"Elasticsearch", false}},
      {10250, {"kubelet", false}},
      {11211, {"Memcached", true}},
      {15672, {"RabbitMQ management", false}},
      {27017, {"MongoDB", false}}};
  return Ports;
}

/// What a rule's protocol lets through.
enum class Transport {
  Tcp,
  Udp,
  Any,  ///< every protocol, every port
  None, ///< no ports at all: ICMP, ESP, AH, GRE
};

/// The transport of a protocol as AWS, GCP, Azure and Kubernetes write it
/// (names in any case, IANA numbers, "-1"/"all"/"*"); an unknown or
/// missing one counts as TCP, so a rule is never dropped for a spelling.
Transport transportOf(std::string Protocol) {
  Protocol = toLower(Protocol);
  if (Protocol == "-1" || Protocol == "all" || Protocol == "*")
    return Transport::Any;
  if (Protocol == "udp" || Protocol == "17")
    return Transport::Udp;
  for (const char *NoPorts :
       {"icmp", "icmpv6", "icmp6", "ipv6-icmp", "1", "58", "esp", "50", "ah",
        "51", "gre", "47", "ipip", "4"})
    if (Protocol == NoPorts)
      return Transport::None;
  return Transport::Tcp;
}

/// "22 (SSH)" or "22 (SSH), 3389 (RDP) and 3 more" for the admin ports in
/// [From, To] that \p Through reaches; "" when there are none.
std::string adminPortsIn(long From, long To,
                         Transport Through = Transport::Tcp) {
  if (Through == Transport::None)
    return {};
  std::vector<std::string> Names;
  for (const auto &[Port, Service] : adminPorts())
    if (Port >= From && Port <= To &&
        (Through != Transport::Udp || Service.Udp))
      Names.push_back(std::to_string(Port) + " (" + Service.Name + ")");
  if (Names.empty())
    return {};
  std::string Text = Names[0];
  if (Names.size() > 1)
    Text += ", " + Names[1];
  if (Names.size() > 2)
    Text += " and " + std::to_string(Names.size() - 2) + " more";
  bool All = From <= 1 && To >= 65535;
  std::string Udp = Through == Transport::Udp ? "UDP " : "";
  return (All                ? "all " + Udp + "ports, including "
          : Names.size() > 1 ? Udp + "ports "
                             : Udp + "port ") +
         Text;
}

Finding makeFinding(const char *Check, const std::string &File, int Line,
                    std::string Message) {
  Finding F;
  F.Check = Check;
  F.File = File;
  F.Line = Line;
  F.Column = 1;
  F.Message = std::move(Message);
  CheckInfo Info = classifyFinding(F.Check, F.Message);
  F.Level = Info.Level;
  F.Cwe = Info.Cwe;
  return F;
}

/// True for an IPv4 or IPv6 address (the part of a CIDR before the '/').
bool isAddress(const std::string &A) {
  if (A.empty() || A.size() > 45)
    return false;
  bool Colon = A.find(':') != std::string::npos;
  for (char C : A)
    if (!(std::isdigit(static_cast<unsigned char>(C)) || C == '.' ||
          (Colon &&
           (C == ':' || std::isxdigit(static_cast<unsigned char>(C))))))
      return false;
  return Colon || std::count(A.begin(), A.end(), '.') == 3;
}

/// True for a source that is the whole Internet: the all-zero address
/// with a /0 prefix however it is spelled (`0.0.0.0/0`, `::/0`,
/// `0:0:0:0:0:0:0:0/0`), `0.0.0.0`, and Azure's `*` and service tags
/// `Internet` and `Any` in any case. (`10.1.0.0/0` is not canonical: the
/// AWS provider rejects it, so it never reaches a cloud.)
bool isOpenCidr(const std::string &Cidr) {
  std::string Lower = toLower(Cidr);
  if (Lower == "*" || Lower == "internet" || Lower == "any" ||
      Lower == "0.0.0.0")
    return true;
  size_t Slash = Cidr.find('/');
  if (Slash == std::string::npos || Cidr.substr(Slash) != "/0")
    return false;
  std::string Address = Cidr.substr(0, Slash);
  return isAddress(Address) &&
         Address.find_first_not_of("0.:") == std::string::npos;
}

std::string firstOpen(const std::vector<std::string> &Cidrs) {
  for (const std::string &C : Cidrs)
    if (isOpenCidr(C))
      return C;
  return {};
}

/// The string literals of attribute \p Name, references to the module's
/// variables and locals resolved.
std::vector<std::string> stringsOf(const HclBlock &B, const char *Name,
                                   const TerraformValues &V) {
  const formats::HclAttribute *A = B.attribute(Name);
  return A ? formats::hclStrings(resolveTerraformReferences(A->Expression, V))
           : std::vector<std::string>{};
}

std::string stringOf(const HclBlock &B, const char *Name,
                     const TerraformValues &V) {
  std::vector<std::string> S = stringsOf(B, Name, V);
  return S.empty() ? std::string() : S[0];
}

/// The non-empty parts of \p Item between commas, trimmed, appended to
/// \p Out: "21-24, 230" gives "21-24" and "230".
void appendCommaParts(const std::string &Item, std::vector<std::string> &Out) {
  size_t Start = 0;
  while (Start <= Item.size()) {
    size_t Comma = Item.find(',', Start);
    std::string Part = Item.substr(Start, Comma - Start);
    Part.erase(0, Part.find_first_not_of(" \t"));
    Part.erase(Part.find_last_not_of(" \t") + 1);
    if (!Part.empty())
      Out.push_back(Part);
    if (Comma == std::string::npos)
      break;
    Start = Comma + 1;
  }
}

/// The port ranges of attribute \p Name: strings and bare numbers
/// (`"22"`, `22`, `["22", 3389]`), a string holding several split at its
/// commas (`"21-24, 230"`).
std::vector<std::string> portsOf(const HclBlock &B, const char *Name,
                                 const TerraformValues &V) {
  std::vector<std::string> Out;
  const formats::HclAttribute *A = B.attribute(Name);
  if (!A)
    return Out;
  for (const std::string &Item :
       formats::hclScalars(resolveTerraformReferences(A->Expression, V)))
    appendCommaParts(Item, Out);
  return Out;
}

/// Where a rule's values came from when not written in it: the first
/// variable or local the attributes \p Names refer to, as a note for the
/// message ("" for literals).
std::string viaOf(const HclBlock &B,
                  std::initializer_list<const char *> Names) {
  for (const char *Name : Names)
    if (const formats::HclAttribute *A = B.attribute(Name))
      if (std::string R = firstTerraformReference(A->Expression); !R.empty())
        return " (from " + R + ")";
  return {};
}

/// A port range written "22", "20-30", "*" or "" (all).
std::pair<long, long> portRange(const std::string &Text) {
  if (Text.empty() || Text == "*")
    return {0, 65535};
  size_t Dash = Text.find('-');
  auto From = formats::hclNumber(Text.substr(0, Dash));
  auto To = Dash == std::string::npos
                ? From
                : formats::hclNumber(Text.substr(Dash + 1));
  if (!From || !To)
    return {-1, -1};
  return {*From, *To};
}

/// The ports and transport of an AWS rule: protocol "-1" (all) opens every
/// port; ICMP's from_port/to_port are a type and a code, not ports.
struct PortRule {
  long From = -1;
  long To = -1;
  Transport Through = Transport::Tcp;
};

PortRule awsPorts(const HclBlock &B, const char *ProtocolName,
                  const TerraformValues &V) {
  Transport Through = transportOf(stringOf(B, ProtocolName, V));
  if (const formats::HclAttribute *A = B.attribute(ProtocolName))
    if (auto Number = formats::hclNumber(A->Expression))
      Through = transportOf(std::to_string(*Number));
  if (Through == Transport::Any)
    return {0, 65535, Through};
  auto Number = [&](const char *Name) -> std::optional<long> {
    const formats::HclAttribute *A = B.attribute(Name);
    return A ? formats::hclNumber(resolveTerraformReferences(A->Expression, V))
             : std::nullopt;
  };
  auto From = Number("from_port"), To = Number("to_port");
  if (!From || !To)
    return {-1, -1, Through};
  if (*From == 0 && *To == 0)
    return {0, 65535, Through};
  return {*From, *To, Through};
}

void reportOpen(std::vector<Finding> &Out, const std::string &File, int Line,
                const std::string &Where, const std::string &Cidr,
                const PortRule &Rule, const std::string &Via) {
  std::string Ports = adminPortsIn(Rule.From, Rule.To, Rule.Through);
  if (Ports.empty())
    return;
  Out.push_back(
      makeFinding(OpenAdminPort, File, Line,
                  "'" + Where + "' opens " + Ports + " to " + Cidr + Via +
                      "; allow only known networks (a VPN or bastion range)"));
}

void scanAzureRule(const HclBlock &Rule, const std::string &Where,
                   const std::string &File, const TerraformValues &V,
                   std::vector<Finding> &Out) {
  if (toLower(stringOf(Rule, "direction", V)) != "inbound" ||
      toLower(stringOf(Rule, "access", V)) != "allow")
    return;
  std::vector<std::string> Sources =
      stringsOf(Rule, "source_address_prefix", V);
  for (const std::string &S : stringsOf(Rule, "source_address_prefixes", V))
    Sources.push_back(S);
  std::string Cidr = firstOpen(Sources);
  if (Cidr.empty())
    return;
  Transport Through = transportOf(stringOf(Rule, "protocol", V));
  std::vector<std::string> Ranges = portsOf(Rule, "destination_port_range", V);
  for (const std::string &R : portsOf(Rule, "destination_port_ranges", V))
    Ranges.push_back(R);
  std::string Via =
      viaOf(Rule, {"source_address_prefix", "source_address_prefixes",
                   "destination_port_range", "destination_port_ranges"});
  for (const std::string &R : Ranges) {
    auto [From, To] = portRange(R);
    if (!adminPortsIn(From, To, Through).empty()) {
      reportOpen(Out, File, Rule.Line, Where, Cidr, {From, To, Through}, Via);
      return;
    }
  }
}

/// An AWS ingress rule, written as a block, a resource, or an object of an
/// `ingress = [{...}]` list.
void scanAwsIngress(const HclBlock &In, int Line, const std::string &Where,
                    const std::string &File, const TerraformValues &V,
                    std::vector<Finding> &Out) {
  std::vector<std::string> Cidrs = stringsOf(In, "cidr_blocks", V);
  for (const std::string &C : stringsOf(In, "ipv6_cidr_blocks", V))
    Cidrs.push_back(C);
  std::string Cidr = firstOpen(Cidrs);
  if (!Cidr.empty())
    reportOpen(Out, File, Line, Where, Cidr, awsPorts(In, "protocol", V),
               viaOf(In, {"cidr_blocks", "ipv6_cidr_blocks", "from_port",
                          "to_port", "protocol"}));
}

void scanResource(const HclBlock &R, const std::string &File,
                  const TerraformValues &V, std::vector<Finding> &Out) {
  if (R.Labels.size() < 2)
    return;
  const std::string &Type = R.Labels[0];
  std::string Where = Type + "." + R.Labels[1];
  if (Type == "aws_security_group") {
    for (const HclBlock &In : R.Blocks)
      if (In.Type == "ingress")
        scanAwsIngress(In, In.Line, Where, File, V, Out);
    if (const formats::HclAttribute *List = R.attribute("ingress"))
      for (const HclBlock &In : formats::hclObjects(*List))
        scanAwsIngress(In, In.Line, Where, File, V, Out);
  } else if (Type == "aws_security_group_rule") {
    if (stringOf(R, "type", V) == "ingress")
      scanAwsIngress(R, R.Line, Where, File, V, Out);
  } else if (Type == "aws_vpc_security_group_ingress_rule") {
    std::string Cidr =
        firstOpen({stringOf(R, "cidr_ipv4", V), stringOf(R, "cidr_ipv6", V)});
    if (!Cidr.empty())
      reportOpen(Out, File, R.Line, Where, Cidr, awsPorts(R, "ip_protocol", V),
                 viaOf(R, {"cidr_ipv4", "cidr_ipv6", "from_port", "to_port",
                           "ip_protocol"}));
  } else if (Type == "google_compute_firewall") {
    std::string Direction = stringOf(R, "direction", V);
    if (!Direction.empty() && Direction != "INGRESS")
      return;
    std::string Cidr = firstOpen(stringsOf(R, "source_ranges", V));
    if (Cidr.empty())
      return;
    for (const HclBlock &Allow : R.Blocks) {
      if (Allow.Type != "allow")
        continue;
      Transport Through = transportOf(stringOf(Allow, "protocol", V));
      std::vector<std::string> Ports = portsOf(Allow, "ports", V);
      // No ports: every port of the protocol.
      if (Ports.empty())
        Ports.emplace_back("*");
      std::string Via = viaOf(R, {"source_ranges"});
      if (Via.empty())
        Via = viaOf(Allow, {"ports"});
      for (const std::string &P : Ports) {
        auto [From, To] = portRange(P);
        if (!adminPortsIn(From, To, Through).empty()) {
          reportOpen(Out, File, Allow.Line, Where, Cidr, {From, To, Through},
                     Via);
          break;
        }
      }
    }
  } else if (Type == "azurerm_network_security_rule") {
    scanAzureRule(R, Where, File, V, Out);
  } else if (Type == "azurerm_network_security_group") {
    for (const HclBlock &Rule : R.Blocks)
      if (Rule.Type == "security_rule")
        scanAzureRule(Rule, Where, File, V, Out);
    if (const formats::HclAttribute *List = R.attribute("security_rule"))
      for (const HclBlock &Rule : formats::hclObjects(*List))
        scanAzureRule(Rule, Where, File, V, Out);
  }
}

// Kubernetes.

const YamlNode *path(const YamlNode *Node,
                     std::initializer_list<const char *> Keys) {
  for (const char *Key : Keys) {
    if (!Node)
      return nullptr;
    Node = Node->get(Key);
  }
  return Node;
}

std::string scalarAt(const YamlNode *Node,
                     std::initializer_list<const char *> Keys) {
  const YamlNode *N = path(Node, Keys);
  return N && N->Type == YamlNode::Kind::Scalar ? N->Value : std::string();
}

/// The pod spec of a workload object, or null.
const YamlNode *podSpec(const YamlNode &Doc, const std::string &Kind) {
  if (Kind == "Pod")
    return Doc.get("spec");
  if (Kind == "CronJob")
    return path(&Doc, {"spec", "jobTemplate", "spec", "template", "spec"});
  if (Kind == "Deployment" || Kind == "StatefulSet" || Kind == "DaemonSet" ||
      Kind == "ReplicaSet" || Kind == "Job" || Kind == "ReplicationController")
    return path(&Doc, {"spec", "template", "spec"});
  return nullptr;
}

void scanService(const YamlNode &Doc, const std::string &Name,
                 const std::string &File, std::vector<Finding> &Out) {
  std::string Type = scalarAt(&Doc, {"spec", "type"});
  if (Type != "LoadBalancer" && Type != "NodePort")
    return;
  // Source ranges restrict who reaches a load balancer.
  const YamlNode *Ranges = path(&Doc, {"spec", "loadBalancerSourceRanges"});
  if (Type == "LoadBalancer" && Ranges && Ranges->Type == YamlNode::Kind::Seq &&
      !Ranges->Elements.empty())
    return;
  const YamlNode *Ports = path(&Doc, {"spec", "ports"});
  if (!Ports || Ports->Type != YamlNode::Kind::Seq)
    return;
  for (const YamlNode &P : Ports->Elements)
    for (const char *Key : {"port", "targetPort"}) {
      auto Port = formats::hclNumber(P.text(Key));
      if (!Port)
        continue;
      std::string Names =
          adminPortsIn(*Port, *Port, transportOf(P.text("protocol")));
      if (Names.empty())
        continue;
      Out.push_back(makeFinding(
          OpenAdminPort, File, P.Line,
          "'Service/" + Name + "' of type " + Type + " exposes " + Names +
              " outside the cluster; use a ClusterIP Service, or "
              "loadBalancerSourceRanges"));
      break;
    }
}

void scanContainers(const YamlNode &Pod, const std::string &Object,
                    const std::string &File, std::vector<Finding> &Out) {
  std::string PodUser = scalarAt(&Pod, {"securityContext", "runAsUser"});
  std::string PodNonRoot = scalarAt(&Pod, {"securityContext", "runAsNonRoot"});
  for (const char *List : {"initContainers", "containers"}) {
    const YamlNode *Containers = Pod.get(List);
    if (!Containers || Containers->Type != YamlNode::Kind::Seq)
      continue;
    for (const YamlNode &C : Containers->Elements) {
      std::string Name = C.text("name");
      std::string Where = Object + "' container '" + Name;
      const YamlNode *Privileged = path(&C, {"securityContext", "privileged"});
      if (Privileged && Privileged->Value == "true")
        Out.push_back(
            makeFinding(PrivilegedContainer, File, Privileged->Line,
                        "'" + Where +
                            "' is privileged (securityContext.privileged: "
                            "true): it has every capability of the host; "
                            "grant only the capabilities it needs"));
      const YamlNode *UserNode = path(&C, {"securityContext", "runAsUser"});
      const YamlNode *NonRootNode =
          path(&C, {"securityContext", "runAsNonRoot"});
      std::string User = UserNode ? UserNode->Value : PodUser;
      std::string NonRoot = NonRootNode ? NonRootNode->Value : PodNonRoot;
      int Line = UserNode      ? UserNode->Line
                 : NonRootNode ? NonRootNode->Line
                               : C.Line;
      auto Uid = formats::hclNumber(User);
      if (Uid && *Uid == 0)
        Out.push_back(
            makeFinding(RootContainer, File, Line,
                        "'" + Where +
                            "' runs as root (runAsUser: 0); run it as a "
                            "non-root user"));
      else if ((Uid && *Uid > 0) || NonRoot == "true")
        continue;
      else
        Out.push_back(
            makeFinding(RootContainer, File, Line,
                        "'" + Where +
                            "' may run as root: neither runAsNonRoot: true "
                            "nor a non-zero runAsUser is set, so the image's "
                            "user decides; set runAsNonRoot: true"));
    }
  }
}

void scanKubernetesObject(const YamlNode &Doc, const std::string &File,
                          std::vector<Finding> &Out) {
  std::string Kind = Doc.text("kind");
  if (Kind.empty() || Doc.text("apiVersion").empty())
    return;
  std::string Name = scalarAt(&Doc, {"metadata", "name"});
  if (Kind == "Service")
    scanService(Doc, Name, File, Out);
  else if (const YamlNode *Pod = podSpec(Doc, Kind))
    scanContainers(*Pod, Kind + "/" + Name, File, Out);
}

bool isKustomization(const fs::path &P) {
  std::string Name = P.filename().string();
  return Name == "kustomization.yaml" || Name == "kustomization.yml" ||
         Name == "Kustomization";
}

/// Files found walking the source tree, by the scanner that reads them.
/// A Helm template is a Kubernetes file inside a chart's templates folder;
/// HelmHelpers (`.tpl`) only define named templates for them.
enum class FileKind {
  None,
  Terraform,
  Kubernetes,
  Compose,
  Dockerfile,
  HelmHelpers
};

FileKind kindOf(const fs::path &P) {
  std::string Name = toLower(P.filename().string());
  std::string Ext = toLower(P.extension().string());
  if (Ext == ".tf" || Ext == ".tofu")
    return FileKind::Terraform;
  if (Ext == ".tpl")
    return FileKind::HelmHelpers;
  if (Name == "dockerfile" || Name.rfind("dockerfile.", 0) == 0 ||
      Name == "containerfile" || Ext == ".dockerfile")
    return FileKind::Dockerfile;
  if (Ext == ".yml" || Ext == ".yaml")
    return Name.rfind("docker-compose", 0) == 0 ||
                   Name.rfind("compose.", 0) == 0 ||
                   Name.rfind("compose-", 0) == 0
               ? FileKind::Compose
               : FileKind::Kubernetes;
  return FileKind::None;
}

/// Directories that are not the project's deployment: VCS data,
/// dependencies, build trees, tests' fixtures, and nested CMake projects
/// (examples and vendored projects, each gated on its own).
bool skipDirectory(const fs::path &Dir) {
  std::string Name = Dir.filename().string();
  static const std::set<std::string> Skipped = {
      ".git", "node_modules", "third_party", "vendor", "_deps", "test", "tests",
      "testdata", "fixtures", "lit-tests", "unittests",
      // What `terraform init` downloads (providers, modules): modules are
      // scanned through their calls (DownloadedModules.h).
      ".terraform"};
  std::error_code Ec;
  if (Skipped.count(Name) || fs::exists(Dir / "CMakeCache.txt", Ec))
    return true;
  if (fs::is_regular_file(Dir / "CMakeLists.txt", Ec)) {
    std::string Text;
    try {
      Text = toLower(readFile((Dir / "CMakeLists.txt").string()));
    } catch (const Error &) {
      return false;
    }
    return Text.find("project(") != std::string::npos ||
           Text.find("project (") != std::string::npos;
  }
  return false;
}

/// The values of the Terraform module in \p Dir: the variables and locals
/// of its files among \p Files, then terraform.tfvars and the
/// *.auto.tfvars files in name order, as Terraform reads them.
TerraformValues moduleValues(const fs::path &Dir,
                             const std::vector<fs::path> &Files) {
  auto Read = [](const fs::path &P) {
    try {
      return readFile(P.string());
    } catch (const Error &) {
      return std::string();
    }
  };
  std::vector<std::string> Module;
  for (const fs::path &P : Files)
    if (P.parent_path() == Dir && kindOf(P) == FileKind::Terraform)
      Module.push_back(Read(P));
  std::vector<fs::path> Tfvars;
  std::error_code Ec;
  for (const fs::directory_entry &D : fs::directory_iterator(Dir, Ec)) {
    std::string Name = D.path().filename().string();
    if (D.is_regular_file(Ec) &&
        (Name == "terraform.tfvars" ||
         (Name.size() > 12 && Name.substr(Name.size() - 12) == ".auto.tfvars")))
      Tfvars.push_back(D.path());
  }
  std::sort(Tfvars.begin(), Tfvars.end(),
            [](const fs::path &A, const fs::path &B) {
              bool ARoot = A.filename() == "terraform.tfvars";
              bool BRoot = B.filename() == "terraform.tfvars";
              return ARoot != BRoot ? ARoot : A < B;
            });
  std::vector<std::string> TfvarsTexts;
  TfvarsTexts.reserve(Tfvars.size());
  for (const fs::path &P : Tfvars)
    TfvarsTexts.push_back(Read(P));
  return terraformValues(Module, TfvarsTexts);
}

/// A module's own values with the arguments \p Call passes, resolved in
/// the caller's values \p Caller, over them.
TerraformValues withCallArguments(TerraformValues Own, const HclBlock &Call,
                                  const TerraformValues &Caller) {
  static const std::set<std::string> MetaArguments = {
      "source", "version", "providers", "count", "for_each", "depends_on"};
  for (const formats::HclAttribute &A : Call.Attributes)
    if (!MetaArguments.count(A.Name))
      Own["var." + A.Name] = resolveTerraformReferences(A.Expression, Caller);
  return Own;
}

/// The module calls of the tree's Terraform files, each file read once.
struct ModuleCalls {
  /// For each called folder, one set of values per `module` block whose
  /// `source` is a local path (`./network`, `../modules/sg`).
  std::map<fs::path, std::vector<TerraformValues>> Local;
  /// Calls of registry and remote modules `terraform init` downloaded,
  /// with the file that makes each.
  std::vector<std::pair<fs::path, DownloadedModuleCall>> Downloaded;
};

ModuleCalls
moduleCalls(const std::vector<fs::path> &Files,
            const std::map<fs::path, TerraformValues> &ModuleValues) {
  ModuleCalls Calls;
  for (const fs::path &P : Files) {
    if (kindOf(P) != FileKind::Terraform)
      continue;
    std::string Text;
    try {
      Text = readFile(P.string());
    } catch (const Error &) {
      continue;
    }
    const TerraformValues &Caller = ModuleValues.at(P.parent_path());
    std::vector<HclBlock> Blocks = formats::readHclBlocks(Text);
    for (DownloadedModuleCall &Call :
         downloadedModuleCalls(Blocks, P.parent_path()))
      Calls.Downloaded.emplace_back(P, std::move(Call));
    for (const HclBlock &B : Blocks) {
      const formats::HclAttribute *Source = B.attribute("source");
      if (B.Type != "module" || !Source)
        continue;
      std::vector<std::string> Path = formats::hclStrings(Source->Expression);
      if (Path.empty() || isRemoteModuleSource(Path[0]))
        continue; // not in the tree (unless downloaded, above)
      std::string Relative = Path[0];
      while (Relative.size() > 1 && Relative.back() == '/')
        Relative.pop_back();
      fs::path Called = (P.parent_path() / Relative).lexically_normal();
      auto Own = ModuleValues.find(Called);
      if (Own == ModuleValues.end())
        continue;
      Calls.Local[Called].push_back(withCallArguments(Own->second, B, Caller));
    }
  }
  return Calls;
}

/// The findings of a downloaded module's files, scanned with the values
/// \p Call passes (resolved with its caller's \p CallerValues) over the
/// module's defaults; each message says where in the module it is.
std::vector<Finding> scanDownloadedModule(const DownloadedModuleCall &Call,
                                          const TerraformValues &CallerValues,
                                          const fs::path &Root) {
  std::vector<fs::path> ModuleFiles;
  std::error_code Ec;
  for (const fs::directory_entry &D : fs::directory_iterator(Call.Dir, Ec))
    if (D.is_regular_file(Ec) && kindOf(D.path()) == FileKind::Terraform)
      ModuleFiles.push_back(D.path());
  std::sort(ModuleFiles.begin(), ModuleFiles.end());
  TerraformValues Values = withCallArguments(
      moduleValues(Call.Dir, ModuleFiles), Call.Call, CallerValues);
  std::vector<Finding> Out;
  for (const fs::path &P : ModuleFiles) {
    std::string Text;
    try {
      Text = readFile(P.string());
    } catch (const Error &) {
      continue;
    }
    std::string Shown = P.lexically_relative(Root).generic_string();
    for (Finding &F : scanTerraform(Shown, Text, Values)) {
      F.Message += " (in module '" + Call.Call.Labels[0] + "' from " +
                   Call.Source + ", " + Shown + ":" + std::to_string(F.Line) +
                   ")";
      Out.push_back(std::move(F));
    }
  }
  return Out;
}

/// The chart whose templates folder holds \p File (the nearest), or "".
fs::path chartOf(const fs::path &File, const std::set<fs::path> &Charts) {
  for (fs::path Dir = File.parent_path(); Dir.has_relative_path();
       Dir = Dir.parent_path()) {
    if (Dir.filename() == "templates" && Charts.count(Dir.parent_path()))
      return Dir.parent_path();
    if (Charts.count(Dir))
      return {}; // inside a chart, but not among its templates
  }
  return {};
}

/// The first document of a chart's YAML file, or a null node.
YamlNode chartYaml(const fs::path &File) {
  std::error_code Ec;
  if (!fs::is_regular_file(File, Ec))
    return {};
  try {
    std::vector<YamlNode> Docs =
        formats::readYamlSubset(readFile(File.string()));
    return Docs.empty() ? YamlNode() : Docs.front();
  } catch (const Error &) {
    return {};
  }
}

/// The renderers of a tree's Helm charts, each with its chart's values and
/// every named template it can use: its own files', its subcharts' (under
/// charts/) and its dependencies' found in the tree (a `file://` path, else
/// a chart of that name, as Bitnami's `common` library is).
class HelmCharts {
public:
  HelmCharts(const std::vector<fs::path> &Files,
             const std::set<fs::path> &Roots)
      : Roots(Roots) {
    std::map<fs::path, std::vector<fs::path>> Templates;
    for (const fs::path &P : Files) {
      fs::path Chart = chartOf(P, Roots);
      if (!Chart.empty())
        Templates[Chart].push_back(P);
    }
    std::map<fs::path, YamlNode> Meta;
    std::map<std::string, std::vector<fs::path>> ByName;
    for (const fs::path &Root : Roots) {
      Meta[Root] = chartYaml(Root / "Chart.yaml");
      ByName[Meta[Root].text("name")].push_back(Root);
    }
    for (const auto &[Chart, Own] : Templates) {
      // A library chart only defines templates for others.
      if (Meta[Chart].text("type") == "library")
        continue;
      std::vector<Variant> &Variants = Renderers[Chart];
      YamlNode Defaults = chartYaml(Chart / "values.yaml");
      for (const auto &[Label, Values] : valuesVariants(Chart, Defaults)) {
        formats::HelmChartInputs In;
        In.Values = Values;
        In.ChartYaml = Meta[Chart];
        Variants.push_back(
            {Label, std::make_unique<formats::HelmRenderer>(In)});
      }
      std::set<fs::path> Seen;
      std::vector<fs::path> Pending{Chart};
      while (!Pending.empty()) {
        fs::path C = Pending.back();
        Pending.pop_back();
        if (!Seen.insert(C).second)
          continue;
        for (const fs::path &P : Templates[C]) {
          auto &File = Parsed[P];
          if (!File) {
            std::string Text;
            try {
              Text = readFile(P.string());
            } catch (const Error &) {
            }
            File = formats::parseHelmFile(
                Text, Meta[C].text("name") + "/" +
                          P.lexically_relative(C).generic_string());
          }
          for (Variant &V : Variants)
            V.Renderer->addDefinitions(File);
        }
        for (const fs::path &Root : Roots)
          if (Root.parent_path() == C / "charts")
            Pending.push_back(Root);
        const YamlNode *Deps = Meta[C].get("dependencies");
        if (!Deps || Deps->Type != YamlNode::Kind::Seq)
          continue;
        for (const YamlNode &D : Deps->Elements) {
          std::string Repository = D.text("repository");
          if (Repository.rfind("file://", 0) == 0) {
            fs::path Local = (C / Repository.substr(7)).lexically_normal();
            if (Roots.count(Local))
              Pending.push_back(Local);
            continue;
          }
          for (const fs::path &Named : ByName[D.text("name")])
            Pending.push_back(Named);
        }
      }
    }
  }

  /// Whether \p File is in a chart's templates folder.
  bool isTemplate(const fs::path &File) const {
    return !chartOf(File, Roots).empty();
  }

  /// \p File rendered with each values variant of its chart (none for a
  /// library chart's): the label of the values used, and the result.
  std::vector<std::pair<std::string, formats::HelmRendered>>
  render(const fs::path &File) const {
    std::vector<std::pair<std::string, formats::HelmRendered>> Out;
    auto It = Renderers.find(chartOf(File, Roots));
    auto Text = Parsed.find(File);
    if (It == Renderers.end() || Text == Parsed.end())
      return Out;
    for (const Variant &V : It->second)
      Out.emplace_back(V.Label, V.Renderer->render(*Text->second));
    return Out;
  }

private:
  /// A chart rendered with one set of values.
  struct Variant {
    std::string Label; ///< "values.yaml", "values.yaml and values-prod.yaml"
    std::unique_ptr<formats::HelmRenderer> Renderer;
  };

  /// The values a chart can be installed with: values.yaml, and each other
  /// values file beside it (values-prod.yaml, values.staging.yaml) over it,
  /// as `helm install -f` merges them. Which one a deployment uses is not
  /// in the repository, so every one is rendered.
  static std::vector<std::pair<std::string, YamlNode>>
  valuesVariants(const fs::path &Chart, const YamlNode &Defaults) {
    std::vector<std::pair<std::string, YamlNode>> Out{
        {"values.yaml", Defaults}};
    std::vector<fs::path> Others;
    std::error_code Ec;
    for (const auto &Entry : fs::directory_iterator(Chart, Ec)) {
      std::string Name = Entry.path().filename().string();
      std::string Ext = toLower(Entry.path().extension().string());
      if (Name != "values.yaml" && Name.rfind("values", 0) == 0 &&
          Name.size() > 6 &&
          (Name[6] == '-' || Name[6] == '.' || Name[6] == '_') &&
          (Ext == ".yaml" || Ext == ".yml") && Entry.is_regular_file(Ec))
        Others.push_back(Entry.path());
    }
    std::sort(Others.begin(), Others.end());
    for (const fs::path &P : Others) {
      YamlNode Merged = Defaults;
      mergeValues(Merged, chartYaml(P));
      Out.emplace_back("values.yaml and " + P.filename().string(),
                       std::move(Merged));
    }
    return Out;
  }

  /// Helm's coalescing of a values file over the defaults: maps merge,
  /// null removes, anything else replaces.
  static void mergeValues(YamlNode &Base, const YamlNode &Over) {
    if (Base.Type != YamlNode::Kind::Map || Over.Type != YamlNode::Kind::Map) {
      if (Over.Type != YamlNode::Kind::Null || Base.Type != YamlNode::Kind::Map)
        Base = Over;
      return;
    }
    for (const auto &[Key, Value] : Over.Items) {
      auto It = std::find_if(
          Base.Items.begin(), Base.Items.end(),
          [&Key = Key](const auto &Item) { return Item.first == Key; });
      if (It == Base.Items.end()) {
        if (Value.Type != YamlNode::Kind::Null)
          Base.Items.emplace_back(Key, Value);
      } else if (Value.Type == YamlNode::Kind::Null) {
        Base.Items.erase(It);
      } else {
        mergeValues(It->second, Value);
      }
    }
  }

  const std::set<fs::path> &Roots;
  /// Each file parsed once, shared by every chart that uses it.
  std::map<fs::path, std::shared_ptr<const formats::HelmFile>> Parsed;
  std::map<fs::path, std::vector<Variant>> Renderers;
};

std::vector<Finding> scanHelmTemplate(const std::string &File,
                                      const std::string &Values,
                                      const formats::HelmRendered &R,
                                      std::vector<std::string> *Warnings) {
  if (!R.Problem.empty()) {
    // Half a manifest would read as containers without their settings.
    if (Warnings)
      Warnings->push_back(File + ": Helm template not rendered" +
                          (Values == "values.yaml" ? "" : " with " + Values) +
                          " (" + R.Problem + "); not scanned");
    return {};
  }
  if (Warnings && !R.UnknownFunctions.empty()) {
    std::string Names;
    for (const std::string &F : R.UnknownFunctions)
      Names += (Names.empty() ? "" : ", ") + F;
    Warnings->push_back(File +
                        ": Helm functions not known, rendered as no "
                        "value: " +
                        Names);
  }
  std::vector<Finding> Out = scanKubernetes(File, R.Text);
  for (Finding &F : Out) {
    F.Line = R.templateLine(F.Line);
    F.Message += " (rendered with the chart's " + Values + ")";
  }
  return Out;
}

std::string lineOf(std::string_view Text, int Line) {
  size_t Begin = 0;
  for (int I = 1; I < Line && Begin < Text.size(); ++I) {
    size_t End = Text.find('\n', Begin);
    if (End == std::string_view::npos)
      return {};
    Begin = End + 1;
  }
  return std::string(Text.substr(Begin, Text.find('\n', Begin) - Begin));
}

} // namespace

namespace {

/// The named rules of the registry module terraform-aws-modules/
/// security-group/aws (its rules.tf) that reach an administrative port,
/// and the "all" rules.
struct RegistryRule {
  const char *Name;
  long From;
  long To;
  Transport Through;
};

constexpr RegistryRule RegistryRules[] = {
    {"all-all", 0, 65535, Transport::Any},
    {"all-tcp", 0, 65535, Transport::Tcp},
    {"all-udp", 0, 65535, Transport::Udp},
    {"ssh-tcp", 22, 22, Transport::Tcp},
    {"rdp-tcp", 3389, 3389, Transport::Tcp},
    {"rdp-udp", 3389, 3389, Transport::Udp},
    {"mysql-tcp", 3306, 3306, Transport::Tcp},
    {"postgresql-tcp", 5432, 5432, Transport::Tcp},
    {"mssql-tcp", 1433, 1433, Transport::Tcp},
    {"oracle-db-tcp", 1521, 1521, Transport::Tcp},
    {"redis-tcp", 6379, 6379, Transport::Tcp},
    {"mongodb-27017-tcp", 27017, 27017, Transport::Tcp},
    {"elasticsearch-rest-tcp", 9200, 9200, Transport::Tcp},
    {"elasticsearch-java-tcp", 9300, 9300, Transport::Tcp},
    {"kibana-tcp", 5601, 5601, Transport::Tcp},
    {"memcached-tcp", 11211, 11211, Transport::Tcp},
    {"cassandra-clients-tcp", 9042, 9042, Transport::Tcp},
    {"rabbitmq-15672-tcp", 15672, 15672, Transport::Tcp},
    {"etcd-client-tcp", 2379, 2379, Transport::Tcp},
    {"kubernetes-api-tcp", 6443, 6443, Transport::Tcp},
    {"docker-swarm-mngmt-tcp", 2377, 2377, Transport::Tcp},
};

/// The rules the module's preset submodules (`//modules/ssh`) add to
/// ingress_cidr_blocks by default (auto_ingress_rules).
std::vector<std::string> submoduleRules(const std::string &Submodule) {
  if (Submodule == "rdp")
    return {"rdp-tcp", "rdp-udp"};
  if (Submodule == "mongodb")
    return {"mongodb-27017-tcp"};
  if (Submodule == "elasticsearch")
    return {"elasticsearch-rest-tcp", "elasticsearch-java-tcp"};
  if (Submodule == "cassandra")
    return {"cassandra-clients-tcp"};
  if (Submodule == "rabbitmq")
    return {"rabbitmq-15672-tcp"};
  for (const char *Plain : {"ssh", "mysql", "postgresql", "mssql", "oracle-db",
                            "redis", "kibana", "memcached"})
    if (Submodule == Plain)
      return {Submodule + "-tcp"};
  return {};
}

const RegistryRule *registryRule(const std::string &Name) {
  for (const RegistryRule &R : RegistryRules)
    if (Name == R.Name)
      return &R;
  return nullptr;
}

/// CIDRs as the module takes them: lists, or one string with commas.
std::vector<std::string> cidrsOf(const HclBlock &B,
                                 std::initializer_list<const char *> Names,
                                 const TerraformValues &V) {
  std::vector<std::string> Out;
  for (const char *Name : Names)
    for (const std::string &Item : stringsOf(B, Name, V))
      appendCommaParts(Item, Out);
  return Out;
}

/// A call of the registry module terraform-aws-modules/security-group/aws:
/// its `ingress_rules` (and a preset submodule's rules) on
/// `ingress_cidr_blocks`, and its `ingress_with_cidr_blocks` objects (each
/// a named `rule` or from_port/to_port/protocol, with its own CIDRs or the
/// module's).
void scanSecurityGroupModule(const HclBlock &M, const std::string &File,
                             const TerraformValues &V,
                             std::vector<Finding> &Out) {
  std::string Source = stringOf(M, "source", V);
  const std::string Registry = "terraform-aws-modules/security-group/aws";
  size_t At = Source.find(Registry);
  if (M.Labels.empty() || At == std::string::npos)
    return;
  std::string Submodule;
  if (size_t Sub = Source.find("//modules/", At); Sub != std::string::npos)
    Submodule = Source.substr(Sub + 10);
  std::string Where = "module." + M.Labels[0];
  std::vector<std::string> ModuleCidrs =
      cidrsOf(M, {"ingress_cidr_blocks", "ingress_ipv6_cidr_blocks"}, V);
  std::string Via = viaOf(
      M, {"ingress_cidr_blocks", "ingress_ipv6_cidr_blocks", "ingress_rules"});
  auto ReportNamed = [&](const std::string &Name, const std::string &Cidr,
                         int Line, const std::string &From) {
    if (const RegistryRule *R = registryRule(Name))
      reportOpen(Out, File, Line, Where, Cidr, {R->From, R->To, R->Through},
                 From);
  };
  if (std::string Cidr = firstOpen(ModuleCidrs); !Cidr.empty()) {
    std::vector<std::string> Rules = stringsOf(M, "ingress_rules", V);
    // A preset submodule adds its rules unless the call replaces them
    // (`auto_ingress_rules = []` turns them off).
    std::vector<std::string> Preset =
        M.attribute("auto_ingress_rules")
            ? stringsOf(M, "auto_ingress_rules", V)
            : submoduleRules(Submodule);
    Rules.insert(Rules.end(), Preset.begin(), Preset.end());
    const formats::HclAttribute *Listed = M.attribute("ingress_rules");
    for (const std::string &Name : Rules)
      ReportNamed(Name, Cidr, Listed ? Listed->Line : M.Line, Via);
  }
  for (const char *List :
       {"ingress_with_cidr_blocks", "ingress_with_ipv6_cidr_blocks"}) {
    const formats::HclAttribute *A = M.attribute(List);
    if (!A)
      continue;
    for (const HclBlock &Rule : formats::hclObjects(*A)) {
      std::vector<std::string> Cidrs =
          cidrsOf(Rule, {"cidr_blocks", "ipv6_cidr_blocks"}, V);
      std::string Cidr = firstOpen(Cidrs.empty() ? ModuleCidrs : Cidrs);
      if (Cidr.empty())
        continue;
      std::string From = viaOf(Rule, {"cidr_blocks", "ipv6_cidr_blocks",
                                      "from_port", "to_port", "protocol"});
      if (std::string Name = stringOf(Rule, "rule", V); !Name.empty())
        ReportNamed(Name, Cidr, Rule.Line, From);
      else
        reportOpen(Out, File, Rule.Line, Where, Cidr,
                   awsPorts(Rule, "protocol", V), From);
    }
  }
}

} // namespace

std::vector<Finding> scanTerraform(const std::string &File,
                                   std::string_view Text,
                                   const TerraformValues &Values) {
  std::vector<Finding> Out;
  for (const HclBlock &B : formats::readHclBlocks(Text))
    if (B.Type == "resource")
      scanResource(B, File, Values, Out);
    else if (B.Type == "module")
      scanSecurityGroupModule(B, File, Values, Out);
  return Out;
}

std::vector<Finding> scanKubernetes(const std::string &File,
                                    std::string_view Text) {
  std::vector<Finding> Out;
  for (const YamlNode &Doc : formats::readYamlSubset(Text))
    scanKubernetesObject(Doc, File, Out);
  return Out;
}

std::vector<Finding> scanCompose(const std::string &File,
                                 std::string_view Text) {
  std::vector<Finding> Out;
  for (const YamlNode &Doc : formats::readYamlSubset(Text)) {
    const YamlNode *Services = Doc.get("services");
    if (!Services || Services->Type != YamlNode::Kind::Map)
      continue;
    for (const auto &[Service, Spec] : Services->Items) {
      const YamlNode *Ports = Spec.get("ports");
      if (!Ports || Ports->Type != YamlNode::Kind::Seq)
        continue;
      for (const YamlNode &P : Ports->Elements) {
        std::string HostIp, Shown;
        if (P.Type == YamlNode::Kind::Map) {
          HostIp = P.text("host_ip");
          Shown = P.text("published").empty() ? P.text("target")
                                              : P.text("published");
          // `published: 127.0.0.1:8080`, the short form's address written
          // into the long form: Compose binds it to that address.
          if (size_t Colon = Shown.rfind(':');
              HostIp.empty() && Colon != std::string::npos && Colon > 0) {
            HostIp = Shown.substr(0, Colon);
            Shown = Shown.substr(Colon + 1);
          }
        } else if (P.Type == YamlNode::Kind::Scalar) {
          Shown = P.Value;
          std::string Spec = P.Value;
          if (!Spec.empty() && Spec[0] == '[') {
            HostIp = Spec.substr(1, Spec.find(']') - 1);
          } else {
            size_t Last = Spec.rfind(':');
            size_t Second = Last == std::string::npos || Last == 0
                                ? std::string::npos
                                : Spec.rfind(':', Last - 1);
            if (Second != std::string::npos)
              HostIp = Spec.substr(0, Second);
          }
        } else {
          continue;
        }
        if (!HostIp.empty() && HostIp != "0.0.0.0" && HostIp != "::")
          continue;
        Out.push_back(makeFinding(
            ComposePublicPort, File, P.Line,
            "'" + Service + "' publishes port " + Shown +
                " on every interface of the host; bind it to an address "
                "(\"127.0.0.1:" +
                Shown + "\") or leave it unpublished"));
      }
    }
  }
  return Out;
}

std::vector<Finding> scanDockerfile(const std::string &File,
                                    std::string_view Text) {
  std::vector<Finding> Out;
  int FromLine = 0, UserLine = 0;
  std::string User;
  size_t Begin = 0;
  int Number = 0;
  std::string Logical;
  int LogicalLine = 0;
  while (Begin <= Text.size()) {
    size_t End = Text.find('\n', Begin);
    if (End == std::string_view::npos)
      End = Text.size();
    std::string Raw(Text.substr(Begin, End - Begin));
    Begin = End + 1;
    ++Number;
    std::string Trimmed = Raw;
    while (!Trimmed.empty() &&
           std::isspace(static_cast<unsigned char>(Trimmed.back())))
      Trimmed.pop_back();
    size_t First = Trimmed.find_first_not_of(" \t");
    if (First == std::string::npos || Trimmed[First] == '#') {
      if (End == Text.size())
        break;
      continue;
    }
    if (Logical.empty())
      LogicalLine = Number;
    bool Continues = !Trimmed.empty() && Trimmed.back() == '\\';
    Logical += Trimmed.substr(First, Trimmed.size() - First - Continues) + " ";
    if (Continues && End != Text.size())
      continue;
    std::string Instruction = toLower(Logical.substr(0, Logical.find(' ')));
    std::string Argument = Logical.substr(Logical.find(' ') + 1);
    while (!Argument.empty() && Argument.back() == ' ')
      Argument.pop_back();
    if (Instruction == "from") {
      FromLine = LogicalLine;
      User.clear();
      UserLine = 0;
    } else if (Instruction == "user") {
      User = Argument;
      UserLine = LogicalLine;
    }
    Logical.clear();
    if (End == Text.size())
      break;
  }
  if (FromLine == 0)
    return Out; // not a Dockerfile
  std::string Name = User.substr(0, User.find(':'));
  if (User.empty())
    Out.push_back(
        makeFinding(RootContainer, File, FromLine,
                    "'" + File +
                        "' final stage has no USER instruction, so its "
                        "container runs as root; add a non-root USER"));
  else if (Name == "root" || Name == "0")
    Out.push_back(makeFinding(RootContainer, File, UserLine,
                              "'" + File + "' final stage runs as root (USER " +
                                  User + "); switch to a non-root USER"));
  return Out;
}

FindingsEvidence collectInfra(const InfraOptions &Options,
                              std::vector<std::string> *Warnings) {
  fs::path Root = fs::absolute(Options.SourceDir).lexically_normal();
  std::error_code Ec;
  if (!fs::is_directory(Root, Ec))
    throw Error("input.infra.source-dir", Options.SourceDir, "",
                "source folder does not exist");
  std::vector<fs::path> Files;
  std::set<fs::path> ChartRoots;
  std::vector<fs::path> Kustomizations;
  for (auto It = fs::recursive_directory_iterator(
           Root, fs::directory_options::skip_permission_denied, Ec);
       It != fs::recursive_directory_iterator(); It.increment(Ec)) {
    if (Ec)
      break;
    std::string Relative = It->path().lexically_relative(Root).generic_string();
    bool Excluded = false;
    for (const std::string &Glob : Options.Exclude)
      Excluded = Excluded || globMatches(Glob, Relative);
    if (It->is_directory(Ec)) {
      if (Excluded || skipDirectory(It->path()))
        It.disable_recursion_pending();
      continue;
    }
    if (Excluded || !It->is_regular_file(Ec))
      continue;
    if (It->path().filename() == "Chart.yaml")
      ChartRoots.insert(It->path().parent_path());
    if (isKustomization(It->path()))
      Kustomizations.push_back(It->path());
    if (kindOf(It->path()) != FileKind::None)
      Files.push_back(It->path());
  }
  std::sort(Files.begin(), Files.end());
  std::sort(Kustomizations.begin(), Kustomizations.end());
  HelmCharts Charts(Files, ChartRoots);
  KustomizeBuilds Overlays = buildKustomizations(Kustomizations, Root);
  // A Terraform module is a folder: its variables, locals and .tfvars
  // files give the values its rules refer to.
  std::map<fs::path, TerraformValues> ModuleValues;
  for (const fs::path &P : Files) {
    fs::path Dir = P.parent_path();
    if (kindOf(P) != FileKind::Terraform || ModuleValues.count(Dir))
      continue;
    ModuleValues[Dir] = moduleValues(Dir, Files);
  }
  // A module called from another folder of the tree gets, per call, the
  // values its caller passes (resolved in the caller's folder) over its
  // own defaults; each call is scanned, the same finding kept once.
  ModuleCalls Modules = moduleCalls(Files, ModuleValues);
  const std::map<fs::path, std::vector<TerraformValues>> &CalledWith =
      Modules.Local;
  FindingsEvidence E;
  std::map<std::string, int> Occurrences;
  std::set<std::tuple<std::string, int, std::string>> Reported;
  auto Add = [&](Finding F, std::string_view Text, bool OnlyIfNew = false) {
    if (!Reported.insert({F.File, F.Line, F.Check}).second && OnlyIfNew)
      return;
    std::string Key = fingerprintKey(F, lineOf(Text, F.Line));
    int Occurrence = Occurrences[Key]++;
    F.Fingerprint =
        sha256Hex(Key + '\n' + std::to_string(Occurrence)).substr(0, 32);
    E.Findings.push_back(std::move(F));
  };
  std::map<fs::path, std::string> Texts;
  for (const fs::path &P : Files) {
    std::string Text;
    try {
      Text = readFile(P.string());
    } catch (const Error &) {
      continue; // unreadable: nothing to say about it either way
    }
    std::string Name = P.lexically_relative(Root).generic_string();
    std::vector<Finding> Found;
    switch (kindOf(P)) {
    case FileKind::Terraform: {
      auto Calls = CalledWith.find(P.parent_path());
      if (Calls == CalledWith.end()) {
        Found = scanTerraform(Name, Text, ModuleValues[P.parent_path()]);
        break;
      }
      std::set<std::pair<int, std::string>> Seen;
      for (const TerraformValues &Values : Calls->second)
        for (Finding &F : scanTerraform(Name, Text, Values))
          if (Seen.insert({F.Line, F.Message}).second)
            Found.push_back(std::move(F));
      break;
    }
    case FileKind::Kubernetes:
      if (Charts.isTemplate(P)) {
        if (P.filename().string().rfind('_', 0) != 0) {
          // One finding per place and rule: the default values' wording
          // if they already have it, else the first values file's.
          std::set<std::pair<int, std::string>> Seen;
          for (const auto &[Values, Rendered] : Charts.render(P))
            for (Finding &F :
                 scanHelmTemplate(Name, Values, Rendered, Warnings))
              if (Seen.insert({F.Line, F.Check}).second)
                Found.push_back(std::move(F));
        }
        break;
      }
      // A kustomization's patch is part of an object, scanned below
      // applied to it.
      if (!Overlays.PatchFiles.count(P))
        Found = scanKubernetes(Name, Text);
      break;
    case FileKind::Compose:
      Found = scanCompose(Name, Text);
      break;
    case FileKind::Dockerfile:
      Found = scanDockerfile(Name, Text);
      break;
    case FileKind::HelmHelpers:
    case FileKind::None:
      break;
    }
    for (Finding &F : Found)
      Add(std::move(F), Text);
    Texts[P] = std::move(Text);
  }
  // Objects as their kustomizations patch them: a finding is reported at
  // the file and line the offending setting (or the container missing it)
  // came from, once, whether a base or a patch.
  for (size_t I = 0; I < Overlays.Patched.size(); ++I) {
    std::vector<Finding> Found;
    scanKubernetesObject(Overlays.Patched[I], "", Found);
    std::string By = Overlays.PatchedBy[I]
                         .parent_path()
                         .lexically_relative(Root)
                         .generic_string();
    for (Finding &F : Found) {
      F.Message += " (as kustomization '" + By + "' builds it)";
      if (F.Line < 0 || static_cast<size_t>(F.Line) >= Overlays.Origins.size())
        continue;
      const auto &[From, Line] = Overlays.Origins[static_cast<size_t>(F.Line)];
      F.File = From.lexically_relative(Root).generic_string();
      F.Line = Line;
      auto Text = Texts.find(From);
      if (Text == Texts.end())
        try {
          Text = Texts.emplace(From, readFile(From.string())).first;
        } catch (const Error &) {
          continue;
        }
      Add(std::move(F), Text->second, true);
    }
  }
  // Registry and remote modules whose code `terraform init` downloaded:
  // scanned with the values each call passes, reported at the call, where
  // the values (and so the fix) are.
  for (const auto &[P, Call] : Modules.Downloaded) {
    auto Text = Texts.find(P);
    if (Text == Texts.end())
      continue;
    std::set<std::string> Seen;
    for (Finding &F :
         scanDownloadedModule(Call, ModuleValues[P.parent_path()], Root)) {
      F.File = P.lexically_relative(Root).generic_string();
      F.Line = Call.Call.Line;
      if (Seen.insert(F.Message).second)
        Add(std::move(F), Text->second);
    }
  }
  E.normalize();
  return E;
}

} // namespace exitbar
