#!/usr/bin/env python3
# getting_started.py - prints the commands of docs/getting-started.md as a shell script
# SPDX-License-Identifier: Apache-2.0
"""The walk-through's commands, read out of the page itself.

docs/getting-started.md marks each fenced block with what it is for:
```sh install (installing ExitBar), ```sh project (getting tinyxml2) and
```sh walkthrough (the steps on the project). The test runs the walkthrough
blocks on a project it makes; scripts/getting-started.sh runs the project
and walkthrough blocks on the real tinyxml2. Reading the commands from the
page means the page and its test cannot drift apart.

Usage: getting_started.py [--blocks walkthrough,project] [PAGE]
"""
import argparse
import pathlib
import re
import sys


def blocks(text, kinds):
    """The bodies of the ```sh <kind> blocks whose kind is in kinds."""
    out = []
    for match in re.finditer(r"^```sh (\w+)\n(.*?)^```$", text, re.S | re.M):
        if match.group(1) in kinds:
            out.append((match.group(1), match.group(2)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", default="walkthrough",
                        help="comma-separated block kinds (default walkthrough)")
    root = pathlib.Path(__file__).resolve().parent.parent
    parser.add_argument("page", nargs="?", default=root / "docs" / "getting-started.md")
    args = parser.parse_args()
    kinds = args.blocks.split(",")
    found = blocks(pathlib.Path(args.page).read_text(encoding="utf-8"), kinds)
    if not found:
        print(f"getting_started.py: no ```sh {args.blocks} block in {args.page}",
              file=sys.stderr)
        return 2
    print("#!/usr/bin/env bash")
    print("# generated from docs/getting-started.md: do not edit")
    print("set -euo pipefail")
    for number, (kind, body) in enumerate(found, 1):
        print(f"\n# --- block {number} ({kind})")
        print(f"echo '+ getting-started: block {number} ({kind})'")
        print(body, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
