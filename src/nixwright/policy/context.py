"""What a check sees: the effective configuration, the release, the request and the profile."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from nixwright.errors import SourceLocation
from nixwright.intake.intent import Intent
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import Value
from nixwright.policy.effective import Candidate, EffectiveConfig
from nixwright.policy.literal import to_python
from nixwright.policy.matchers import matches
from nixwright.policy.paths import PLACEHOLDER, fill, split_path
from nixwright.policy.values_from import from_python

_GATE_RANK = {"no": 0, "unknown": 1, "maybe": 2, "yes": 3}


@dataclass(frozen=True)
class Seen:
    """One possible value of an option, as Python data, and where it comes from."""

    path: str
    value: Any
    candidate: Candidate

    @property
    def location(self) -> SourceLocation | None:
        return self.candidate.location

    @property
    def condition(self) -> str | None:
        return self.candidate.condition


@dataclass(frozen=True)
class Gate:
    """Whether a rule's preconditions hold: ``state`` is "yes", "maybe", "no" or "unknown"."""

    state: str
    conditions: tuple[str, ...] = ()
    location: SourceLocation | None = None

    @property
    def open(self) -> bool:
        return self.state in {"yes", "maybe"}


class CheckContext:
    def __init__(
        self,
        config: EffectiveConfig,
        kb: Knowledge,
        *,
        system: str,
        intent: Intent | None,
        profile: str,
    ) -> None:
        self.config = config
        self.kb = kb
        self.system = system
        self.intent = intent
        self.profile = profile
        self.memo: dict[str, Any] = {}
        # checks ask for the same few settings again and again; Seen values are never changed
        self._seen: dict[tuple[tuple[str, ...], Value | None, tuple[str, ...]], tuple[Seen, ...]] = {}

    def seen(
        self, path: str | tuple[str, ...], assumed: Any = None, holding: Sequence[str] = ()
    ) -> list[Seen]:
        """Every possible value of a concrete option, certain value first.

        ``holding``: conditions taken as true (the rule's preconditions that rest on them).
        """
        parts = split_path(path) if isinstance(path, str) else path
        value = None if assumed is None else from_python(assumed)
        key = (parts, value, tuple(holding))
        found = self._seen.get(key)
        if found is None:
            setting = self.config.setting(
                parts, assumed=value, holding=frozenset(p.strip() for c in holding for p in c.split("&&"))
            )
            found = self._seen[key] = tuple(
                Seen(setting.dotted, to_python(c.value), c) for c in setting.candidates
            )
        return list(found)

    def names(self, *patterns: str) -> list[str]:
        found: set[str] = set()
        for pattern in patterns:
            found.update(self.config.names(split_path(pattern)))
        return sorted(found)

    def gate(self, conditions: Sequence[Mapping[str, Any]], name: str | None = None) -> Gate:
        """All ``conditions`` (``{ option = ..., <test> }``) together."""
        state = "yes"
        texts: list[str] = []
        location: SourceLocation | None = None
        for cond in conditions:
            parts = split_path(str(cond["option"]))
            if name is not None:
                parts = fill(parts, name)
            one, cond_texts, loc = self._some_gate(parts, cond)
            if one == "no":
                return Gate("no")
            if one == "unknown":
                state = "unknown"
            elif one == "maybe" and state == "yes":
                state = "maybe"
            texts.extend(cond_texts)
            location = location or loc
        return Gate(state, tuple(dict.fromkeys(texts)), location)

    def _some_gate(
        self, parts: tuple[str, ...], cond: Mapping[str, Any]
    ) -> tuple[str, list[str], SourceLocation | None]:
        """A path with an unbound ``<name>`` holds when it holds for some name."""
        if PLACEHOLDER not in parts:
            return self._one_gate(parts, cond)
        best: tuple[str, list[str], SourceLocation | None] = ("no", [], None)
        for name in self.config.names(parts):
            one = self._one_gate(fill(parts, name), cond)
            if _GATE_RANK[one[0]] > _GATE_RANK[best[0]]:
                best = one
        return best

    def _one_gate(
        self, parts: tuple[str, ...], cond: Mapping[str, Any]
    ) -> tuple[str, list[str], SourceLocation | None]:
        if "defined" in cond:
            return self._defined_gate(parts, bool(cond["defined"]))
        results = [(s, matches(s.value, cond)) for s in self.seen(parts, cond.get("assume"))]
        if not results:
            return "no", [], None
        first, first_ok = results[0]
        if first_ok is True and first.condition is None:
            return "yes", [], first.location
        maybe = [s for s, ok in results if ok is True]
        if maybe:
            return "maybe", [s.condition for s in maybe if s.condition], maybe[0].location
        if any(ok is None for _, ok in results):
            return "unknown", [], None
        return "no", [], None

    def _defined_gate(
        self, parts: tuple[str, ...], wanted: bool
    ) -> tuple[str, list[str], SourceLocation | None]:
        defs = list(self.config.definitions_under(parts))
        certain = [d for d in defs if d.condition is None]
        if wanted:
            if certain:
                return "yes", [], certain[0].location
            if defs:
                return "maybe", [d.condition for d in defs if d.condition], defs[0].location
            return "no", [], None
        if certain:
            return "no", [], None
        return (
            ("maybe", [f"!({d.condition})" for d in defs if d.condition], None) if defs else ("yes", [], None)
        )

    @cached_property
    def complete(self) -> bool:
        """False when part of the configuration could not be read (a computed import, an
        unreadable module): then "nothing defines X" cannot be claimed."""
        reading = self.config.reading
        return not reading.unreadable and all(i.kind != "dynamic" for i in reading.imports)

    @cached_property
    def qualities(self) -> frozenset[str]:
        if self.intent is None:
            return frozenset()
        return frozenset(q for q, _ in self.intent.qualities)

    def each_definition_under(self, prefix: str) -> Iterator[tuple[str, Any, Candidate]]:
        """Definitions at or below ``prefix`` (dotted), as (path, value, candidate)."""
        from nixwright.nix.values import path_str

        for d in self.config.definitions_under(split_path(prefix)):
            yield (
                path_str(d.path),
                to_python(d.value),
                Candidate(d.value, "definition", d.location, d.condition),
            )
