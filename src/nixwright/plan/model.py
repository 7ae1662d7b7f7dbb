"""The Plan: what configuration.nix will say, and why each line is there."""

from __future__ import annotations

from dataclasses import dataclass

from nixwright.intake.intent import Answer, Evidence, Intent
from nixwright.nix.values import Value


@dataclass(frozen=True)
class Provenance:
    """Why an assignment exists: the capability or hardware profile, and the words or assumption."""

    origin: (
        str  # "capability:<id>" | "hardware:<id>" | "base" | "quality:<name>" | "person:<name>" | "network"
    )
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""  # plain-language sentence from the catalog


@dataclass(frozen=True)
class Assignment:
    path: tuple[str, ...]
    value: Value
    provenance: Provenance
    priority: int = 100  # 1000 renders as lib.mkDefault, 50 as lib.mkForce
    file: str = "configuration.nix"  # or "hardware-configuration.nix"


@dataclass(frozen=True)
class Port:
    port: int
    protocol: str  # "tcp" | "udp"
    audience: str  # "lan" | "world" | "localhost" | "vpn"
    service: str  # capability id
    purpose: str


@dataclass(frozen=True)
class Secret:
    name: str
    purpose: str
    path: str  # where the file is expected on the machine, e.g. /var/lib/secrets/x
    how_to_set: str  # exact commands
    capability: str


@dataclass(frozen=True)
class Block:
    """A group of assignments that configuration.nix renders together under one comment."""

    id: str  # "hardware", "base", "capability:<id>", ...
    title: str
    comment: str
    assignments: tuple[Assignment, ...]


@dataclass(frozen=True)
class Plan:
    intent: Intent
    release: str
    system: str
    hostname: str
    blocks: tuple[Block, ...]
    imports: tuple[str, ...]  # Nix source of import entries, e.g. "./hardware-configuration.nix"
    hardware_imports: tuple[str, ...]
    ports: tuple[Port, ...]
    secrets: tuple[Secret, ...]
    assumptions: tuple[Answer, ...]
    capabilities: tuple[str, ...]  # ids, in order
    hardware_profile: str
    notes: tuple[str, ...] = ()  # things to do after installing, from the catalog

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        return tuple(a for b in self.blocks for a in b.assignments)
