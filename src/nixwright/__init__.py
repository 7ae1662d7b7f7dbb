"""nixwright: plain words in, a validated and documented NixOS configuration out."""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

__version__ = "0.1.0"

_HERE = Path(__file__).parent


class _SourceFinder:
    """A ``sys.meta_path`` finder: loads the named modules from their ``.py`` files even where a compiled
    build sits beside them (not a subclass of ``importlib.abc.MetaPathFinder``, whose import costs more
    than the whole check)."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,  # noqa: ARG002 (the finder protocol's signature)
        target: ModuleType | None = None,  # noqa: ARG002
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source is not None else None


def source_overrides(package: Path, pure: bool) -> tuple[dict[str, Path], list[str]]:
    """Which modules of a compiled build (see setup.py) must be loaded from their ``.py`` files.

    All of them when ``pure`` is asked for, or when any source differs from the one the build was
    made from (an edit, a checkout): compiled and Python halves do not mix, and a stale build must
    never hide a change. Returns those modules (none for a pure build or a current one) and the
    changed files.
    """
    record_file = package / "compiled.json"
    if not record_file.is_file():
        return {}, []  # a pure build: nothing compiled to choose between
    try:
        record: dict[str, str] = json.loads(record_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    stale = sorted(
        name
        for name, digest in record.items()
        if not (package / name).is_file()
        or hashlib.sha256((package / name).read_bytes()).hexdigest() != digest
    )
    if not record or not (pure or stale):
        return {}, stale
    sources = {
        "nixwright." + name.removesuffix(".py").replace("/", "."): package / name
        for name in record
        if (package / name).is_file()
    }
    return sources, stale


def _compiled_build_or_source() -> None:
    """Load the compiled Nix layer only where it was built from the sources present."""
    pure = os.environ.get("NIXWRIGHT_PURE", "") not in ("", "0")
    sources, stale = source_overrides(_HERE, pure)
    if stale and not pure:
        sys.stderr.write(
            f"nixwright: {len(stale)} source file(s) changed since the compiled build "
            f"(first: src/nixwright/{stale[0]}); running them as Python. `make setup` rebuilds.\n"
        )
    if sources:
        sys.meta_path.insert(0, _SourceFinder(sources))


def compiled() -> bool:
    """True when the Nix layer runs compiled (for benchmarks and diagnostics)."""
    from nixwright.nix import read

    return not read.__file__.endswith(".py") if read.__file__ else False


_compiled_build_or_source()
