"""options.json, options-extra.json and options-imports.json into the ``options`` and ``modules`` tables."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nixwright.knowledge.paths import split_path
from nixwright.knowledge.reading import wrong_format
from nixwright.knowledge.words import name_words

SEP = "\x1f"
_INSERT = (
    "INSERT INTO options (path, parts, module, kind, type, description, default_text, example_text,"
    " declarations, read_only, renamed_to, to_kind, message, warns, fails, extra)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# Fields kept verbatim in ``extra`` (JSON) because later stages may want them.
_EXTRA_KEYS = (
    "via",
    "renamed_by",
    "hidden_by",
    "in_submodule",
    "only_if",
    "note",
    "from_group",
    "copy_of",
    "imported_by_default",
    "visible",
    "internal",
    "relatedPackages",
)


def literal_text(value: Any) -> str | None:
    """The Nix text of a ``default``/``example`` (``literalExpression``/``literalMD``) value."""
    if value is None:
        return None
    if isinstance(value, dict) and "_type" in value:
        text = value.get("text")
        return text if isinstance(text, str) else json.dumps(text)
    return json.dumps(value, sort_keys=True)


def _row(path: str, parts: tuple[str, ...], module: str, kind: str, entry: dict[str, Any]) -> tuple[Any, ...]:
    extra = {k: entry[k] for k in _EXTRA_KEYS if k in entry}
    description = entry.get("description") or ""
    return (
        path,
        SEP.join(parts),
        module,
        kind,
        str(entry.get("type") or "unspecified value"),
        description if isinstance(description, str) else str(description),
        literal_text(entry.get("default")),
        literal_text(entry.get("example")),
        json.dumps(entry.get("declarations") or []),
        int(bool(entry.get("readOnly"))),
        entry.get("to"),
        entry.get("to_kind"),
        entry.get("message"),
        int(bool(entry.get("warns"))),
        int(bool(entry.get("fails"))),
        json.dumps(extra, sort_keys=True) if extra else None,
    )


def ingest_options(db: sqlite3.Connection, path: Path, data: Any) -> int:
    if not isinstance(data, dict) or not data:
        raise wrong_format(path, "a JSON object mapping option paths to declarations (options.json)")
    rows = []
    for key, entry in data.items():
        if not isinstance(entry, dict) or "type" not in entry or "loc" not in entry:
            raise wrong_format(path, f"option {key!r} with 'type' and 'loc' (options.json)")
        parts = tuple(str(p) for p in entry["loc"])
        rows.append(_row(key, parts, "", "documented", entry))
    _insert(db, rows, index_text=True)
    return len(rows)


def ingest_options_extra(db: sqlite3.Connection, path: Path, data: Any) -> int:
    options = data.get("options") if isinstance(data, dict) else None
    if not isinstance(options, dict):
        raise wrong_format(path, "an object with 'options' (options-extra.json)")
    rows = [
        _row(key, _parts(key), "", str(entry.get("kind", "hidden")), entry) for key, entry in options.items()
    ]
    _insert(db, rows, index_text=False)
    # mkAliasOptionModule paths options.json lists itself (users.extraUsers -> users.users): keep them
    # documented, but record where they point so paths below them map to the target.
    for alias, entry in sorted((data.get("documented_aliases") or {}).items()):
        db.execute(
            "UPDATE options SET renamed_to = ?, to_kind = ? WHERE path = ? AND module = ''",
            (entry.get("to"), entry.get("to_kind"), alias),
        )
    meta = {k: data.get(k) for k in ("nixos_subtrees", "recursive", "documented_aliases", "messages")}
    db.execute("INSERT INTO meta VALUES ('options_extra', ?)", (json.dumps(meta, sort_keys=True),))
    return len(rows)


def ingest_options_imports(db: sqlite3.Connection, path: Path, data: Any) -> int:
    modules = data.get("modules") if isinstance(data, dict) else None
    if not isinstance(modules, dict):
        raise wrong_format(path, "an object with 'modules' (options-imports.json)")
    count = 0
    mark_import_only(db, modules)
    for module, entry in sorted(modules.items()):
        if not isinstance(entry, dict):
            raise wrong_format(path, f"module {module!r} as an object")
        options = entry.get("options") or {}
        rows = [_row(k, _parts(k), module, str(v.get("kind", "imported")), v) for k, v in options.items()]
        _insert(db, rows, index_text=False)
        count += len(rows)
        db.execute(
            "INSERT INTO modules VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                module,
                str(entry.get("evaluated_on", "x86_64-linux")),
                json.dumps(entry.get("imports_transitively") or []),
                json.dumps(entry.get("sets") or []),
                json.dumps(entry.get("sets_with_imports") or entry.get("sets") or []),
                json.dumps(entry.get("sets_detail") or {}, sort_keys=True),
                json.dumps(entry.get("options_documented") or []),
                json.dumps(entry.get("disables") or []),
                json.dumps(entry.get("options_removed") or []),
                json.dumps(entry.get("toplevel") or {}, sort_keys=True),
                entry.get("note") or entry.get("sets_note"),
            ),
        )
    return count


def mark_import_only(db: sqlite3.Connection, modules: dict[str, Any]) -> None:
    """Documented options that exist only with an import (``options_documented``; extras with
    ``imported_by_default: false``) get ``requires``: the files that bring them."""
    requires: dict[str, list[str]] = {}
    for module, entry in sorted(modules.items()):
        for path in entry.get("options_documented") or []:
            requires.setdefault(path, []).append(module)
    heads = {tuple(split_path(p)[:2]): ms for p, ms in requires.items()}
    for path, extra in db.execute(
        "SELECT path, extra FROM options WHERE module = '' AND extra LIKE '%imported_by_default%'"
    ).fetchall():
        if json.loads(extra).get("imported_by_default") is False:
            owners = heads.get(tuple(split_path(path)[:2]))
            if owners:
                requires.setdefault(path, owners)
    db.executemany(
        "UPDATE options SET requires = ? WHERE path = ? AND module = ''",
        [(json.dumps(sorted(set(ms))), path) for path, ms in sorted(requires.items())],
    )


def _parts(key: str) -> tuple[str, ...]:
    return split_path(key)


def _insert(db: sqlite3.Connection, rows: list[tuple[Any, ...]], index_text: bool) -> None:
    for chunk in _chunks(rows, 2000):
        db.executemany(_INSERT, chunk)
    if index_text:
        ids = dict(db.execute("SELECT path, id FROM options WHERE module = '' AND kind = 'documented'"))
        db.executemany(
            "INSERT INTO options_fts (rowid, name, description) VALUES (?, ?, ?)",
            [(ids[r[0]], name_words(r[1].split(SEP)), r[5]) for r in rows],
        )


def _chunks(rows: list[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
