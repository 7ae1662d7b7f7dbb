"""Several sources may set one option: equal values collapse, lists and attribute sets merge, else a bug."""

from __future__ import annotations

from dataclasses import replace

from nixwright.errors import NixwrightError
from nixwright.nix.values import NixAttrs, NixList
from nixwright.plan.model import Assignment, Block, Provenance


def merge_blocks(blocks: list[Block]) -> tuple[Block, ...]:
    """Each (file, path) once, in the block of its first setter; later setters merge into it."""
    blocks = _split_prefixes(blocks)
    first: dict[tuple[str, tuple[str, ...]], Assignment] = {}
    owner: dict[tuple[str, tuple[str, ...]], str] = {}
    for blk in blocks:
        for a in blk.assignments:
            key = (a.file, a.path)
            if key in first:
                first[key] = _merge(first[key], a)
            else:
                first[key] = a
                owner[key] = blk.id
    _refuse_prefixes(list(first))
    out = []
    for blk in blocks:
        kept = tuple(first[k] for k in ((a.file, a.path) for a in blk.assignments) if owner.get(k) == blk.id)
        # the owner may list a path once only
        seen: set[tuple[str, tuple[str, ...]]] = set()
        unique = []
        for a in kept:
            if (a.file, a.path) not in seen:
                seen.add((a.file, a.path))
                unique.append(a)
        if unique:
            out.append(replace(blk, assignments=tuple(unique)))
    return tuple(out)


def _merge(old: Assignment, new: Assignment) -> Assignment:
    if old.value == new.value:
        value = old.value
    elif isinstance(old.value, NixList) and isinstance(new.value, NixList):
        value = NixList(tuple(dict.fromkeys(old.value.items + new.value.items)))
    elif isinstance(old.value, NixAttrs) and isinstance(new.value, NixAttrs):
        keys = {k for k, _ in old.value.entries}
        clash = [k for k, v in new.value.entries if k in keys and old.value.get(k) != v]
        if clash:
            raise _conflict(old, new)
        value = NixAttrs(old.value.entries + tuple((k, v) for k, v in new.value.entries if k not in keys))
    else:
        raise _conflict(old, new)
    if old.priority != new.priority:
        raise _conflict(old, new)
    prov = Provenance(
        old.provenance.origin,
        tuple(dict.fromkeys(old.provenance.evidence + new.provenance.evidence)),
        old.provenance.explanation
        if old.provenance.explanation == new.provenance.explanation
        else f"{old.provenance.explanation} Also: {new.provenance.explanation}",
    )
    return replace(old, value=value, provenance=prov)


def _conflict(old: Assignment, new: Assignment) -> NixwrightError:
    path = ".".join(old.path)
    return NixwrightError(
        f"{old.provenance.origin} and {new.provenance.origin} set {path} to different values",
        hint="these two parts of the request cannot be combined; ask for one of them",
    )


def _refuse_prefixes(keys: list[tuple[str, tuple[str, ...]]]) -> None:
    by_file: dict[str, set[tuple[str, ...]]] = {}
    for f, p in keys:
        by_file.setdefault(f, set()).add(p)
    for f, paths in by_file.items():
        for p in paths:
            for n in range(1, len(p)):
                if p[:n] in paths:
                    raise NixwrightError(
                        f"internal: {f} sets both {'.'.join(p[:n])} and {'.'.join(p)}",
                        hint="this is a catalog bug; please report it",
                        exit_code=3,
                    )


def _split_prefixes(blocks: list[Block]) -> list[Block]:
    """``P = { k = v; }`` beside ``P.x = ...`` becomes ``P.k = v`` so both can be written."""
    while True:
        paths = {(a.file, a.path) for blk in blocks for a in blk.assignments}
        prefixes = {(f, p[:n]) for f, p in paths for n in range(1, len(p))}
        split = [
            a
            for blk in blocks
            for a in blk.assignments
            if (a.file, a.path) in prefixes and isinstance(a.value, NixAttrs) and a.value.entries
        ]
        if not split:
            return blocks
        blocks = [replace(blk, assignments=tuple(_explode(blk.assignments, prefixes))) for blk in blocks]


def _explode(
    assignments: tuple[Assignment, ...], prefixes: set[tuple[str, tuple[str, ...]]]
) -> list[Assignment]:
    out: list[Assignment] = []
    for a in assignments:
        if (a.file, a.path) in prefixes and isinstance(a.value, NixAttrs) and a.value.entries:
            out += [replace(a, path=(*a.path, k), value=v) for k, v in a.value.entries]
        else:
            out.append(a)
    return out
