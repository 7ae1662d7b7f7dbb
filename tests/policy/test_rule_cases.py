"""Every rule fires on a configuration made to break it, and stays silent on a safe one."""

from __future__ import annotations

import pytest
from policy_cases import Case, load_cases, run_case

from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.policy.loader import builtin_rules

CASES = load_cases()
RULES = {r.id: r for r in builtin_rules()}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, small_kb: KnowledgeBase) -> None:
    rule = RULES[case.rule]
    findings = [f for f in run_case(case, small_kb) if f.code == case.rule]
    if case.expect == "trigger":
        assert findings, f"{case.rule} did not fire: {case.why}"
        assert all(f.severity is rule.severity for f in findings)
        assert all(f.title == rule.title and f.fix for f in findings)
        assert all(rule.rationale in f.message for f in findings)
    else:
        assert case.expect == "silent"
        assert not findings, f"{case.rule} fired: {[f.message for f in findings]} ({case.why})"


def test_every_rule_has_both_cases() -> None:
    seen = {(c.rule, c.expect) for c in CASES}
    missing = [
        f"{rule_id} {expect}"
        for rule_id in RULES
        for expect in ("trigger", "silent")
        if (rule_id, expect) not in seen
    ]
    assert not missing


def test_cases_name_real_rules() -> None:
    assert {c.rule for c in CASES} <= set(RULES)
    assert {c.expect for c in CASES} <= {"trigger", "silent"}


def test_severities_are_policy_words() -> None:
    assert {r.severity for r in RULES.values()} <= {
        Severity.HIGH,
        Severity.MEDIUM,
        Severity.LOW,
        Severity.INFO,
    }
