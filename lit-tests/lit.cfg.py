# lit.cfg.py - lit configuration of ExitBar's test suite
# SPDX-License-Identifier: Apache-2.0
import os
import shlex
import shutil

import lit.formats

config.name = "ExitBar"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "Reference", "utils", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)

# Deterministic outputs need a fixed clock; colours would break FileCheck.
config.environment["SOURCE_DATE_EPOCH"] = "1700000000"
config.environment["NO_COLOR"] = "1"
for var in ("GITHUB_STEP_SUMMARY", "CLICOLOR_FORCE", "EXITBAR_TRUST_STORE"):
    config.environment.pop(var, None)
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])

# `--param exitbar_plugin=PATH --param variant=NAME` runs a suite with another
# build of the plugin (CI: the assertion-enabled one, and the plugin of each
# other LLVM major with `--param clang_tidy=PATH`, that major's clang-tidy)
# in its own output folder, so the runs of a suite can run at once and be
# compared.
if lit_config.params.get("exitbar_plugin"):
    config.exitbar_plugin = lit_config.params["exitbar_plugin"]
if lit_config.params.get("clang_tidy"):
    config.clang_tidy = lit_config.params["clang_tidy"]
variant = lit_config.params.get("variant")
if variant:
    config.test_exec_root = os.path.join(config.test_exec_root, variant)
    # Tests of what does not depend on the plugin's build (`exitbar merge`
    # over CI shards) run once, with the main plugin: `UNSUPPORTED: variant`.
    config.available_features.add("variant")

q = shlex.quote
exitbar = os.path.join(config.exitbar_tools_dir, "exitbar")
runner = os.path.join(os.path.dirname(__file__), "utils", "check_exitbar_tidy.py")
# The LLVM majors with a plugin; the last one and its clang-tidy
# (lit-tests/cmake/llvm-versions, lit-tests/package). Before "%exitbar":
# a substitution also replaces the start of longer names.
config.substitutions.append(("%llvm_plugin_majors", config.exitbar_plugin_majors))
last_major = config.exitbar_plugin_majors.split(";")[-1]
config.substitutions.append(("%last_llvm_major", last_major))
config.substitutions.append(("%last_clang_tidy", q(
    "/usr/lib/llvm-%s/bin/clang-tidy" % last_major if last_major else "")))
check_runner = [q(config.python), q(runner), "--clang-tidy", q(config.clang_tidy),
                "--plugin", q(config.exitbar_plugin)]
# `--param in_compile_plugin=SO --param in_compile_clang=CLANG`: every check
# test runs its check inside a Clang compile (the compile plugin, as
# `exitbar compile` loads it) instead of in clang-tidy, and must print the
# same diagnostics; tests that drive clang-tidy themselves say
# `UNSUPPORTED: in-compile`.
if lit_config.params.get("in_compile_plugin"):
    config.available_features.add("in-compile")
    check_runner += ["--compile-plugin", q(lit_config.params["in_compile_plugin"]),
                     "--clang", q(lit_config.params["in_compile_clang"])]
config.substitutions.append(("%check_exitbar_tidy", " ".join(check_runner)))
config.substitutions.append(("%exitbar_plugin", q(config.exitbar_plugin)))
config.substitutions.append(("%clang_tidy", q(config.clang_tidy)))
config.substitutions.append(("%exitbar_build_dir", q(config.exitbar_binary_dir)))
config.substitutions.append(("%exitbar_source_dir", q(config.exitbar_source_dir)))
config.substitutions.append(("%exitbar", q(exitbar)))
config.substitutions.append(("%python", q(config.python)))
config.substitutions.append(("%cmake_generator", q(config.cmake_generator)))
config.substitutions.append(("%cmake", q(config.cmake)))
config.substitutions.append(("%ctest", q(config.ctest)))
config.substitutions.append(("%cpack", q(config.cpack)))
# The Debian package test (lit-tests/package) needs dpkg's tools.
if shutil.which("dpkg-deb") and shutil.which("dpkg-shlibdeps") and shutil.which("apt-get"):
    config.available_features.add("dpkg")

# Builds without the plugin (-DEXITBAR_BUILD_CHECKS=OFF, e.g. the sanitizer
# preset) skip the tests that load it instead of failing them.
if config.clang_tidy and os.path.exists(config.exitbar_plugin):
    config.available_features.add("exitbar-checks")

# The plugin's LLVM major, and a clang-tidy of another major for the test
# that it refuses to load there (`REQUIRES: foreign-clang-tidy`). CI installs
# clang-tidy-15, -16 and -19 next to clang-tidy-14 so the test never skips there.
import re
import subprocess
def llvm_major(tool):
    try:
        out = subprocess.run([tool, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, universal_newlines=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"LLVM version (\d+)", out)
    return int(match.group(1)) if match else None
plugin_major = llvm_major(config.clang_tidy) if config.clang_tidy else None
if plugin_major:
    config.substitutions.append(("%llvm_major", str(plugin_major)))
    # A clang-tidy of another major that can still bind the plugin's symbols,
    # so that the plugin's own guard runs there (`foreign-clang-tidy`), and
    # one that cannot (`unbindable-clang-tidy`), where clang-tidy's loader
    # refuses the plugin before any of its code runs. Between 15 and 16 a
    # virtual PPCallbacks method changed its signature (HasInclude took a
    # CustomizableOptional<FileEntryRef>), and 14 to 15 and 16 to 19 bind;
    # the pairs are facts about Debian's LLVM packages, measured with
    # `clang-tidy-H --load=libExitBarChecks-P.so` for every H and P.
    bindable = {14: [15], 15: [14], 16: [19], 19: [16]}
    def installed_clang_tidy(major):
        for candidate in ("/usr/bin/clang-tidy-%d" % major,
                          "/usr/lib/llvm-%d/bin/clang-tidy" % major):
            if os.path.exists(candidate) and llvm_major(candidate) == major:
                return candidate
        return None
    for major in bindable.get(plugin_major, []):
        foreign = installed_clang_tidy(major)
        if foreign:
            config.available_features.add("foreign-clang-tidy")
            config.substitutions.append(("%foreign_clang_tidy", q(foreign)))
            config.substitutions.append(("%foreign_llvm_major", str(major)))
            break
    unbindable = [m for m in (14, 15, 16, 19)
                  if m != plugin_major and m not in bindable.get(plugin_major, [])]
    for major in unbindable:
        other = installed_clang_tidy(major)
        if other:
            config.available_features.add("unbindable-clang-tidy")
            config.substitutions.append(("%unbindable_clang_tidy", q(other)))
            break

# The compile plugin (Clang builds run the checks inside the compile) and
# the Clang of its major, which loads it; also the one that loads the
# assertion-enabled checks (EXITBAR_BUILD_ASSERTIONS_PLUGIN). The longer
# substitution comes first: lit replaces in order.
for major in config.exitbar_compile_plugin_majors.split(";"):
    compile_plugin = os.path.join(config.exitbar_tools_dir,
                                  "libExitBarCompilePlugin-%s.so" % major)
    clang_dir = "/usr/lib/llvm-%s/bin" % major
    if major and os.path.exists(compile_plugin) and \
            os.path.exists(os.path.join(clang_dir, "clang++")):
        assertions = os.path.join(config.exitbar_tools_dir,
                                  "libExitBarCompilePluginAssertions.so")
        if os.path.exists(assertions):
            config.available_features.add("compile-plugin-assertions")
            config.substitutions.append(("%compile_plugin_assertions", q(assertions)))
        config.available_features.add("compile-plugin")
        config.substitutions.append(("%compile_plugin", q(compile_plugin)))
        config.substitutions.append(("%clangxx", q(os.path.join(clang_dir, "clang++"))))
        config.substitutions.append(("%clangc", q(os.path.join(clang_dir, "clang"))))
        break

# Debian's licensecheck identifies licence texts (collect readiness);
# scripts/setup.sh installs it, so CI never skips the tests that need it.
import shutil
if shutil.which("licensecheck"):
    config.available_features.add("licensecheck")

# Independent validators: tests that need one say `REQUIRES: <feature>`;
# scripts/test.sh installs them all, so CI never skips these tests.
sarif_multitool = os.path.join(config.validators_dir, "node_modules", ".bin", "sarif-multitool")
if os.path.exists(sarif_multitool):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif_multitool", q(sarif_multitool)))
# Cobertura's DTD, checked with libxml2's xmllint (offline: --nonet).
if os.path.exists("/usr/bin/xmllint"):
    config.available_features.add("xmllint")
    config.substitutions.append(("%cobertura_validate", "xmllint --noout --nonet --dtdvalid " + q(os.path.join(config.exitbar_source_dir, "lit-tests", "validators", "cobertura-coverage-04.dtd"))))
for chromium in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
    if os.path.exists(chromium):
        config.available_features.add("chromium")
        config.substitutions.append(("%chromium", q(chromium) + " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"))
        break
# ajv-cli validates JSON reports against a JSON schema (GitLab's Code
# Quality and SAST reports, against the schemas in validators/schemas/).
ajv_cli = os.path.join(config.validators_dir, "node_modules", ".bin", "ajv")
if os.path.exists(ajv_cli):
    config.available_features.add("ajv-cli")
    config.substitutions.append(("%ajv", q(ajv_cli) + " --spec=draft7 --strict=false -c ajv-formats"))
    config.substitutions.append(("%gitlab_schemas", q(os.path.join(
        os.path.dirname(__file__), "validators", "schemas"))))
# @action-validator/cli checks GitHub Actions action and workflow files.
action_validator = os.path.join(config.validators_dir, "node_modules", ".bin", "action-validator")
if os.path.exists(action_validator):
    config.available_features.add("action-validator")
    config.substitutions.append(("%action_validator", q(action_validator)))
# CycloneDX (the CycloneDX project's JsonStrictValidator) and SPDX (ajv over
# the official schema, copied into validators/schemas/) validation of SBOMs.
import shutil
node = shutil.which("node")
cyclonedx_library = os.path.join(config.validators_dir, "node_modules", "@cyclonedx", "cyclonedx-library")
if node and os.path.exists(cyclonedx_library):
    config.available_features.add("sbom-validators")
    config.substitutions.append(("%validate_sbom", " ".join([
        "env", "NODE_PATH=" + q(os.path.join(config.validators_dir, "node_modules")), q(node),
        q(os.path.join(os.path.dirname(__file__), "utils", "validate_sbom.js"))])))
    config.substitutions.append(("%spdx_schema", q(os.path.join(
        os.path.dirname(__file__), "validators", "schemas", "spdx-schema-2.3.json"))))
