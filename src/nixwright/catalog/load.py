"""Load the catalog (capabilities, roles, hardware profiles) from TOML package data."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
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

FOLDERS = ("capabilities", "hardware", "roles")
# folder -> file name -> the parsed TOML document
Documents = dict[str, dict[str, dict[str, object]]]


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The catalog shipped inside the package (cached: it never changes at run time)."""
    root = resources.files("nixwright.catalog")
    if isinstance(root, Path):
        return _from_documents(cached_documents(root))
    return load_catalog_from(root)


def load_catalog_from(root: Traversable | Path) -> Catalog:
    """Read ``capabilities/*.toml``, ``roles/*.toml`` and ``hardware/*.toml`` under ``root``."""
    return _from_documents(_documents(root))


def _documents(root: Traversable | Path) -> Documents:
    return {sub: {f.name: _parse(f) for f in _files(root, sub)} for sub in FOLDERS}


def _from_documents(docs: Documents) -> Catalog:
    caps = tuple(read_capability(d, f"capabilities/{n}") for n, d in docs["capabilities"].items())
    hardware = tuple(read_hardware(d, f"hardware/{n}") for n, d in docs["hardware"].items())
    roles = tuple(read_role(d, f"roles/{n}") for n, d in docs["roles"].items())
    return _link(caps, hardware, roles)


def cached_documents(root: Path, cache_dir: Path | None = None) -> Documents:
    """The parsed TOML files under ``root``, kept as JSON in the cache directory (parsing the TOML
    costs ~0.07 s of CPU per process). Used while every file's name, size and mtime are as recorded;
    a cache that cannot be read or written is simply not used."""
    from nixwright.knowledge.home import nixwright_home

    names = [f"{sub}/{f.name}" for sub in FOLDERS for f in _files(root, sub)]
    stats = [[n, st.st_size, st.st_mtime_ns] for n in names for st in [(root / n).stat()]]
    cache = (cache_dir or nixwright_home() / "cache") / "catalog.json"
    with contextlib.suppress(OSError, ValueError):
        kept = json.loads(cache.read_text(encoding="utf-8"))
        docs = kept.get("documents") if isinstance(kept, dict) and kept.get("files") == stats else None
        if isinstance(docs, dict) and sorted(docs) == sorted(FOLDERS):
            return docs
    docs = _documents(root)
    _store(cache, {"files": stats, "documents": docs})
    return docs


def _store(cache: Path, kept: dict[str, object]) -> None:
    try:
        text = json.dumps(kept, ensure_ascii=False)
    except (TypeError, ValueError):  # a value JSON cannot hold (a TOML date): parse every time
        return
    with contextlib.suppress(OSError):
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".catalog-", suffix=".tmp", dir=cache.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            Path(tmp).replace(cache)
        finally:
            Path(tmp).unlink(missing_ok=True)


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
