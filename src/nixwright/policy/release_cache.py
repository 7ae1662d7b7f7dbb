"""What the policy layer asks a release, remembered per knowledge base across evaluations.

A knowledge base is read-only: how a path resolves, what its default is and what a package
is never change for one, so every evaluation with the same ``kb`` (the generator calls the
policy on every request) shares the answers. The memory is tied to the ``kb`` object (it
goes when the ``kb`` goes) and is bounded. A ``Knowledge`` that cannot be weakly referenced
or hashed gets a memory of its own per evaluation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from nixwright.knowledge.model import Knowledge, OptionResolution, PackageMatch
from nixwright.nix.values import Value
from nixwright.policy.defaults import parse_default

# Entries per table before it is emptied: a long-running process that sees many
# configurations keeps the common paths without growing without end.
LIMIT = 20_000

_K = TypeVar("_K")
_V = TypeVar("_V")
_Key = tuple[tuple[str, ...], tuple[str, ...]]


class ReleaseLookups:
    """Option resolutions, parsed defaults and package matches of one release."""

    def __init__(self) -> None:
        self._resolved: dict[_Key, OptionResolution] = {}
        self._defaults: dict[_Key, Value | None] = {}
        self._packages: dict[tuple[str, str | None], PackageMatch] = {}

    def resolve(self, kb: Knowledge, path: tuple[str, ...], imported: tuple[str, ...]) -> OptionResolution:
        return _remember(self._resolved, (path, imported), lambda: kb.resolve_option(path, imported))

    def default(self, kb: Knowledge, path: tuple[str, ...], imported: tuple[str, ...]) -> Value | None:
        """The release default of the option ``path`` names, as a value; None without one."""
        key = (path, imported)
        if key in self._defaults:
            return self._defaults[key]
        resolution = self.resolve(kb, path, imported)
        option = resolution.option
        value = None if option is None or resolution.rest else parse_default(option.default_text)
        _bound(self._defaults)
        self._defaults[key] = value
        return value

    def package(self, kb: Knowledge, attr_path: str, system: str | None) -> PackageMatch:
        return _remember(self._packages, (attr_path, system), lambda: kb.find_package(attr_path, system))


_BY_KB: WeakKeyDictionary[Knowledge, ReleaseLookups] = WeakKeyDictionary()


def release_lookups(kb: Knowledge) -> ReleaseLookups:
    """The shared memory of ``kb``'s answers (a fresh one when ``kb`` cannot be remembered)."""
    try:
        found = _BY_KB.get(kb)
        if found is None:
            found = _BY_KB[kb] = ReleaseLookups()
    except TypeError:  # unhashable, or no weak references
        return ReleaseLookups()
    return found


def _remember(table: dict[_K, _V], key: _K, answer: Callable[[], _V]) -> _V:
    """``table[key]``, asked of ``answer`` (and kept) the first time."""
    found = table.get(key)
    if found is None:
        found = answer()
        _bound(table)
        table[key] = found
    return found


def _bound(table: dict[Any, Any]) -> None:
    if len(table) >= LIMIT:
        table.clear()
