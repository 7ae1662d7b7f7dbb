"""TOML values → Nix values, option paths as text → parts, and ``@placeholder@`` filling."""

from __future__ import annotations

import re
from collections.abc import Mapping

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
    RawExpr,
    Value,
)

PLACEHOLDER = re.compile(r"@([a-z_][a-z0-9_]*)@")
# Special one-key tables: {_package = "firefox"}, {_nix = "..."}, {_path = "/etc/x"}, {_null = true}.
SPECIAL_KEYS = frozenset({"_package", "_nix", "_path", "_null"})


class CatalogValueError(ValueError):
    """A TOML value that has no Nix meaning; the loader adds the file and key."""


def toml_to_value(raw: object) -> Value:
    if isinstance(raw, bool):
        return NixBool(raw)
    if isinstance(raw, int):
        return NixInt(raw)
    if isinstance(raw, float):
        return NixFloat(raw)
    if isinstance(raw, str):
        return NixString(raw, multiline="\n" in raw)
    if isinstance(raw, list):
        return NixList(tuple(toml_to_value(x) for x in raw))
    if isinstance(raw, Mapping):
        keys = set(raw)
        special = keys & SPECIAL_KEYS
        if special:
            if len(keys) != 1:
                raise CatalogValueError(f"{min(special)} must be the only key of its table")
            return _special(next(iter(keys)), raw[next(iter(keys))])
        return NixAttrs(tuple((str(k), toml_to_value(v)) for k, v in raw.items()))
    raise CatalogValueError(f"unsupported TOML value {raw!r}")


def _special(key: str, raw: object) -> Value:
    if key == "_null":
        return NixNull()
    if not isinstance(raw, str) or not raw:
        raise CatalogValueError(f"{key} needs a non-empty string")
    if key == "_package":
        return PackageRef(raw)
    if key == "_path":
        return NixPath(raw)
    return RawExpr(raw)


def split_path(text: str) -> tuple[str, ...]:
    """``services.nginx.virtualHosts."a.b".root`` → parts; raises CatalogValueError on bad quoting."""
    parts: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise CatalogValueError(f"unclosed quote in option path {text!r}")
            parts.append(text[i + 1 : end])
            i = end + 1
        else:
            end = text.find(".", i)
            end = n if end < 0 else end
            parts.append(text[i:end])
            i = end
        if i < n:
            if text[i] != ".":
                raise CatalogValueError(f"expected '.' at {i} in option path {text!r}")
            i += 1
    if not parts or any(p == "" for p in parts):
        raise CatalogValueError(f"empty part in option path {text!r}")
    return tuple(parts)


def placeholders_in(value: Value) -> set[str]:
    """Every ``@name@`` used in a value's strings (and raw expressions)."""
    match value:
        case NixString(text) | RawExpr(text):
            return set(PLACEHOLDER.findall(text))
        case NixList(items):
            return set().union(*(placeholders_in(x) for x in items)) if items else set()
        case NixAttrs(entries):
            found: set[str] = set()
            for k, v in entries:
                found |= set(PLACEHOLDER.findall(k)) | placeholders_in(v)
            return found
        case _:
            return set()


def fill(value: Value, facts: Mapping[str, str]) -> Value:
    """Replace ``@name@`` in strings; a placeholder missing from ``facts`` is a KeyError (a bug)."""
    match value:
        case NixString(text, multiline):
            return NixString(fill_text(text, facts), multiline)
        case RawExpr(text):
            return RawExpr(fill_text(text, facts))
        case NixList(items):
            return NixList(tuple(fill(x, facts) for x in items))
        case NixAttrs(entries):
            return NixAttrs(tuple((fill_text(k, facts), fill(v, facts)) for k, v in entries))
        case _:
            return value


def fill_text(text: str, facts: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: facts[m.group(1)], text)
