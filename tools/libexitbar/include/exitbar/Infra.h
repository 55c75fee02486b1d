// Infra.h - findings in deployment files: open admin ports, root containers
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_INFRA_H
#define EXITBAR_INFRA_H

#include "exitbar/Evidence.h"
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace exitbar {

/// What `exitbar collect infra` scans.
struct InfraOptions {
  std::string SourceDir;
  /// Paths (relative to SourceDir, '*' matches any run of characters)
  /// left out, on top of VCS data, dependencies, build trees, test
  /// fixtures and nested CMake projects.
  std::vector<std::string> Exclude;
};

/// The values a Terraform module's references stand for: `var.NAME` to the
/// expression text of the variable's default, overridden by the .tfvars
/// files in the order given (terraform.tfvars, then *.auto.tfvars sorted);
/// `local.NAME` to its locals expression.
using TerraformValues = std::map<std::string, std::string>;

/// The values of one module: \p ModuleFiles are the texts of its .tf
/// files, \p TfvarsFiles of its .tfvars files in precedence order.
/// Example: auto V = terraformValues({readFile("main.tf")}, {});
TerraformValues terraformValues(const std::vector<std::string> &ModuleFiles,
                                const std::vector<std::string> &TfvarsFiles);

/// \p Expression with every reference to a known value replaced by that
/// value's text (also inside `"${...}"` when it is one string), a few
/// levels deep; unknown references stay.
/// Example: resolveTerraformReferences("[var.cidr]", V) == "[\"0.0.0.0/0\"]"
std::string resolveTerraformReferences(std::string_view Expression,
                                       const TerraformValues &Values);

/// The first `var.NAME` or `local.NAME` \p Expression refers to, or "".
std::string firstTerraformReference(std::string_view Expression);

/// Terraform/OpenTofu: security groups, firewalls and network security
/// rules that open an administrative port to 0.0.0.0/0 or ::/0, literally
/// or through the module's variables and locals (\p Values).
/// \p File is the name the findings give.
/// Example: scanTerraform("main.tf", readFile("main.tf"))
std::vector<Finding> scanTerraform(const std::string &File,
                                   std::string_view Text,
                                   const TerraformValues &Values = {});

/// Kubernetes manifests: LoadBalancer/NodePort Services exposing an
/// administrative port, privileged containers, containers that may run as
/// root. Documents that are not Kubernetes objects are ignored.
std::vector<Finding> scanKubernetes(const std::string &File,
                                    std::string_view Text);

/// Docker Compose: ports published on every interface of the host.
std::vector<Finding> scanCompose(const std::string &File,
                                 std::string_view Text);

/// Dockerfile/Containerfile: a final stage without a non-root USER.
std::vector<Finding> scanDockerfile(const std::string &File,
                                    std::string_view Text);

/// Every deployment file under the source folder, as a findings fragment
/// (TranslationUnits 0) that `collect findings` merges: severity and CWE
/// from the check catalogue, fingerprints as for the plugin's findings.
/// The templates of a Helm chart (a folder with Chart.yaml) are rendered
/// with the chart's values.yaml first; a template that cannot be rendered
/// is not scanned and gets a line in \p Warnings.
/// Throws Error (input.infra.source-dir) when the folder does not exist.
/// Example: InfraOptions O; O.SourceDir = "."; collectInfra(O);
FindingsEvidence collectInfra(const InfraOptions &Options,
                              std::vector<std::string> *Warnings = nullptr);

} // namespace exitbar

#endif // EXITBAR_INFRA_H
