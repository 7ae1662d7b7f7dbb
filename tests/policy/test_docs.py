"""docs/policy.md is generated from the rule data and must not go stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.policy.__main__ import main
from nixwright.policy.docs import render_policy_docs
from nixwright.policy.hardening import all_hardening_settings
from nixwright.policy.loader import builtin_rules

DOC = Path(__file__).resolve().parents[2] / "docs" / "policy.md"


def test_docs_are_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render_policy_docs(), (
        "docs/policy.md is stale: run `python -m nixwright.policy docs > docs/policy.md`"
    )


def test_docs_list_every_rule_with_rationale_and_fix() -> None:
    text = render_policy_docs()
    for rule in builtin_rules():
        assert f"### {rule.id}\n" in text
        assert rule.rationale in text
        assert f"Fix: `{rule.fix}`" in text


def test_docs_list_every_hardening_setting() -> None:
    text = render_policy_docs()
    for setting in all_hardening_settings():
        assert setting.nix in text


def test_command_prints_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs"]) == 0
    assert capsys.readouterr().out == render_policy_docs()
    assert main([]) == 2


def test_the_documented_policy_file_works(tmp_path: Path) -> None:
    text = render_policy_docs()
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "site.toml"
    path.write_text(example, encoding="utf-8")
    from nixwright.policy.profiles import load_policy

    policy = load_policy("baseline", [path])
    assert "SITE-SSH-001" in {r.id for r in policy.rules}
    assert [d.rule_id for d in policy.disabled] == ["NW-SSH-005"]
