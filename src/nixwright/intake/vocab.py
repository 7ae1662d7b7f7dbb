"""The vocabulary intake understands: catalog words plus the fixed words for qualities and scope."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from nixwright.catalog.model import Catalog
from nixwright.intake.text import phrase_tokens

QUALITY_WORDS: dict[str, tuple[str, ...]] = {
    "headless": ("headless", "no monitor", "no screen", "no display", "no gui", "no graphical interface"),
    "hardened": (
        "hardened",
        "hardening",
        "harden",
        "locked down",
        "security focused",
        "secure",
        "high security",
    ),
    "minimal": (
        "minimal",
        "minimalist",
        "lean",
        "lightweight",
        "bare bones",
        "barebones",
        "bare minimum",
        "slim",
    ),
    "encrypted": (
        "encrypted",
        "encryption",
        "encrypt",
        "full disk encryption",
        "disk encryption",
        "fde",
        "luks",
        "encrypted disk",
    ),
    "auto-updates": (
        "automatic updates",
        "automatic upgrades",
        "auto updates",
        "auto update",
        "auto upgrades",
        "automatically updated",
        "updates itself",
        "keeps itself updated",
        "keep itself updated",
        "keeps itself up to date",
        "unattended upgrades",
        "unattended updates",
        "self updating",
    ),
}
EVERYTHING_ELSE = (
    "nothing else",
    "nothing more",
    "that's it",
    "that is it",
    "that's all",
    "that is all",
    "only that",
    "and nothing else",
)
NO_NETWORK_SERVICES = (
    "no network services",
    "no network service",
    "no services",
    "no listening services",
    "no open ports",
    "no server software",
)
# Usage words that make a machine a server: managed remotely (SSH), like a Pi or a VPS.
SERVER_USAGE = frozenset(
    {
        "home server",
        "server",
        "homelab",
        "home lab",
        "appliance",
        "nas",
        "home nas",
        "file server",
        "server pc",
    }
)
# Words that only say what the machine is for; understood, they add nothing by themselves.
USAGE_WORDS = (
    "home server",
    "server",
    "homelab",
    "home lab",
    "appliance",
    "machine",
    "box",
    "device",
    "system",
    "setup",
    "home network",
    "network wide",
    "my network",
    "my lan",
    "lan",
    "my home",
    "at home",
    "family",
    "small office",
    "office network",
    "https",
    "http",
    "ssl",
    "tls",
    "public",
    "publicly",
    "internet facing",
    "for the family",
    "for my family",
    "for the kids",
    "nixos",
    "nixos box",
    "nixos machine",
    "developer",
    "developers",
    "programmer",
    "for development",
    "for coding",
    "network card",
    "network cards",
    "ethernet port",
    "ethernet ports",
    "two nics",
    "two network cards",
)
FIRMWARE_WORDS = {
    "uefi": ("uefi", "efi", "uefi boot", "uefi firmware"),
    "bios": ("bios", "legacy bios", "legacy boot", "mbr", "csm"),
}


@dataclass(frozen=True)
class Term:
    """One vocabulary phrase: ``kind`` is capability|role|hardware|quality|firmware|all|no-services|usage."""

    phrase: str
    kind: str
    target: str
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    terms: dict[tuple[str, ...], Term]
    longest: int  # tokens in the longest phrase
    words: frozenset[str] = frozenset()  # every word of every phrase


@lru_cache(maxsize=4)
def vocabulary(catalog: Catalog) -> Vocabulary:
    """All terms by their tokens; the first owner of a phrase (longest phrases first) keeps it."""
    raw: list[tuple[str, str, str]] = []
    raw += [(w, "capability", c.id) for c in catalog.capabilities for w in c.words]
    raw += [(w, "role", r.id) for r in catalog.roles for w in r.words]
    raw += [(w, "hardware", h.id) for h in catalog.hardware for w in h.words]
    raw += [(w, "quality", q) for q, ws in QUALITY_WORDS.items() for w in ws]
    raw += [(w, "firmware", f) for f, ws in FIRMWARE_WORDS.items() for w in ws]
    raw += [(w, "all", "*") for w in EVERYTHING_ELSE]
    raw += [(w, "no-services", "kind:service") for w in NO_NETWORK_SERVICES]
    raw += [(w, "usage", w) for w in USAGE_WORDS]
    terms: dict[tuple[str, ...], Term] = {}
    for phrase, kind, target in sorted(raw, key=lambda t: (-len(t[0]), t[0], t[1], t[2])):
        tokens = phrase_tokens(phrase)
        if tokens and tokens not in terms:  # the first (alphabetical kind) owner of a phrase wins
            terms[tokens] = Term(phrase.lower(), kind, target, tokens)
    words = frozenset(w for t in terms for w in t)
    return Vocabulary(terms, max((len(t) for t in terms), default=1), words)
