"""Small constructors for assignments and blocks."""

from __future__ import annotations

from nixwright.catalog.model import OptionSetting
from nixwright.catalog.values import fill, fill_text
from nixwright.intake.intent import Evidence
from nixwright.nix.values import NixBool, NixInt, NixList, NixString, Value
from nixwright.plan.model import Assignment, Block, Provenance

FILE_NAMES = {"configuration": "configuration.nix", "hardware": "hardware-configuration.nix"}


def assign(
    path: tuple[str, ...],
    value: Value,
    origin: str,
    why: str,
    evidence: tuple[Evidence, ...] = (),
    *,
    file: str = "configuration.nix",
    priority: int = 100,
) -> Assignment:
    return Assignment(path, value, Provenance(origin, evidence, why), priority=priority, file=file)


def from_setting(
    s: OptionSetting,
    origin: str,
    evidence: tuple[Evidence, ...],
    facts: dict[str, str],
    prefix: tuple[str, ...] = (),
) -> Assignment:
    return Assignment(
        path=prefix + tuple(fill_text(p, facts) for p in s.path),
        value=fill(s.value, facts),
        provenance=Provenance(origin, evidence, fill_text(s.why, facts)),
        priority=s.priority,
        file=FILE_NAMES[s.file],
    )


def block(block_id: str, title: str, comment: str, assignments: list[Assignment]) -> Block:
    return Block(block_id, title, comment, tuple(assignments))


TRUE = NixBool(value=True)
FALSE = NixBool(value=False)


def s(value: str) -> NixString:
    return NixString(value)


def i(value: int) -> NixInt:
    return NixInt(value)


def strs(values: list[str] | tuple[str, ...]) -> NixList:
    return NixList(tuple(NixString(v) for v in values))
