"""Effective settings: a configuration's definitions merged with the release defaults.

The module system picks, for each option, the definitions of the strongest priority
(``mkForce`` 50 beats plain 100 beats ``mkDefault`` 1000 beats the option default 1500);
lists from definitions of that priority are concatenated. A definition under ``mkIf``
may or may not apply: it is kept as a *possible* value next to the certain one, with its
condition, so a check can say "when <condition>" instead of guessing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from nixwright.errors import SourceLocation
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import (
    PRIORITY_OPTION_DEFAULT,
    Definition,
    Dynamic,
    ModuleReading,
    NixAttrs,
    NixList,
    RawExpr,
    Value,
)
from nixwright.policy.paths import PLACEHOLDER, dotted, split_path
from nixwright.policy.release_cache import release_lookups


@dataclass(frozen=True)
class Candidate:
    """One value an option may take: from a definition, the release default, or a rule's assumption."""

    value: Value
    origin: str  # "definition" | "default" | "assumed"
    location: SourceLocation | None = None
    condition: str | None = None

    @property
    def describe_origin(self) -> str:
        if self.origin == "default":
            return "the release default"
        if self.origin == "assumed":
            return "the built-in default"
        return "set here"


@dataclass(frozen=True)
class Setting:
    """What an option is in this configuration: its possible values, the certain one first."""

    path: tuple[str, ...]
    candidates: tuple[Candidate, ...]

    @property
    def dotted(self) -> str:
        return dotted(self.path)

    @property
    def defined(self) -> bool:
        return any(c.origin == "definition" for c in self.candidates)


def flatten(definitions: Sequence[Definition]) -> list[Definition]:
    """Attribute-set values become leaf definitions (``a = { b = 1; }`` is ``a.b = 1``)."""
    out: list[Definition] = []
    for d in definitions:
        if isinstance(d.value, NixAttrs) and d.value.entries:
            nested = [
                Definition(
                    path=(*d.path, key),
                    value=value,
                    location=d.location,
                    priority=d.priority,
                    condition=d.condition,
                    order=d.order,
                    dynamic_key=d.dynamic_key,
                )
                for key, value in d.value.entries
            ]
            out.extend(flatten(nested))
        else:
            out.append(d)
    return out


class EffectiveConfig:
    """Looks up effective settings; built once per evaluation."""

    def __init__(self, reading: ModuleReading, kb: Knowledge) -> None:
        self.reading = reading
        self.kb = kb
        self.lookups = release_lookups(kb)
        self._by_path: dict[tuple[str, ...], list[Definition]] = {}
        for found in flatten(reading.definitions):
            d = self._canonical(found)
            self._by_path.setdefault(d.path, []).append(d)
        self._settings: dict[tuple[tuple[str, ...], Value | None, frozenset[str]], Setting] = {}
        self._names: dict[tuple[str, ...], list[str]] = {}

    def _canonical(self, d: Definition) -> Definition:
        """A definition under a renamed option's old name counts under the new one."""
        if d.dynamic_key:
            return d
        option = self.lookups.resolve(self.kb, d.path, self.imported_modules).option
        if option is None or not option.renamed_to:
            return d
        target = renamed_path(d.path, split_path(option.path), split_path(option.renamed_to))
        return d if target is None else replace(d, path=target)

    @cached_property
    def definitions(self) -> tuple[Definition, ...]:
        return tuple(d for defs in self._by_path.values() for d in defs)

    @cached_property
    def imported_modules(self) -> tuple[str, ...]:
        return tuple(i.module for i in self.reading.imports if i.module)

    def definitions_at(self, path: tuple[str, ...]) -> list[Definition]:
        return list(self._by_path.get(path, ()))

    @cached_property
    def _sorted_paths(self) -> list[tuple[str, ...]]:
        return sorted(self._by_path)

    def _paths_under(self, prefix: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        """Defined paths at ``prefix`` or below it, sorted: they sort together, from where
        ``prefix`` itself would go."""
        paths = self._sorted_paths
        size = len(prefix)
        for i in range(bisect_left(paths, prefix), len(paths)):
            if paths[i][:size] != prefix:
                break
            yield paths[i]

    def definitions_under(self, prefix: tuple[str, ...]) -> Iterator[Definition]:
        """Definitions at ``prefix`` or below it, in a stable order."""
        for path in self._paths_under(prefix):
            yield from self._by_path[path]

    def names(self, pattern: tuple[str, ...]) -> list[str]:
        """Concrete names the configuration uses at the first ``<name>`` of ``pattern``."""
        if PLACEHOLDER not in pattern:
            return []
        prefix = pattern[: pattern.index(PLACEHOLDER)]
        found = self._names.get(prefix)
        if found is None:
            at = len(prefix)
            below = {
                path[at]
                for path in self._paths_under(prefix)
                if len(path) > at and any(not d.dynamic_key for d in self._by_path[path])
            }
            found = self._names[prefix] = sorted(below)
        return list(found)

    @cached_property
    def _computed(self) -> dict[tuple[str, ...], Definition]:
        """Paths assigned a computed value: the first such definition at each."""
        out: dict[tuple[str, ...], Definition] = {}
        for path, defs in self._by_path.items():
            for d in defs:
                if isinstance(d.value, Dynamic | RawExpr):
                    out.setdefault(path, d)
        return out

    def _dynamic_above(self, path: tuple[str, ...]) -> Definition | None:
        """A computed value assigned to a parent of ``path`` (``services.x = f y;``) hides it."""
        computed = self._computed
        if not computed:
            return None
        for cut in range(len(path) - 1, 0, -1):
            found = computed.get(path[:cut])
            if found is not None:
                return found
        return None

    def default(self, path: tuple[str, ...]) -> Value | None:
        return self.lookups.default(self.kb, path, self.imported_modules)

    def setting(
        self, path: tuple[str, ...], assumed: Value | None = None, holding: frozenset[str] = frozenset()
    ) -> Setting:
        """The possible values of one concrete option path.

        ``assumed`` stands in for the default when the release data has none (e.g. a
        setting whose default lives in the daemon, not in the option). ``holding`` are
        conditions known to be true here (a rule's own preconditions): definitions under
        them count as certain.
        """
        key = (path, assumed, holding)
        found = self._settings.get(key)
        if found is None:
            found = self._settings[key] = self._setting(path, assumed, holding)
        return found

    def _setting(self, path: tuple[str, ...], assumed: Value | None, holding: frozenset[str]) -> Setting:
        defs = self._by_path.get(path, [])
        if not defs:
            covering = self._dynamic_above(path)
            if covering is not None:
                return Setting(
                    path=path,
                    candidates=(
                        Candidate(covering.value, "definition", covering.location, covering.condition),
                    ),
                )
            return Setting(path=path, candidates=self._default_candidates(path, assumed))
        certain = [d for d in defs if holds(d.condition, holding)]
        maybe = [d for d in defs if not holds(d.condition, holding)]
        strongest = min((d.priority for d in certain), default=PRIORITY_OPTION_DEFAULT)
        winners = [d for d in certain if d.priority == strongest]
        candidates: list[Candidate] = []
        if winners:
            candidates.extend(_merged(winners))
        else:
            candidates.extend(self._default_candidates(path, assumed))
        candidates.extend(
            Candidate(value=d.value, origin="definition", location=d.location, condition=d.condition)
            for d in sorted(maybe, key=lambda d: d.location)
            if d.priority <= strongest
        )
        return Setting(path=path, candidates=tuple(candidates))

    def _default_candidates(self, path: tuple[str, ...], assumed: Value | None) -> tuple[Candidate, ...]:
        """The release default, else the rule's assumption, when no definition wins."""
        default = self.default(path)
        if default is not None:
            return (Candidate(value=default, origin="default"),)
        if assumed is not None:
            return (Candidate(value=assumed, origin="assumed"),)
        return ()


def renamed_path(path: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...] | None:
    """``path`` (a concrete path under the pattern ``old``) moved to the pattern ``new``.

    Placeholders (``<name>``, ``*``) carry their concrete names over, in order; anything
    below the old option stays below the new one. None when the shapes do not fit.
    """
    if len(path) < len(old):
        return None
    names = [part for part, pattern in zip(path, old, strict=False) if pattern in {PLACEHOLDER, "*"}]
    slots = [p for p in new if p in {PLACEHOLDER, "*"}]
    if len(names) != len(slots):
        return None
    filled = iter(names)
    moved = tuple(next(filled) if p in {PLACEHOLDER, "*"} else p for p in new)
    return moved + path[len(old) :]


def holds(condition: str | None, holding: frozenset[str]) -> bool:
    """A definition's condition is true when every part of it is among ``holding``."""
    if condition is None:
        return True
    return all(part.strip() in holding for part in condition.split("&&"))


def _merged(winners: list[Definition]) -> list[Candidate]:
    """Definitions of one priority: lists concatenate; other values each stay a candidate."""
    ordered = sorted(winners, key=lambda d: (_order_rank(d.order), d.location))
    if all(isinstance(d.value, NixList) for d in ordered):
        items = tuple(item for d in ordered for item in d.value.items)  # type: ignore[union-attr]
        return [Candidate(value=NixList(items), origin="definition", location=ordered[0].location)]
    return [Candidate(value=d.value, origin="definition", location=d.location) for d in ordered]


def _order_rank(order: str | None) -> int:
    return {"before": 0, None: 1, "after": 2}.get(order, 1)
