"""Values and types in plain words, for finding messages."""

from __future__ import annotations

from nixwright.knowledge.types import OptionType, TypeKind
from nixwright.nix.values import (
    Dynamic,
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

_MAX = 40


def _short(text: str) -> str:
    return text if len(text) <= _MAX else text[: _MAX - 1] + "…"


def nix_literal(value: Value) -> str:
    """A short Nix rendering of a value, for messages."""
    match value:
        case NixBool(v):
            return "true" if v else "false"
        case NixInt(v):
            return str(v)
        case NixFloat(v):
            return repr(v)
        case NixString(v, _):
            return '"' + _short(v).replace('"', '\\"') + '"'
        case NixPath(v):
            return v
        case NixNull():
            return "null"
        case NixList(items):
            inner = " ".join(nix_literal(i) for i in items[:3])
            return f"[ {inner}{' …' if len(items) > 3 else ''} ]"
        case NixAttrs(entries):
            return "{ … }" if entries else "{ }"
        case PackageRef(attr):
            return f"pkgs.{attr}"
        case RawExpr(text) | Dynamic(_, text):
            return _short(text) or "(expression)"
    return "(value)"


def value_kind(value: Value) -> str:
    """What kind of value this is, with an article: ``a string``, ``an integer``."""
    match value:
        case NixBool():
            return "a boolean"
        case NixInt():
            return "an integer"
        case NixFloat():
            return "a floating-point number"
        case NixString():
            return "a string"
        case NixPath():
            return "a path"
        case NixNull():
            return "null"
        case NixList():
            return "a list"
        case NixAttrs():
            return "an attribute set"
        case PackageRef():
            return "a package"
        case _:
            return "an expression"


def value_words(value: Value) -> str:
    """``the string "yes"``, ``the integer 70000``, ``a list``."""
    if isinstance(value, NixList | NixAttrs | NixNull):
        return value_kind(value)
    noun = value_kind(value).split(" ", 1)[1]
    return f"the {noun} {nix_literal(value)}"


def type_words(t: OptionType) -> str:
    """The option type as options.json words it (its own text when present)."""
    if t.text:
        return t.text
    return t.kind.value


def example_for(t: OptionType) -> str | None:
    """A literal of the expected type, for the fix line (None when no obvious one)."""
    match t.kind:
        case TypeKind.BOOL:
            return "true"
        case TypeKind.INT | TypeKind.NUMBER:
            low = t.minimum if t.minimum is not None else 0
            return str(max(low, min(1, t.maximum if t.maximum is not None else 1)))
        case TypeKind.STR | TypeKind.LINES:
            return '"…"'
        case TypeKind.ENUM:
            return " or ".join(_member(m) for m in t.members[:4]) if t.members else None
        case TypeKind.LIST:
            return "[ … ]"
        case TypeKind.ATTRS | TypeKind.SUBMODULE | TypeKind.ATTRSET | TypeKind.LAZY_ATTRS:
            return "{ … }"
        case TypeKind.NULL_OR:
            inner = example_for(t.args[0]) if t.args else None
            return f"null or {inner}" if inner else "null"
        case _:
            return None


def _member(m: object) -> str:
    if isinstance(m, bool):
        return "true" if m else "false"
    if m is None:
        return "null"
    if isinstance(m, str):
        return f'"{m}"'
    return str(m)


def member_words(t: OptionType) -> str:
    return ", ".join(_member(m) for m in t.members)
