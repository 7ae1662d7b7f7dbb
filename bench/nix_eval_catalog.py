"""Write one small configuration per catalog entry, for real evaluation with bench/nix_eval.py.

For every capability (with what it requires, roles resolved to their preferred provider, and
web apps behind the reverse proxy when one is among them) and every hardware profile, writes
``OUT/cap-<id>/configuration.nix`` or ``OUT/hw-<id>/configuration.nix`` plus a ``nixwright.json``
naming the system. It reads the catalog directly, independent of the planner, so a failure
points at the catalog file itself. Placeholders get the documented defaults.

    python bench/nix_eval_catalog.py /tmp/catalog-eval && python bench/nix_eval.py /tmp/catalog-eval
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Capability, Catalog, HardwareProfile, ModuleImportSpec, OptionSetting
from nixwright.catalog.values import fill, fill_text
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    Dynamic,
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixPath,
    NixString,
    PackageRef,
    RawExpr,
    Value,
    path_str,
    quote_attr,
)

HOST = "capcheck"


class Facts(dict[str, str]):
    """Placeholder values; a placeholder newer than this list gets ``unknown-<name>`` and is noted."""

    unknown: set[str] = set()  # noqa: RUF012 - shared on purpose: reported once per run

    def __missing__(self, key: str) -> str:
        self.unknown.add(key)
        return f"unknown-{key}"


FACTS = Facts(
    {
        "hostname": HOST,
        "domain": f"{HOST}.home.arpa",
        "lan_cidr": "192.168.1.0/24",
        "lan_ip": "192.168.1.2",
        "listen_ip": "0.0.0.0",  # noqa: S104 - the documented default when no static IP is given
        "gateway": "192.168.1.1",
        "dhcp_start": "192.168.1.100",
        "dhcp_end": "192.168.1.200",
        "interface": "enp1s0",
        "admin": "admin",
        "timezone": "UTC",
        "locale": "en_US.UTF-8",
        "keyboard": "us",
        "email": f"admin@{HOST}.home.arpa",
    }
)
BASES = {
    "x86_64-linux": ['boot.loader.grub.device = "nodev";'],
    "aarch64-linux": [
        "boot.loader.grub.enable = false;",
        "boot.loader.generic-extlinux-compatible.enable = true;",
    ],
}
ROOT_FS = 'fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };'
ADMIN = 'users.users.admin = { isNormalUser = true; extraGroups = [ "wheel" ]; };'


def render(value: Value, indent: str = "") -> str:
    """A value as Nix source (self-contained, so a failure is the catalog's, not a renderer's)."""
    match value:
        case NixBool(v):
            return "true" if v else "false"
        case NixInt(v) | NixFloat(v):
            return repr(v)
        case NixString(text, _):
            escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("${", "\\${")
            return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'
        case NixPath(text):
            return text
        case NixNull():
            return "null"
        case NixList(items):
            return "[ " + " ".join(render(x, indent) for x in items) + " ]" if items else "[ ]"
        case NixAttrs(entries):
            inner = indent + "  "
            body = "".join(f"\n{inner}{quote_attr(k)} = {render(v, inner)};" for k, v in entries)
            return "{" + body + f"\n{indent}}}" if entries else "{ }"
        case PackageRef(attr):
            return f"pkgs.{attr}"
        case RawExpr(text):
            return f"({text})"
        case Dynamic(reason, text):
            return text or f'throw "dynamic value: {reason}"'


def _priority(setting: OptionSetting, text: str) -> str:
    if setting.priority == PRIORITY_DEFAULT_PLAIN:
        return text
    return f"lib.mkOverride {setting.priority} ({text})"


def _option_line(setting: OptionSetting, facts: Facts, prefix: tuple[str, ...] = ()) -> str:
    parts = prefix + tuple(fill_text(p, facts) for p in setting.path)
    value = render(fill(setting.value, facts), "    ")
    return f"    {{ {path_str(parts)} = {_priority(setting, value)}; }}  # {setting.file}"


def _import_line(spec: ModuleImportSpec) -> str:
    return f'    (modulesPath + "/{spec.module}")'


def _closure(catalog: Catalog, cap: Capability) -> list[Capability]:
    """The capability and everything it requires, roles resolved to their preferred provider."""
    chosen: list[Capability] = []
    todo = [cap.id]
    while todo:
        ref = todo.pop(0)
        if ref.startswith("role:"):
            role = catalog.role(ref.removeprefix("role:"))
            if role is None or any(ref.removeprefix("role:") in c.roles for c in chosen):
                continue
            ref = role.preferred
        found = catalog.capability(ref)
        if found is not None and found not in chosen:
            chosen.append(found)
            todo.extend(found.requires)
    return chosen


def _web_lines(caps: Sequence[Capability]) -> list[str]:
    proxy = next((c.proxy for c in caps if c.proxy is not None), None)
    if proxy is None:
        return []
    lines = []
    for app in (w for c in caps for w in c.web):
        host = f"{app.subdomain}.{FACTS['domain']}" if app.subdomain else FACTS["domain"]
        facts = Facts(FACTS)
        facts.update(host=host, upstream=f"127.0.0.1:{app.port}", port=str(app.port), path=app.path or "")
        settings = proxy.path_settings if app.path else proxy.settings
        lines += [_option_line(s, facts, (*proxy.vhost_prefix, host)) for s in settings]
    return lines


def _module(
    system: str, entries: list[str], imports: list[str], *, packages: list[str], unfree: list[str]
) -> str:
    base = [*BASES[system], ROOT_FS, f'networking.hostName = "{HOST}";', ADMIN]
    if packages:
        base.append("environment.systemPackages = [ " + " ".join(f"pkgs.{p}" for p in packages) + " ];")
    if unfree:
        names = " ".join(f'"{n}"' for n in unfree)
        base.append(f"nixpkgs.config.allowUnfreePredicate = p: builtins.elem (lib.getName p) [ {names} ];")
    base.append('system.stateVersion = "24.11";')
    body = "\n".join(f"  {line}" for line in base)
    return (
        "{ config, lib, pkgs, modulesPath, ... }:\n{\n  imports = [\n"
        + "".join(f"{line}\n" for line in imports + entries)
        + f"  ];\n{body}\n}}\n"
    )


def capability_config(catalog: Catalog, cap: Capability) -> tuple[str, str]:
    """(system, configuration.nix text) for one capability and what it pulls in."""
    caps = _closure(catalog, cap)
    system = "x86_64-linux" if "x86_64-linux" in cap.systems else cap.systems[0]
    entries = [_option_line(s, FACTS) for c in caps for s in c.options] + _web_lines(caps)
    imports = [_import_line(m) for c in caps for m in c.imports]
    packages = [p.attr for c in caps for p in c.packages]
    unfree = sorted({n for c in caps for n in c.unfree})
    return system, _module(system, entries, imports, packages=packages, unfree=unfree)


def hardware_config(profile: HardwareProfile) -> tuple[str, str]:
    """(system, configuration.nix text) for a hardware profile with its largest RAM tuning."""
    settings = list(profile.options) + [s for t in profile.ram_tuning for s in t.options]
    entries = [_option_line(s, FACTS) for s in settings]
    imports = [_import_line(m) for m in profile.imports]
    packages = [p.attr for p in profile.packages]
    text = _module(profile.system, entries, imports, packages=packages, unfree=[])
    if any(s.path[:2] == ("fileSystems", "/") for s in settings):
        text = text.replace(f"  {ROOT_FS}\n", "")
    if any(s.path[:2] == ("boot", "loader") for s in settings):
        for line in BASES[profile.system]:
            text = text.replace(f"  {line}\n", "")
    return profile.system, text


def write_all(out: Path, only: Sequence[str] = (), catalog: Catalog | None = None) -> list[Path]:
    """Write the configurations (all, or the ids/names in ``only``); returns their folders."""
    catalog = catalog or load_catalog()
    jobs: list[tuple[str, str, Capability | HardwareProfile]] = [
        (f"cap-{c.id}", c.id, c) for c in catalog.capabilities
    ]
    jobs += [(f"hw-{h.id}", h.id, h) for h in catalog.hardware]
    written = []
    for name, entry_id, entry in jobs:
        if only and entry_id not in only and name not in only:
            continue
        if isinstance(entry, Capability):
            system, text = capability_config(catalog, entry)
        else:
            system, text = hardware_config(entry)
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "configuration.nix").write_text(text, encoding="utf-8")
        (folder / "nixwright.json").write_text(json.dumps({"system": system}) + "\n", encoding="utf-8")
        written.append(folder)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write cap-*/ and hw-*/ configurations into")
    parser.add_argument("only", nargs="*", help="capability or hardware ids (default: all)")
    args = parser.parse_args(argv)
    written = write_all(args.out, args.only)
    print(f"wrote {len(written)} configurations under {args.out}")
    if Facts.unknown:
        print(f"placeholders without a value here: {', '.join(sorted(Facts.unknown))}", file=sys.stderr)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
