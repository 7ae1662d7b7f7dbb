"""A small in-memory release for unit tests: a handful of options and packages, exact semantics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

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
PORT = OptionType(
    TypeKind.INT, "16 bit unsigned integer; between 0 and 65535 (both inclusive)", minimum=0, maximum=65535
)
INT = OptionType(TypeKind.INT, "signed integer")
PATH = OptionType(TypeKind.PATH, "absolute path")
PACKAGE = OptionType(TypeKind.PACKAGE, "package")
SUBMODULE = OptionType(TypeKind.SUBMODULE, "submodule")
ANYTHING = OptionType(TypeKind.ANYTHING, "anything")


def list_of(t: OptionType) -> OptionType:
    return OptionType(TypeKind.LIST, f"list of {t.text}", args=(t,))


def attrs_of(t: OptionType) -> OptionType:
    return OptionType(TypeKind.ATTRS, f"attribute set of {t.text}", args=(t,))


def null_or(t: OptionType) -> OptionType:
    return OptionType(TypeKind.NULL_OR, f"null or {t.text}", args=(t,))


def enum(*members: str) -> OptionType:
    return OptionType(TypeKind.ENUM, "one of " + ", ".join(f'"{m}"' for m in members), members=members)


def either(*alts: OptionType) -> OptionType:
    return OptionType(TypeKind.EITHER, " or ".join(a.text for a in alts), args=alts)


OPTIONS: dict[str, OptionType] = {
    "services.openssh.enable": BOOL,
    "services.openssh.ports": list_of(PORT),
    "services.openssh.settings": SUBMODULE,
    "services.openssh.settings.PermitRootLogin": enum("yes", "no", "prohibit-password"),
    "services.openssh.package": PACKAGE,
    "services.nginx.enable": BOOL,
    "services.nginx.virtualHosts": attrs_of(SUBMODULE),
    "services.nginx.virtualHosts.<name>.root": null_or(PATH),
    "services.nginx.virtualHosts.<name>.enableACME": BOOL,
    "services.nginx.virtualHosts.<name>.listen": list_of(SUBMODULE),
    "services.nginx.virtualHosts.<name>.listen.*.port": null_or(PORT),
    "environment.systemPackages": list_of(PACKAGE),
    "environment.variables": attrs_of(either(STR, list_of(STR))),
    "networking.hostName": OptionType(
        TypeKind.STR, "string matching the pattern ^[a-z0-9-]*$", pattern="^[a-z0-9-]*$"
    ),
    "networking.hostId": null_or(STR),
    "networking.firewall.allowedTCPPorts": list_of(PORT),
    "networking.networkmanager.enable": BOOL,
    "networking.wireless.enable": BOOL,
    "users.users": attrs_of(SUBMODULE),
    "users.users.<name>.isNormalUser": BOOL,
    "users.users.<name>.isSystemUser": BOOL,
    "users.users.<name>.uid": null_or(INT),
    "users.users.<name>.group": STR,
    "users.users.<name>.extraGroups": list_of(STR),
    "users.users.<name>.shell": null_or(either(PACKAGE, PATH)),
    "users.users.<name>.hashedPassword": null_or(STR),
    "users.users.<name>.openssh.authorizedKeys.keys": list_of(STR),
    "users.mutableUsers": BOOL,
    "programs.zsh.enable": BOOL,
    "fileSystems": attrs_of(SUBMODULE),
    "fileSystems.<name>.device": null_or(STR),
    "fileSystems.<name>.fsType": STR,
    "fileSystems.<name>.mountPoint": STR,
    "boot.isContainer": BOOL,
    "boot.loader.grub.enable": BOOL,
    "boot.loader.grub.device": STR,
    "boot.loader.grub.devices": list_of(STR),
    "boot.loader.systemd-boot.enable": BOOL,
    "boot.supportedFilesystems": attrs_of(BOOL),
    "system.stateVersion": STR,
    "nixpkgs.config": ANYTHING,
    "nixpkgs.hostPlatform": either(STR, ANYTHING),
    "time.timeZone": null_or(STR),
    "security.acme.acceptTerms": BOOL,
    "security.acme.defaults.email": null_or(STR),
    "services.grafana.settings": OptionType(TypeKind.SUBMODULE, "submodule"),
    "services.grafana.settings.server.http_port": PORT,
    "system.build.toplevel": PACKAGE,
    "virtualisation.memorySize": INT,
    "services.pipewire.enable": BOOL,
    "services.pipewire.pulse.enable": BOOL,
    "hardware.pulseaudio.enable": BOOL,
    "boot.loader.grub.efiInstallAsRemovable": BOOL,
    "boot.loader.efi.canTouchEfiVariables": BOOL,
    "services.xserver.videoDrivers": list_of(STR),
    "hardware.nvidia.open": null_or(BOOL),
}
DEFAULTS = {"services.nginx.enable": "false"}
SPECIAL: dict[str, OptionInfo] = {
    "services.openssh.permitRootLogin": OptionInfo(
        "services.openssh.permitRootLogin",
        ANYTHING,
        kind=OptionKind.RENAMED,
        renamed_to="services.openssh.settings.PermitRootLogin",
        warns=True,
    ),
    "sound.enable": OptionInfo(
        "sound.enable",
        ANYTHING,
        kind=OptionKind.REMOVED,
        fails=True,
        message="The option was removed; use pipewire or pulseaudio.",
    ),
    "virtualisation.memorySize": OptionInfo(
        "virtualisation.memorySize",
        INT,
        kind=OptionKind.IMPORTED,
        module="nixos/modules/virtualisation/qemu-vm.nix",
    ),
    "system.build.toplevel": OptionInfo("system.build.toplevel", PACKAGE, read_only=True),
}
# Option types whose fields are options (others take keys into the value).
_SUBMODULE_PATHS = {
    "services.openssh.settings",
    "services.nginx.virtualHosts.<name>",
    "users.users.<name>",
    "fileSystems.<name>",
    "services.nginx.virtualHosts.<name>.listen.*",
}

PACKAGES: dict[str, PackageInfo] = {
    "vim": PackageInfo("vim", "vim", "9.1"),
    "git": PackageInfo("git", "git", "2.47"),
    "zsh": PackageInfo("zsh", "zsh", "5.9"),
    "openssh": PackageInfo("openssh", "openssh", "9.9"),
    "steam": PackageInfo("steam", "steam", "1.0", unfree=True, licenses=("unfree",)),
    "broken-thing": PackageInfo("broken-thing", "broken-thing", "0.1", broken=True),
    "olssl": PackageInfo("olssl", "olssl", "1.1", insecure=True, known_vulnerabilities=("CVE-1",)),
    "x86only": PackageInfo("x86only", "x86only", "1", platforms=("x86_64-linux",)),
    "python312Packages.requests": PackageInfo("python312Packages.requests", "requests", "2.32"),
}


def _split(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


@dataclass
class FakeKnowledge:
    release: str = "24.11"
    module_settings: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)

    def _infos(self) -> dict[str, OptionInfo]:
        infos = {p: OptionInfo(p, t, default_text=DEFAULTS.get(p)) for p, t in OPTIONS.items()}
        infos.update(SPECIAL)
        return infos

    def modules_declaring(self, parts: Sequence[str]) -> list[str]:
        return sorted({i.module for i in SPECIAL.values() if i.module})

    def package_set_note(self, set_path: str) -> str | None:
        return "incomplete: names only" if set_path == "haskellPackages" else None

    def find_option(self, path: str | Sequence[str]) -> OptionInfo | None:
        key = path if isinstance(path, str) else ".".join(path)
        return self._infos().get(key)

    def resolve_option(self, parts: Sequence[str], imported_modules: Sequence[str] = ()) -> OptionResolution:
        req = tuple(parts)
        infos = {
            p: i
            for p, i in self._infos().items()
            if i.kind is not OptionKind.IMPORTED or i.module in imported_modules
        }
        namespace = False
        for pattern, info in sorted(infos.items(), key=lambda kv: -len(kv[0])):
            pat = _split(pattern)
            if len(pat) == len(req) and _match(pat, req):
                return OptionResolution(req, info)
            if len(pat) > len(req) and _match(pat[: len(req)], req):
                namespace = True
        if namespace:
            return OptionResolution(req, None, is_namespace=True)
        for n in range(len(req) - 1, 0, -1):
            for pattern, info in infos.items():
                pat = _split(pattern)
                takes_keys = (
                    info.type.kind is not TypeKind.SUBMODULE or pattern == "services.grafana.settings"
                )
                if len(pat) == n and _match(pat, req[:n]) and pattern not in _SUBMODULE_PATHS and takes_keys:
                    return OptionResolution(req, info, rest=req[n:])
        return OptionResolution(req, None)

    def option_children(self, prefix: str) -> list[OptionInfo]:
        return [i for p, i in self._infos().items() if p.startswith(prefix + ".")]

    def suggest_options(self, path: str, limit: int = 3) -> list[str]:
        import difflib

        return difflib.get_close_matches(path, list(self._infos()), n=limit)

    def find_package(self, attr_path: str, system: str | None = None) -> PackageMatch:
        if attr_path == "python3Packages.requests":
            attr_path_resolved = "python312Packages.requests"
            return PackageMatch(
                attr_path, PackageKind.PACKAGE, attr_path_resolved, PACKAGES[attr_path_resolved]
            )
        if attr_path == "haskellPackages":
            return PackageMatch(attr_path, PackageKind.SET, attr_path)
        if attr_path == "python3Packages":
            return PackageMatch(attr_path, PackageKind.SET, "python312Packages")
        if attr_path == "exa":
            info = PackageInfo("eza", "eza", "0.20")
            return PackageMatch(
                attr_path, PackageKind.RENAMED, "eza", info, "exa was renamed to eza: use eza", warns=True
            )
        if attr_path == "kodiPlain":
            info = PackageInfo("kodi", "kodi", "21.1")
            return PackageMatch(
                attr_path, PackageKind.RENAMED, "kodi", info, "kodiPlain was renamed to kodi", warns=True
            )
        if attr_path == "gone":
            return PackageMatch(attr_path, PackageKind.REMOVED, message="gone has been removed: unmaintained")
        if attr_path in PACKAGES:
            return PackageMatch(attr_path, PackageKind.PACKAGE, attr_path, PACKAGES[attr_path])
        return PackageMatch(attr_path, PackageKind.UNKNOWN)

    def suggest_packages(self, attr_path: str, limit: int = 3) -> list[str]:
        import difflib

        return difflib.get_close_matches(attr_path, list(PACKAGES), n=limit)

    def search_options(self, query: str, limit: int = 20) -> list[OptionInfo]:
        return [i for p, i in self._infos().items() if query in p][:limit]

    def search_packages(self, query: str, limit: int = 20) -> list[PackageInfo]:
        return [i for p, i in PACKAGES.items() if query in p][:limit]

    def module_info(self, module: str) -> ImportedModule | None:
        sets = self.module_settings.get(module)
        if sets is None:
            return None
        return ImportedModule(module, "x86_64-linux", sets_with_imports=tuple(".".join(p) for p in sets))


def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    return all(p in ("<name>", "*") or p == q for p, q in zip(pattern, parts, strict=True))
