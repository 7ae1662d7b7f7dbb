"""Installing on a PC, laptop or virtual machine from the NixOS installer: partitions by label, LUKS."""

from __future__ import annotations

from nixwright.docs.disk_facts import DiskFacts
from nixwright.docs.md import code, fence
from nixwright.intake.intent import Firmware
from nixwright.plan.model import Plan


def installer_steps(plan: Plan, facts: DiskFacts, *, vm: bool) -> str:
    start = (
        f"Attach the NixOS {plan.release} minimal installer ISO to the virtual machine (many providers offer "
        "it, or let you upload it) and start from it."
        if vm
        else f"Download the NixOS {plan.release} minimal installer ISO from https://nixos.org/download/, "
        "write it to a USB stick (for example with `sudo dd if=nixos-minimal.iso of=/dev/sdX bs=4M "
        "conv=fsync`), and start the machine from it."
    )
    network = (
        "The network usually works at once."
        if vm
        else "Connect to the network (a cable just works; for Wi-Fi run "
        "`sudo systemctl start wpa_supplicant`, then `wpa_cli`)."
    )
    finish = (
        "detach the ISO and restart the virtual machine." if vm else "remove the USB stick and run `reboot`."
    )
    parts = [
        f"1. {start} You get a shell as the user `nixos`, who may use `sudo`. {network}",
        "2. Find the disk to install on. **Everything on it will be erased.** Check its name and size:",
        fence("lsblk -o NAME,SIZE,MODEL", "sh"),
        (
            f"3. Partition and format it (set {code('DISK')} to the name you found). The configuration finds "
            "the partitions by these labels, so the labels matter:"
        ),
        fence(_partition_commands(facts), "sh"),
        (
            "4. Copy this directory onto the installer (a USB stick, or `scp` from another computer after "
            "setting a password with `passwd` in the installer), then put the configuration in place and install:"
        ),
        fence(INSTALL_COMMANDS, "sh"),
        f"5. `nixos-install` asks for a password for root at the end; choose a strong one. Then {finish}",
    ]
    if facts.grub_device and not facts.grub_device.startswith("/dev/disk/"):
        parts.insert(
            5,
            f"GRUB is installed on {code(facts.grub_device)} (the option `boot.loader.grub.device`); if your "
            "disk has another name, change that line of `configuration.nix` before installing.",
        )
    if facts.luks is not None:
        parts.append(
            "At every start the machine now asks for the disk passphrase before anything else runs. "
            "Keep the passphrase safe: without it the data cannot be recovered."
        )
    return "\n\n".join(parts)


def _partition_commands(facts: DiskFacts) -> str:
    lines = [f"DISK={facts.disk}   # the whole disk to erase"]
    uefi = facts.firmware is Firmware.UEFI
    if uefi:
        lines.append(
            'sudo parted --script "$DISK" -- \\\n'
            "  mklabel gpt \\\n"
            "  mkpart ESP fat32 1MiB 1GiB set 1 esp on \\\n"
            "  mkpart root 1GiB 100%"
        )
    else:
        lines.append(
            'sudo parted --script "$DISK" -- \\\n'
            "  mklabel gpt \\\n"
            "  mkpart BIOS 1MiB 2MiB set 1 bios_grub on \\\n"
            "  mkpart root 2MiB 100%"
        )
    lines.append("sudo udevadm settle")
    root_device = "/dev/disk/by-partlabel/root"
    if facts.luks is not None:
        label = f" --label {facts.luks.label}" if facts.luks.label else ""
        lines.append("# choose the disk passphrase: it is asked for at every start")
        lines.append(f"sudo cryptsetup luksFormat --type luks2{label} {root_device}")
        lines.append(f"sudo cryptsetup open {root_device} {facts.luks.name}")
        root_device = f"/dev/mapper/{facts.luks.name}"
    lines.append(f"sudo {_mkfs(facts.root_fs, facts.root_label)} {root_device}")
    if uefi and facts.boot_label:
        lines.append(f"sudo mkfs.fat -F 32 -n {facts.boot_label} /dev/disk/by-partlabel/ESP")
    lines.append("sudo udevadm settle")
    lines.append(f"sudo mount /dev/disk/by-label/{facts.root_label} /mnt")
    if uefi and facts.boot_label:
        lines.append(f"sudo mkdir -p /mnt{facts.boot_mount}")
        lines.append(f"sudo mount -o umask=077 /dev/disk/by-label/{facts.boot_label} /mnt{facts.boot_mount}")
    return "\n".join(lines)


def _mkfs(fs: str, label: str) -> str:
    if fs == "btrfs":
        return f"mkfs.btrfs -L {label}"
    if fs == "xfs":
        return f"mkfs.xfs -L {label}"
    return f"mkfs.{fs} -L {label}"


INSTALL_COMMANDS = """\
sudo mkdir -p /mnt/etc/nixos
sudo cp configuration.nix hardware-configuration.nix /mnt/etc/nixos/
# optional: compare the drivers with what the installer detects on this machine
sudo nixos-generate-config --root /mnt --show-hardware-config > detected-hardware.nix
sudo nixos-install"""
