#!/usr/bin/env python3
# check_docs.py - fails when a registered check or an error id lacks its doc page, list entry, test or catalogue entry
# SPDX-License-Identifier: Apache-2.0
"""Consistency of the check and error artefacts.

  scripts/check_docs.py [repository root]

For every check registered in checks/ExitBarTidyModule.cpp: a class file pair,
a line in checks/CMakeLists.txt, docs/checks/<name>.md with an `## Options`
section, a row in docs/checks/list.md, a lit test lit-tests/checks/<name>*.c*
with at least one CHECK-MESSAGES line, a catalogue entry (severity, CWE) in
tools/libexitbar/collect/CheckCatalog.cpp, and a CHANGELOG line. For every
error id thrown in tools/: a row in docs/errors.md. Run as a lit test.
"""
import glob
import os
import re
import sys


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))

    def read(path):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            return f.read()

    problems = []
    module = read("checks/ExitBarTidyModule.cpp")
    registered = re.findall(r'registerCheck<(\w+)>\(\s*"([^"]+)"\)', module)
    if not registered:
        problems.append("no check is registered in checks/ExitBarTidyModule.cpp")
    names = [name for _, name in registered]
    if names != sorted(names):
        problems.append("checks are not registered alphabetically")
    cmake = read("checks/CMakeLists.txt")
    catalog = read("tools/libexitbar/collect/CheckCatalog.cpp")
    listing = read("docs/checks/list.md")
    changelog = read("CHANGELOG.md")
    for cls, name in registered:
        for ext in (".h", ".cpp"):
            source = os.path.join(root, "checks", cls + ext)
            if not os.path.exists(source):
                problems.append("%s: checks/%s%s is missing" % (name, cls, ext))
            elif "replace with the real" in open(source, encoding="utf-8").read():
                problems.append("%s: checks/%s%s is still the template" % (name, cls, ext))
        if "  %s.cpp\n" % cls not in cmake:
            problems.append("%s: %s.cpp is not in checks/CMakeLists.txt" % (name, cls))
        doc = os.path.join(root, "docs/checks", name + ".md")
        if not os.path.exists(doc):
            problems.append("%s: docs/checks/%s.md is missing" % (name, name))
        else:
            with open(doc, encoding="utf-8") as f:
                text = f.read()
            if not text.startswith("# " + name):
                problems.append("%s: its doc page does not start with '# %s'" % (name, name))
            if "Explain what goes wrong in production" in text:
                problems.append("%s: its doc page is still the template" % name)
            if "## Options" not in text:
                problems.append("%s: its doc page has no '## Options' section" % name)
        if "[%s](%s.md)" % (name, name) not in listing:
            problems.append("%s: no row in docs/checks/list.md" % name)
        tests = glob.glob(os.path.join(root, "lit-tests/checks", name + "*.c*"))
        if not tests:
            problems.append("%s: no lit test lit-tests/checks/%s.cpp" % (name, name))
        elif not any("CHECK-MESSAGES" in open(t, encoding="utf-8").read() for t in tests):
            problems.append("%s: its lit tests expect no diagnostic at all" % name)
        if '{"%s",' % name not in catalog:
            problems.append("%s: no severity/CWE entry in CheckCatalog.cpp" % name)
        if "`%s`" % name not in changelog:
            problems.append("%s: no CHANGELOG line" % name)

    errors_doc = read("docs/errors.md")
    for path in glob.glob(os.path.join(root, "tools", "**", "*.cpp"), recursive=True):
        with open(path, encoding="utf-8") as f:
            for error_id in re.findall(r'Error\(\s*"([a-z][a-z0-9.-]+)"', f.read()):
                if "`%s`" % error_id not in errors_doc:
                    problems.append("error id %s (%s) is not in docs/errors.md"
                                    % (error_id, os.path.relpath(path, root)))

    for problem in sorted(set(problems)):
        print("check_docs: " + problem)
    if problems:
        return 1
    print("check_docs: %d checks and their error ids are documented and tested" % len(registered))
    return 0


if __name__ == "__main__":
    sys.exit(main())
