"""Assertions about sound, boot firmware and graphics drivers (checked against Nix 2.8 on 24.11)."""

from __future__ import annotations

from nixwright.findings import Finding
from nixwright.nix.values import NixBool
from nixwright.validate.codes import make_finding
from nixwright.validate.facts import Facts, strings_in


def check_audio(facts: Facts) -> list[Finding]:
    pipewire = ("services", "pipewire")
    if (
        facts.is_true(*pipewire, "enable") is not True
        or facts.is_true(*pipewire, "pulse", "enable") is not True
    ):
        return []
    if facts.is_true("hardware", "pulseaudio", "enable") is not True:
        return []
    return [
        make_finding(
            "NW-SYS-AUDIO-CONFLICT",
            "PipeWire's PulseAudio server (`services.pipewire.pulse.enable`) and "
            "`hardware.pulseaudio.enable` are both on; NixOS allows only one sound server",
            facts.location("hardware", "pulseaudio", "enable") or facts.top_location(),
            fix="remove `hardware.pulseaudio.enable = true;` (PipeWire serves PulseAudio clients)",
            option="hardware.pulseaudio.enable",
        )
    ]


def check_grub_efi(facts: Facts) -> list[Finding]:
    grub = ("boot", "loader", "grub")
    if facts.is_true(*grub, "enable") is False or facts.is_true("boot", "isContainer") is True:
        return []
    if (
        facts.is_true("boot", "loader", "systemd-boot", "enable") is True
        and facts.get(*grub, "enable") is None
    ):
        return []  # systemd-boot turns GRUB off
    if facts.is_true(*grub, "efiInstallAsRemovable") is not True:
        return []
    if facts.is_true("boot", "loader", "efi", "canTouchEfiVariables") is not True:
        return []
    return [
        make_finding(
            "NW-SYS-GRUB-EFI",
            "`boot.loader.grub.efiInstallAsRemovable` and `boot.loader.efi.canTouchEfiVariables` are both "
            "true; NixOS refuses the combination",
            facts.location(*grub, "efiInstallAsRemovable") or facts.top_location(),
            fix="set `boot.loader.efi.canTouchEfiVariables = false;` (or drop efiInstallAsRemovable)",
            option="boot.loader.efi.canTouchEfiVariables",
        )
    ]


def check_nvidia(facts: Facts) -> list[Finding]:
    drivers = strings_in(facts.get("services", "xserver", "videoDrivers"))
    if "nvidia" not in drivers:
        return []
    out: list[Finding] = []
    loc = facts.location("services", "xserver", "videoDrivers") or facts.top_location()
    if not facts.defined("hardware", "nvidia", "open") and not facts.defined("hardware", "nvidia", "package"):
        out.append(
            make_finding(
                "NW-SYS-NVIDIA-OPEN",
                "the NVIDIA driver is selected but `hardware.nvidia.open` is not set; "
                "NixOS requires the choice for driver versions 560 and later",
                loc,
                fix="set `hardware.nvidia.open = true;` for Turing (RTX, GTX 16xx) or newer GPUs, "
                "`false` for older ones",
                option="hardware.nvidia.open",
            )
        )
    allow = facts.get("nixpkgs", "config", "allowUnfree")
    predicate = facts.get("nixpkgs", "config", "allowUnfreePredicate")
    if predicate is None and (allow is None or (isinstance(allow, NixBool) and not allow.value)):
        out.append(
            make_finding(
                "NW-PKG-UNFREE",
                'the NVIDIA driver (`services.xserver.videoDrivers = [ "nvidia" ]`) is unfree; '
                "nixpkgs refuses it unless allowed",
                loc,
                fix="set `nixpkgs.config.allowUnfree = true;` (or an `allowUnfreePredicate` naming nvidia-x11)",
            )
        )
    return out
