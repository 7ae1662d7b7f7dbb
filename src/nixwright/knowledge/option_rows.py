"""Rows of the ``options`` table as ``OptionInfo`` values."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from nixwright.knowledge.model import OptionInfo, OptionKind
from nixwright.knowledge.types import parse_type_cached

COLUMNS = (
    "id, path, module, kind, type, description, default_text, example_text, declarations, read_only,"
    " renamed_to, to_kind, message, warns, fails, requires"
)
_KINDS = {k.value: k for k in OptionKind}


def option_from_row(row: tuple[Any, ...]) -> OptionInfo:
    (_, path, module, kind, type_text, description, default, example, decls, read_only) = row[:10]
    renamed_to, _to_kind, message, warns, fails, requires = row[10:16]
    option_kind = _KINDS.get(kind, OptionKind.HIDDEN)
    if module and option_kind == OptionKind.DOCUMENTED:
        option_kind = OptionKind.IMPORTED
    return OptionInfo(
        path=path,
        type=parse_type_cached(type_text),
        description=description,
        default_text=default,
        example_text=example,
        declarations=tuple(json.loads(decls)),
        read_only=bool(read_only),
        kind=option_kind,
        renamed_to=renamed_to,
        message=message,
        warns=bool(warns) or option_kind in (OptionKind.CHANGED, OptionKind.MERGED),
        fails=bool(fails),
        # documented options that exist only with an import name the (first) file that brings them
        module=module or (json.loads(requires)[0] if requires else None),
    )


def fetch_option(db: sqlite3.Connection, option_id: int) -> tuple[Any, ...]:
    row: tuple[Any, ...] = db.execute(f"SELECT {COLUMNS} FROM options WHERE id = ?", (option_id,)).fetchone()  # noqa: S608
    return row
