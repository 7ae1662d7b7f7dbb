"""Reading rule data: the built-in ``rules/*.toml`` and users' policy files share one schema."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from nixwright.errors import NixwrightError, SourceLocation
from nixwright.findings import Severity
from nixwright.policy.model import POLICY_SEVERITIES, PROFILES, Disabled, Rule

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
_REQUIRED = ("id", "severity", "title", "rationale", "fix", "check")
_OPTIONAL = ("params", "options", "references", "profiles")
_SEVERITY_WORDS = ", ".join(s.value for s in POLICY_SEVERITIES)


def _where(origin: str, text: str = "", needle: str = "") -> SourceLocation:
    """The line of ``needle`` (a rule id) in the file, else its first line."""
    if needle:
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                return SourceLocation(origin, number, line.index(needle) + 1)
    return SourceLocation(origin, 1, 1)


def parse_rule(entry: Mapping[str, Any], origin: str, group: str = "", text: str = "") -> Rule:
    """One ``[[rule]]`` table as a ``Rule``; a mistake raises ``NixwrightError`` naming the file."""
    from nixwright.policy.checks import CHECKS, load_checks

    load_checks()
    label = entry.get("id", "(rule without id)")
    missing = [k for k in _REQUIRED if k not in entry]
    if missing:
        raise NixwrightError(
            f"rule {label} lacks {', '.join(missing)}",
            hint="every rule needs id, severity, title, rationale, fix and check",
            location=_where(origin, text, str(entry.get("id", ""))),
        )
    unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise NixwrightError(
            f"rule {label} has unknown key(s) {', '.join(unknown)}",
            hint=f"allowed keys: {', '.join((*_REQUIRED, *_OPTIONAL))}",
            location=_where(origin, text, str(entry.get("id", ""))),
        )
    rule_id = str(entry["id"])
    if not RULE_ID.match(rule_id):
        raise NixwrightError(
            f"rule id {rule_id!r} is not of the form AREA-NUMBER",
            hint="use capitals, digits and dashes, e.g. SITE-WEB-001",
            location=_where(origin, text, str(entry.get("id", ""))),
        )
    severity = Severity.parse(str(entry["severity"]))
    if severity not in POLICY_SEVERITIES:
        raise NixwrightError(
            f"rule {rule_id} has severity {severity.value!r}",
            hint=f"policy severities are {_SEVERITY_WORDS}",
            location=_where(origin, text, str(entry.get("id", ""))),
        )
    check = str(entry["check"])
    if check not in CHECKS:
        raise NixwrightError(
            f"rule {rule_id} uses unknown check {check!r}",
            hint=f"known checks: {', '.join(sorted(CHECKS))}",
            location=_where(origin, text, str(entry.get("id", ""))),
        )
    profiles = tuple(str(p) for p in entry.get("profiles", PROFILES))
    bad_profiles = [p for p in profiles if p not in PROFILES]
    if bad_profiles:
        raise NixwrightError(
            f"rule {rule_id} names unknown profile {bad_profiles[0]!r}",
            hint=f"profiles are {', '.join(PROFILES)}",
            location=_where(origin, text, str(entry.get("id", ""))),
        )
    return Rule(
        id=rule_id,
        severity=severity,
        title=str(entry["title"]).strip(),
        rationale=" ".join(str(entry["rationale"]).split()),
        fix=str(entry["fix"]).strip(),
        check=check,
        params=dict(entry.get("params", {})),
        options=tuple(str(o) for o in entry.get("options", ())),
        references=tuple(str(r) for r in entry.get("references", ())),
        profiles=profiles,
        group=group,
        origin=origin,
    )


def _read_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise NixwrightError(
            f"not valid TOML: {err}",
            hint="see docs/policy.md for the format",
            location=_where(origin),
        ) from None


@cache
def builtin_rules() -> tuple[Rule, ...]:
    """Every built-in rule, by each file's ``order`` then table order; ids are unique."""
    files: list[tuple[int, str, dict[str, Any]]] = []
    folder = resources.files("nixwright.policy").joinpath("rules")
    for item in folder.iterdir():
        if item.name.endswith(".toml"):
            origin = f"rules/{item.name}"
            data = _read_toml(item.read_text(encoding="utf-8"), origin)
            files.append((int(data.get("order", 1000)), origin, data))
    rules: list[Rule] = []
    for _, origin, data in sorted(files, key=lambda f: (f[0], f[1])):
        group = str(data.get("group", origin))
        rules.extend(parse_rule(entry, origin, group) for entry in data.get("rule", ()))
    check_unique_ids(rules)
    return tuple(rules)


def check_unique_ids(rules: list[Rule]) -> None:
    """Every rule id once, across the built-in rules and the ones policy files add."""
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise NixwrightError(
                f"rule id {rule.id} is already used in {seen[rule.id]}",
                hint="give the rule an id of its own",
                location=_where(rule.origin),
            )
        seen[rule.id] = rule.origin


def read_policy_file(path: Path) -> tuple[tuple[Rule, ...], tuple[Disabled, ...]]:
    """A user policy file: ``[[rule]]`` tables add rules, ``[[disable]]`` tables turn one off (with a reason)."""
    origin = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise NixwrightError(
            f"cannot read policy file {origin}: {err.strerror}", hint="check the path given to --policy"
        ) from None
    data = _read_toml(text, origin)
    unknown = sorted(set(data) - {"rule", "disable"})
    if unknown:
        raise NixwrightError(
            f"unknown top-level key(s) {', '.join(unknown)}",
            hint="a policy file holds [[rule]] and [[disable]] tables",
            location=_where(origin),
        )
    rules = tuple(parse_rule(entry, origin, "Local rules", text) for entry in data.get("rule", ()))
    disabled = tuple(_disable(entry, origin, text) for entry in data.get("disable", ()))
    return rules, disabled


def _disable(entry: Mapping[str, Any], origin: str, text: str = "") -> Disabled:
    rule_id = str(entry.get("id", "")).strip()
    reason = str(entry.get("reason", "")).strip()
    if not rule_id:
        raise NixwrightError(
            "a [[disable]] table has no id", hint='write id = "NW-..."', location=_where(origin)
        )
    if not reason:
        raise NixwrightError(
            f"disabling {rule_id} needs a reason",
            hint='add reason = "why this rule does not apply here"',
            location=_where(origin, text, rule_id),
        )
    unknown = sorted(set(entry) - {"id", "reason"})
    if unknown:
        raise NixwrightError(
            f"[[disable]] {rule_id} has unknown key(s) {', '.join(unknown)}",
            hint="a [[disable]] table holds id and reason",
            location=_where(origin, text, rule_id),
        )
    return Disabled(rule_id=rule_id, reason=reason, origin=origin)


@cache
def builtin_ids() -> frozenset[str]:
    return frozenset(r.id for r in builtin_rules())


def rule_by_id(rule_id: str) -> Rule | None:
    """A built-in rule by its id (for explaining a finding's code), else None."""
    return next((r for r in builtin_rules() if r.id == rule_id), None)
