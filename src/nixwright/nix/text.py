"""Readings as plain text lines (``nixwright parse`` without ``--json``)."""

from __future__ import annotations

import re

from nixwright.errors import NixwrightError
from nixwright.nix.render_values import render_value
from nixwright.nix.values import PRIORITY_DEFAULT_PLAIN, Definition, ModuleReading


def definition_line(definition: Definition) -> str:
    try:
        value = re.sub(r"\s+", " ", render_value(definition.value))
    except NixwrightError:
        value = "<value>"
    if len(value) > 100:
        value = value[:99] + "…"
    notes = []
    if definition.priority != PRIORITY_DEFAULT_PLAIN:
        notes.append(f"priority {definition.priority}")
    if definition.condition:
        notes.append(f"if {definition.condition}")
    if definition.order:
        notes.append(definition.order)
    suffix = f"  [{'; '.join(notes)}]" if notes else ""
    return f"{definition.location}: {definition.dotted} = {value}{suffix}"


def reading_lines(reading: ModuleReading) -> list[str]:
    lines = [definition_line(d) for d in reading.definitions]
    lines.extend(f"{i.location}: import ({i.kind}) {i.module or i.file or i.text}" for i in reading.imports)
    lines.extend(f"{u.location}: not read: {u.reason}" for u in reading.unreadable)
    return lines
