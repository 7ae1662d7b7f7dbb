"""Services a capability's NixOS module switches on by itself are switched off when the request asks for less."""

from __future__ import annotations

import pytest

from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Catalog
from nixwright.intake.parse import parse_request
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.values import NixBool
from nixwright.plan.facts import placeholder_facts
from nixwright.plan.implied import implied_block
from nixwright.plan.model import Block
from nixwright.plan.pipeline import generate
from nixwright.plan.questions import resolve_answers
from nixwright.plan.select import select_capabilities

AVAHI = ("services", "avahi", "enable")
RYGEL = ("services", "gnome", "rygel", "enable")


def _block(text: str, catalog: Catalog) -> Block | None:
    intent = resolve_answers(parse_request(text, catalog), catalog, {})
    chosen = select_capabilities(intent, catalog)
    return implied_block(intent, chosen, placeholder_facts(intent, ()))


def test_no_network_services_switches_off_what_gnome_turns_on(mini: Catalog) -> None:
    blk = _block("a desktop PC with gnome. No network services.", mini)
    assert blk is not None
    by_path = {a.path: a for a in blk.assignments}
    assert set(by_path) == {AVAHI, RYGEL}
    assert by_path[AVAHI].value == NixBool(value=False)
    assert by_path[AVAHI].provenance.origin == "quality:no-network-services"
    assert "No network services" in by_path[AVAHI].provenance.evidence[0].text


def test_hardened_switches_off_only_what_is_marked_for_it(mini: Catalog) -> None:
    blk = _block("a hardened desktop PC with gnome", mini)
    assert blk is not None
    assert [(a.path, a.provenance.origin) for a in blk.assignments] == [(AVAHI, "quality:hardened")]


def test_a_plain_request_leaves_the_module_defaults(mini: Catalog) -> None:
    assert _block("a desktop PC with gnome", mini) is None


@pytest.mark.integration
def test_gnome_laptop_without_network_services_has_no_avahi(kb: KnowledgeBase) -> None:
    gen = generate(
        "Hardened, encrypted laptop for travel with GNOME. No network services. Automatic updates.",
        kb,
        answers={"admin": "alex", "encrypt-disk": "/dev/disk/by-label/cryptroot"},
    )
    values = {a.path: a.value for a in gen.plan.assignments}
    assert values[AVAHI] == NixBool(value=False)
    assert "services.avahi.enable = false;" in gen.files.configuration


@pytest.mark.integration
def test_a_capability_that_wants_avahi_keeps_it(kb: KnowledgeBase) -> None:
    gen = generate(
        "A hardened desktop PC with GNOME and mDNS.", kb, answers={"admin": "alex"}, catalog=load_catalog()
    )
    values = {a.path: a.value for a in gen.plan.assignments}
    assert values[AVAHI] == NixBool(value=True)
