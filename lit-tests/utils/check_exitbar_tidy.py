#!/usr/bin/env python3
# check_exitbar_tidy.py - runs one exitbar-* check on a lit test file and verifies its diagnostics
# SPDX-License-Identifier: Apache-2.0
"""Run clang-tidy with the ExitBar plugin on a test file and FileCheck the result.

Behaves like LLVM's check_clang_tidy.py:

  check_exitbar_tidy.py --clang-tidy CT --plugin SO [-std=c++17] [-check-suffix=S]
      <source> <check-name> <temp-file> [-- <clang-tidy args> [-- <compiler args>]]

* `// CHECK-MESSAGES[-S]: ...` lines are stripped from a copy of the source
  (keeping line numbers), clang-tidy runs with `--checks=-*,<check-name>`,
  `--config={}` unless given, and the diagnostics are FileChecked against the
  original file with `-implicit-check-not={{warning|error}}:`, so an
  unexpected diagnostic fails the test. A file with no CHECK-MESSAGES must
  produce no diagnostics at all.
* `// CHECK-FIXES[-S]: ...` lines are checked against the file after `--fix`.
* Compiler arguments default to `-nostdinc -nostdinc++`: tests use the mock
  headers in Inputs/, never the system's.
* With `--compile-plugin SO --clang CLANG` the same test runs the check inside
  a Clang compile instead (checks/plugin/CompilePlugin.cpp, as `exitbar
  compile` does), and must produce the same diagnostics: `--config` becomes
  the plugin's `config=` argument; fixes cannot be applied inside a compile,
  so a test with CHECK-FIXES lines is refused.
"""
import argparse
import os
import re
import subprocess
import sys


def fail(message):
    sys.exit("check_exitbar_tidy.py: " + message)


def run(args, **kwargs):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kwargs)


def run_inside_compile(args, temp, tidy_args, compiler_args):
    """The check's diagnostics from a syntax-only Clang compile that loads the
    compile plugin: what clang-tidy would print, or fail()."""
    if not args.clang:
        fail("--compile-plugin needs --clang")
    config = "{}"
    for arg in tidy_args:
        name, _, value = arg.lstrip("-").partition("=")
        if name != "config":
            fail("clang-tidy argument %r has no form inside a compile" % arg)
        config = value
    output_file = temp + ".findings"
    if os.path.exists(output_file):
        os.remove(output_file)
    plugin_args = ["checks=-*," + args.check, "config=" + config,
                   "output=" + output_file]
    command = [args.clang, "-fsyntax-only", "-fplugin=" + args.compile_plugin,
               "-Xclang", "-add-plugin", "-Xclang", "exitbar"]
    for plugin_arg in plugin_args:
        command += ["-Xclang", "-plugin-arg-exitbar", "-Xclang", plugin_arg]
    command += compiler_args + [temp]
    result = run(command)
    print("Running: " + " ".join(command))
    print("------ compiler output ------\n" + result.stdout + "-----------------------------")
    if result.returncode != 0:
        fail("the compile with the plugin exited with %d" % result.returncode)
    if not os.path.exists(output_file):
        fail("the compile did not write the plugin's output %s" % output_file)
    with open(output_file, encoding="utf-8") as f:
        output = f.read()
    print("------ plugin output ------\n" + output + "---------------------------")
    return output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--compile-plugin", default=None)
    parser.add_argument("--clang", default=None)
    parser.add_argument("-std", default=None)
    parser.add_argument("-check-suffix", default="")
    parser.add_argument("source")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    # argparse would swallow the first "--"; split it off ourselves.
    extra = []
    if "--" in argv:
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)

    if "--" in extra:
        split = extra.index("--")
        tidy_args, compiler_args = extra[:split], extra[split + 1:]
    else:
        tidy_args, compiler_args = extra, []

    extension = os.path.splitext(args.source)[1]
    is_c = extension == ".c"
    std = args.std or ("c11" if is_c else "c++17")
    compiler_args = ["-std=" + std, "-nostdinc"] + ([] if is_c else ["-nostdinc++"]) \
        + compiler_args

    suffix = "-" + args.check_suffix.upper() if args.check_suffix else ""
    messages_prefix = "CHECK-MESSAGES" + suffix
    fixes_prefix = "CHECK-FIXES" + suffix

    with open(args.source, encoding="utf-8") as f:
        original = f.read()
    has_messages = re.search(r"//\s*" + messages_prefix + r":", original) is not None
    has_fixes = re.search(r"//\s*" + fixes_prefix + r":", original) is not None
    # Strip every CHECK line's text (of any suffix) but keep the line.
    stripped = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "", original)

    temp = args.temp + extension
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w", encoding="utf-8") as f:
        f.write(stripped)

    if args.compile_plugin:
        if has_fixes:
            fail("fixes cannot be checked inside a compile (%s lines)" % fixes_prefix)
        output = run_inside_compile(args, temp, tidy_args, compiler_args)
    else:
        command = [args.clang_tidy, "--load=" + args.plugin, temp,
                   "--checks=-*," + args.check, "--quiet"]
        if has_fixes:
            command.append("--fix")
        if not any(a.lstrip("-").startswith("config") for a in tidy_args):
            command.append("--config={}")
        command += tidy_args + ["--"] + compiler_args
        result = run(command)
        output = result.stdout
        print("Running: " + " ".join(command))
        print("------ clang-tidy output ------\n" + output + "------------------------------")
        if result.returncode != 0:
            fail("clang-tidy exited with %d" % result.returncode)

    # clang-tidy prints the temp path; report paths as the test wrote them.
    diagnostics = "\n".join(
        line for line in output.splitlines()
        if re.match(r"^.*:\d+:\d+: (warning|error|note): ", line))
    if has_messages:
        check = run(["FileCheck", "-input-file=/dev/stdin", args.source,
                     "-check-prefix=" + messages_prefix,
                     "-implicit-check-not={{warning|error}}:"],
                    input=diagnostics)
        if check.returncode != 0:
            print(check.stdout)
            fail("FileCheck of the diagnostics failed")
    elif re.search(r": (warning|error): ", diagnostics):
        fail("unexpected diagnostics in a test without %s lines:\n%s"
             % (messages_prefix, diagnostics))

    if has_fixes:
        with open(temp, encoding="utf-8") as f:
            fixed = re.sub(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*", "", f.read())
        check = run(["FileCheck", "-input-file=/dev/stdin", args.source,
                     "-check-prefix=" + fixes_prefix, "-strict-whitespace"],
                    input=fixed)
        if check.returncode != 0:
            print(check.stdout)
            fail("FileCheck of the fixed file failed")


if __name__ == "__main__":
    main()
