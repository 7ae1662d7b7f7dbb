"""Root file system, boot loader and ``system.stateVersion``."""

from __future__ import annotations

from nixwright.findings import Finding, Severity
from nixwright.nix.values import NixString
from nixwright.validate.codes import make_finding
from nixwright.validate.facts import Facts, present


def is_container(facts: Facts) -> bool:
    return facts.is_true("boot", "isContainer") is True or ("boot", "isContainer") in facts.provided


def _unsure(facts: Facts) -> str | None:
    """Why what imports provide cannot be known (None when everything imported was read)."""
    if facts.unknown_imports:
        return "it may come from an import that could not be read: " + ", ".join(facts.unknown_imports[:3])
    return None


def _not_checked(code: str, message: str, unsure: str, facts: Facts) -> list[Finding]:
    """The finding ``code`` as information only, saying why it could not be checked."""
    return [
        make_finding(code, f"{message} (not checked: {unsure})", facts.top_location(), severity=Severity.INFO)
    ]


def check_root_fs(facts: Facts) -> list[Finding]:
    if is_container(facts) or facts.is_true("boot", "initrd", "enable") is False:
        return []
    if facts.defined("fileSystems", "/"):
        return []
    mounts = [d.value for rel, d in facts.below("fileSystems") if rel[1:] == ("mountPoint",)]
    if any(isinstance(v, NixString) and v.value == "/" for v in mounts):
        return []
    fs_dynamic = facts.is_dynamic("fileSystems") or any(not isinstance(v, NixString) for v in mounts)
    unsure = _unsure(facts) or ("`fileSystems` is computed" if fs_dynamic else None)
    message = 'no root file system: nothing defines `fileSystems."/"`, which NixOS requires'
    if unsure:
        return _not_checked("NW-SYS-NO-ROOT-FS", message, unsure, facts)
    return [
        make_finding(
            "NW-SYS-NO-ROOT-FS",
            message,
            facts.top_location(),
            fix='add `fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };` '
            "(usually from hardware-configuration.nix), or set `boot.isContainer = true;` for a container",
        )
    ]


def check_boot_loader(facts: Facts) -> list[Finding]:
    if is_container(facts):
        return []
    grub = ("boot", "loader", "grub")
    enabled = facts.is_true(*grub, "enable")
    if enabled is False or (enabled is None and facts.defined(*grub, "enable")):
        return []
    if enabled is None and facts.is_true("boot", "loader", "systemd-boot", "enable") is True:
        return []  # systemd-boot turns GRUB off (mkDefault)
    if present(facts.get(*grub, "device")) or present(facts.get(*grub, "devices")):
        return []
    if facts.defined(*grub, "mirroredBoots") or any(p[:3] == grub for p in facts.provided):
        return []
    message = (
        "no boot loader target: GRUB is enabled (the default) but `boot.loader.grub.devices` "
        "is not set, so NixOS cannot make the system bootable"
    )
    unsure = _unsure(facts)
    if unsure:
        return _not_checked("NW-SYS-NO-BOOT-LOADER", message, unsure, facts)
    return [
        make_finding(
            "NW-SYS-NO-BOOT-LOADER",
            message,
            facts.location(*grub) or facts.top_location(),
            fix="for UEFI: `boot.loader.systemd-boot.enable = true;`; for BIOS: "
            '`boot.loader.grub.devices = [ "/dev/sda" ];`; for a container: `boot.isContainer = true;`',
        )
    ]


def check_state_version(facts: Facts) -> list[Finding]:
    if facts.defined("system", "stateVersion"):
        return []
    return [
        make_finding(
            "NW-SYS-STATE-VERSION",
            "`system.stateVersion` is not set; NixOS warns and assumes the current release, "
            "which can break stateful services after an upgrade",
            facts.top_location(),
            fix=f'set `system.stateVersion = "{facts.release or "<release>"}";` (the release first installed) '
            "and never change it afterwards",
        )
    ]
