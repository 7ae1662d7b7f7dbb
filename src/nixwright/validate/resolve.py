"""Option lookups the checks share: resolution of concrete paths, types of submodule fields,
and the type of a key inside a non-submodule value (freeform ``settings``, ``attrsOf``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from nixwright.knowledge.model import Knowledge, OptionInfo, OptionKind, OptionResolution
from nixwright.knowledge.types import OptionType, TypeKind
from nixwright.nix.values import path_str
from nixwright.validate.typecheck import ANY_FIELD, FieldTypes

# Answers of a release do not change: keep them across check runs (per knowledge base and set of
# imported modules), so checking a configuration again, or the generator's next output, is warm.
_SHARED: dict[tuple[int, tuple[str, ...]], tuple[Knowledge, dict[tuple[str, ...], OptionResolution]]] = {}
_SHARED_MAX = 8


def shared_cache(kb: Knowledge, imported: tuple[str, ...]) -> dict[tuple[str, ...], OptionResolution]:
    key = (id(kb), imported)
    entry = _SHARED.get(key)
    if entry is None or entry[0] is not kb:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.pop(next(iter(_SHARED)))
        entry = _SHARED[key] = (kb, {})
    return entry[1]


@dataclass
class Resolver:
    """Caches ``Knowledge.resolve_option`` answers (shared by runs on the same knowledge base)."""

    kb: Knowledge
    imported: tuple[str, ...] = ()
    _cache: dict[tuple[str, ...], OptionResolution] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._cache = shared_cache(self.kb, self.imported)

    def resolve(self, parts: Sequence[str]) -> OptionResolution:
        key = tuple(parts)
        found = self._cache.get(key)
        if found is None:
            found = self.kb.resolve_option(key, self.imported)
            self._cache[key] = found
        return found

    def target(self, info: OptionInfo) -> OptionInfo:
        """For a renamed option, the option it now points to (when known)."""
        if info.kind is OptionKind.RENAMED and info.renamed_to:
            return self.kb.find_option(info.renamed_to) or info
        return info

    def fields_below(self, parts: tuple[str, ...]) -> FieldTypes:
        """Field types inside a submodule value assigned at ``parts``."""

        def lookup(sub: tuple[str, ...]) -> OptionType | None:
            res = self.resolve((*parts, *sub))
            if res.option is not None:
                if res.option.kind in (OptionKind.REMOVED, OptionKind.CHANGED, OptionKind.MERGED):
                    return ANY_FIELD
                if res.rest and self.undeclared_field(res.option, res.rest):
                    return None
                typ = self.target(res.option).type
                return descend(typ, res.rest) if res.rest else typ
            if res.is_namespace or "*" in sub:
                return ANY_FIELD  # list elements: the release may not resolve "*" paths
            return None

        return lookup

    def undeclared_field(self, info: OptionInfo, rest: Sequence[str]) -> bool:
        """``users.users.alice.isNormaluser``: a key inside an element of an ``attrsOf``/``listOf``
        submodule that the release does not declare (the knowledge base resolves declared fields
        itself, so a remainder that enters such a submodule names an undeclared one)."""
        t, prefix = info.type, info.path
        for depth, key in enumerate(rest):
            while t.kind is TypeKind.NULL_OR and t.args:
                t = t.args[0]
            if t.kind is TypeKind.SUBMODULE:
                # a freeform submodule declares nothing to hold keys against; others do
                return depth > 0 and bool(self.kb.option_children(prefix))
            if t.kind in (TypeKind.ATTRS, TypeKind.LAZY_ATTRS) and t.args:
                t, prefix = t.args[0], prefix + ".<name>"
            elif t.kind is TypeKind.LIST and t.args and key == "*":
                t, prefix = t.args[0], prefix + ".*"
            else:
                return False
        return False

    def module_declaring(self, parts: tuple[str, ...]) -> str | None:
        """A NixOS module that, imported by path, would declare ``parts`` (None when none does).

        Candidates come from the knowledge base's option table (options of import-only modules under
        the same top-level name); each is confirmed with ``resolve_option``.
        """
        if not parts:
            return None
        hits = [
            m
            for m in self.kb.modules_declaring(parts)
            if _declared_by_import(self.kb.resolve_option(parts, [m]))
        ]
        infos = {h: self.kb.module_info(h) for h in hits}

        def imported_by(m: str) -> int:  # the module the others build on names it best
            return sum(1 for info in infos.values() if info is not None and m in info.imports)

        return min(hits, key=lambda m: (-imported_by(m), len(m), m)) if hits else None

    def first_unknown(self, parts: tuple[str, ...]) -> int:
        """Index of the first part that is neither an option nor a group of options."""
        for i in range(1, len(parts) + 1):
            res = self.resolve(parts[:i])
            if res.option is not None:
                return self._deepest_known(parts, i)
            if not res.is_namespace:
                return i - 1
        return len(parts)

    def _deepest_known(self, parts: tuple[str, ...], start: int) -> int:
        """Below an option whose value is a set of submodules: the first undeclared key."""
        known = start
        for i in range(start + 1, len(parts) + 1):
            res = self.resolve(parts[:i])
            if res.is_namespace or (res.option is not None and not res.rest):
                known = i
        # ``users.users.alice``: a name inside an attribute set of submodules counts as known
        return known + 1 if known < len(parts) - 1 and known == start else known


@lru_cache(maxsize=65536)
def dotted(parts: tuple[str, ...]) -> str:
    """``path_str`` of an option path, remembered: the same paths come back on every run."""
    return path_str(parts)


def _declared_by_import(res: OptionResolution) -> bool:
    return res.option is not None and not res.rest and res.option.kind is OptionKind.IMPORTED


def descend(t: OptionType, keys: Sequence[str]) -> OptionType | None:
    """The type of ``keys`` inside a value of type ``t``; None when ``t`` has no keys."""
    current: OptionType | None = t
    for key in keys:
        if current is None:
            return None
        current = _step(current, key)
    return current


def _step(t: OptionType, key: str) -> OptionType | None:
    match t.kind:
        case TypeKind.LIST if key == "*":  # an element of a list (``listOf (submodule ...)``)
            return t.args[0] if t.args else ANY_FIELD
        case TypeKind.ATTRS | TypeKind.LAZY_ATTRS:
            return t.args[0] if t.args else ANY_FIELD
        case TypeKind.NULL_OR:
            return _step(t.args[0], key) if t.args else ANY_FIELD
        case TypeKind.EITHER:
            inner = [s for s in (_step(a, key) for a in t.args) if s is not None]
            if not inner:
                return None
            return inner[0] if len(inner) == 1 else ANY_FIELD
        case TypeKind.SUBMODULE | TypeKind.ANYTHING | TypeKind.OTHER | TypeKind.ATTRSET:
            return ANY_FIELD
        case _:
            return None
