"""Values as plain Python data, for comparing against rule parameters."""

from __future__ import annotations

from typing import Any

from nixwright.nix.values import (
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixPath,
    NixString,
    PackageRef,
    Value,
)


class _Unknown:
    """A value the reader could not know (``Dynamic``, raw expressions)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


def to_python(value: Value) -> Any:
    """bool/int/float/str/None, lists and dicts of those; ``UNKNOWN`` for anything computed.

    A list or attribute set holding an unknown item is itself ``UNKNOWN`` only where the
    item is; callers look at items one by one.
    """
    match value:
        case NixBool(value=v) | NixInt(value=v) | NixFloat(value=v):
            return v
        case NixString(value=s) | NixPath(value=s):
            return s
        case NixNull():
            return None
        case NixList(items=items):
            return [to_python(i) for i in items]
        case NixAttrs(entries=entries):
            return {k: to_python(v) for k, v in entries}
        case PackageRef(attr_path=a):
            return f"pkgs.{a}"
        case _:
            return UNKNOWN


def is_unknown(value: Any) -> bool:
    return value is UNKNOWN


def show(value: Any) -> str:
    """A value as Nix source, for messages."""
    if value is UNKNOWN:
        return "(computed)"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return '"' + value.replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[ " + " ".join(show(v) for v in value) + " ]" if value else "[ ]"
    if isinstance(value, dict):
        inner = " ".join(f"{k} = {show(v)};" for k, v in value.items())
        return "{ " + inner + " }"
    return str(value)


def same(actual: Any, expected: Any) -> bool:
    """Equality that keeps ``True`` and ``1`` apart (Nix does)."""
    if isinstance(actual, bool) or isinstance(expected, bool):
        return isinstance(actual, bool) and isinstance(expected, bool) and actual == expected
    return bool(actual == expected)
