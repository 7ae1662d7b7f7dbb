"""README.md from hand-built plans on a tiny release: every section, every line explained."""

from __future__ import annotations

import re

import pytest
from docs_plans import laptop_plan, pi_plan, reading_for, vm_bios_plan
from docs_release import FakeKnowledge

from nixwright.docs.markup import markup_leaks
from nixwright.docs.readme import document_plan, render_readme
from nixwright.errors import SourceLocation
from nixwright.findings import Finding, FindingSource, Severity
from nixwright.nix.values import Definition, NixBool, path_str
from nixwright.plan.model import Plan

KB = FakeKnowledge()
PLANS = {"pi": pi_plan, "laptop": laptop_plan, "vps": vm_bios_plan}
SECTIONS = (
    "## What runs here",
    "## The configuration, block by block",
    "## Choices and assumptions",
    "## Secrets and passwords",
    "## Installing",
    "## Updating and rolling back",
    "## Checks",
)


def readme(plan: Plan, findings: tuple[Finding, ...] = ()) -> str:
    return render_readme(plan, reading_for(plan), findings, KB)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_line_is_explained_and_shown(name: str) -> None:
    plan = PLANS[name]()
    doc = document_plan(plan, reading_for(plan), KB)
    assert len(doc.lines) == len(plan.assignments)
    assert [e.line.path for e in doc.lines if not e.line.explained] == []
    text = readme(plan)
    for assignment in plan.assignments:
        assert f"`{path_str(assignment.path)}" in text, assignment.path
    for block in plan.blocks:
        assert block.title in text
    for section in SECTIONS:
        assert section in text
    assert markup_leaks(text) == []


@pytest.mark.parametrize("name", sorted(PLANS))
def test_readme_is_deterministic(name: str) -> None:
    assert readme(PLANS[name]()) == readme(PLANS[name]())


def test_lines_are_listed_under_their_file_with_line_numbers() -> None:
    text = readme(pi_plan())
    section = text.split("### 1. Raspberry Pi 4", 1)[1].split("### 2.", 1)[0]
    config, hardware = section.split("In `hardware-configuration.nix`:")
    assert "`boot.loader.grub.enable = false` (line 8)" in config
    assert '`fileSystems."/".device = "/dev/disk/by-label/NIXOS_SD"` (line 8)' in hardware
    assert '```nix\nfileSystems."/".device' in hardware


def test_what_runs_here_lists_services_words_ports_and_audience() -> None:
    text = readme(pi_plan())
    table = text.split("## What runs here", 1)[1].split("\n\n")[1]
    rows = [r for r in table.splitlines() if r.startswith(("| DNS filter", "| Remote login"))]
    assert len(rows) == 2
    adguard = rows[0]
    assert "“ad blocker”" in adguard
    assert "53/tcp, 53/udp, 3000/tcp" in adguard
    assert "devices on your local network; only programs on this machine" in adguard
    assert "22/tcp" in rows[1]
    assert "“ssh”" in rows[1]


def test_intro_says_what_the_machine_is_and_quotes_the_request() -> None:
    text = readme(pi_plan())
    assert text.startswith("# pi: a NixOS 24.11 machine\n\n**pi** is a Raspberry Pi 4 with 4 GB of memory")
    assert "> A Raspberry Pi 4 as an ad blocker" in text
    laptop = readme(laptop_plan())
    assert "Its disk is encrypted" in laptop
    assert "It is a base system" in laptop


def test_settings_owner_description_is_given_once_per_block() -> None:
    text = readme(pi_plan())
    assert text.count("AdGuard Home configuration. Refer to https://example.org/wiki for details.") == 1


def test_packages_are_named_with_their_descriptions() -> None:
    assert "`git` — Distributed version control system, version 2.47.0" in readme(pi_plan())


def test_assumptions_answers_and_not_understood_words() -> None:
    text = readme(pi_plan()).split("## Choices and assumptions", 1)[1].split("## Secrets", 1)[0]
    assert "took the usual default" in text
    assert "*Which DNS filter should run?* **`adguardhome`** — The preferred one." in text
    assert "You settled these choices" in text
    assert 'dns-filter = "adguardhome"' in text
    assert "nixwright generate --answers answers.toml" in text
    assert "“a toaster”" in text
    assert "Nothing was assumed" in readme(laptop_plan())


def test_secrets_come_with_their_commands_and_passwords_for_new_accounts() -> None:
    text = readme(pi_plan()).split("## Secrets and passwords", 1)[1].split("## Installing", 1)[0]
    assert "### adguard-admin" in text
    assert "Expected at `/var/lib/secrets/adguard`" in text
    assert "```sh\nsudo install -m 600 /dev/null /var/lib/secrets/adguard\n```" in text
    assert "sudo passwd admin" in text


def test_pi_installs_from_an_sd_image() -> None:
    text = readme(pi_plan()).split("## Installing", 1)[1]
    assert "On a new Raspberry Pi (SD card)" in text
    assert "nixos-sd-image-24.11*-aarch64-linux.img.zst" in text
    assert "sudo dd of=/dev/sdX" in text
    assert "`NIXOS_SD`" in text
    assert "nixos-install" not in text.split("## Updating", 1)[0]
    assert "sudo nixos-rebuild switch" in text


def test_encrypted_uefi_laptop_partitions_by_label_with_luks() -> None:
    text = readme(laptop_plan()).split("## Installing", 1)[1].split("## Updating", 1)[0]
    assert "DISK=/dev/sda" in text
    assert "mkpart ESP fat32 1MiB 1GiB set 1 esp on" in text
    assert "cryptsetup luksFormat --type luks2 --label cryptroot /dev/disk/by-partlabel/root" in text
    assert "cryptsetup open /dev/disk/by-partlabel/root cryptroot" in text
    assert "mkfs.ext4 -L nixos /dev/mapper/cryptroot" in text
    assert "mkfs.fat -F 32 -n boot /dev/disk/by-partlabel/ESP" in text
    assert "mount -o umask=077 /dev/disk/by-label/boot /mnt/boot" in text
    assert "sudo nixos-install" in text
    assert "asks for the disk passphrase" in text
    # the luks line comes before formatting the root file system inside it
    assert text.index("luksFormat") < text.index("mkfs.ext4")


def test_bios_vm_uses_a_bios_boot_partition_and_the_grub_disk() -> None:
    text = readme(vm_bios_plan()).split("## Installing", 1)[1].split("## Updating", 1)[0]
    assert "On a new virtual machine" in text
    assert "DISK=/dev/vda" in text
    assert "set 1 bios_grub on" in text
    assert "mkfs.fat" not in text
    assert "cryptsetup" not in text
    assert "GRUB is installed on `/dev/vda`" in text
    assert "USB stick" not in text.split("4.", 1)[0]


def test_updates_and_rollback() -> None:
    text = readme(laptop_plan()).split("## Updating and rolling back", 1)[1].split("## Checks", 1)[0]
    assert "sudo nixos-rebuild switch --upgrade" in text
    assert "nix flake update && sudo nixos-rebuild switch --flake .#laptop" in text
    assert "sudo nixos-rebuild switch --rollback" in text
    assert "by itself on a schedule (`04:40`)" in text
    assert "by itself" not in readme(pi_plan()).split("## Updating and rolling back", 1)[1]


def test_findings_are_listed_worst_first_with_what_they_mean() -> None:
    findings = (
        Finding(
            "NW-POL-1",
            Severity.LOW,
            "ssh allows forwarding",
            source=FindingSource.POLICY,
            fix="AllowTcpForwarding = false;",
        ),
        Finding(
            "NW-POL-2",
            Severity.HIGH,
            "root can log in with a password",
            location=SourceLocation("/out/configuration.nix", 12, 3),
            source=FindingSource.POLICY,
            title="Root login",
            fix='services.openssh.settings.PermitRootLogin = "no";',
        ),
    )
    text = readme(pi_plan(), findings).split("## Checks", 1)[1]
    assert text.index("NW-POL-2") < text.index("NW-POL-1")
    assert "**Root login**." in text
    assert "(configuration.nix, line 12). To fix:" in text
    assert 'To fix: `services.openssh.settings.PermitRootLogin = "no";`' in text
    assert "- **high**: a serious security risk" in text
    assert "- **low**:" in text
    assert "security policy made 2 remarks" in text
    assert "found nothing to report" in readme(pi_plan())


def test_lines_the_plan_does_not_account_for_are_explained_too() -> None:
    plan = pi_plan()
    extra = Definition(
        ("services", "openssh", "enable"),
        NixBool(value=True),
        SourceLocation("configuration.nix", 99, 3),
    )
    stray = Definition(
        ("services", "nosuch", "enable"), NixBool(value=True), SourceLocation("extra.nix", 1, 1)
    )
    reading = reading_for(plan, (extra, stray))
    doc = document_plan(plan, reading, KB)
    # the duplicate is covered by the ssh block; only the stray one is "other"
    assert [e.line.path for e in doc.others] == [("services", "nosuch", "enable")]
    assert not doc.others[0].line.explained
    text = render_readme(plan, reading, (), KB)
    assert "outside the blocks above" in text
    assert "Not an option of NixOS 24.11" in text


def test_imports_are_explained() -> None:
    text = readme(laptop_plan())
    assert "- `./hardware-configuration.nix`: this machine's disks" in text
    assert re.search(
        r"- `\(modulesPath \+ \"/installer/scan/not-detected.nix\"\)` \(in `hardware-configuration.nix`\): a module that ships with NixOS",
        text,
    )


def test_contents_links_to_every_section() -> None:
    text = readme(pi_plan())
    line = next(x for x in text.splitlines() if x.startswith("**Contents:**"))
    for section in SECTIONS:
        title = section.removeprefix("## ")
        anchor = title.lower().replace(",", "").replace(" ", "-")
        assert f"[{title}](#{anchor})" in line


def test_ssh_without_keys_explains_how_to_add_one() -> None:
    text = readme(pi_plan()).split("## Secrets and passwords", 1)[1].split("## Installing", 1)[0]
    assert "### SSH keys for logging in from another computer" in text
    assert "ssh-keygen -t ed25519" in text
    assert 'users.users.admin.openssh.authorizedKeys.keys = [\n  "ssh-ed25519 AAAA... you@laptop"\n];' in text
    assert "SSH keys" not in readme(laptop_plan())


def test_rented_server_ports_are_reachable_from_the_internet() -> None:
    plan = vm_bios_plan()
    from dataclasses import replace

    from nixwright.plan.model import Port

    plan = replace(plan, ports=(Port(22, "tcp", "lan", "ssh", "SSH logins"),), capabilities=("ssh",))
    text = readme(plan)
    assert "anyone who can reach the server's network (for a rented server: the internet)" in text
    assert "treat every open port as reachable by anyone" in text
    assert "devices on your local network" not in text


def test_pi5_readme_warns_that_the_standard_image_needs_a_boot_loader() -> None:
    from dataclasses import replace

    plan = pi_plan()
    pi5 = replace(plan, hardware_profile="raspberry-pi-5")
    assert "does not start the standard SD image by itself" in readme(pi5)
    assert "does not start the standard SD image" not in readme(plan)
