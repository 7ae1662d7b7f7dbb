"""``nixwright explain FILE``: an existing configuration explained in plain language (Markdown or HTML)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    from nixwright.cli.common import add_release_args

    parser.add_argument("path", help="configuration.nix, or a directory holding one")
    add_release_args(parser)
    parser.add_argument("--system", default="x86_64-linux", help="target system (default: x86_64-linux)")
    parser.add_argument(
        "--html", action="store_true", help="write a self-contained HTML page instead of Markdown"
    )
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--no-policy", action="store_true", help="leave out the security policy findings")


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from nixwright.docs.explain import explain_reading
    from nixwright.docs.html import to_html
    from nixwright.findings import Finding
    from nixwright.knowledge.access import open_knowledge
    from nixwright.validate import check_path

    kb = open_knowledge(args.release)
    report = check_path(Path(args.path), kb, system=args.system)
    findings: tuple[Finding, ...] = report.findings
    if not args.no_policy:
        from nixwright.policy.engine import evaluate_policy

        findings = (*findings, *evaluate_policy(report.reading, kb, system=args.system))
    text = explain_reading(report.reading, findings, kb, system=args.system)
    if args.html:
        text = to_html(text, f"{report.path.name}, explained")
    if args.out:
        _write(Path(args.out), text)
    else:
        sys.stdout.write(text)
    return 0


def _write(target: Path, text: str) -> None:
    import os
    import tempfile
    from pathlib import Path

    from nixwright.errors import NixwrightError

    directory = target.parent if str(target.parent) else Path()
    if not directory.is_dir():
        raise NixwrightError(
            f"{directory}: no such directory", hint="create it first or choose another --out"
        )
    fd, temp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(temp).replace(target)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise NixwrightError(f"{target}: cannot write: {err.strerror}") from None
