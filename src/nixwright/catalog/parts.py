"""Readers for the parts capabilities and hardware profiles share: options, packages, imports."""

from __future__ import annotations

from nixwright.catalog.model import FILES, ModuleImportSpec, OptionSetting, PackageSetting
from nixwright.catalog.reader import TableReader
from nixwright.catalog.values import (
    PLACEHOLDER,
    CatalogValueError,
    placeholders_in,
    split_path,
    toml_to_value,
)
from nixwright.nix.values import PRIORITY_DEFAULT_PLAIN

# Filled from the Intent (and answers) by the planner; documented in docs/catalog.md.
INTENT_PLACEHOLDERS = frozenset(
    {
        "hostname",
        "domain",
        "lan_cidr",
        "lan_ip",
        "listen_ip",
        "gateway",
        "dhcp_start",
        "dhcp_end",
        "interface",
        "admin",
        "timezone",
        "locale",
        "keyboard",
        "email",
    }
)
# Filled per virtual host by the reverse proxy (only inside [proxy] settings).
PROXY_PLACEHOLDERS = frozenset({"upstream", "port", "host", "path"})


def read_option(t: TableReader, allowed: frozenset[str] = INTENT_PLACEHOLDERS) -> OptionSetting:
    try:
        path = split_path(t.str_("path"))
        if "value" not in t.data:
            raise t.fail("value", "is required")
        value = toml_to_value(t.raw("value"))
    except CatalogValueError as exc:
        raise t.fail("", str(exc)) from None
    unknown = placeholders_in(value) - allowed
    if unknown:
        raise t.fail("value", f"unknown placeholder @{min(unknown)}@")
    in_path = {m for part in path for m in PLACEHOLDER.findall(part)} - allowed
    if in_path:
        raise t.fail("path", f"unknown placeholder @{min(in_path)}@")
    setting = OptionSetting(
        path=path,
        value=value,
        why=t.str_("why"),
        extra=t.bool_("extra"),
        file=t.choice("file", FILES, "configuration"),
        priority=t.int_("priority", PRIORITY_DEFAULT_PLAIN),
        autologin=t.bool_("autologin"),
    )
    t.done()
    return setting


def read_options(t: TableReader, key: str = "option") -> tuple[OptionSetting, ...]:
    return tuple(read_option(x) for x in t.tables(key))


def read_packages(t: TableReader) -> tuple[PackageSetting, ...]:
    out = []
    for p in t.tables("package"):
        out.append(PackageSetting(attr=p.str_("attr"), why=p.str_("why"), extra=p.bool_("extra")))
        p.done()
    return tuple(out)


def read_imports(t: TableReader) -> tuple[ModuleImportSpec, ...]:
    out = []
    for m in t.tables("import"):
        module = m.str_("module")
        if module.startswith("/") or ".." in module or not module.endswith(".nix"):
            raise m.fail("module", "must be a .nix path relative to nixos/modules")
        out.append(
            ModuleImportSpec(module=module, why=m.str_("why"), file=m.choice("file", FILES, "configuration"))
        )
        m.done()
    return tuple(out)
