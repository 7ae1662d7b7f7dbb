"""Rules, profiles and what a check reports, as typed values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nixwright.errors import SourceLocation
from nixwright.findings import Severity

PROFILES = ("baseline", "hardened")
POLICY_SEVERITIES = (Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)


@dataclass(frozen=True)
class Rule:
    """One rule: what it judges (``check`` with ``params``), how bad, and how to fix it.

    ``options`` names every option the rule reads or suggests (checked against the
    release in tests); ``profiles`` lists the profiles the rule belongs to.
    """

    id: str
    severity: Severity
    title: str
    rationale: str
    fix: str
    check: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    options: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    profiles: tuple[str, ...] = PROFILES
    group: str = ""
    origin: str = ""  # the file the rule came from


@dataclass(frozen=True)
class Hit:
    """One place where a check saw the rule broken.

    ``detail`` says what this configuration does, in one sentence. ``fix`` overrides the
    rule's fix (e.g. with the user's name filled in). ``not_checked`` marks a value the
    reader could not know: the engine reports it as information, never as a violation.
    """

    detail: str
    location: SourceLocation | None = None
    option: str | None = None
    fix: str | None = None
    condition: str | None = None
    not_checked: bool = False
    name: str | None = None  # the attribute name that filled ``<name>`` in the rule's fix


@dataclass(frozen=True)
class Disabled:
    """A rule a user policy file turns off, and why."""

    rule_id: str
    reason: str
    origin: str


@dataclass(frozen=True)
class Policy:
    """The rules in force for one evaluation."""

    profile: str
    rules: tuple[Rule, ...]
    disabled: tuple[Disabled, ...] = ()
    silenced: tuple[Rule, ...] = ()  # the rules of the profile that ``disabled`` turns off
