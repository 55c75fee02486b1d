#!/usr/bin/env python3
# add_new_check.py - creates the six artefacts of a new exitbar-* check
# SPDX-License-Identifier: Apache-2.0
"""Create a new check with every artefact named after it.

  scripts/add_new_check.py <name> "<summary>" --severity high --cwe CWE-798

For `exitbar-<name>` (name in kebab case, e.g. default-credentials) it writes
checks/<Name>Check.h/.cpp, registers the check in checks/ExitBarTidyModule.cpp
and checks/CMakeLists.txt (alphabetically), adds the catalogue entry (severity,
CWE) in tools/libexitbar/collect/CheckCatalog.cpp, writes
docs/checks/exitbar-<name>.md with a line in docs/checks/list.md, a lit test
lit-tests/checks/exitbar-<name>.cpp with its Inputs/ folder, and a CHANGELOG
line under "New checks". The generated matcher and test are a starting point
that compiles; replace them with the real ones.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def camel(name):
    return "".join(part.capitalize() for part in name.split("-"))


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def write(path, text, overwrite=False):
    full = os.path.join(ROOT, path)
    if os.path.exists(full) and not overwrite:
        sys.exit("add_new_check.py: %s already exists" % path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote " + path)


def insert_sorted(path, pattern, new_line, key):
    """Inserts new_line among the lines matching pattern, ordered by key."""
    lines = read(path).split("\n")
    matching = [i for i, line in enumerate(lines) if re.search(pattern, line)]
    if not matching:
        sys.exit("add_new_check.py: no line matches %r in %s" % (pattern, path))
    position = matching[-1] + 1
    for i in matching:
        if key(lines[i]) > key(new_line):
            position = i
            break
    lines.insert(position, new_line)
    write(path, "\n".join(lines), overwrite=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", help="kebab-case name without the exitbar- prefix")
    parser.add_argument("summary", help="one sentence: what the check flags")
    parser.add_argument("--severity", default="medium",
                        choices=["critical", "high", "medium", "low"])
    parser.add_argument("--cwe", action="append", default=[])
    args = parser.parse_args()

    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args.name):
        sys.exit("add_new_check.py: name must be kebab case, e.g. default-credentials")
    check = "exitbar-" + args.name
    cls = camel(args.name) + "Check"
    guard = "EXITBAR_CHECKS_" + cls.upper() + "_H"
    summary = args.summary.rstrip(".")

    write("checks/%s.h" % cls, f"""// {cls}.h - {summary[0].lower() + summary[1:]}
// SPDX-License-Identifier: Apache-2.0

#ifndef {guard}
#define {guard}

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::exitbar {{

/// {summary}.
///
/// For the user-facing documentation see:
/// docs/checks/{check}.md
class {cls} : public ClangTidyCheck {{
public:
  {cls}(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
}};

}} // namespace clang::tidy::exitbar

#endif // {guard}
""")
    write("checks/%s.cpp" % cls, f"""// {cls}.cpp - {summary[0].lower() + summary[1:]}
// SPDX-License-Identifier: Apache-2.0

#include "{cls}.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::exitbar {{

{cls}::{cls}(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {{}}

void {cls}::storeOptions(ClangTidyOptions::OptionMap &Opts) {{}}

void {cls}::registerMatchers(MatchFinder *Finder) {{
  // Replace with the real matcher.
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader())).bind("call"), this);
}}

void {cls}::check(const MatchFinder::MatchResult &Result) {{
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  diag(Call->getBeginLoc(), "replace with the real diagnostic");
}}

}} // namespace clang::tidy::exitbar
""")

    insert_sorted("checks/ExitBarTidyModule.cpp", r'^#include "[A-Za-z]+Check\.h"$',
                  '#include "%s.h"' % cls, key=lambda l: l)
    module = read("checks/ExitBarTidyModule.cpp")
    registrations = re.findall(r'    CheckFactories\.registerCheck<\w+>\(\s*"[^"]+"\);', module)
    new_registration = '    CheckFactories.registerCheck<%s>(\n        "%s");' % (cls, check)
    entries = sorted(registrations + [new_registration],
                     key=lambda r: re.search(r'"([^"]+)"', r).group(1))
    block = "\n".join(entries)
    module = re.sub(r'(    CheckFactories\.registerCheck<\w+>\(\s*"[^"]+"\);\n?)+',
                    block + "\n", module, count=1)
    write("checks/ExitBarTidyModule.cpp", module, overwrite=True)
    insert_sorted("checks/CMakeLists.txt", r"^  [A-Za-z]+Check\.cpp$",
                  "  %s.cpp" % cls, key=lambda l: l)

    cwe_list = ", ".join('"%s"' % c for c in args.cwe)
    catalog = "tools/libexitbar/collect/CheckCatalog.cpp"
    text = read(catalog)
    entry = '      {"%s", {Severity::%s, {%s}, {}}},' % (
        check, args.severity.capitalize(), cwe_list)
    names = re.findall(r'^      \{"(exitbar-[a-z0-9-]+)",', text, re.M)
    following = [n for n in sorted(names) if n > check]
    if following:
        anchor = '      {"%s",' % following[0]
        text = text.replace(anchor, entry + "\n" + anchor, 1)
    else:
        text = text.replace("  };\n  return Entries;", entry + "\n  };\n  return Entries;", 1)
    write(catalog, text, overwrite=True)

    cwe_text = ", ".join(args.cwe) if args.cwe else "none"
    write("docs/checks/%s.md" % check, f"""# {check}

{summary}.

Severity: **{args.severity}**. CWE: {cwe_text}.

## Why

Explain what goes wrong in production and which audit finding this is.

## Flagged

```cpp
// an example the check flags
```

## Accepted

```cpp
// the fixed code, which the check accepts
```

## Options

This check has no options.
""")
    insert_sorted("docs/checks/list.md", r"^\| \[exitbar-",
                  "| [%s](%s.md) | %s | %s | %s |" % (check, check, args.severity,
                                                      cwe_text, summary),
                  key=lambda l: l)

    os.makedirs(os.path.join(ROOT, "lit-tests/checks/Inputs", check), exist_ok=True)
    write("lit-tests/checks/Inputs/%s/.keep" % check, "")
    write("lit-tests/checks/%s.cpp" % check, f"""// RUN: %check_exitbar_tidy %s {check} %t -- -- -isystem %S/Inputs/{check}

void flagged() {{}}
// Add CHECK-MESSAGES lines for every flagged case.

void accepted() {{}}
""")

    changelog = read("CHANGELOG.md")
    marker = "### New checks\n\n"
    if marker not in changelog:
        sys.exit("add_new_check.py: CHANGELOG.md has no '### New checks' section")
    changelog = changelog.replace(marker, marker + "- `%s`: %s.\n" % (check, summary), 1)
    write("CHANGELOG.md", changelog, overwrite=True)


if __name__ == "__main__":
    main()
