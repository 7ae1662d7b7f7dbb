"""Profiles: which rules are in force (baseline, hardened) plus users' policy files."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from nixwright.errors import NixwrightError
from nixwright.intake.intent import Intent
from nixwright.policy.loader import builtin_rules, check_unique_ids, read_policy_file
from nixwright.policy.model import PROFILES, Disabled, Policy, Rule


def choose_profile(profile: str | None, intent: Intent | None) -> str:
    """The named profile; without one, ``hardened`` when the request asks for it, else ``baseline``."""
    if profile is None:
        return "hardened" if intent is not None and intent.has_quality("hardened") else "baseline"
    name = profile.strip().lower()
    if name not in PROFILES:
        raise NixwrightError(f"unknown policy profile {profile!r}", hint=f"use one of: {', '.join(PROFILES)}")
    return name


def load_policy(profile: str, policy_files: Sequence[Path] = ()) -> Policy:
    """The rules of ``profile``, plus rules the files add, minus the ones they disable.

    Policy files are read on every call (they may change while a process runs); the
    built-in profiles alone are put together once.
    """
    if not policy_files:
        return _builtin_policy(profile)
    return _load_policy(profile, policy_files)


@cache
def _builtin_policy(profile: str) -> Policy:
    return _load_policy(profile, ())


def _load_policy(profile: str, policy_files: Sequence[Path]) -> Policy:
    added: list[Rule] = []
    disabled: list[Disabled] = []
    for path in policy_files:
        more, turned_off = read_policy_file(Path(path))
        added.extend(more)
        disabled.extend(turned_off)
    check_unique_ids([*builtin_rules(), *added])
    rules = [r for r in (*builtin_rules(), *added) if profile in r.profiles]
    known = {r.id for r in builtin_rules()} | {r.id for r in added}
    for off in disabled:
        if off.rule_id not in known:
            raise NixwrightError(
                f"{off.origin}: cannot disable unknown rule {off.rule_id}",
                hint="rule ids are listed in docs/policy.md",
            )
    off_ids = {d.rule_id for d in disabled}
    return Policy(
        profile=profile,
        rules=tuple(r for r in rules if r.id not in off_ids),
        disabled=tuple(disabled),
        silenced=tuple(r for r in rules if r.id in off_ids),
    )
