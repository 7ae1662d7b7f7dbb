"""The value model shared by the reader, the renderer, the validator and the planner.

A ``Value`` is what the reader could know statically about the right-hand side of an
option definition; anything it could not know is ``Dynamic`` with the reason, never
guessed. The renderer writes the same values back as Nix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypeAlias

from nixwright.errors import SourceLocation

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_'-]*$")
_KEYWORDS = frozenset({"if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"})


def is_identifier(name: str) -> bool:
    """True when ``name`` can be written as a bare attribute name in Nix."""
    return bool(_IDENT.fullmatch(name)) and name not in _KEYWORDS


def quote_attr(name: str) -> str:
    """An attribute name as Nix source: bare when possible, else a quoted string."""
    if is_identifier(name):
        return name
    escaped = name.replace("\\", "\\\\").replace('"', '\\"').replace("${", "\\${")
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


def path_str(parts: tuple[str, ...]) -> str:
    """An option path as users write it: ``services.nginx.virtualHosts."example.org".root``."""
    return ".".join(quote_attr(p) for p in parts)


@dataclass(frozen=True)
class NixBool:
    value: bool


@dataclass(frozen=True)
class NixInt:
    value: int


@dataclass(frozen=True)
class NixFloat:
    value: float


@dataclass(frozen=True, init=False)
class NixString:
    """A string literal; ``multiline`` records a ``''...''`` string (a rendering choice only, so it
    takes no part in equality)."""

    value: str
    multiline: bool = field(default=False, compare=False)

    def __init__(self, value: str, multiline: bool = False) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "multiline", multiline)


@dataclass(frozen=True)
class NixPath:
    """A path literal: ``./foo.nix``, ``/etc/x``, ``~/x`` or a search path ``<nixpkgs/...>``."""

    value: str


@dataclass(frozen=True)
class NixNull:
    pass


@dataclass(frozen=True)
class NixList:
    items: tuple[Value, ...] = ()


@dataclass(frozen=True)
class NixAttrs:
    """An attribute set value (for options whose value is a set, e.g. freeform ``settings``)."""

    entries: tuple[tuple[str, Value], ...] = ()

    def get(self, key: str) -> Value | None:
        for k, v in self.entries:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class PackageRef:
    """A reference into nixpkgs, ``pkgs.python3Packages.requests`` -> ``python3Packages.requests``."""

    attr_path: str
    location: SourceLocation | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RawExpr:
    """Nix source the planner writes verbatim (``modulesPath + "/profiles/qemu-guest.nix"``).

    The reader never produces it; reading rendered ``RawExpr`` back gives ``Dynamic``.
    """

    text: str


@dataclass(frozen=True, init=False)
class Dynamic:
    """A value the reader cannot know without evaluation; ``reason`` says why, ``text`` is the source."""

    reason: str
    text: str = ""

    def __init__(self, reason: str, text: str = "") -> None:
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "text", text)


Value: TypeAlias = (
    NixBool
    | NixInt
    | NixFloat
    | NixString
    | NixPath
    | NixNull
    | NixList
    | NixAttrs
    | PackageRef
    | RawExpr
    | Dynamic
)


# Priorities as the module system numbers them (lower wins).
PRIORITY_FORCE = 50
PRIORITY_DEFAULT_PLAIN = 100
PRIORITY_MKDEFAULT = 1000
PRIORITY_OPTION_DEFAULT = 1500


@dataclass(frozen=True, init=False)
class Definition:
    """One option definition found in a module.

    ``path`` holds the unquoted parts (``("services", "nginx", "virtualHosts", "example.org")``);
    a part written as ``"${...}"`` is kept as its source text and ``dynamic_key`` is set.
    ``condition`` is the source text of enclosing ``lib.mkIf`` conditions (joined with ``&&``),
    ``order`` is ``"before"``/``"after"`` for ``mkBefore``/``mkAfter``/``mkOrder``.
    """

    path: tuple[str, ...]
    value: Value
    location: SourceLocation
    priority: int = PRIORITY_DEFAULT_PLAIN
    condition: str | None = None
    order: str | None = None
    dynamic_key: bool = False

    def __init__(  # noqa: PLR0917 (the signature the dataclass would generate)
        self,
        path: tuple[str, ...],
        value: Value,
        location: SourceLocation,
        priority: int = PRIORITY_DEFAULT_PLAIN,
        condition: str | None = None,
        order: str | None = None,
        dynamic_key: bool = False,
    ) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "priority", priority)
        object.__setattr__(self, "condition", condition)
        object.__setattr__(self, "order", order)
        object.__setattr__(self, "dynamic_key", dynamic_key)

    @property
    def dotted(self) -> str:
        if self.dynamic_key:  # show computed names as written, not as escaped literals
            return ".".join(f'"{p}"' if "${" in p else quote_attr(p) for p in self.path)
        return path_str(self.path)


@dataclass(frozen=True)
class ModuleImport:
    """An entry of ``imports``.

    ``kind`` is ``"local"`` (a file read and followed), ``"nixos-module"`` (a file under
    nixpkgs' ``nixos/modules``, given relative to it in ``module``, e.g.
    ``profiles/qemu-guest.nix``), or ``"dynamic"`` (anything else: reason in ``text``).
    """

    kind: str
    text: str
    location: SourceLocation
    module: str | None = None
    file: str | None = None


@dataclass(frozen=True)
class Unreadable:
    """A part of a module the reader could not interpret statically (reported as 'not checked')."""

    reason: str
    text: str
    location: SourceLocation


@dataclass(frozen=True)
class DuplicateAttr:
    """A name defined twice in one attribute set or ``let``, which Nix rejects.

    ``name`` is the path as Nix prints it (``a.b``, or the source text of a computed name),
    ``first`` and ``again`` the two places, ``message`` Nix's own wording
    (``attribute 'a.b' already defined at conf.nix:3:5``).
    """

    name: str
    first: SourceLocation
    again: SourceLocation
    message: str


@dataclass(frozen=True)
class ModuleReading:
    """Everything the static reader learned from a module and the local files it imports."""

    definitions: tuple[Definition, ...]
    imports: tuple[ModuleImport, ...] = ()
    files: tuple[str, ...] = ()
    declared_options: tuple[tuple[str, ...], ...] = ()
    unreadable: tuple[Unreadable, ...] = ()
    duplicate_attrs: tuple[DuplicateAttr, ...] = ()
