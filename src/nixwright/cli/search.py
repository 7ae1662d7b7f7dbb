"""``nixwright search options|packages QUERY``: ranked full-text search."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=("options", "packages"), help="what to search")
    parser.add_argument("query", nargs="+", help='words, e.g. "dns ad blocker"')
    parser.add_argument("--release", help="NixOS release, e.g. 24.11 (default: newest one present)")
    parser.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from nixwright.cli.common import print_json
    from nixwright.cli.db import open_release
    from nixwright.knowledge.render import option_dict, package_dict

    kb = open_release(args.release)
    query = " ".join(args.query)
    if args.what == "options":
        options = kb.search_options(query, args.limit)
        if args.json:
            print_json([option_dict(o) for o in options])
        for option in [] if args.json else options:
            first = option.description.strip().splitlines()[0] if option.description.strip() else ""
            print(f"{option.path}\n    {first[:100]}")
        return 0 if options else 1
    packages = kb.search_packages(query, args.limit)
    if args.json:
        print_json([package_dict(p) for p in packages])
    for package in [] if args.json else packages:
        print(f"{package.attr_path} ({package.version})\n    {package.description[:100]}")
    return 0 if packages else 1
