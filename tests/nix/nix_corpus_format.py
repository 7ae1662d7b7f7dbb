"""The expected-output format of the corpus: one line per fact the reader reports about a file."""

from __future__ import annotations

import json
from pathlib import Path

from nixwright.errors import SourceLocation
from nixwright.nix.render_values import render_value
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    Dynamic,
    ModuleReading,
    NixAttrs,
    NixList,
    NixString,
    Value,
    quote_attr,
)

CORPUS = Path(__file__).parent.parent / "fixtures" / "nix" / "corpus"


def _where(location: SourceLocation) -> str:
    file = Path(location.file)
    try:
        shown = file.relative_to(CORPUS).as_posix()
    except ValueError:
        shown = file.as_posix()
    return f"{shown}:{location.line}:{location.col}"


def _local(file: str) -> str:
    try:
        return Path(file).relative_to(CORPUS).as_posix()
    except ValueError:
        return file


def show(value: Value) -> str:
    """A value on one line; strings as JSON so every character is visible."""
    if isinstance(value, NixString):
        return json.dumps(value.value, ensure_ascii=False)
    if isinstance(value, NixList):
        return "[ " + "".join(show(item) + " " for item in value.items) + "]"
    if isinstance(value, NixAttrs):
        return "{ " + "".join(f"{quote_attr(k)} = {show(v)}; " for k, v in value.entries) + "}"
    if isinstance(value, Dynamic):
        return f"<dynamic: {value.reason}>"
    return render_value(value)


def _clean(text: str) -> str:
    return text.replace(str(CORPUS) + "/", "")


def reading_lines(reading: ModuleReading) -> list[str]:
    lines: list[str] = []
    for d in reading.definitions:
        notes = []
        if d.priority != PRIORITY_DEFAULT_PLAIN:
            notes.append(f"priority {d.priority}")
        if d.condition is not None:
            notes.append(f"if {d.condition}")
        if d.order is not None:
            notes.append(f"order {d.order}")
        if d.dynamic_key:
            notes.append("dynamic key")
        suffix = f" [{'; '.join(notes)}]" if notes else ""
        lines.append(_clean(f"def {d.dotted} = {show(d.value)}{suffix} @{_where(d.location)}"))
    for i in reading.imports:
        target = i.module if i.kind == "nixos-module" else _local(i.file) if i.file else i.text
        lines.append(f"import {i.kind} {target} @{_where(i.location)}")
    lines.extend(f"declared {'.'.join(p)}" for p in reading.declared_options)
    lines.extend(_clean(f"unreadable {u.reason} @{_where(u.location)}") for u in reading.unreadable)
    lines.extend(f"duplicate {d.name} @{_where(d.first)} @{_where(d.again)}" for d in reading.duplicate_attrs)
    lines.extend(f"file {_local(f)}" for f in reading.files)
    return lines
