"""packages-extra.json: set aliases, top-level aliases and attributes, set members, per-system errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from nixwright.knowledge.reading import wrong_format

_AARCH64 = "aarch64-linux"


def ingest_packages_extra(db: sqlite3.Connection, path: Path, data: Any) -> int:
    if not isinstance(data, dict) or not isinstance(data.get("sets"), dict):
        raise wrong_format(
            path, "an object with 'set_aliases', 'aliases', 'attrs' and 'sets' (packages-extra.json)"
        )
    set_aliases = data.get("set_aliases") or {}
    db.executemany("INSERT INTO package_set_aliases VALUES (?, ?)", sorted(set_aliases.items()))
    aliases: dict[str, Any] = data.get("aliases") or {}
    attrs: dict[str, Any] = data.get("attrs") or {}
    rows = []
    for name, entry in sorted(attrs.items()):
        alias = aliases.get(name) if entry.get("alias") else None
        aarch = entry.get(_AARCH64)
        rows.append(
            (
                name,
                str(entry.get("kind")),
                int(alias is not None),
                alias.get("kind") if alias else None,
                alias.get("to") if alias else None,
                (alias.get("message") or alias.get("expr")) if alias else entry.get("message"),
                _warns_text(alias.get("warns")) if alias else None,
                entry.get("same_as"),
                entry.get("set_alias_of"),
                int(bool(entry.get("nixpkgs_instance"))),
                json.dumps(aarch, sort_keys=True) if aarch else None,
            )
        )
    db.executemany("INSERT INTO package_attrs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    members = 0
    for set_path, entry in sorted(data["sets"].items()):
        members += _ingest_set(db, set_path, entry)
    errors = data.get("packages_json_aarch64_errors") or {}
    db.executemany(
        "INSERT INTO package_system_errors VALUES (?, ?, ?)",
        [(attr, _AARCH64, str(message)) for attr, message in sorted(errors.items())],
    )
    return len(rows) + members


def _warns_text(value: Any) -> str | None:
    if not value:
        return None
    return value if isinstance(value, str) else "warns when used"


def _ingest_set(db: sqlite3.Connection, set_path: str, entry: dict[str, Any]) -> int:
    not_derivations = dict(entry.get("not_derivations") or {})
    alias_names = set(entry.get("aliases") or [])
    names = list(entry.get("members") or [])
    listed = entry.get("listed")
    db.execute(
        "INSERT INTO package_sets VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            set_path,
            int(bool(entry.get("recurse"))),
            int(listed) if isinstance(listed, int) else len(listed or []),
            int(bool(entry.get("covered_by_packages_json"))),
            int(entry.get("kinds_evaluated", True) is not False),
            entry.get("note"),
            json.dumps(sorted(entry.get(f"{_AARCH64}_members_missing") or [])),
        ),
    )
    db.executemany(
        "INSERT OR IGNORE INTO package_set_members VALUES (?, ?, ?, ?)",
        [(set_path, n, int(n in alias_names), str(not_derivations.get(n, "derivation"))) for n in names],
    )
    return len(names)
