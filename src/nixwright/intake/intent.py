"""The typed request: everything intake understood, and everything it did not."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Firmware(Enum):
    UEFI = "uefi"
    BIOS = "bios"
    RASPBERRY_PI = "raspberry-pi"


@dataclass(frozen=True)
class Evidence:
    """The words of the request (or the answer / assumption) that caused something."""

    text: str
    start: int = -1  # character offsets into the request; -1 for answers and assumptions
    end: int = -1
    source: str = "request"  # "request" | "answer" | "assumption" | "default"


@dataclass(frozen=True)
class Hardware:
    profile: str  # id of a catalog hardware profile, e.g. "raspberry-pi-4"
    device_class: str  # "sbc" | "desktop" | "laptop" | "mini-pc" | "server" | "vm"
    model: str | None
    system: str  # "x86_64-linux" | "aarch64-linux"
    firmware: Firmware
    ram_mb: int | None = None
    disks: tuple[str, ...] = ()
    wired_nics: tuple[str, ...] = ()
    wifi: bool = False
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class CapabilityRequest:
    capability: str  # catalog capability id
    evidence: Evidence


@dataclass(frozen=True)
class RoleRequest:
    """A job asked for by a generic word ("a VPN"); a question or the role's default picks the capability."""

    role: str  # catalog role id
    evidence: Evidence


@dataclass(frozen=True)
class Exclusion:
    """Something the person does not want: a capability id, a role, a package, or ``"*"`` ("nothing else")."""

    target: str
    evidence: Evidence


@dataclass(frozen=True)
class Person:
    username: str
    admin: bool = False
    ssh_keys: tuple[str, ...] = ()
    evidence: Evidence | None = None


@dataclass(frozen=True)
class NetworkFacts:
    hostname: str | None = None
    domains: tuple[str, ...] = ()
    static_ip: str | None = None  # CIDR, e.g. "192.168.1.2/24"
    gateway: str | None = None
    lan_cidr: str | None = None
    dns_servers: tuple[str, ...] = ()
    interfaces: tuple[str, ...] = ()
    email: str | None = None  # a contact address named in the request (certificates, alerts)


@dataclass(frozen=True)
class Locale:
    timezone: str | None = None
    locale: str | None = None
    keyboard: str | None = None


@dataclass(frozen=True)
class Answer:
    """A settled choice: from the user (interactive or --answers) or an assumption (a default)."""

    key: str
    value: str
    question: str
    assumed: bool
    why: str = ""


@dataclass(frozen=True)
class Intent:
    request: str
    hardware: Hardware
    capabilities: tuple[CapabilityRequest, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    qualities: tuple[
        tuple[str, Evidence], ...
    ] = ()  # ("headless"|"hardened"|"minimal"|"encrypted"|"auto-updates", ...)
    people: tuple[Person, ...] = ()
    network: NetworkFacts = field(default_factory=NetworkFacts)
    locale: Locale = field(default_factory=Locale)
    answers: tuple[Answer, ...] = ()
    understood: tuple[Evidence, ...] = ()
    not_understood: tuple[str, ...] = ()
    roles: tuple[RoleRequest, ...] = ()  # settled into ``capabilities`` by answers/assumptions
    usage: tuple[tuple[str, Evidence], ...] = ()  # what the machine is for, e.g. ("server", "home server")

    def has_quality(self, name: str) -> bool:
        return any(q == name for q, _ in self.qualities)
