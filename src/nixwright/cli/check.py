"""``nixwright check PATH``: would Nix accept this configuration? Findings with fixes.

Exit codes: 0 accepted, 1 rejected (or a finding at ``--fail-on``), 2 usage or input error.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from nixwright.findings import Finding
    from nixwright.knowledge.model import Knowledge
    from nixwright.nix.values import ModuleReading

SYSTEMS = ("x86_64-linux", "aarch64-linux")
FORMATS = ("text", "json", "sarif")


def configure(parser: argparse.ArgumentParser) -> None:
    from nixwright.cli.common import add_release_args

    parser.add_argument("path", help="configuration.nix, or a directory holding one")
    add_release_args(parser)
    parser.add_argument("--system", default="x86_64-linux", help="target system (default: x86_64-linux)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--eval", action="store_true", help="also run Nix's real evaluation (needs Nix)")
    parser.add_argument("--nixpkgs", metavar="DIR", help="nixpkgs tree for --eval (default: from NIX_PATH)")
    parser.add_argument(
        "--policy", metavar="FILE", action="append", default=[], help="extra policy rules file (repeatable)"
    )
    parser.add_argument("--profile", help="policy profile (default: baseline)")
    parser.add_argument("--no-policy", action="store_true", help="leave out the security policy findings")
    parser.add_argument(
        "--accept-risk",
        metavar="RULE",
        action="append",
        default=[],
        help="a policy rule id whose risk you accept (repeatable): shown as information",
    )
    parser.add_argument(
        "--fail-on",
        metavar="SEVERITY",
        help="exit 1 when any finding is at least this severe (error, high, medium, warning, low, info); "
        "by default only validation errors fail",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from nixwright.errors import NixwrightError
    from nixwright.findings import Finding, Severity
    from nixwright.knowledge.access import open_knowledge
    from nixwright.validate import check_path
    from nixwright.validate.formats import render_json, render_sarif, render_text

    if args.system not in SYSTEMS and "-" not in args.system:
        raise NixwrightError(f"unknown system {args.system!r}", hint="use x86_64-linux or aarch64-linux")
    fail_on = Severity.parse(args.fail_on) if args.fail_on else None
    policy_files = [Path(p) for p in args.policy]
    for p in policy_files:
        if not p.is_file():
            raise NixwrightError(f"{p}: no such policy file", hint="--policy takes a TOML rules file")
    kb = open_knowledge(args.release)
    nixpkgs = Path(args.nixpkgs) if args.nixpkgs else None
    report = check_path(Path(args.path), kb, system=args.system, use_eval=args.eval, nixpkgs=nixpkgs)
    policy: tuple[Finding, ...] = ()
    if not args.no_policy:
        policy = _policy_findings(report.reading, kb, args, policy_files)
    findings = tuple(sorted((*report.findings, *policy), key=Finding.sort_key))
    failed = not report.accepted or (
        fail_on is not None and any(f.severity.rank >= fail_on.rank for f in findings)
    )
    if args.format == "json":
        print(render_json(report, findings, failed=failed), end="")
    elif args.format == "sarif":
        print(render_sarif(report, findings), end="")
    else:
        print(render_text(report, findings, failed=failed), end="")
    return 1 if failed else 0


def _policy_findings(
    reading: ModuleReading, kb: Knowledge, args: argparse.Namespace, policy_files: list[Path]
) -> tuple[Finding, ...]:
    from nixwright.policy.engine import evaluate_policy

    return evaluate_policy(
        reading,
        kb,
        system=args.system,
        profile=args.profile,
        policy_files=policy_files,
        accepted=tuple(args.accept_risk),
    )
