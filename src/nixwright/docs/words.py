"""Shared plain-language words: audiences, qualities, evidence, lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Capability, HardwareProfile
from nixwright.intake.intent import Evidence
from nixwright.plan.model import Plan

AUDIENCE = {
    "lan": "devices on your local network",
    "world": "anyone on the internet",
    "localhost": "only programs on this machine",
    "vpn": "devices on your VPN",
}

QUALITY = {
    "headless": "It has no desktop and is managed over the network.",
    "hardened": "It uses stricter security settings than usual.",
    "minimal": "It carries only what was asked for, without optional extras.",
    "encrypted": "Its disk is encrypted, so it asks for a passphrase when it starts.",
    "auto-updates": "It installs updates by itself.",
}


SERVER_AUDIENCE = {
    **AUDIENCE,
    "lan": "anyone who can reach the server's network (for a rented server: the internet)",
}


def audience(name: str, plan: Plan | None = None) -> str:
    """Who can reach a port. A virtual machine's "local network" is usually its provider's, or the internet."""
    table = SERVER_AUDIENCE if plan is not None and is_rented(plan) else AUDIENCE
    return table.get(name, name)


def is_rented(plan: Plan) -> bool:
    return plan.intent.hardware.device_class == "vm"


def article(noun_phrase: str) -> str:
    """``a`` or ``an`` before ``noun_phrase`` (by its first letter, which is right for these titles)."""
    return "an" if noun_phrase[:1].lower() in "aeiou" else "a"


def and_list(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def capability(cap_id: str) -> Capability | None:
    return load_catalog().capability(cap_id)


def hardware(plan: Plan) -> HardwareProfile | None:
    return load_catalog().hardware_profile(plan.hardware_profile)


def capability_title(plan: Plan, cap_id: str) -> str:
    cap = capability(cap_id)
    if cap is not None:
        return cap.title
    block = next((b for b in plan.blocks if b.id == f"capability:{cap_id}"), None)
    return block.title if block is not None else cap_id


def evidence_words(evidence: Iterable[Evidence]) -> str:
    """The words that asked for something, de-duplicated, in request order, quoted."""
    seen: dict[str, Evidence] = {}
    for item in sorted(evidence, key=lambda e: (e.start < 0, e.start, e.text)):
        key = item.text.strip().lower()
        if key and key not in seen:
            seen[key] = item
    quoted = []
    for item in seen.values():
        text = f"“{' '.join(item.text.split())}”"
        if item.source == "answer":
            text += " (your answer)"
        elif item.source in ("assumption", "default"):
            text += " (assumed)"
        quoted.append(text)
    return ", ".join(quoted)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for index, char in enumerate(text):
        if char in ".!?" and text[index + 1 : index + 2] in (" ", ""):
            return text[: index + 1]
    return text
