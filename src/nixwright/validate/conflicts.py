"""The same option defined more than once at the same priority, where the type cannot merge.

The module system merges lists, attribute sets, submodules and ``lines``; for other types it keeps
equal definitions (``mergeEqualOption``) and rejects different ones (checked with Nix 2.8 on the
24.11 tree: two equal ``pkgs.openssh`` definitions of a ``package`` option are accepted).
"""

from __future__ import annotations

from nixwright.findings import Finding
from nixwright.knowledge.types import OptionType, TypeKind
from nixwright.nix.values import Definition, Dynamic, NixAttrs, NixList, RawExpr, path_str
from nixwright.validate.codes import make_finding
from nixwright.validate.describe import nix_literal
from nixwright.validate.facts import Facts
from nixwright.validate.resolve import Resolver, descend

_MERGEABLE = {
    TypeKind.LIST,
    TypeKind.ATTRS,
    TypeKind.LAZY_ATTRS,
    TypeKind.SUBMODULE,
    TypeKind.LINES,
    TypeKind.ATTRSET,
    TypeKind.OTHER,
    TypeKind.FUNCTION,
}


def check_conflicts(facts: Facts, resolver: Resolver) -> list[Finding]:
    findings: list[Finding] = []
    for path, defs in facts.by_path.items():
        plain = [d for d in defs if d.condition is None and not isinstance(d.value, Dynamic | RawExpr)]
        if len(plain) < 2:
            continue
        top = min(d.priority for d in plain)
        winners = [d for d in plain if d.priority == top]
        if len(winners) < 2:
            continue
        typ = _type_of(path, resolver)
        if typ is None or not _conflicts(typ, winners):
            continue
        first, *others = sorted(winners, key=lambda d: d.location)
        dotted = path_str(path)
        shown = ", ".join(f"{nix_literal(d.value)} ({d.location})" for d in [first, *others])
        findings.extend(
            make_finding(
                "NW-OPT-CONFLICT",
                f"`{dotted}` is defined {len(winners)} times at the same priority with values "
                f"NixOS cannot merge: {shown}",
                d.location,
                fix="keep one definition, or mark the one that should win with `lib.mkForce` "
                "(or the other with `lib.mkDefault`)",
                option=dotted,
            )
            for d in others
        )
    return findings


def _type_of(path: tuple[str, ...], resolver: Resolver) -> OptionType | None:
    res = resolver.resolve(path)
    if res.option is None:
        return None
    typ = resolver.target(res.option).type
    return descend(typ, res.rest) if res.rest else typ


def _conflicts(t: OptionType, defs: list[Definition]) -> bool:
    values = [d.value for d in defs]
    if any(isinstance(v, NixList | NixAttrs) for v in values):
        return t.kind not in _MERGEABLE and t.kind is not TypeKind.ANYTHING and _differ(defs)
    match t.kind:
        case TypeKind.NULL_OR | TypeKind.EITHER:
            return _differ(defs) and not any(a.kind in _MERGEABLE for a in t.args)
        case kind if kind in _MERGEABLE:
            return False
        case _:
            return _differ(defs)


def _differ(defs: list[Definition]) -> bool:
    first = defs[0].value
    return any(d.value != first for d in defs[1:])
