"""The finding catalogue: every code the validator emits, its severity and a short title.

Codes are stable: tools and users match on them. ``docs/checks.md`` documents each one with an
example and the fix (a test holds the two together).
"""

from __future__ import annotations

from dataclasses import dataclass

from nixwright.errors import SourceLocation
from nixwright.findings import Finding, FindingSource, Severity


@dataclass(frozen=True)
class CodeInfo:
    code: str
    severity: Severity
    title: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

CATALOGUE: dict[str, CodeInfo] = {
    c.code: c
    for c in (
        CodeInfo("NW-OPT-UNKNOWN", _E, "option does not exist"),
        CodeInfo("NW-OPT-NEEDS-IMPORT", _E, "option exists only when a NixOS module is imported"),
        CodeInfo("NW-OPT-RENAMED", _W, "option was renamed"),
        CodeInfo("NW-OPT-CHANGED", _W, "option was replaced by other options"),
        CodeInfo("NW-OPT-REMOVED", _E, "option was removed"),
        CodeInfo("NW-OPT-DEPRECATED", _W, "option is deprecated"),
        CodeInfo("NW-OPT-READ-ONLY", _E, "read-only option is set"),
        CodeInfo("NW-OPT-CONFLICT", _E, "option defined twice with different values"),
        CodeInfo("NW-OPT-NOT-A-VALUE", _E, "a group of options is given a plain value"),
        CodeInfo("NW-TYPE-MISMATCH", _E, "value has the wrong type"),
        CodeInfo("NW-TYPE-RANGE", _E, "number out of range"),
        CodeInfo("NW-TYPE-ENUM", _E, "value is not one of the allowed choices"),
        CodeInfo("NW-TYPE-PATTERN", _E, "string does not match the required pattern"),
        CodeInfo("NW-TYPE-UNUSED", _W, "wrong type in an option Nix does not read while its service is off"),
        CodeInfo("NW-PKG-UNKNOWN", _E, "package does not exist"),
        CodeInfo("NW-PKG-RENAMED", _W, "package was renamed"),
        CodeInfo("NW-PKG-REMOVED", _E, "package was removed"),
        CodeInfo("NW-PKG-NOT-A-PACKAGE", _E, "attribute is not a package"),
        CodeInfo("NW-PKG-EVAL-ERROR", _E, "package fails to evaluate"),
        CodeInfo("NW-PKG-UNFREE", _E, "unfree package without permission"),
        CodeInfo("NW-PKG-BROKEN", _E, "package is marked broken"),
        CodeInfo("NW-PKG-INSECURE", _E, "package is marked insecure"),
        CodeInfo("NW-PKG-PLATFORM", _E, "package is not available on the target system"),
        CodeInfo("NW-SYS-NO-ROOT-FS", _E, "no root file system"),
        CodeInfo("NW-SYS-NO-BOOT-LOADER", _E, "no boot loader target"),
        CodeInfo("NW-SYS-STATE-VERSION", _W, "system.stateVersion is not set"),
        CodeInfo("NW-SYS-USER-KIND", _E, "user is neither (or both) normal and system user"),
        CodeInfo("NW-SYS-USER-GROUP", _E, "system user has no group"),
        CodeInfo("NW-SYS-USER-SHELL", _E, "login shell's program is not enabled"),
        CodeInfo("NW-SYS-LOCKED-OUT", _E, "immutable users without any password or key"),
        CodeInfo("NW-SYS-ZFS-HOST-ID", _E, "ZFS without networking.hostId"),
        CodeInfo("NW-SYS-ACME-TERMS", _E, "ACME certificates without accepting the terms"),
        CodeInfo("NW-SYS-ACME-EMAIL", _E, "ACME certificates without a contact e-mail"),
        CodeInfo("NW-SYS-WIRELESS-CONFLICT", _E, "NetworkManager and wpa_supplicant both enabled"),
        CodeInfo("NW-IMPORT-MISSING", _E, "an imported file does not exist"),
        CodeInfo("NW-ATTR-DUPLICATE", _E, "a name is defined twice in one attribute set"),
        CodeInfo("NW-SYS-AUDIO-CONFLICT", _E, "PipeWire and PulseAudio both enabled"),
        CodeInfo("NW-SYS-GRUB-EFI", _E, "GRUB's removable EFI install with EFI variable access"),
        CodeInfo("NW-SYS-NVIDIA-OPEN", _E, "NVIDIA driver without hardware.nvidia.open"),
        CodeInfo("NW-NOT-CHECKED", _I, "part of the configuration could not be checked statically"),
        CodeInfo("NW-EVAL-ERROR", _E, "Nix's evaluation failed"),
        CodeInfo("NW-EVAL-ASSERTION", _E, "a NixOS assertion failed during evaluation"),
        CodeInfo("NW-EVAL-WARNING", _W, "Nix's evaluation printed a warning"),
        CodeInfo("NW-EVAL-UNAVAILABLE", _I, "real evaluation was requested but could not run"),
    )
}


def make_finding(
    code: str,
    message: str,
    location: SourceLocation | None = None,
    *,
    fix: str | None = None,
    option: str | None = None,
    severity: Severity | None = None,
    references: tuple[str, ...] = (),
) -> Finding:
    """A validation finding with the catalogue's severity and title (``code`` must be catalogued)."""
    info = CATALOGUE[code]
    return Finding(
        code=code,
        severity=severity or info.severity,
        message=message,
        location=location,
        fix=fix,
        source=FindingSource.VALIDATION,
        option=option,
        title=info.title,
        references=references,
    )
