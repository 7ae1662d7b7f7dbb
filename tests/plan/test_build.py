"""The planner on the fixture catalog and the 24.11 release: provenance, firewall, extras, determinism."""

from __future__ import annotations

import pytest

from nixwright.catalog.model import Catalog
from nixwright.errors import NixwrightError
from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.values import NixBool, NixInt, NixList, NixString
from nixwright.plan.pipeline import Generated, generate

pytestmark = pytest.mark.integration


def _values(gen: Generated) -> dict[str, object]:
    return {".".join(a.path): a.value for a in gen.plan.assignments}


def test_every_assignment_has_provenance(kb: KnowledgeBase, mini: Catalog) -> None:
    gen = generate("a Raspberry Pi 4 ad blocker", kb, catalog=mini)
    for a in gen.plan.assignments:
        assert a.provenance.origin
        assert a.provenance.explanation
    origins = {a.provenance.origin for a in gen.plan.assignments}
    assert {
        "hardware:raspberry-pi-4",
        "base",
        "capability:dnsfilter",
        "capability:ssh",
        "firewall",
    } <= origins


def test_firewall_opens_lan_ports_but_not_localhost(kb: KnowledgeBase, mini: Catalog) -> None:
    values = _values(generate("a VPS with a status page", kb, catalog=mini))
    assert values["networking.firewall.allowedTCPPorts"] == NixList((NixInt(22), NixInt(443)))
    assert "networking.firewall.allowedUDPPorts" not in values


def test_lan_interface_restricts_the_firewall(kb: KnowledgeBase, mini: Catalog) -> None:
    values = _values(generate("a mini PC ad blocker on interface enp3s0", kb, catalog=mini))
    assert values["networking.firewall.interfaces.enp3s0.allowedUDPPorts"] == NixList((NixInt(53),))


def test_reverse_proxy_gets_one_virtual_host_per_web_app(kb: KnowledgeBase, mini: Catalog) -> None:
    gen = generate("a VPS with a status page, HTTPS for status.example.com", kb, catalog=mini)
    values = _values(gen)
    assert values["services.caddy.virtualHosts.status.example.com.extraConfig"] == NixString(
        "reverse_proxy 127.0.0.1:3001"
    )


def test_minimal_and_nothing_else_drop_extras(kb: KnowledgeBase, mini: Catalog) -> None:
    full = _values(generate("a mini PC ad blocker", kb, catalog=mini))
    bare = _values(generate("a mini PC ad blocker. Nothing else.", kb, catalog=mini))
    assert "services.adguardhome.extraArgs" in full
    assert "services.adguardhome.extraArgs" not in bare


def test_static_address(kb: KnowledgeBase, mini: Catalog) -> None:
    text = "a mini PC ad blocker, LAN 192.168.1.0/24, gateway 192.168.1.1, static IP 192.168.1.2"
    values = _values(generate(text, kb, catalog=mini))
    assert values["networking.useDHCP"] == NixBool(value=False)
    assert values["networking.defaultGateway"] == NixString("192.168.1.1")


def test_output_validates_and_passes_policy(kb: KnowledgeBase, mini: Catalog) -> None:
    gen = generate("a hardened headless mini PC ad blocker with automatic updates", kb, catalog=mini)
    assert not [f for f in gen.verified.validation if f.severity is Severity.ERROR]
    assert not [f for f in gen.verified.policy if f.severity in (Severity.HIGH, Severity.MEDIUM)]
    assert any(a.provenance.origin == "quality:hardened" for a in gen.plan.assignments)
    assert _values(gen)["system.autoUpgrade.enable"] == NixBool(value=True)


def test_encryption_goes_to_the_hardware_file(kb: KnowledgeBase, mini: Catalog) -> None:
    gen = generate("an encrypted old ThinkPad with a text editor", kb, catalog=mini)
    assert 'boot.initrd.luks.devices.cryptroot.device = "/dev/disk/by-label/cryptroot";' in gen.files.hardware


def test_encryption_on_a_pi_is_refused(kb: KnowledgeBase, mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="encryption is not supported"):
        generate("an encrypted Raspberry Pi 4 ad blocker", kb, catalog=mini)


def test_same_request_same_files(kb: KnowledgeBase, mini: Catalog) -> None:
    text = "a VPS with a status page and ssh, users alex and sam, timezone Europe/Paris"
    first, second = generate(text, kb, catalog=mini), generate(text, kb, catalog=mini)
    assert first.files == second.files


def test_wifi_brings_network_manager(kb: KnowledgeBase, mini: Catalog) -> None:
    values = _values(generate("a Raspberry Pi 4 ad blocker on Wi-Fi", kb, catalog=mini))
    assert values["networking.networkmanager.enable"] == NixBool(value=True)
    groups = values["users.users.admin.extraGroups"]
    assert isinstance(groups, NixList)
    assert set(groups.items) == {NixString("wheel"), NixString("networkmanager")}


def test_a_risk_the_request_demands_needs_acceptance(kb: KnowledgeBase, mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="NW-PRIV-006") as err:
        generate("a mini PC with passwordless sudo", kb, catalog=mini)
    assert err.value.exit_code == 1
    assert "--accept-risk NW-PRIV-006" in (err.value.hint or "")
    gen = generate("a mini PC with passwordless sudo", kb, catalog=mini, accepted_risks=["NW-PRIV-006"])
    assert ("security", "sudo", "wheelNeedsPassword") in {a.path for a in gen.plan.assignments}


def test_wifi_on_a_vps_is_refused(kb: KnowledgeBase, mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="has no Wi-Fi"):
        generate("a VPS ad blocker on Wi-Fi", kb, catalog=mini)


def test_path_apps_share_the_main_host(kb: KnowledgeBase, mini: Catalog) -> None:
    gen = generate("a VPS with wikiapp and notesapp for example.org", kb, catalog=mini)
    value = _values(gen)["services.caddy.virtualHosts.example.org.extraConfig"]
    assert isinstance(value, NixString)
    assert value.value == (
        "handle_path /wiki/* {\n  reverse_proxy 127.0.0.1:8081\n}\nhandle_path /notes/* {\n  reverse_proxy 127.0.0.1:8082\n}"
    )
