"""The catalog schema: capabilities and hardware profiles as frozen values (see docs/catalog.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from nixwright.nix.values import Value

AUDIENCES = ("lan", "world", "localhost", "vpn")
PROTOCOLS = ("tcp", "udp")
FILES = ("configuration", "hardware")


class CapabilityKind(Enum):
    SERVICE = "service"  # a network service (excluded by "no network services")
    PROGRAM = "program"  # software for people at the machine
    DESKTOP = "desktop"  # a graphical session (excluded by "headless")
    SYSTEM = "system"  # system behaviour: updates, snapshots, power management


@dataclass(frozen=True)
class OptionSetting:
    """One option the capability sets. Strings may hold ``@placeholder@`` filled from the Intent."""

    path: tuple[str, ...]
    value: Value
    why: str
    extra: bool = False  # optional extra, dropped by "minimal" / "nothing else"
    file: str = "configuration"  # or "hardware" (hardware-configuration.nix)
    priority: int = 100
    autologin: bool = False  # signs someone in without a password: left out on an encrypted machine


@dataclass(frozen=True)
class PackageSetting:
    """A package added to ``environment.systemPackages`` (attribute path in nixpkgs)."""

    attr: str
    why: str
    extra: bool = False


@dataclass(frozen=True)
class PortSpec:
    """A port the capability listens on; every (port, protocol) has exactly one owner per machine."""

    port: int
    protocol: str  # "tcp" | "udp"
    audience: str  # "lan" | "world" | "localhost" | "vpn"
    purpose: str


@dataclass(frozen=True)
class SecretSpec:
    name: str
    purpose: str
    path: str
    command: str  # the exact shell command(s) that create it


@dataclass(frozen=True)
class QuestionSpec:
    """A choice the text may leave open; ``default`` may hold placeholders; ``choices`` empty = free text."""

    key: str
    text: str
    default: str
    why: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class WebApp:
    """A web UI served behind the one reverse proxy: ``subdomain.<domain>`` or ``<domain>/path``."""

    port: int
    subdomain: str | None = None
    path: str | None = None
    name: str = ""


@dataclass(frozen=True)
class ProxySpec:
    """How a reverse-proxy capability writes one virtual host per web app.

    ``vhost_prefix`` is the attribute-set option holding hosts (``services.caddy.virtualHosts``);
    each setting's path is relative to one host and may use ``@upstream@``, ``@port@``,
    ``@host@`` and ``@path@``.
    """

    vhost_prefix: tuple[str, ...]
    settings: tuple[OptionSetting, ...]
    path_settings: tuple[OptionSetting, ...] = ()  # for apps served under a path of the main host


IMPLIED_WHEN = ("no-network-services", "hardened", "minimal")


@dataclass(frozen=True)
class ImpliedService:
    """A service the capability's NixOS module switches on by itself (``mkDefault``), and how to switch it off.

    ``off`` is the option setting that switches it off (a plain definition beats the module's default);
    the planner applies it when the request says one of ``when``: "no-network-services", "hardened",
    "minimal".
    """

    name: str
    off: OptionSetting
    when: tuple[str, ...] = ("no-network-services",)


@dataclass(frozen=True)
class ModuleImportSpec:
    """A NixOS module imported by path relative to ``nixos/modules`` (rendered with ``modulesPath``)."""

    module: str
    why: str
    file: str = "configuration"


@dataclass(frozen=True)
class Capability:
    id: str
    title: str
    explain: str
    kind: CapabilityKind
    words: tuple[str, ...]
    roles: tuple[str, ...] = ()
    preferred: bool = False
    systems: tuple[str, ...] = ("x86_64-linux", "aarch64-linux")
    options: tuple[OptionSetting, ...] = ()
    packages: tuple[PackageSetting, ...] = ()
    ports: tuple[PortSpec, ...] = ()
    secrets: tuple[SecretSpec, ...] = ()
    questions: tuple[QuestionSpec, ...] = ()
    requires: tuple[str, ...] = ()  # capability ids or "role:<name>"
    conflicts: tuple[str, ...] = ()  # capability ids or "role:<name>"
    web: tuple[WebApp, ...] = ()
    proxy: ProxySpec | None = None
    imports: tuple[ModuleImportSpec, ...] = ()
    unfree: tuple[str, ...] = ()  # package names allowed through allowUnfreePredicate
    min_ram_mb: int | None = None
    notes: tuple[str, ...] = ()
    source: str = ""  # the file it was read from, for messages
    graphical: bool = False  # a program with windows: needs a desktop (pulls in role:desktop)
    implied: tuple[ImpliedService, ...] = ()  # services its NixOS module turns on by default

    @property
    def is_desktop(self) -> bool:
        return self.kind is CapabilityKind.DESKTOP

    @property
    def is_network_service(self) -> bool:
        return self.kind is CapabilityKind.SERVICE


@dataclass(frozen=True)
class Role:
    """A job several capabilities can do (``vpn-server``); ``preferred`` is chosen by default."""

    id: str
    title: str
    words: tuple[str, ...]
    preferred: str
    question: str = ""
    providers: tuple[str, ...] = field(default=())
    low_ram_preferred: str | None = None  # chosen instead of ``preferred`` when RAM <= low_ram_mb
    low_ram_mb: int = 4096

    def default_for(self, ram_mb: int | None) -> str:
        if self.low_ram_preferred and ram_mb is not None and ram_mb <= self.low_ram_mb:
            return self.low_ram_preferred
        return self.preferred


@dataclass(frozen=True)
class RamTuning:
    """Settings applied when the machine has at most ``max_ram_mb`` of RAM."""

    max_ram_mb: int
    options: tuple[OptionSetting, ...]


@dataclass(frozen=True)
class HardwareProfile:
    id: str
    title: str
    explain: str
    device_class: str  # "sbc" | "desktop" | "laptop" | "mini-pc" | "server" | "vm"
    system: str
    firmware: str  # "uefi" | "bios" | "raspberry-pi"
    words: tuple[str, ...]
    default_ram_mb: int | None = None
    wifi: bool = False
    options: tuple[OptionSetting, ...] = ()
    packages: tuple[PackageSetting, ...] = ()
    imports: tuple[ModuleImportSpec, ...] = ()
    ram_tuning: tuple[RamTuning, ...] = ()
    root_label: str = "nixos"
    boot_label: str | None = "boot"  # None: no separate boot partition
    notes: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: it is loaded once and cached
class Catalog:
    capabilities: tuple[Capability, ...]
    hardware: tuple[HardwareProfile, ...]
    roles: tuple[Role, ...]

    @cached_property
    def _by_id(self) -> dict[str, Capability]:
        return {c.id: c for c in self.capabilities}

    @cached_property
    def _providers(self) -> dict[str, tuple[Capability, ...]]:
        out: dict[str, list[Capability]] = {}
        for c in self.capabilities:
            for r in c.roles:
                out.setdefault(r, []).append(c)
        return {r: tuple(cs) for r, cs in out.items()}

    def capability(self, cap_id: str) -> Capability | None:
        return self._by_id.get(cap_id)

    def hardware_profile(self, hw_id: str) -> HardwareProfile | None:
        return next((h for h in self.hardware if h.id == hw_id), None)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def providers(self, role_id: str) -> tuple[Capability, ...]:
        return self._providers.get(role_id, ())
