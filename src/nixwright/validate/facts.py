"""An index of a reading's definitions, for checks that look at the configuration as a whole."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from nixwright.errors import SourceLocation
from nixwright.nix.values import (
    Definition,
    Dynamic,
    ModuleReading,
    NixAttrs,
    NixBool,
    NixList,
    NixNull,
    NixString,
    RawExpr,
    Value,
)


@dataclass
class Facts:
    """Definitions by path, plus what imported NixOS modules set (``provided``)."""

    reading: ModuleReading
    provided: frozenset[tuple[str, ...]] = frozenset()
    unknown_imports: tuple[str, ...] = ()
    release: str = ""
    by_path: dict[tuple[str, ...], list[Definition]] = field(default_factory=dict)
    _below: dict[tuple[str, ...], list[tuple[tuple[str, ...], Definition]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for d in self.reading.definitions:
            self.by_path.setdefault(d.path, []).append(d)

    def get(self, *path: str) -> Value | None:
        """The value of the winning definition at exactly ``path`` (None when not defined).

        Definitions under ``mkIf`` may not apply: when only such definitions exist the value is
        ``Dynamic`` (not known), so whole-system checks neither pass nor fail on a guess.
        """
        defs = self.by_path.get(tuple(path))
        if not defs:
            return None
        plain = [d for d in defs if d.condition is None]
        if not plain:
            return Dynamic("defined under a condition", defs[0].condition or "")
        return min(plain, key=lambda d: d.priority).value

    def defined(self, *path: str) -> bool:
        """Defined by the configuration (at or below ``path``) or by an imported module."""
        prefix = tuple(path)
        return any(p[: len(prefix)] == prefix for p in self.by_path) or any(
            p[: len(prefix)] == prefix for p in self.provided
        )

    def location(self, *path: str) -> SourceLocation | None:
        prefix = tuple(path)
        for p, defs in self.by_path.items():
            if p[: len(prefix)] == prefix:
                return defs[0].location
        return None

    def below(self, *prefix: str) -> Iterator[tuple[tuple[str, ...], Definition]]:
        """(path relative to ``prefix``, definition) for every definition under ``prefix``."""
        found = self._below.get(prefix)
        if found is None:
            n = len(prefix)
            found = self._below[prefix] = [
                (p[n:], d) for p, defs in self.by_path.items() if p[:n] == prefix and len(p) > n for d in defs
            ]
        return iter(found)

    def names_below(self, *prefix: str) -> list[str]:
        """Distinct first keys below ``prefix`` (``users.users`` -> user names), in file order."""
        seen: dict[str, None] = {}
        for rel, _ in self.below(*prefix):
            seen.setdefault(rel[0], None)
        return list(seen)

    def is_true(self, *path: str) -> bool | None:
        """True/False for a literal bool, None when unset or not statically known."""
        v = self.get(*path)
        return v.value if isinstance(v, NixBool) else None

    def string(self, *path: str) -> str | None:
        v = self.get(*path)
        return v.value if isinstance(v, NixString) else None

    def is_dynamic(self, *path: str) -> bool:
        return isinstance(self.get(*path), Dynamic | RawExpr)

    @property
    def first_file(self) -> str:
        return self.reading.files[0] if self.reading.files else ""

    def top_location(self) -> SourceLocation:
        return SourceLocation(self.first_file, 1, 1)


def strings_in(value: Value | None) -> list[str]:
    """Literal strings of a string or list-of-strings value."""
    match value:
        case NixString(v, _):
            return [v]
        case NixList(items):
            return [i.value for i in items if isinstance(i, NixString)]
        case _:
            return []


def present(value: Value | None) -> bool:
    """A definition that gives something (not null, not an empty list/string)."""
    match value:
        case None | NixNull():
            return False
        case NixList(items):
            return bool(items)
        case NixString(v, _):
            return bool(v)
        case NixAttrs(entries):
            return bool(entries)
        case _:
            return True


def any_dynamic(values: Iterable[Value]) -> bool:
    return any(isinstance(v, Dynamic | RawExpr) for v in values)
