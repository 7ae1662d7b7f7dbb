"""Which capabilities can share a machine: ports have one owner, declared conflicts are honoured."""

from __future__ import annotations

from collections.abc import Iterable

from nixwright.catalog.model import Capability, Catalog


def implied_requirements(cap: Capability) -> list[str]:
    """``requires`` plus what the schema implies: web apps need the proxy, windows need a desktop."""
    needs = list(cap.requires)
    if cap.web and "role:reverse-proxy" not in needs:
        needs.append("role:reverse-proxy")
    if cap.graphical and "role:desktop" not in needs:
        needs.append("role:desktop")
    return needs


def clashes(a: Capability, b: Capability) -> bool:
    """Shared ports, a declared conflict, or one refusing a role the other needs (Kodi vs. a desktop)."""
    ports = {(p.port, p.protocol) for p in a.ports} & {(p.port, p.protocol) for p in b.ports}
    return a.id != b.id and (
        bool(ports) or _conflicts(a, b) or _conflicts(b, a) or _refuses_needs(a, b) or _refuses_needs(b, a)
    )


def _refuses_needs(a: Capability, b: Capability) -> bool:
    return any(need in a.conflicts for need in implied_requirements(b) if need.startswith("role:"))


def _conflicts(a: Capability, b: Capability) -> bool:
    return any(ref == b.id or (ref.startswith("role:") and ref[5:] in b.roles) for ref in a.conflicts)


def with_named_requirements(catalog: Catalog, ids: Iterable[str]) -> list[Capability]:
    """The capabilities and everything they require by id (not by role), transitively."""
    out: dict[str, Capability] = {}
    todo = list(ids)
    while todo:
        cap = catalog.capability(todo.pop(0))
        if cap is None or cap.id in out:
            continue
        out[cap.id] = cap
        todo += [r for r in cap.requires if not r.startswith("role:")]
    return list(out.values())


def compatible_provider(catalog: Catalog, role_id: str, default: str, chosen: Iterable[Capability]) -> str:
    """``default`` unless it clashes with what is chosen and another provider does not."""
    present = list(chosen)
    others = sorted(c.id for c in catalog.providers(role_id) if c.id != default)
    for cap_id in [default, *others]:
        cap = catalog.capability(cap_id)
        if cap is not None and not any(clashes(cap, x) for x in present):
            return cap_id
    return default
