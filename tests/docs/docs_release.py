"""A tiny release for unit tests of the documentation stage: a few options with marked-up descriptions."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from nixwright.knowledge.model import (
    OptionInfo,
    OptionKind,
    OptionResolution,
    PackageInfo,
    PackageKind,
    PackageMatch,
)
from nixwright.knowledge.modules import ImportedModule
from nixwright.knowledge.types import OptionType, TypeKind

BOOL = OptionType(TypeKind.BOOL, "boolean")
STR = OptionType(TypeKind.STR, "string")
PORTS = OptionType(TypeKind.LIST, "list of 16 bit unsigned integer")
PACKAGES = OptionType(TypeKind.LIST, "list of package")
SETTINGS = OptionType(TypeKind.ATTRS, "attribute set of anything")
SUBMODULE = OptionType(TypeKind.SUBMODULE, "submodule")

DESCRIBED: dict[str, tuple[OptionType, str]] = {
    "services.openssh.enable": (BOOL, "Whether to enable the OpenSSH secure shell daemon."),
    "services.openssh.settings.PasswordAuthentication": (BOOL, "Whether {command}`sshd` accepts passwords."),
    "services.adguardhome.enable": (BOOL, "Whether to enable AdGuard Home."),
    "services.adguardhome.settings": (
        SETTINGS,
        "AdGuard Home configuration. Refer to\n<https://example.org/wiki>\nfor details.",
    ),
    "networking.hostName": (STR, "The name of the machine. See [](#opt-networking.domain)."),
    "networking.hostId": (STR, "The 32-bit host ID of the machine."),
    "networking.firewall.allowedTCPPorts": (
        PORTS,
        "List of TCP ports on which incoming connections are accepted.",
    ),
    "environment.systemPackages": (
        PACKAGES,
        "The set of packages that appear in\n{file}`/run/current-system/sw`.",
    ),
    "users.users.<name>.isNormalUser": (
        BOOL,
        "Indicates whether this is an account for a <literal>real</literal> user.",
    ),
    "users.users.<name>.extraGroups": (
        OptionType(TypeKind.LIST, "list of string"),
        "The user's auxiliary groups.",
    ),
    "users.users.<name>.hashedPassword": (STR, "The hashed password."),
    "fileSystems.<name>.device": (STR, "Location of the device."),
    "fileSystems.<name>.fsType": (STR, "Type of the file system."),
    "fileSystems.<name>.options": (
        OptionType(TypeKind.LIST, "list of string"),
        "Options used to mount the file system.",
    ),
    "boot.loader.systemd-boot.enable": (BOOL, "Whether to enable the systemd-boot EFI boot manager."),
    "boot.loader.grub.enable": (BOOL, "Whether to enable the GNU GRUB boot loader."),
    "boot.loader.grub.device": (STR, "The device on which the GRUB boot loader will be installed."),
    "boot.initrd.luks.devices.<name>.device": (STR, "Path of the underlying encrypted block device."),
    "system.stateVersion": (
        STR,
        "The first version of NixOS installed on this machine.\n\n::: {.note}\nDo not change it.\n:::",
    ),
    "system.autoUpgrade.enable": (BOOL, "Whether to periodically upgrade NixOS."),
    "system.autoUpgrade.dates": (STR, "How often or when upgrade occurs."),
    "services.emptydoc.enable": (BOOL, ""),
}
SPECIAL = {
    "services.openssh.permitRootLogin": OptionInfo(
        "services.openssh.permitRootLogin",
        STR,
        kind=OptionKind.RENAMED,
        renamed_to="services.openssh.settings.PasswordAuthentication",
        warns=True,
    ),
    "sound": OptionInfo(
        "sound",
        SUBMODULE,
        kind=OptionKind.REMOVED,
        fails=True,
        message="The option was {option}`heavily` overloaded.",
    ),
}
FREEFORM = {"services.adguardhome.settings"}
KNOWN_PACKAGES = {
    "git": PackageInfo("git", "git", "2.47.0", description="Distributed version control system"),
    "vim": PackageInfo("vim", "vim", "9.1", description="The most popular clone of the VI editor"),
}


@dataclass
class FakeKnowledge:
    release: str = "24.11"

    def _infos(self) -> dict[str, OptionInfo]:
        infos = {p: OptionInfo(p, t, description=d) for p, (t, d) in DESCRIBED.items()}
        infos.update(SPECIAL)
        return infos

    def find_option(self, path: str | Sequence[str]) -> OptionInfo | None:
        return self._infos().get(path if isinstance(path, str) else ".".join(path))

    def resolve_option(self, parts: Sequence[str], imported_modules: Sequence[str] = ()) -> OptionResolution:
        req = tuple(parts)
        infos = self._infos()
        for pattern, info in infos.items():
            pat = tuple(pattern.split("."))
            if _match(pat, req[: len(pat)]) and len(pat) <= len(req):
                if len(pat) == len(req):
                    return OptionResolution(req, info)
                if pattern in FREEFORM or info.kind is OptionKind.REMOVED:
                    return OptionResolution(req, info, rest=req[len(pat) :])
        if any(_match(tuple(p.split("."))[: len(req)], req) for p in infos if len(p.split(".")) > len(req)):
            return OptionResolution(req, None, is_namespace=True)
        return OptionResolution(req, None)

    def option_children(self, prefix: str) -> list[OptionInfo]:
        return [i for p, i in self._infos().items() if p.startswith(prefix + ".")]

    def suggest_options(self, path: str, limit: int = 3) -> list[str]:
        return difflib.get_close_matches(path, list(self._infos()), n=limit)

    def find_package(self, attr_path: str, system: str | None = None) -> PackageMatch:
        info = KNOWN_PACKAGES.get(attr_path)
        if info is None:
            return PackageMatch(attr_path, PackageKind.UNKNOWN)
        return PackageMatch(attr_path, PackageKind.PACKAGE, attr_path, info)

    def suggest_packages(self, attr_path: str, limit: int = 3) -> list[str]:
        return difflib.get_close_matches(attr_path, list(KNOWN_PACKAGES), n=limit)

    def search_options(self, query: str, limit: int = 20) -> list[OptionInfo]:
        return [i for p, i in self._infos().items() if query in p][:limit]

    def search_packages(self, query: str, limit: int = 20) -> list[PackageInfo]:
        return [i for p, i in KNOWN_PACKAGES.items() if query in p][:limit]

    def module_info(self, module: str) -> ImportedModule | None:
        return None

    def modules_declaring(self, parts: Sequence[str]) -> list[str]:
        return []

    def package_set_note(self, set_path: str) -> str | None:
        return None


def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    return len(pattern) == len(parts) and all(
        p in ("<name>", "*") or p == q for p, q in zip(pattern, parts, strict=True)
    )
