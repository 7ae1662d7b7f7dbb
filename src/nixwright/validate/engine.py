"""``check_reading``: every static check over one ``ModuleReading``."""

from __future__ import annotations

from collections.abc import Sequence

from nixwright.findings import Finding
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import (
    Definition,
    Dynamic,
    ModuleImport,
    ModuleReading,
    NixAttrs,
    NixList,
    NixString,
    RawExpr,
    Value,
)
from nixwright.validate.codes import make_finding
from nixwright.validate.conflicts import check_conflicts
from nixwright.validate.dormant import dormant_types
from nixwright.validate.duplicates import check_duplicates
from nixwright.validate.facts import Facts
from nixwright.validate.imports import imported_settings
from nixwright.validate.options import PackageSite, check_definition
from nixwright.validate.packages import Permissions, check_packages
from nixwright.validate.references import check_references
from nixwright.validate.resolve import Resolver, dotted
from nixwright.validate.system import check_system


def check_reading(reading: ModuleReading, kb: Knowledge, *, system: str) -> tuple[Finding, ...]:
    """All validation findings for ``reading`` against release ``kb``, sorted deterministically."""
    modules = tuple(i.module for i in reading.imports if i.kind == "nixos-module" and i.module)
    resolver = Resolver(kb, modules)
    provided, unknown = imported_settings(kb, reading.imports, reading.files)
    facts = Facts(reading, provided=provided, unknown_imports=unknown, release=kb.release)
    findings: list[Finding] = []
    sites: list[PackageSite] = []
    declared = reading.declared_options
    for d in reading.definitions:
        if any(d.path[: len(p)] == p for p in declared):
            continue  # an option the configuration declares itself
        result = check_definition(d, resolver)
        findings.extend(dormant_types(d, result.findings, resolver, facts))
        sites.extend(result.packages)
        findings.extend(_references(d, resolver, declared))
    target = effective_system(facts, system)
    findings.extend(check_packages(sites, kb, target, Permissions.from_facts(facts)))
    findings.extend(check_conflicts(facts, resolver))
    findings.extend(check_system(facts))
    findings.extend(_unreadable(reading))
    findings.extend(check_duplicates(reading))
    findings.extend(_unfollowed_imports(reading, unknown))
    return tuple(sorted(_dedupe(findings), key=Finding.sort_key))


def _references(d: Definition, resolver: Resolver, declared: tuple[tuple[str, ...], ...]) -> list[Finding]:
    """``config.…`` paths read by the definition's condition or its computed value."""
    out = []
    if d.condition:
        out += check_references(
            d.condition, d.location, resolver, declared, f"the condition of `{dotted(d.path)}`"
        )
    for text in _computed_texts(d.value):
        out += check_references(text, d.location, resolver, declared, f"`{dotted(d.path)}`")
    return out


def _computed_texts(value: Value) -> list[str]:
    match value:
        case Dynamic(_, text) | RawExpr(text):
            return [text] if "config" in text else []
        case NixList(items):
            return [t for item in items for t in _computed_texts(item)]
        case NixAttrs(entries):
            return [t for _, item in entries for t in _computed_texts(item)]
        case _:
            return []


def effective_system(facts: Facts, default: str) -> str:
    """``nixpkgs.hostPlatform`` (or ``nixpkgs.system``) when the configuration names one."""
    for path in (("nixpkgs", "hostPlatform"), ("nixpkgs", "hostPlatform", "system"), ("nixpkgs", "system")):
        value = facts.get(*path)
        if isinstance(value, NixString):
            return value.value
        inner = value.get("system") if isinstance(value, NixAttrs) else None
        if isinstance(inner, NixString):
            return inner.value
    return default


def _unreadable(reading: ModuleReading) -> list[Finding]:
    out = []
    for u in reading.unreadable:
        if u.reason.endswith(": no such file"):  # the reader's words for a missing local import
            out.append(
                make_finding(
                    "NW-IMPORT-MISSING",
                    f"`{u.text}` is imported but does not exist; Nix stops there",
                    u.location,
                    fix="create the file (e.g. `nixos-generate-config` writes hardware-configuration.nix) "
                    "or remove it from `imports`",
                )
            )
            continue
        out.append(
            make_finding(
                "NW-NOT-CHECKED",
                f"not checked: {u.reason}" + (f" (`{u.text[:60]}`)" if u.text else ""),
                u.location,
                fix="use --eval to have Nix evaluate it",
            )
        )
    return out


def _unfollowed_imports(reading: ModuleReading, unknown: tuple[str, ...]) -> list[Finding]:
    """Imports whose definitions the checks could not see (computed paths, unknown modules)."""
    return [
        make_finding(
            "NW-NOT-CHECKED",
            f"import `{imp.text[:80]}` not checked: " + _why_unfollowed(imp.kind),
            imp.location,
            fix="use --eval to have Nix evaluate it",
        )
        for imp in reading.imports
        if (imp.module or imp.text) in unknown and not _missing(reading, imp)
    ]


def _why_unfollowed(kind: str) -> str:
    match kind:
        case "dynamic":
            return "its path is computed"
        case "local":
            return "the file was not read with this configuration"
        case _:
            return "the release data does not describe it"


def _missing(reading: ModuleReading, imp: ModuleImport) -> bool:
    """Reported as NW-IMPORT-MISSING already."""
    return any(u.location == imp.location and u.reason.endswith(": no such file") for u in reading.unreadable)


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for f in findings:
        key = (f.code, f.message, f.location)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
