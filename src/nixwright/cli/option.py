"""``nixwright option PATH``: one option of a release (concrete paths resolve through placeholders)."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help='option path, e.g. services.nginx.virtualHosts."example.org".root')
    parser.add_argument("--release", help="NixOS release, e.g. 24.11 (default: newest one present)")
    parser.add_argument(
        "--import",
        dest="imports",
        action="append",
        default=[],
        metavar="MODULE",
        help="a module imported by path (e.g. installer/sd-card/sd-image-aarch64.nix)",
    )
    parser.add_argument("--children", action="store_true", help="list the options below PATH instead")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from nixwright.cli.common import print_json
    from nixwright.cli.db import open_release
    from nixwright.errors import NixwrightError
    from nixwright.knowledge.paths import split_path
    from nixwright.knowledge.render import option_dict, option_text

    kb = open_release(args.release)
    if args.children:
        children = kb.option_children(args.path)
        if args.json:
            print_json([option_dict(o) for o in children])
        else:
            for option in children:
                print(f"{option.path}  ({option.type_text})")
        return 0 if children else 1
    resolution = kb.resolve_option(split_path(args.path), args.imports)
    if resolution.option is None and not resolution.is_namespace:
        suggestions = kb.suggest_options(args.path)
        hint = (
            f"did you mean {' or '.join(suggestions)}?"
            if suggestions
            else "try: nixwright search options WORDS"
        )
        raise NixwrightError(f"no option {args.path} in NixOS {kb.release}", hint=hint, exit_code=1)
    if args.json:
        data = option_dict(resolution.option) if resolution.option else {}
        data.update(
            {"requested": args.path, "rest": list(resolution.rest), "is_namespace": resolution.is_namespace}
        )
        print_json(data)
        return 0
    if resolution.option is None:
        print(f"{args.path} is a group of options; list them with --children")
        return 0
    print(option_text(resolution.option))
    if resolution.rest:
        print(f"(the path continues inside this option's value: {'.'.join(resolution.rest)})")
    return 0
