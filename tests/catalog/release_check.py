"""Checks of catalog entries against a release's knowledge base (used by the release tests)."""

from __future__ import annotations

from collections.abc import Iterable

from nixwright.catalog.model import Capability, HardwareProfile, OptionSetting
from nixwright.catalog.values import fill
from nixwright.errors import SourceLocation
from nixwright.knowledge.model import Knowledge, PackageKind
from nixwright.nix.values import Definition, ModuleImport, ModuleReading, NixAttrs, NixList, PackageRef, Value

SAMPLE_FACTS = {
    "hostname": "box",
    "domain": "example.org",
    "lan_cidr": "192.168.1.0/24",
    "lan_ip": "192.168.1.2",
    "listen_ip": "192.168.1.2",
    "gateway": "192.168.1.1",
    "dhcp_start": "192.168.1.100",
    "dhcp_end": "192.168.1.200",
    "interface": "eth0",
    "admin": "admin",
    "timezone": "Europe/Berlin",
    "locale": "en_US.UTF-8",
    "keyboard": "us",
    "email": "admin@example.org",
    "upstream": "127.0.0.1:8080",
    "port": "8080",
    "host": "app.example.org",
    "path": "/app",
}
_OK_PACKAGE_KINDS = (PackageKind.PACKAGE, PackageKind.MEMBER, PackageKind.SET)


def option_problems(
    kb: Knowledge, settings: Iterable[OptionSetting], imported: tuple[str, ...], prefix: tuple[str, ...] = ()
) -> list[str]:
    problems = []
    for s in settings:
        parts = prefix + s.path
        res = kb.resolve_option(parts, imported_modules=imported)
        if res.option is None and not (res.is_namespace and isinstance(s.value, NixAttrs)):
            hint = kb.suggest_options(".".join(parts))
            problems.append(f"unknown option {'.'.join(parts)} (did you mean {hint})")
    return problems


def package_problems(kb: Knowledge, attrs: Iterable[str], systems: Iterable[str]) -> list[str]:
    problems = []
    for attr in attrs:
        for system in systems:
            match = kb.find_package(attr, system=system)
            if match.kind not in _OK_PACKAGE_KINDS:
                problems.append(f"package {attr}: {match.kind.value} {match.message or ''}".strip())
            elif match.package is not None and not match.package.available_on(system):
                problems.append(f"package {attr} is not available on {system}")
    return problems


def packages_in(value: Value) -> list[str]:
    match value:
        case PackageRef(attr):
            return [attr]
        case NixList(items):
            return [p for x in items for p in packages_in(x)]
        case NixAttrs(entries):
            return [p for _, v in entries for p in packages_in(v)]
        case _:
            return []


def reading_of(
    entries: Iterable[tuple[tuple[str, ...], OptionSetting]], source: str, imported: tuple[str, ...] = ()
) -> ModuleReading:
    """The settings as the reader would have found them (placeholders filled with sample facts)."""
    defs = tuple(
        Definition(
            path=prefix + s.path, value=fill(s.value, SAMPLE_FACTS), location=SourceLocation(source, i + 1, 1)
        )
        for i, (prefix, s) in enumerate(entries)
    )
    where = SourceLocation(source, 1, 1)
    imports = tuple(ModuleImport("nixos-module", f"modulesPath + /{m}", where, module=m) for m in imported)
    return ModuleReading(definitions=defs, imports=imports)


def capability_entries(cap: Capability) -> list[tuple[tuple[str, ...], OptionSetting]]:
    out: list[tuple[tuple[str, ...], OptionSetting]] = [((), s) for s in cap.options]
    if cap.proxy is not None:
        host = (*cap.proxy.vhost_prefix, "app.example.org")
        out += [(host, s) for s in (*cap.proxy.settings, *cap.proxy.path_settings)]
    return out


def hardware_entries(hw: HardwareProfile) -> list[tuple[tuple[str, ...], OptionSetting]]:
    return [((), s) for s in (*hw.options, *(o for r in hw.ram_tuning for o in r.options))]
