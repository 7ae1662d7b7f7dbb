"""Load the catalog (capabilities, roles, hardware profiles) from TOML package data."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from nixwright.catalog.capability_load import read_capability, read_role
from nixwright.catalog.hardware_load import read_hardware
from nixwright.catalog.model import Capability, Catalog, HardwareProfile, Role
from nixwright.errors import NixwrightError


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The catalog shipped inside the package (cached: it never changes at run time)."""
    return load_catalog_from(resources.files("nixwright.catalog"))


def load_catalog_from(root: Traversable | Path) -> Catalog:
    """Read ``capabilities/*.toml``, ``roles/*.toml`` and ``hardware/*.toml`` under ``root``."""
    caps = tuple(read_capability(_parse(f), f"capabilities/{f.name}") for f in _files(root, "capabilities"))
    hardware = tuple(read_hardware(_parse(f), f"hardware/{f.name}") for f in _files(root, "hardware"))
    roles = tuple(read_role(_parse(f), f"roles/{f.name}") for f in _files(root, "roles"))
    return _link(caps, hardware, roles)


def _files(root: Traversable | Path, sub: str) -> list[Traversable | Path]:
    folder = root / sub
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


def _parse(f: Traversable | Path) -> dict[str, object]:
    try:
        return tomllib.loads(f.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise NixwrightError(f"catalog {f.name}: invalid TOML: {exc}") from None


def _link(
    caps: tuple[Capability, ...], hardware: tuple[HardwareProfile, ...], roles: tuple[Role, ...]
) -> Catalog:
    _unique("capability", [c.id for c in caps])
    _unique("hardware profile", [h.id for h in hardware])
    _unique("role", [r.id for r in roles])
    cap_ids = {c.id for c in caps}
    role_ids = {r.id for r in roles} | {role for c in caps for role in c.roles}
    for cap in caps:
        for ref in (*cap.requires, *cap.conflicts):
            known = ref[5:] in role_ids if ref.startswith("role:") else ref in cap_ids
            if not known:
                raise NixwrightError(f"catalog {cap.source}: requires/conflicts names unknown {ref!r}")
    linked = []
    for role in roles:
        providers = tuple(sorted(c.id for c in caps if role.id in c.roles))
        if role.preferred not in providers:
            raise NixwrightError(
                f"catalog roles/{role.id}.toml: role {role.id!r} prefers {role.preferred!r}, which does not provide it"
            )
        if role.low_ram_preferred is not None and role.low_ram_preferred not in providers:
            raise NixwrightError(
                f"catalog roles/{role.id}.toml: low_ram_preferred {role.low_ram_preferred!r} does not provide it"
            )
        linked.append(replace(role, providers=providers))
    return Catalog(capabilities=caps, hardware=hardware, roles=tuple(linked))


def _unique(what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise NixwrightError(f"catalog: {what} id {i!r} is defined twice")
        seen.add(i)
