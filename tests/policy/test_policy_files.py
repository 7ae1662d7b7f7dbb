"""User policy files: add rules, disable rules with a reason; every mistake is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.read import read_source
from nixwright.policy.engine import evaluate_policy
from nixwright.policy.profiles import load_policy

FILES = Path(__file__).resolve().parents[1] / "fixtures" / "policy" / "files"
SSH = "{ services.openssh = { enable = true; settings.PasswordAuthentication = false; }; }"


def codes(source: str, kb: KnowledgeBase, files: list[Path]) -> set[str]:
    reading = read_source(source, file="configuration.nix")
    return {f.code for f in evaluate_policy(reading, kb, system="x86_64-linux", policy_files=files)}


def test_site_file_adds_and_disables(small_kb: KnowledgeBase) -> None:
    reading = read_source(SSH, file="configuration.nix")
    before = {f.code: f for f in evaluate_policy(reading, small_kb, system="x86_64-linux")}
    assert before["NW-SSH-003"].severity is Severity.MEDIUM
    after = {
        f.code: f
        for f in evaluate_policy(reading, small_kb, system="x86_64-linux", policy_files=[FILES / "site.toml"])
    }
    assert "SITE-SSH-001" in after
    silenced = after["NW-SSH-003"]
    assert silenced.severity is Severity.INFO
    assert silenced.title == "Disabled: SSH accepts keyboard-interactive logins"
    assert "PAM on these machines asks for a hardware token" in silenced.message
    assert "it would report (medium)" in silenced.message


def test_added_rule_stays_silent_when_satisfied(small_kb: KnowledgeBase) -> None:
    source = "{ services.openssh = { enable = true; ports = [ 2222 ]; }; }"
    assert "SITE-SSH-001" not in codes(source, small_kb, [FILES / "site.toml"])


def test_policy_keeps_the_disable_reason() -> None:
    policy = load_policy("baseline", [FILES / "site.toml"])
    assert [(d.rule_id, d.reason) for d in policy.disabled] == [
        ("NW-SSH-003", "PAM on these machines asks for a hardware token, not a password.")
    ]
    assert "NW-SSH-003" not in {r.id for r in policy.rules}


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("no-reason.toml", "needs a reason"),
        ("unknown-rule.toml", "cannot disable unknown rule NW-NOPE-999"),
        ("unknown-check.toml", "unknown check 'does_not_exist'"),
        ("bad-severity.toml", "has severity 'error'"),
        ("duplicate.toml", "NW-SSH-002 is already used"),
        ("broken.toml", "not valid TOML"),
        ("unknown-key.toml", "unknown top-level key(s) settings"),
        ("bad-id.toml", "is not of the form AREA-NUMBER"),
        ("missing.toml", "cannot read policy file"),
    ],
)
def test_mistakes_are_clear_errors(name: str, words: str) -> None:
    with pytest.raises(NixwrightError) as info:
        load_policy("baseline", [FILES / name])
    assert words in info.value.message
    assert info.value.hint


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bad-params.toml", "rule SITE-X-002 cannot run check 'option': missing parameter 'bad'"),
        ("unknown-option.toml", "names services.openssh.enabel, which release 24.11 does not have"),
    ],
)
def test_unusable_rules_fail_when_run(name: str, words: str, small_kb: KnowledgeBase) -> None:
    with pytest.raises(NixwrightError) as info:
        codes(SSH, small_kb, [FILES / name])
    assert words in info.value.message


def test_errors_point_at_the_rule_line() -> None:
    with pytest.raises(NixwrightError) as info:
        load_policy("baseline", [FILES / "no-reason.toml"])
    assert info.value.location is not None
    assert (info.value.location.file, info.value.location.line) == (str(FILES / "no-reason.toml"), 2)


def test_rule_by_id() -> None:
    from nixwright.policy.loader import rule_by_id

    rule = rule_by_id("NW-FW-001")
    assert rule is not None
    assert rule.title == "The firewall is turned off"
    assert rule_by_id("NW-NOPE-1") is None
