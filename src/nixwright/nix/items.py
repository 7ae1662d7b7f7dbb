"""What the static reader works with while it reads: scopes, lazy expressions and known shapes.

An ``Item`` is an expression the reader has looked at as far as it needed to: still a syntax node in
its scope (``Lazy``), an attribute set whose names are known (``StaticSet``), a module-system wrapper
(``Cond``, ``Override``, ``Order``, ``Merge``), a name from outside the file (``Symbol``: ``pkgs.x``,
``config.x``, ``lib.mkIf``), or a finished ``Value``. None of these leave the ``nix`` package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nixwright.errors import SourceLocation
from nixwright.nix.parse import Node
from nixwright.nix.values import Value


class SourceFile:
    """One file's bytes and line table, for locations and source text."""

    __slots__ = ("ascii", "data", "name", "repeat_free")

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data
        self.ascii = data.isascii()  # then byte columns are character columns
        # Where sets and `let` blocks start whose bindings the reader saw begin with distinct, plainly
        # written names: no name in them can be defined twice, so the duplicate check skips them.
        self.repeat_free: set[int] = set()

    def location(self, node: Node) -> SourceLocation:
        row, col = node.start_point
        if not self.ascii:
            offset = node.start_byte
            prefix = self.data[offset - col : offset]
            if not prefix.isascii():
                col = len(prefix.decode("utf-8", "replace"))
        return SourceLocation(self.name, row + 1, col + 1)

    def raw(self, node: Node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def text(self, node: Node, limit: int = 400) -> str:
        text = self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")
        return text if len(text) <= limit else text[:limit] + "…"


class Scope:
    """A frame of lexical names, or a ``with`` frame; ``parent`` links outwards.

    ``depth`` counts the function calls being followed at this point (to stop runaway recursion).
    """

    __slots__ = ("depth", "names", "parent", "source", "with_target")

    def __init__(
        self,
        source: SourceFile,
        parent: Scope | None = None,
        names: dict[str, Item] | None = None,
        with_target: Item | None = None,
        depth: int = 0,
    ) -> None:
        self.source = source
        self.parent = parent
        self.names = names if names is not None else {}
        self.with_target = with_target
        self.depth = depth

    def child(self, names: dict[str, Item] | None = None, with_target: Item | None = None) -> Scope:
        return Scope(self.source, self, names, with_target, self.depth)


class Lazy:
    """A syntax node not yet looked at, with the scope it must be read in (results cached on it)."""

    __slots__ = ("computed", "forced", "node", "scope")

    def __init__(self, node: Node, scope: Scope) -> None:
        self.node = node
        self.scope = scope
        self.forced: Item | None = None
        self.computed: Value | None = None


@dataclass(frozen=True, init=False)
class Symbol:
    """A name from outside the module: ``root`` is pkgs, config, lib, builtins, modulesPath, options,
    arg (another module argument) or undefined; ``path`` is what was selected from it."""

    root: str
    path: tuple[str, ...] = ()
    text: str = ""

    def __init__(self, root: str, path: tuple[str, ...] = (), text: str = "") -> None:
        object.__setattr__(self, "root", root)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "text", text)

    def select(self, parts: tuple[str, ...], text: str) -> Symbol:
        if not self.path and parts:
            if self.root == "pkgs" and parts[0] == "lib":
                return Symbol("lib", parts[1:], text)
            if self.root == "args":
                return module_argument(parts[0]).select(parts[1:], text)
        return Symbol(self.root, self.path + parts, text)


_MODULE_ARGUMENTS = frozenset({"config", "pkgs", "lib", "modulesPath", "options"})


def module_argument(name: str) -> Symbol:
    """What a module's function argument ``name`` stands for."""
    if name in _MODULE_ARGUMENTS:
        return Symbol(name)
    return Symbol("arg", (name,))


class Entry:
    """One attribute of a ``StaticSet``: its item and where its name was written."""

    __slots__ = ("dynamic_key", "item", "location")

    def __init__(self, item: Item, location: SourceLocation, dynamic_key: bool = False) -> None:
        self.item = item
        self.location = location
        self.dynamic_key = dynamic_key


@dataclass(eq=False)
class StaticSet:
    """An attribute set whose names are known; ``dynamic`` holds entries with computed names.

    ``origin`` is the set literal and the scope it was read from, when it was one: two reads of the
    same literal in the same scope are the same set (``definitions`` uses this to stop at a set
    that contains itself).
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    dynamic: list[tuple[str, Entry]] = field(default_factory=list)
    origin: tuple[int, int] | None = None


@dataclass(eq=False)
class Cond:
    """``lib.mkIf c x`` (``empty`` None) or ``lib.optionals c xs`` and friends (``empty`` the else value).

    ``known`` is the condition's value when the reader could work it out (only kept for ``mkIf``,
    which NixOS accepts as a definition but not inside a value).
    """

    condition: str
    item: Item
    empty: Value | None = None
    known: bool | None = None


@dataclass(eq=False)
class Override:
    """``lib.mkDefault x``, ``lib.mkForce x``, ``lib.mkOverride n x``."""

    priority: int
    item: Item


@dataclass(eq=False)
class Order:
    """``lib.mkBefore x``, ``lib.mkAfter x``, ``lib.mkOrder n x``."""

    order: str | None
    item: Item


@dataclass(eq=False)
class Merge:
    """``lib.mkMerge [ ... ]``."""

    items: list[Item]


@dataclass(eq=False)
class Pick:
    """``inherit (source) name;``: one attribute of another expression."""

    source: Item
    name: str
    text: str


@dataclass(eq=False)
class Known:
    """A value already worked out."""

    value: Value


Item = Lazy | Symbol | StaticSet | Cond | Override | Order | Merge | Pick | Known
