"""``nixwright package ATTR``: one package (or attribute) of a release."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("attr", help="attribute path, e.g. htop or python3Packages.requests")
    parser.add_argument("--release", help="NixOS release, e.g. 24.11 (default: newest one present)")
    parser.add_argument("--system", help="check availability on this system, e.g. aarch64-linux")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from nixwright.cli.common import print_json
    from nixwright.cli.db import open_release
    from nixwright.errors import NixwrightError
    from nixwright.knowledge.model import PackageKind
    from nixwright.knowledge.render import match_dict, match_text

    kb = open_release(args.release)
    match = kb.find_package(args.attr, args.system)
    if match.kind is PackageKind.UNKNOWN and not args.json:
        hint = f"did you mean {' or '.join(match.suggestions)}?" if match.suggestions else None
        raise NixwrightError(match.message or f"no package {args.attr}", hint=hint, exit_code=1)
    if args.json:
        print_json(match_dict(match))
    else:
        print(match_text(match))
    return 1 if match.kind in (PackageKind.UNKNOWN, PackageKind.REMOVED, PackageKind.ERROR) else 0
