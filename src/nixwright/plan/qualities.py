"""Blocks for qualities of the whole machine: encryption, hardening, automatic updates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nixwright.catalog.model import HardwareProfile
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Evidence, Intent
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import PRIORITY_DEFAULT_PLAIN
from nixwright.plan.assign import FALSE, TRUE, assign, block, s, strs
from nixwright.plan.facts import answer
from nixwright.plan.model import Assignment, Block

if TYPE_CHECKING:
    from nixwright.policy.hardening import HardeningSetting

LUKS_NAME = "cryptroot"


def _evidence(intent: Intent, quality: str) -> tuple[Evidence, ...]:
    return tuple(e for q, e in intent.qualities if q == quality)


def encryption_block(intent: Intent, hw: HardwareProfile) -> Block | None:
    if not intent.has_quality("encrypted"):
        return None
    ev = _evidence(intent, "encrypted")
    if hw.firmware == "raspberry-pi":
        raise NixwrightError(
            f"full disk encryption is not supported on a {hw.title} by this tool",
            hint="drop 'encrypted', or use a PC or laptop",
        )
    device = answer(intent, "encrypt-disk") or "/dev/disk/by-label/cryptroot"
    luks = ("boot", "initrd", "luks", "devices", LUKS_NAME)
    a: list[Assignment] = [
        assign(
            (*luks, "device"),
            s(device),
            "quality:encrypted",
            f"The encrypted partition ({device}); its password is asked for at every start, and the system "
            "inside it (labelled 'nixos') is opened before anything else runs.",
            ev,
            file="hardware-configuration.nix",
        ),
        assign(
            (*luks, "allowDiscards"),
            TRUE,
            "quality:encrypted",
            "Lets the SSD know which blocks are free (faster, longer-lived; reveals only how full the disk is).",
            ev,
            file="hardware-configuration.nix",
        ),
    ]
    if hw.boot_label is None and hw.firmware == "bios":
        a.append(
            assign(
                ("boot", "loader", "grub", "enableCryptodisk"),
                TRUE,
                "quality:encrypted",
                "GRUB itself opens the encrypted disk, because /boot lives inside it.",
                ev,
            )
        )
    return block("quality:encrypted", "Full disk encryption", "The system disk is encrypted with LUKS.", a)


def hardening_block(intent: Intent, kb: Knowledge) -> Block | None:
    if not intent.has_quality("hardened"):
        return None
    ev = _evidence(intent, "hardened")
    a = [
        assign(st.path, st.value, "quality:hardened", st.why, ev, priority=PRIORITY_DEFAULT_PLAIN)
        for st in _hardening(kb)
    ]
    return block(
        "quality:hardened",
        "Hardening",
        "Extra protections against attacks, each chosen on its own merit (see the reasons per line).",
        a,
    )


_HARDENING: dict[str, tuple[HardeningSetting, ...]] = {}


def _hardening(kb: Knowledge) -> tuple[HardeningSetting, ...]:
    """The release's hardening settings; they depend only on the release, so they are kept per release."""
    from nixwright.policy.hardening import hardening_settings

    if kb.release not in _HARDENING:
        _HARDENING[kb.release] = hardening_settings(kb)
    return _HARDENING[kb.release]


def updates_block(intent: Intent, hostname: str, has_capability: bool) -> Block | None:
    if not intent.has_quality("auto-updates") or has_capability:
        return None
    ev = _evidence(intent, "auto-updates")
    upgrade = ("system", "autoUpgrade")
    a = [
        assign(
            (*upgrade, "enable"),
            TRUE,
            "quality:auto-updates",
            "Installs updates of this release by itself.",
            ev,
        ),
        assign(
            (*upgrade, "flake"),
            s(f"/etc/nixos#{hostname}"),
            "quality:auto-updates",
            "Updates the system described by the flake in /etc/nixos.",
            ev,
        ),
        assign(
            (*upgrade, "flags"),
            strs(["--update-input", "nixpkgs", "--no-write-lock-file"]),
            "quality:auto-updates",
            "Fetches the newest packages of the pinned release (nixos-24.11) each time.",
            ev,
        ),
        assign(
            (*upgrade, "dates"),
            s("04:00"),
            "quality:auto-updates",
            "Looks for updates every night at 4:00.",
            ev,
        ),
        assign(
            (*upgrade, "allowReboot"),
            FALSE,
            "quality:auto-updates",
            "Never restarts by itself; a new kernel is used after the next restart.",
            ev,
        ),
    ]
    return block("quality:auto-updates", "Automatic updates", "The machine keeps itself up to date.", a)
