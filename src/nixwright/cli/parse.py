"""``nixwright parse FILE``: the option definitions the static reader finds."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a Nix module, e.g. configuration.nix")
    parser.add_argument("--json", action="store_true", help="print the whole reading as JSON")
    parser.add_argument(
        "--no-imports", action="store_true", help="do not read local files the module imports"
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from nixwright.cli.common import print_json
    from nixwright.nix.jsonview import reading_json
    from nixwright.nix.read import read_module
    from nixwright.nix.text import reading_lines

    reading = read_module(Path(args.file), follow_imports=not args.no_imports)
    if args.json:
        print_json(reading_json(reading))
    else:
        for line in reading_lines(reading):
            print(line)
    return 0
