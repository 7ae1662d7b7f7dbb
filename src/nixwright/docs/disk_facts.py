"""What the plan says about disks: labels, the boot partition, encryption, the GRUB disk."""

from __future__ import annotations

from dataclasses import dataclass

from nixwright.docs.words import hardware
from nixwright.intake.intent import Firmware
from nixwright.nix.values import NixString, Value
from nixwright.plan.model import Plan

BY_LABEL = "/dev/disk/by-label/"


@dataclass(frozen=True)
class Luks:
    name: str  # the mapper name: /dev/mapper/<name>
    label: str | None  # the LUKS header label, when the plan finds the device by label
    device: str


@dataclass(frozen=True)
class DiskFacts:
    firmware: Firmware
    root_label: str
    root_fs: str
    boot_label: str | None
    boot_mount: str
    luks: Luks | None
    grub_device: str | None
    disk: str  # the disk to install on, or a placeholder


def disk_facts(plan: Plan) -> DiskFacts:
    values = {a.path: a.value for a in plan.assignments}
    profile = hardware(plan)
    root_label = _label(values.get(("fileSystems", "/", "device"))) or (
        profile.root_label if profile else "nixos"
    )
    boot_mount, boot_label = _boot(values)
    if (
        boot_label is None
        and profile is not None
        and boot_mount == "/boot"
        and not _has_mount(values, "/boot")
    ):
        boot_label = profile.boot_label or None
    hw = plan.intent.hardware
    grub_device = _string(values.get(("boot", "loader", "grub", "device")))
    default_disk = "/dev/vda" if hw.device_class == "vm" else "/dev/nvme0n1"
    if grub_device and grub_device.startswith("/dev/") and not grub_device.startswith("/dev/disk/"):
        default_disk = grub_device
    return DiskFacts(
        firmware=hw.firmware,
        root_label=root_label,
        root_fs=_string(values.get(("fileSystems", "/", "fsType"))) or "ext4",
        boot_label=boot_label,
        boot_mount=boot_mount,
        luks=_luks(values),
        grub_device=grub_device,
        disk=hw.disks[0] if hw.disks else default_disk,
    )


def _boot(values: dict[tuple[str, ...], Value]) -> tuple[str, str | None]:
    for path, value in values.items():
        if len(path) == 3 and path[0] == "fileSystems" and path[2] == "fsType" and _string(value) == "vfat":
            return path[1], _label(values.get(("fileSystems", path[1], "device")))
    return "/boot", None


def _has_mount(values: dict[tuple[str, ...], Value], mount: str) -> bool:
    return any(p[:2] == ("fileSystems", mount) for p in values)


def _luks(values: dict[tuple[str, ...], Value]) -> Luks | None:
    for path, value in values.items():
        if len(path) == 6 and path[:4] == ("boot", "initrd", "luks", "devices") and path[5] == "device":
            device = _string(value) or ""
            return Luks(path[4], _label(value), device)
    return None


def _label(value: Value | None) -> str | None:
    text = _string(value)
    return text[len(BY_LABEL) :] if text and text.startswith(BY_LABEL) else None


def _string(value: Value | None) -> str | None:
    return value.value if isinstance(value, NixString) else None
