"""Modules imported by path (``installer/sd-card/sd-image-aarch64.nix``): what they add and set."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from nixwright.knowledge.paths import normalize_module


@dataclass(frozen=True)
class ImportedModule:
    """One file a configuration may import by path, as the release data describes it.

    ``sets``: option paths the file itself defines (leaves, ``fileSystems."/".device``);
    ``sets_with_imports``: the same over the file and everything it imports. ``sets_detail`` maps a
    path to ``priority`` (1000 = mkDefault, 50 = mkForce), ``conditional`` and ``not_an_option``.
    """

    module: str
    evaluated_on: str
    imports: tuple[str, ...] = ()
    sets: tuple[str, ...] = ()
    sets_with_imports: tuple[str, ...] = ()
    sets_detail: dict[str, dict[str, Any]] = field(default_factory=dict)
    documented_options: tuple[str, ...] = ()
    disables: tuple[str, ...] = ()
    options_removed: tuple[str, ...] = ()
    toplevel: dict[str, dict[str, Any]] = field(default_factory=dict)
    note: str | None = None

    def defines(self, path: str) -> bool:
        """True when the module (with its imports) defines ``path`` or something below it."""
        prefix = path + "."
        return any(p == path or p.startswith(prefix) for p in self.sets_with_imports)


def load_modules(db: sqlite3.Connection) -> dict[str, ImportedModule]:
    out = {}
    for row in db.execute(
        "SELECT module, evaluated_on, imports, sets, sets_with_imports, sets_detail, documented,"
        " disables, options_removed, toplevel, note FROM modules ORDER BY module"
    ):
        out[row[0]] = ImportedModule(
            module=row[0],
            evaluated_on=row[1],
            imports=tuple(json.loads(row[2])),
            sets=tuple(json.loads(row[3])),
            sets_with_imports=tuple(json.loads(row[4])),
            sets_detail=json.loads(row[5]),
            documented_options=tuple(json.loads(row[6])),
            disables=tuple(json.loads(row[7])),
            options_removed=tuple(json.loads(row[8])),
            toplevel=json.loads(row[9]),
            note=row[10],
        )
    return out


def expand_imports(modules: dict[str, ImportedModule], requested: Iterable[str]) -> frozenset[str]:
    """Normalized module keys plus everything they import transitively."""
    out: set[str] = set()
    for item in requested:
        key = normalize_module(item)
        out.add(key)
        known = modules.get(key)
        if known is not None:
            out.update(known.imports)
    return frozenset(out)
