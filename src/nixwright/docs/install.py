"""Install steps for this hardware: SD card for a Pi, the installer for PCs, a rebuild on existing NixOS."""

from __future__ import annotations

from nixwright.docs.disk_facts import DiskFacts, disk_facts
from nixwright.docs.install_pc import installer_steps
from nixwright.docs.md import bullets, code, fence, heading
from nixwright.intake.intent import Firmware
from nixwright.plan.model import Plan


def install_section(plan: Plan) -> str:
    facts = disk_facts(plan)
    hw = plan.intent.hardware
    if facts.firmware is Firmware.RASPBERRY_PI:
        fresh = heading(3, "On a new Raspberry Pi (SD card)") + "\n\n" + _pi_steps(plan, facts)
    else:
        vm = hw.device_class == "vm"
        title = "On a new virtual machine" if vm else "On a new computer (from the NixOS installer)"
        fresh = heading(3, title) + "\n\n" + installer_steps(plan, facts, vm=vm)
    existing = heading(3, "On a machine that already runs NixOS") + "\n\n" + existing_steps(plan)
    after = ""
    if plan.notes:
        after = "\n\n" + heading(3, "After installing") + "\n\n" + bullets(list(plan.notes))
    return fresh + "\n\n" + existing + after


def existing_steps(plan: Plan) -> str:
    return "\n\n".join(
        [
            (
                "Keep the machine's own `hardware-configuration.nix` if its disks are not labelled as this one "
                "expects (see the file systems in the configuration above); copy only `configuration.nix` then."
            ),
            fence(
                "sudo cp /etc/nixos/configuration.nix /etc/nixos/configuration.nix.before-nixwright\n"
                "sudo cp configuration.nix hardware-configuration.nix /etc/nixos/\n"
                "sudo nixos-rebuild test     # try it without making it the default\n"
                "sudo nixos-rebuild switch   # make it the default for the next start too",
                "sh",
            ),
            (
                f"The machine must follow the NixOS {plan.release} channel "
                f"({code(f'sudo nix-channel --add https://nixos.org/channels/nixos-{plan.release} nixos')} "
                "then `sudo nix-channel --update`), or use `flake.nix` in this directory, which pins "
                f"that release: {code(f'sudo nixos-rebuild switch --flake .#{plan.hostname}')}."
            ),
        ]
    )


PI5_WIKI = "https://wiki.nixos.org/wiki/NixOS_on_ARM/Raspberry_Pi_5"


def _pi_steps(plan: Plan, facts: DiskFacts) -> str:
    release = plan.release
    image = f"nixos-sd-image-{release}*-aarch64-linux.img.zst"
    caveat = []
    if plan.hardware_profile == "raspberry-pi-5":
        caveat = [
            (
                "**A Raspberry Pi 5 does not start the standard SD image by itself**: its firmware first "
                "needs a boot loader for the Pi 5 (the community UEFI firmware or U-Boot) on the card's "
                f"firmware partition. Follow {PI5_WIKI} for that step, then continue with step 3."
            )
        ]
    return "\n\n".join(
        [
            *caveat,
            (
                f"1. Download the NixOS {release} SD card image for 64-bit ARM ({code(image)}); the NixOS "
                f"download page links to it, and it is the build job `nixos.sd_image.aarch64-linux` of "
                f"release-{release} at https://hydra.nixos.org/."
            ),
            (
                "2. Write it to the SD card from another computer (check the card's name with `lsblk` first; "
                "**everything on it is erased**):"
            ),
            fence(
                "lsblk -o NAME,SIZE,MODEL\nzstdcat nixos-sd-image-*.img.zst | sudo dd of=/dev/sdX bs=4M status=progress conv=fsync",
                "sh",
            ),
            (
                f"3. Put the card in the Pi, connect a network cable, and start it. The image's root file system "
                f"has the label {code(facts.root_label)}, which the configuration expects. On a screen and keyboard, "
                "you are logged in as `nixos`; run `passwd` to set a temporary password, and `ip address` to see the "
                "Pi's address."
            ),
            (
                "4. From your computer, copy this directory to the Pi and switch to the configuration "
                "(the first build takes a while on a Pi):"
            ),
            fence(
                "scp configuration.nix hardware-configuration.nix nixos@PI-ADDRESS:\n"
                "ssh nixos@PI-ADDRESS\n"
                "sudo cp configuration.nix hardware-configuration.nix /etc/nixos/\n"
                "sudo nixos-rebuild switch\n"
                "sudo reboot",
                "sh",
            ),
            (
                "5. After the restart the temporary `nixos` account is gone; log in with the accounts "
                "this configuration creates."
            ),
        ]
    )
