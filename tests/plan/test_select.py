"""Capability selection: roles, requirements, the machine's base, and refusals."""

from __future__ import annotations

import pytest

from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Catalog
from nixwright.errors import NixwrightError
from nixwright.intake.parse import parse_request
from nixwright.intake.questions import settle
from nixwright.plan.questions import resolve_answers
from nixwright.plan.select import select_capabilities


def _chosen(text: str, mini: Catalog) -> dict[str, str]:
    intent = resolve_answers(parse_request(text, mini), mini, {})
    return {c.capability.id: c.reason for c in select_capabilities(intent, mini)}


def test_role_gets_its_preferred_provider_and_server_gets_ssh(mini: Catalog) -> None:
    assert _chosen("a Raspberry Pi 4 as an ad blocker", mini) == {"dnsfilter": "requested", "ssh": "base"}


def test_web_app_pulls_in_the_reverse_proxy(mini: Catalog) -> None:
    assert _chosen("a VPS with a status page", mini)["proxy"] == "required by webapp"


def test_desktop_machine_gets_no_ssh_by_default(mini: Catalog) -> None:
    assert _chosen("a desktop PC with gnome", mini) == {"gnome": "requested"}


def test_no_network_services_drops_base_ssh(mini: Catalog) -> None:
    assert _chosen("a mini PC with a text editor. No network services.", mini) == {"editor": "requested"}


def test_headless_desktop_is_refused(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="headless machine has no screen"):
        _chosen("a headless PC with gnome", mini)


def test_wanted_and_excluded_is_refused(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="both wants and excludes"):
        _chosen("a VPS with ssh. No network services.", mini)


def test_unsupported_system_is_refused(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="not available for Raspberry Pi 4"):
        _chosen("a Raspberry Pi 4 with gnome", mini)


def test_one_owner_per_port(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="both need port 53/udp"):
        _chosen("a VPS running dnsfilter and otherdns", mini)


def test_role_answer_picks_the_provider(mini: Catalog) -> None:
    intent = parse_request("a VPS ad blocker", mini)
    settled = resolve_answers(intent, mini, {"dns-filter": "otherdns"})
    assert "otherdns" in {
        c.capability.id for c in select_capabilities(settle(settled, settled.answers), mini)
    }


def test_a_server_is_managed_remotely(mini: Catalog) -> None:
    assert _chosen("a home server with dnsfilter", mini) == {"dnsfilter": "requested", "ssh": "base"}
    assert _chosen("a desktop PC with dnsfilter", mini) == {"dnsfilter": "requested"}


def test_a_generic_word_is_satisfied_by_the_service_already_on_its_port(mini: Catalog) -> None:
    # conflictproxy answers on 443, so "a reverse proxy" is it, not a second program on the same port
    assert _chosen("a VPS with conflictproxy as a reverse proxy", mini) == {
        "conflictproxy": "requested",
        "ssh": "base",
    }


def test_conflicts_name_what_pulled_a_capability_in(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match=r"\(required by webapp\)"):
        _chosen("a VPS with a status page and conflictproxy", mini)


def test_too_little_ram_uses_the_profiles_usual_size_when_the_request_does_not_say(mini: Catalog) -> None:
    with pytest.raises(
        NixwrightError, match=r"needs at least 3072 MB of RAM; a .* usually has 2048 MB"
    ) as err:
        _chosen("a VPS with bigdb", mini)
    assert "say how much" in (err.value.hint or "")
    with pytest.raises(NixwrightError, match="the machine has 2048 MB"):
        _chosen("a VPS with 2 GB of RAM and bigdb", mini)
    assert "bigdb" in _chosen("a VPS with 4 GB of RAM and bigdb", mini)


def test_a_pi_3_is_too_small_for_home_assistant() -> None:
    catalog = load_catalog()
    with pytest.raises(NixwrightError, match=r"Home Assistant.*2048 MB.*Raspberry Pi 3 usually has 1024 MB"):
        _chosen("a Pi 3 with Home Assistant", catalog)


def test_discord_is_understood_and_only_offered_on_pc_processors() -> None:
    catalog = load_catalog()
    intent = parse_request("Gaming desktop PC with Steam, KDE Plasma and Discord.", catalog)
    assert intent.not_understood == ()
    assert "discord" in _chosen("Gaming desktop PC with Steam, KDE Plasma and Discord.", catalog)
    with pytest.raises(NixwrightError, match="not available for"):
        _chosen("a Raspberry Pi 5 with GNOME and Discord", catalog)
