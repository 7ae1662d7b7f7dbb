"""Read one hardware profile file (format: docs/catalog.md)."""

from __future__ import annotations

from typing import Any

from nixwright.catalog.model import HardwareProfile, RamTuning
from nixwright.catalog.parts import read_imports, read_options, read_packages
from nixwright.catalog.reader import TableReader

DEVICE_CLASSES = ("sbc", "desktop", "laptop", "mini-pc", "server", "vm")


def read_hardware(data: dict[str, Any], source: str) -> HardwareProfile:
    t = TableReader(data, source)
    hw_id = t.str_("id")
    if f"hardware/{hw_id}.toml" != source:
        raise t.fail("id", f"must match the file name ({source})")
    tuning = []
    for r in t.tables("ram"):
        tuning.append(RamTuning(max_ram_mb=r.int_("max_ram_mb"), options=read_options(r)))
        r.done()
    profile = HardwareProfile(
        id=hw_id,
        title=t.str_("title"),
        explain=t.str_("explain"),
        device_class=t.choice("device_class", DEVICE_CLASSES),
        system=t.choice("system", ("x86_64-linux", "aarch64-linux")),
        firmware=t.choice("firmware", ("uefi", "bios", "raspberry-pi")),
        words=tuple(w.lower() for w in t.strs("words")),
        default_ram_mb=t.opt_int("default_ram_mb"),
        wifi=t.bool_("wifi"),
        options=read_options(t),
        packages=read_packages(t),
        imports=read_imports(t),
        ram_tuning=tuple(sorted(tuning, key=lambda x: x.max_ram_mb)),
        root_label=t.str_("root_label", "nixos"),
        boot_label=_boot_label(t),
        notes=t.strs("notes"),
        source=source,
    )
    t.done()
    return profile


def _boot_label(t: TableReader) -> str | None:
    label = t.str_("boot_label", "boot")
    return None if label == "" else label
