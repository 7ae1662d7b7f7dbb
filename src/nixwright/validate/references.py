"""``config.…`` references inside expressions the reader could not evaluate.

``lib.mkIf config.services.opensshd.enable { … }`` or ``"${config.network.hostName}"`` fail in Nix
with "attribute missing" when the path is not an option (or a group of options). The reader keeps such
expressions as text; the path is checked here. A reference with a default (``config.x.y or z``) is
left alone, as are references into options the configuration declares itself.
"""

from __future__ import annotations

import re

from nixwright.errors import SourceLocation
from nixwright.findings import Finding
from nixwright.validate.codes import make_finding
from nixwright.validate.resolve import Resolver, dotted

_REF = re.compile(r"(?<![\w.'-])config((?:\.(?:[A-Za-z_][\w'-]*|\"[^\"$]*\"))+)(\s+or\b)?")
_PART = re.compile(r"\.(?:([A-Za-z_][\w'-]*)|\"([^\"]*)\")")


def config_references(text: str) -> list[tuple[str, ...]]:
    """Option paths read through ``config.`` in ``text`` (without those that have an ``or`` default)."""
    found: dict[tuple[str, ...], None] = {}
    for m in _REF.finditer(text):
        if m.group(2):
            continue
        parts = tuple(a or b for a, b in _PART.findall(m.group(1)))
        if parts:
            found.setdefault(parts, None)
    return list(found)


def check_references(
    text: str,
    location: SourceLocation,
    resolver: Resolver,
    declared: tuple[tuple[str, ...], ...],
    where: str,
) -> list[Finding]:
    out = []
    for parts in config_references(text):
        if any(parts[: len(p)] == p for p in declared):
            continue
        cut = _unknown_at(parts, resolver)
        if cut is None:
            continue
        missing = dotted(parts[: cut + 1])
        out.append(
            make_finding(
                "NW-OPT-UNKNOWN",
                f"{where} reads `config.{dotted(parts)}`, but `{missing}` is not an option of NixOS "
                f"{resolver.kb.release}; Nix stops with \"attribute '{parts[cut]}' missing\"",
                location,
                fix=_fix(parts, resolver),
                option=dotted(parts),
            )
        )
    return out


def _unknown_at(parts: tuple[str, ...], resolver: Resolver) -> int | None:
    """Index of the first part that names nothing, or None when the path is fine."""
    for i in range(1, len(parts) + 1):
        res = resolver.resolve(parts[:i])
        if res.option is not None:
            return None  # an option, or a key inside an option's value: known from here on
        if not res.is_namespace:
            return i - 1
    return None


def _fix(parts: tuple[str, ...], resolver: Resolver) -> str:
    suggestions = resolver.kb.suggest_options(dotted(parts), limit=2)
    if suggestions:
        return "did you mean " + " or ".join(f"`config.{s}`" for s in suggestions) + "?"
    return "check the option path with `nixwright search`"
