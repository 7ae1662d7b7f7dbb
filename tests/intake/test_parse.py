"""Intake: text → Intent with the words of a small fixture catalog."""

from __future__ import annotations

import pytest

from nixwright.catalog.model import Catalog
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Firmware
from nixwright.intake.parse import parse_request


def test_hardware_ram_and_capability(mini: Catalog) -> None:
    intent = parse_request("It's a Raspberry Pi 4 with 4 gigs of RAM running dnsfilter.", mini)
    assert intent.hardware.profile == "raspberry-pi-4"
    assert intent.hardware.system == "aarch64-linux"
    assert intent.hardware.firmware is Firmware.RASPBERRY_PI
    assert intent.hardware.ram_mb == 4096
    assert [c.capability for c in intent.capabilities] == ["dnsfilter"]
    assert intent.not_understood == ()


def test_role_words_become_role_requests(mini: Catalog) -> None:
    intent = parse_request("A mini PC as an ad blocker and a reverse proxy.", mini)
    assert intent.hardware.profile == "mini-pc"
    assert [r.role for r in intent.roles] == ["dns-filter", "reverse-proxy"]
    assert intent.roles[0].evidence.text == "ad blocker"


def test_negation_scope_excludes_only_its_clause(mini: Catalog) -> None:
    intent = parse_request("A PC with gnome and a text editor. No browser. No network services.", mini)
    assert {e.target for e in intent.exclusions} == {"role:browser", "kind:service"}
    assert {c.capability for c in intent.capabilities} == {"gnome", "editor"}


def test_without_and_nothing_else(mini: Catalog) -> None:
    intent = parse_request("A VPS with ssh, without firefox. Nothing else.", mini)
    assert {e.target for e in intent.exclusions} == {"browser", "*"}
    assert intent.hardware.profile == "vm-cloud"


def test_qualities(mini: Catalog) -> None:
    text = (
        "A headless, hardened, minimal mini PC with full disk encryption and automatic updates running ssh."
    )
    intent = parse_request(text, mini)
    assert {q for q, _ in intent.qualities} == {
        "headless",
        "hardened",
        "minimal",
        "encrypted",
        "auto-updates",
    }


def test_old_thinkpad_beats_generic_words(mini: Catalog) -> None:
    intent = parse_request("An old ThinkPad with a text editor", mini)
    assert intent.hardware.profile == "thinkpad-old"
    assert intent.hardware.device_class == "laptop"


def test_bios_switches_firmware(mini: Catalog) -> None:
    intent = parse_request("A desktop PC that boots with legacy BIOS, with gnome", mini)
    assert intent.hardware.firmware is Firmware.BIOS
    assert intent.hardware.profile == "pc-bios"


def test_no_device_named_is_an_assumption(mini: Catalog) -> None:
    intent = parse_request("ssh please", mini)
    assert intent.hardware.profile == "pc-uefi"
    assert any(e.source == "assumption" for e in intent.hardware.evidence)


def test_network_facts(mini: Catalog) -> None:
    text = (
        "A mini PC ad blocker on my LAN (192.168.1.0/24, gateway 192.168.1.1). Static IP 192.168.1.2. "
        "Hostname: dnsbox, interface enp2s0, domain home.example.org"
    )
    net = parse_request(text, mini).network
    assert net.lan_cidr == "192.168.1.0/24"
    assert net.gateway == "192.168.1.1"
    assert net.static_ip == "192.168.1.2/24"
    assert net.hostname == "dnsbox"
    assert net.interfaces == ("enp2s0",)
    assert net.domains == ("home.example.org",)


def test_people_and_keys(mini: Catalog) -> None:
    key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl sam@laptop"
    text = f"A PC with gnome. Two accounts: alex and sam. Sam's key is {key}"
    people = parse_request(text, mini).people
    assert [p.username for p in people] == ["alex", "sam"]
    assert people[0].admin
    assert not people[1].admin
    assert people[1].ssh_keys == (key,)


def test_admin_named_explicitly(mini: Catalog) -> None:
    people = parse_request("A VPS with ssh; the admin is kim. Users: kim, lee", mini).people
    assert [p.username for p in people if p.admin] == ["kim"]


def test_locale_timezone_keyboard(mini: Catalog) -> None:
    intent = parse_request("A PC with gnome, German keyboard, timezone Europe/Berlin", mini)
    assert intent.locale.timezone == "Europe/Berlin"
    assert intent.locale.keyboard == "de"
    assert intent.locale.locale == "de_DE.UTF-8"


def test_every_unknown_phrase_is_listed(mini: Catalog) -> None:
    intent = parse_request("A PC with gnome, a flux capacitor and parental controls", mini)
    assert intent.not_understood == ("flux capacitor", "parental controls")


def test_nothing_understood_is_refused(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="toaster"):
        parse_request("a toaster", mini)


def test_empty_request_is_refused(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="empty"):
        parse_request("   ", mini)


def test_both_firmwares_is_a_contradiction(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="UEFI and BIOS"):
        parse_request("a PC with UEFI and BIOS running ssh", mini)


def test_pi_has_no_bios(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="does not start with BIOS"):
        parse_request("a Raspberry Pi 4 with BIOS running ssh", mini)


def test_disks_and_sizes(mini: Catalog) -> None:
    hw = parse_request(
        "A PC with 16GB RAM, a 2TB disk, two data disks and /dev/nvme0n1, running ssh", mini
    ).hardware
    assert hw.ram_mb == 16384
    assert "/dev/nvme0n1" in hw.disks
    assert "2 disks" in hw.disks


def test_wifi(mini: Catalog) -> None:
    assert parse_request("a mini PC on Wi-Fi running ssh", mini).hardware.wifi


def test_parse_is_deterministic(mini: Catalog) -> None:
    text = "A mini PC as an ad blocker, no browser, hostname pihole, 8 GB RAM"
    assert parse_request(text, mini) == parse_request(text, mini)


def test_negation_does_not_swallow_the_device(mini: Catalog) -> None:
    intent = parse_request("I want an ad blocker without ssh on a Raspberry Pi 4", mini)
    assert intent.hardware.profile == "raspberry-pi-4"
    assert {e.target for e in intent.exclusions} == {"ssh"}


def test_slash_separates_words(mini: Catalog) -> None:
    intent = parse_request("a mini PC with gnome/firefox", mini)
    assert {c.capability for c in intent.capabilities} == {"gnome", "browser"}


def test_email_is_a_fact_not_a_domain(mini: Catalog) -> None:
    net = parse_request("a VPS with ssh, certificates to ops@example.org", mini).network
    assert net.email == "ops@example.org"
    assert net.domains == ()


@pytest.mark.parametrize(
    ("text", "hostname"),
    [
        ("a mini PC called dnsbox running ssh", "dnsbox"),
        ("a VPS with ssh, hostname: web-1", "web-1"),
        ("a VPS with ssh; name it atlas", "atlas"),
        ("a PC with gnome for two kids named alex and sam", None),
    ],
)
def test_hostname_needs_a_machine_word(mini: Catalog, text: str, hostname: str | None) -> None:
    assert parse_request(text, mini).network.hostname == hostname


def test_names_keep_their_hyphens(mini: Catalog) -> None:
    intent = parse_request("a VPS with ssh for my-site.example.org, users anna-lena and bob", mini)
    assert intent.network.domains == ("my-site.example.org",)
    assert [p.username for p in intent.people] == ["anna-lena", "bob"]


def test_firmware_keeps_the_device_kind(mini: Catalog) -> None:
    hw = parse_request("a mini PC with legacy BIOS running ssh", mini).hardware
    assert (hw.profile, hw.device_class, hw.firmware) == ("pc-bios", "mini-pc", Firmware.BIOS)


def test_no_desktop_means_headless(mini: Catalog) -> None:
    intent = parse_request("a mini PC with no desktop, running ssh", mini)
    assert {e.target for e in intent.exclusions} == {"role:desktop"}
    assert intent.has_quality("headless")


def test_people_named_for_and_family_names(mini: Catalog) -> None:
    assert [p.username for p in parse_request("A laptop for Anna with gnome", mini).people] == ["anna"]
    people = parse_request("A PC with gnome, accounts for mum, dad and emma", mini).people
    assert [p.username for p in people] == ["mum", "dad", "emma"]
    assert parse_request("A PC for Gnome fans with gnome", mini).people == ()
