"""Readings as plain JSON data (for ``nixwright parse --json`` and tools)."""

from __future__ import annotations

from typing import Any

from nixwright.errors import SourceLocation
from nixwright.nix.values import (
    Definition,
    Dynamic,
    ModuleReading,
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixPath,
    NixString,
    PackageRef,
    RawExpr,
    Value,
)


def value_json(value: Value) -> Any:
    """A value as JSON: scalars as themselves, the rest tagged with ``kind``."""
    if isinstance(value, NixBool | NixInt | NixFloat):
        return value.value
    if isinstance(value, NixString):
        return value.value
    if isinstance(value, NixNull):
        return None
    if isinstance(value, NixList):
        return [value_json(item) for item in value.items]
    if isinstance(value, NixAttrs):
        return {key: value_json(item) for key, item in value.entries}
    if isinstance(value, NixPath):
        return {"kind": "path", "path": value.value}
    if isinstance(value, PackageRef):
        return {"kind": "package", "attr": value.attr_path}
    if isinstance(value, RawExpr):
        return {"kind": "expression", "text": value.text}
    if isinstance(value, Dynamic):
        return {"kind": "dynamic", "reason": value.reason, "text": value.text}
    raise TypeError(type(value).__name__)


def location_json(location: SourceLocation) -> str:
    return str(location)


def definition_json(definition: Definition) -> dict[str, Any]:
    data: dict[str, Any] = {
        "option": definition.dotted,
        "path": list(definition.path),
        "value": value_json(definition.value),
        "priority": definition.priority,
        "location": location_json(definition.location),
    }
    if definition.condition is not None:
        data["condition"] = definition.condition
    if definition.order is not None:
        data["order"] = definition.order
    if definition.dynamic_key:
        data["dynamic_key"] = True
    return data


def reading_json(reading: ModuleReading) -> dict[str, Any]:
    return {
        "files": list(reading.files),
        "definitions": [definition_json(d) for d in reading.definitions],
        "imports": [
            {
                "kind": i.kind,
                "text": i.text,
                "location": location_json(i.location),
                **({"module": i.module} if i.module else {}),
                **({"file": i.file} if i.file else {}),
            }
            for i in reading.imports
        ],
        "declared_options": [".".join(p) for p in reading.declared_options],
        "unreadable": [
            {"reason": u.reason, "text": u.text, "location": location_json(u.location)}
            for u in reading.unreadable
        ],
        "duplicate_attrs": [
            {
                "name": d.name,
                "message": d.message,
                "first": location_json(d.first),
                "again": location_json(d.again),
            }
            for d in reading.duplicate_attrs
        ],
    }
