"""The hardware block: boot loader, kernel, filesystems by label, firmware, tuning for the RAM size."""

from __future__ import annotations

from nixwright.catalog.model import HardwareProfile
from nixwright.intake.intent import Intent
from nixwright.nix.values import PRIORITY_MKDEFAULT, NixString
from nixwright.plan.assign import assign, block, from_setting
from nixwright.plan.model import Assignment, Block


def ram_of(intent: Intent, hw: HardwareProfile) -> int | None:
    return intent.hardware.ram_mb or hw.default_ram_mb


def hardware_block(intent: Intent, hw: HardwareProfile, facts: dict[str, str]) -> Block:
    origin = f"hardware:{hw.id}"
    ev = intent.hardware.evidence
    a: list[Assignment] = [from_setting(st, origin, ev, facts) for st in hw.options]
    ram = ram_of(intent, hw)
    for tuning in hw.ram_tuning:
        if ram is not None and ram <= tuning.max_ram_mb:
            a += [from_setting(st, origin, ev, facts) for st in tuning.options]
            break
    a.append(
        assign(
            ("nixpkgs", "hostPlatform"),
            NixString(hw.system),
            origin,
            f"The processor family: {hw.system}.",
            ev,
            file="hardware-configuration.nix",
            priority=PRIORITY_MKDEFAULT,
        )
    )
    return block(origin, hw.title, hw.explain.strip(), a)
