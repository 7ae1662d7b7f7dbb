"""Resolve ``pkgs.X`` / ``pkgs.SET.Y`` the way Nix would, with the release's alias and set data."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nixwright.knowledge.model import PackageInfo, PackageKind, PackageMatch
from nixwright.knowledge.paths import split_path

if TYPE_CHECKING:
    from nixwright.knowledge.store import KnowledgeBase

_PKG_COLUMNS = (
    "p.attr_path, p.pname, p.version, p.description, p.licenses, p.unfree, p.insecure, p.broken,"
    " ps.systems, bp.systems, p.known_vulnerabilities, p.main_program, p.homepage"
)
_PKG_FROM = (
    " FROM packages p LEFT JOIN platform_sets ps ON ps.id = p.platforms"
    " LEFT JOIN platform_sets bp ON bp.id = p.bad_platforms"
)
_ATTR_KINDS = {
    "derivation": PackageKind.MEMBER,
    "set": PackageKind.SET,
    "error": PackageKind.ERROR,
}


def _info(row: tuple[Any, ...]) -> PackageInfo:
    return PackageInfo(
        attr_path=row[0],
        pname=row[1],
        version=row[2],
        description=row[3],
        licenses=tuple(json.loads(row[4])),
        unfree=bool(row[5]),
        insecure=bool(row[6]),
        broken=bool(row[7]),
        platforms=tuple(json.loads(row[8])) if row[8] else (),
        bad_platforms=tuple(json.loads(row[9])) if row[9] else (),
        known_vulnerabilities=tuple(json.loads(row[10])),
        main_program=row[11],
        homepage=row[12],
    )


def package_info(db: sqlite3.Connection, attr_path: str) -> PackageInfo | None:
    row = db.execute(f"SELECT {_PKG_COLUMNS}{_PKG_FROM} WHERE p.attr_path = ?", (attr_path,)).fetchone()
    return _info(row) if row else None


def package_info_by_id(db: sqlite3.Connection, package_id: int) -> PackageInfo:
    row = db.execute(f"SELECT {_PKG_COLUMNS}{_PKG_FROM} WHERE p.id = ?", (package_id,)).fetchone()
    return _info(row)


def _system_error(db: sqlite3.Connection, attr_path: str, system: str | None) -> str | None:
    if system is None:
        return None
    row = db.execute(
        "SELECT message FROM package_system_errors WHERE attr_path = ? AND system = ?", (attr_path, system)
    ).fetchone()
    return str(row[0]) if row else None


def _package_match(
    kb: KnowledgeBase, requested: str, attr: str, info: PackageInfo, system: str | None
) -> PackageMatch:
    error = _system_error(kb.db, attr, system)
    if error is not None:
        return PackageMatch(
            requested, PackageKind.PACKAGE, attr, info, f"fails on {system}: {error}", available=False
        )
    available = None if system is None else info.available_on(system)
    message = None if available is not False else f"{attr} is not available on {system}"
    return PackageMatch(requested, PackageKind.PACKAGE, attr, info, message, available=available)


def find_package(
    kb: KnowledgeBase, attr_path: str, system: str | None = None, _depth: int = 0
) -> PackageMatch:
    text = attr_path.removeprefix("pkgs.")
    parts = split_path(text)
    info = package_info(kb.db, text)
    if info is not None:
        return _package_match(kb, attr_path, text, info, system)
    if len(parts) == 1:
        return _top_level(kb, attr_path, parts[0], system, _depth)
    return _nested(kb, attr_path, parts, system, _depth)


def _top_level(kb: KnowledgeBase, requested: str, name: str, system: str | None, depth: int) -> PackageMatch:
    row = kb.db.execute(
        "SELECT kind, is_alias, alias_kind, target, message, warns, same_as, set_alias_of, aarch64"
        " FROM package_attrs WHERE name = ?",
        (name,),
    ).fetchone()
    if row is None:
        return _unknown(kb, requested)
    kind, is_alias, alias_kind, target, message, warns, same_as, set_alias_of, aarch64 = row
    if system is not None and aarch64 and system == "aarch64-linux":
        override = json.loads(aarch64)
        kind, message = override.get("kind", kind), override.get("message", message)
    if is_alias:
        alias = _Alias(name, alias_kind, target, message, warns)
        return _alias(kb, requested, alias, system, depth)
    if kind == "derivation":
        resolved = same_as or name
        target_info = package_info(kb.db, same_as) if same_as else None
        note = (
            f"same package as {same_as}"
            if same_as
            else "a package that the channel's package list leaves out"
        )
        available = None if system is None or target_info is None else target_info.available_on(system)
        return PackageMatch(requested, PackageKind.MEMBER, resolved, target_info, note, available=available)
    if kind == "set":
        note = f"a package set, the same as {set_alias_of}" if set_alias_of else "a package set"
        return PackageMatch(requested, PackageKind.SET, set_alias_of or name, message=note)
    if kind == "error":
        return PackageMatch(
            requested, PackageKind.ERROR, name, message=message or "fails to evaluate", available=False
        )
    return PackageMatch(requested, PackageKind.NON_PACKAGE, name, message=f"not a package but a {kind}")


@dataclass(frozen=True)
class _Alias:
    name: str
    kind: str | None
    target: str | None
    message: str | None
    warns: str | None


def _alias(kb: KnowledgeBase, requested: str, alias: _Alias, system: str | None, depth: int) -> PackageMatch:
    name, alias_kind, target, message, warns = (
        alias.name,
        alias.kind,
        alias.target,
        alias.message,
        alias.warns,
    )
    if alias_kind == "renamed" and target and depth < 8:
        final = find_package(kb, target, system, depth + 1)
        if final.kind is PackageKind.REMOVED:
            return PackageMatch(requested, PackageKind.REMOVED, final.resolved, message=final.message)
        text = f"{name} was renamed to {final.resolved or target}"
        return PackageMatch(
            requested,
            PackageKind.RENAMED,
            final.resolved or target,
            final.package,
            f"{text}: {warns}" if warns and warns != "warns when used" else text,
            warns=True,
            available=final.available,
        )
    if alias_kind in {"removed", "broken"}:
        return PackageMatch(requested, PackageKind.REMOVED, name, message=message or f"{name} was removed")
    return PackageMatch(requested, PackageKind.ALIAS, name, message=message, warns=bool(warns))


def canonical_set(kb: KnowledgeBase, set_parts: tuple[str, ...]) -> tuple[str, ...]:
    """Replace the longest prefix that is a set alias (``python3Packages`` -> ``python312Packages``)."""
    aliases = kb.set_aliases
    for _ in range(4):
        for cut in range(len(set_parts), 0, -1):
            target = aliases.get(".".join(set_parts[:cut]))
            if target is not None:
                set_parts = (*split_path(target), *set_parts[cut:])
                break
        else:
            return set_parts
    return set_parts


def _nested(
    kb: KnowledgeBase, requested: str, parts: tuple[str, ...], system: str | None, depth: int
) -> PackageMatch:
    set_parts = canonical_set(kb, parts[:-1])
    name = parts[-1]
    set_path = ".".join(set_parts)
    full = f"{set_path}.{name}"
    info = package_info(kb.db, full)
    if info is not None:
        return _package_match(kb, requested, full, info, system)
    instance = kb.db.execute(
        "SELECT 1 FROM package_attrs WHERE name = ? AND nixpkgs_instance = 1", (set_parts[0],)
    ).fetchone()
    if instance is not None and depth < 8:
        inner = find_package(kb, ".".join(parts[1:]), system, depth + 1)
        if inner.kind is not PackageKind.UNKNOWN:
            return PackageMatch(
                requested, inner.kind, f"{set_parts[0]}.{inner.resolved}", inner.package, inner.message
            )
    if kb.db.execute("SELECT 1 FROM package_sets WHERE path = ?", (full,)).fetchone():
        return PackageMatch(requested, PackageKind.SET, full, message="a package set")
    row = kb.db.execute(
        "SELECT is_alias, kind FROM package_set_members WHERE set_path = ? AND name = ?", (set_path, name)
    ).fetchone()
    if row is None:
        return _unknown(kb, requested)
    is_alias, kind = row
    missing = _missing_on(kb, set_path, name, system)
    if kind == "derivation":
        note = f"{full} is not available on {system}" if missing else None
        return PackageMatch(
            requested,
            PackageKind.MEMBER,
            full,
            message=note,
            available=None if system is None else not missing,
        )
    if kind == "error":
        what = "a removed alias" if is_alias else "fails to evaluate"
        return PackageMatch(
            requested,
            PackageKind.REMOVED if is_alias else PackageKind.ERROR,
            full,
            message=f"{full} is {what}",
        )
    if kind == "set":
        return PackageMatch(requested, PackageKind.SET, full, message="a package set")
    return PackageMatch(requested, PackageKind.NON_PACKAGE, full, message=f"not a package but a {kind}")


def _missing_on(kb: KnowledgeBase, set_path: str, name: str, system: str | None) -> bool:
    if system != "aarch64-linux":
        return False
    row = kb.db.execute("SELECT aarch64_missing FROM package_sets WHERE path = ?", (set_path,)).fetchone()
    return bool(row) and name in json.loads(row[0])


def _unknown(kb: KnowledgeBase, requested: str) -> PackageMatch:
    return PackageMatch(
        requested,
        PackageKind.UNKNOWN,
        message=f"no package {requested} in NixOS {kb.release}",
        suggestions=tuple(kb.suggest_packages(requested)),
    )
