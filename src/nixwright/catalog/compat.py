"""Which capabilities can share a machine: ports have one owner, declared conflicts are honoured."""

from __future__ import annotations

from collections.abc import Iterable

from nixwright.catalog.model import Capability, Catalog


def clashes(a: Capability, b: Capability) -> bool:
    ports = {(p.port, p.protocol) for p in a.ports} & {(p.port, p.protocol) for p in b.ports}
    return a.id != b.id and (bool(ports) or _conflicts(a, b) or _conflicts(b, a))


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
