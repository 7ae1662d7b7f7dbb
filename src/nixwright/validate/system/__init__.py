"""Whole-system checks: what NixOS's own assertions and warnings would say about a configuration.

Each check is a function ``(Facts) -> list[Finding]``; ``SYSTEM_CHECKS`` lists them in order.
"""

from __future__ import annotations

from collections.abc import Callable

from nixwright.findings import Finding
from nixwright.validate.facts import Facts
from nixwright.validate.system.boot import check_boot_loader, check_root_fs, check_state_version
from nixwright.validate.system.hardware import check_audio, check_grub_efi, check_nvidia
from nixwright.validate.system.services import check_acme, check_wireless, check_zfs
from nixwright.validate.system.users import check_locked_out, check_users

SystemCheck = Callable[[Facts], list[Finding]]

SYSTEM_CHECKS: tuple[SystemCheck, ...] = (
    check_root_fs,
    check_boot_loader,
    check_state_version,
    check_users,
    check_locked_out,
    check_zfs,
    check_acme,
    check_wireless,
    check_audio,
    check_grub_efi,
    check_nvidia,
)


def check_system(facts: Facts) -> list[Finding]:
    return [f for check in SYSTEM_CHECKS for f in check(facts)]
