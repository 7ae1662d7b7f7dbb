"""Readings as plain text lines (``nixwright parse`` without ``--json``)."""

from __future__ import annotations

from nixwright.errors import NixwrightError
from nixwright.nix.render_values import quote_string, render_value
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    Definition,
    Dynamic,
    ModuleReading,
    NixAttrs,
    NixList,
    NixString,
    Value,
    quote_attr,
)


def display_value(value: Value) -> str:
    """A value on one line, as Nix where possible; dynamic parts as ``<dynamic: reason>``. Never fails."""
    if isinstance(value, NixString):
        return quote_string(value.value)
    if isinstance(value, NixList):
        return "[ " + "".join(display_value(item) + " " for item in value.items) + "]"
    if isinstance(value, NixAttrs):
        return "{ " + "".join(f"{quote_attr(k)} = {display_value(v)}; " for k, v in value.entries) + "}"
    if isinstance(value, Dynamic):
        return f"<dynamic: {value.reason}>"
    try:
        return " ".join(render_value(value).split())
    except NixwrightError as err:
        return f"<{err.message}>"


def definition_line(definition: Definition) -> str:
    value = display_value(definition.value)
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
    lines.extend(f"{d.again}: error: {d.message}" for d in reading.duplicate_attrs)
    return lines
