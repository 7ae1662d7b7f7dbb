"""Write an output directory atomically: everything goes to a temporary sibling, then one rename."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from nixwright.errors import NixwrightError


def check_target(out: Path, force: bool) -> None:
    """Refuse a non-empty directory without ``force``, and anything that is not a directory."""
    if out.exists() and not out.is_dir():
        raise NixwrightError(f"{out} exists and is not a directory", hint="choose another --out")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise NixwrightError(
            f"{out} is not empty",
            hint="choose another --out, or pass --force to replace its contents",
        )


def write_directory(out: Path, files: Mapping[str, str], force: bool = False) -> None:
    """Create ``out`` holding exactly ``files``; never leaves a half-written directory behind."""
    check_target(out, force)
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    try:
        for name, text in sorted(files.items()):
            path = tmp / name
            path.write_text(text, encoding="utf-8")
            path.chmod(0o644)
        tmp.chmod(0o755)
        _swap_in(tmp, out.resolve())
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap_in(tmp: Path, out: Path) -> None:
    if not out.exists():
        tmp.rename(out)
        return
    if not any(out.iterdir()):
        tmp.replace(out)  # an empty directory is replaced in one step
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        tmp.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)
