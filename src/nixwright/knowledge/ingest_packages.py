"""packages.json into the ``packages`` table (platform lists stored once each)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from nixwright.knowledge.reading import wrong_format
from nixwright.knowledge.words import name_words

_LISTS: dict[tuple[Any, ...], str] = {}


def _json_list(items: list[Any]) -> str:
    """``json.dumps`` for the short lists that repeat across packages (licences, mostly)."""
    key = tuple(items)
    try:
        text = _LISTS.get(key)
    except TypeError:
        return json.dumps(items)
    if text is None:
        text = _LISTS[key] = json.dumps(items)
    return text


def package_words(attr: str) -> str:
    """The member name split into words; the set path kept whole, so that ``python`` stays a rare word."""
    set_path, _, member = attr.rpartition(".")
    return f"{name_words([member])} {set_path.replace('.', '_')}".strip()


def license_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            name = item.get("spdxId") or item.get("shortName") or item.get("fullName")
            if name:
                out.append(str(name))
        elif isinstance(item, str) and item:
            out.append(item)
    return out


def _systems(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return None
    names = [v if isinstance(v, str) else json.dumps(v, sort_keys=True) for v in value]
    return json.dumps(sorted(set(names)))


class _PlatformSets:
    """Platform lists stored once each: 77,645 packages share about a thousand distinct lists."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._ids: dict[str, int] = {}
        self._seen: dict[tuple[Any, ...], int | None] = {}

    def id_for(self, value: Any) -> int | None:
        if not isinstance(value, list):
            return None
        try:
            quick = tuple(value)
            if quick in self._seen:
                return self._seen[quick]
        except TypeError:  # unhashable entries (platform patterns): take the slow path
            quick = ()
        key = _systems(value)
        found = None if key is None else self._ids.get(key)
        if key is not None and found is None:
            found = len(self._ids) + 1
            self._ids[key] = found
            self._db.execute("INSERT INTO platform_sets VALUES (?, ?)", (found, key))
        if quick:
            self._seen[quick] = found
        return found


def ingest_packages(db: sqlite3.Connection, path: Path, data: Any) -> int:
    packages = data.get("packages") if isinstance(data, dict) else None
    if not isinstance(packages, dict) or data.get("version") != 2:
        raise wrong_format(path, 'a channel packages.json ({"version": 2, "packages": {...}})')
    platforms = _PlatformSets(db)
    rows: list[tuple[Any, ...]] = []
    words: list[tuple[int, str, str, str]] = []
    for number, (attr, entry) in enumerate(sorted(packages.items()), start=1):
        if not isinstance(entry, dict):
            raise wrong_format(path, f"package {attr!r} as an object")
        meta = entry.get("meta") or {}
        description = meta.get("description") or ""
        description = description if isinstance(description, str) else str(description)
        homepage = meta.get("homepage")
        if isinstance(homepage, list):
            homepage = homepage[0] if homepage else None
        pname = str(entry.get("pname") or entry.get("name") or attr)
        rows.append(
            (
                number,
                attr,
                pname,
                str(entry.get("version") or ""),
                description,
                _json_list(license_names(meta.get("license"))),
                int(bool(meta.get("unfree"))),
                int(bool(meta.get("insecure"))),
                int(bool(meta.get("broken"))),
                platforms.id_for(meta.get("platforms")),
                platforms.id_for(meta.get("badPlatforms")),
                _json_list(meta.get("knownVulnerabilities") or []),
                meta.get("mainProgram"),
                homepage if isinstance(homepage, str) else None,
                meta.get("position"),
            )
        )
        words.append((number, package_words(attr), pname, description))
    db.executemany("INSERT INTO packages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO packages_fts (rowid, name, pname, description) VALUES (?, ?, ?, ?)", words)
    return len(rows)
