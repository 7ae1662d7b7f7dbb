"""Typed values the knowledge base hands to every later stage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from nixwright.knowledge.modules import ImportedModule
from nixwright.knowledge.types import OptionType


class OptionKind(Enum):
    DOCUMENTED = "documented"  # in options.json
    RENAMED = "renamed"  # using it only warns; ``renamed_to`` names the new path
    REMOVED = "removed"  # using it fails; ``message`` holds upstream's instructions
    CHANGED = "changed"  # mkChangedOptionModule: warns
    MERGED = "merged"  # mkMergedOptionModule: warns
    HIDDEN = "hidden"  # exists, not documented
    INTERNAL = "internal"
    IMPORTED = "imported"  # exists only when ``module`` is imported by path


@dataclass(frozen=True)
class OptionInfo:
    """One declared option. ``path`` uses options.json naming (``<name>``, ``*``, quoted parts)."""

    path: str
    type: OptionType
    description: str = ""
    default_text: str | None = None  # Nix source text of the default, if any
    example_text: str | None = None
    declarations: tuple[str, ...] = ()
    read_only: bool = False
    kind: OptionKind = OptionKind.DOCUMENTED
    renamed_to: str | None = None
    message: str | None = None
    warns: bool = False
    fails: bool = False
    module: str | None = None  # for IMPORTED: the module path relative to nixos/modules

    @property
    def type_text(self) -> str:
        return self.type.text


@dataclass(frozen=True)
class OptionResolution:
    """How a concrete path relates to the declared options.

    - ``option`` set, ``rest`` empty: the path names that option (through placeholders).
    - ``option`` set, ``rest`` non-empty: the path goes *into* the value of an option whose type
      is not a submodule (freeform ``settings``, ``attrsOf str``, ...): ``rest`` are keys inside it.
    - ``option`` None, ``is_namespace`` True: the path is a prefix of declared options
      (``services.nginx``); assigning an attribute set there is fine.
    - otherwise unknown.
    """

    requested: tuple[str, ...]
    option: OptionInfo | None
    rest: tuple[str, ...] = ()
    is_namespace: bool = False


class PackageKind(Enum):
    PACKAGE = "package"  # in packages.json
    SET = "set"  # a package set (python3Packages, linuxPackages)
    MEMBER = "member"  # a derivation packages.json doesn't list but Nix has (vimPlugins.x, jdk21)
    RENAMED = "renamed"  # top-level alias: warns, ``resolved`` names the new attribute
    REMOVED = "removed"  # removed alias: fails with ``message``
    ALIAS = "alias"  # other alias expression
    NON_PACKAGE = "non_package"  # functions and values: writeShellScriptBin, lib, fetchurl
    ERROR = "error"  # an attribute that throws when evaluated (message)
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PackageInfo:
    attr_path: str
    pname: str
    version: str
    description: str = ""
    licenses: tuple[str, ...] = ()
    unfree: bool = False
    insecure: bool = False
    broken: bool = False
    platforms: tuple[str, ...] = ()
    bad_platforms: tuple[str, ...] = ()
    known_vulnerabilities: tuple[str, ...] = ()
    main_program: str | None = None
    homepage: str | None = None

    def available_on(self, system: str) -> bool:
        if system in self.bad_platforms:
            return False
        return not self.platforms or system in self.platforms


@dataclass(frozen=True)
class PackageMatch:
    requested: str
    kind: PackageKind
    resolved: str | None = None  # attribute path after set aliases and renames
    package: PackageInfo | None = None
    message: str | None = None
    warns: bool = False
    suggestions: tuple[str, ...] = field(default=())
    available: bool | None = None  # on the ``system`` asked about; None when not asked or not known


class Knowledge(Protocol):
    """What later stages may ask of a release. ``KnowledgeBase`` implements it over SQLite."""

    @property
    def release(self) -> str: ...

    def find_option(self, path: str | Sequence[str]) -> OptionInfo | None: ...

    def resolve_option(
        self, parts: Sequence[str], imported_modules: Sequence[str] = ()
    ) -> OptionResolution: ...

    def option_children(self, prefix: str) -> list[OptionInfo]: ...

    def suggest_options(self, path: str, limit: int = 3) -> list[str]: ...

    def find_package(self, attr_path: str, system: str | None = None) -> PackageMatch: ...

    def suggest_packages(self, attr_path: str, limit: int = 3) -> list[str]: ...

    def search_options(self, query: str, limit: int = 20) -> list[OptionInfo]: ...

    def search_packages(self, query: str, limit: int = 20) -> list[PackageInfo]: ...

    def module_info(self, module: str) -> ImportedModule | None:
        """What a module imported by path (``profiles/qemu-guest.nix``) adds and sets."""
        ...

    def modules_declaring(self, parts: Sequence[str]) -> list[str]:
        """Modules that, imported by path, would make ``parts`` an option."""
        ...

    def package_set_note(self, set_path: str) -> str | None:
        """The release data's note on a package set it lists only in part (``incomplete: ...``)."""
        ...
