"""``nixwright db build|update|info``: build, refresh or describe a release's knowledge base."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nixwright.knowledge import KnowledgeBase


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    build = sub.add_parser("build", help="build the database (only when its inputs changed, unless --force)")
    update = sub.add_parser("update", help="download the release's channel files again and rebuild")
    info = sub.add_parser("info", help="describe the database: release, source, inputs, counts")
    for p in (build, update, info):
        p.add_argument("--release", help="NixOS release, e.g. 24.11 (default: newest one present)")
        p.add_argument("--json", action="store_true", help="print JSON")
    build.add_argument("--from", dest="from_dir", metavar="DIR", help="directory holding the channel files")
    build.add_argument("--nixpkgs", metavar="DIR", help="evaluate a local nixpkgs tree with Nix instead")
    build.add_argument("--force", action="store_true", help="rebuild even when the inputs did not change")


class StderrProgress:
    """A one-line progress bar on stderr (only when stderr is a terminal, else one line per step)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_what = ""
        self.last_draw = 0.0

    def __call__(self, what: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if what != self.last_what:
            if self.tty and self.last_what:
                sys.stderr.write("\n")
            self.last_what = what
            if not self.tty:
                sys.stderr.write(f"nixwright: {what}\n")
        if not self.tty or (now - self.last_draw < 0.1 and done != total):
            return
        self.last_draw = now
        if total:
            width = 30
            filled = int(width * min(done, total) / total)
            bar = "#" * filled + "-" * (width - filled)
            sys.stderr.write(f"\r{what} [{bar}] {100 * done // total:3d}%")
        else:
            sys.stderr.write(f"\r{what} {done}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.tty and self.last_what:
            sys.stderr.write("\n")
        self.last_what = ""


def open_release(release: str | None) -> KnowledgeBase:
    """The release's knowledge base for a verb, built on first use with a progress bar on stderr."""
    from nixwright.knowledge import open_knowledge

    progress = StderrProgress()
    try:
        return open_knowledge(release, progress=progress)
    finally:
        progress.close()


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from nixwright.cli.common import print_json
    from nixwright.knowledge.access import prepare_database
    from nixwright.knowledge.info import database_info

    progress = StderrProgress()
    try:
        if args.db_command == "info":
            info = database_info(args.release)
        elif args.db_command == "build" and args.nixpkgs:
            from nixwright.knowledge.evaluate import build_from_nixpkgs

            result = build_from_nixpkgs(Path(args.nixpkgs), args.release, progress=progress, force=args.force)
            info = database_info(result.release, built=result)
        else:
            source = Path(args.from_dir) if getattr(args, "from_dir", None) else None
            result = prepare_database(
                args.release,
                source_dir=source,
                progress=progress,
                force=bool(getattr(args, "force", False)),
                download=args.db_command == "update",
            )
            info = database_info(result.release, built=result)
    finally:
        progress.close()
    if args.json:
        print_json(info)
    else:
        _print_info(info)
    return 0


def _print_info(info: dict[str, Any]) -> None:
    for key in ("release", "path", "status", "source", "built_at", "build_seconds", "size_bytes"):
        if info.get(key) is not None:
            print(f"{key}: {info[key]}")
    for name, count in sorted(info.get("counts", {}).items()):
        print(f"count {name}: {count}")
    for name, digest in sorted(info.get("inputs", {}).items()):
        print(f"sha256 {name}: {digest}")
    if info.get("releases_present"):
        print(f"releases present: {', '.join(info['releases_present'])}")
