"""Option descriptions to clean text: fixtures of each kind of markup the release uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.docs.markup import markup_leaks, summary, to_plain
from nixwright.docs.markup_inline import code_span, option_from_anchor

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docs" / "markup"
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))


@pytest.mark.parametrize("name", CASES)
def test_fixture_converts_to_expected_text(name: str) -> None:
    source = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    expected = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8").strip()
    assert to_plain(source) == expected
    assert markup_leaks(to_plain(source)) == []


def test_fixtures_cover_every_kind() -> None:
    assert set(CASES) >= {"roles", "links", "docbook", "blocks"}


def test_option_anchor_names_placeholders() -> None:
    assert option_from_anchor("opt-users.users._name_.openssh") == "users.users.<name>.openssh"
    assert option_from_anchor("opt-services.a_b.enable") == "services.a_b.enable"


def test_code_span_holds_backticks() -> None:
    assert code_span("a`b") == "`` a`b ``"
    assert code_span("plain") == "`plain`"


def test_unclosed_role_still_becomes_code() -> None:
    assert to_plain("Password for user in {option}`ldap.username") == "Password for user in `ldap.username`"


def test_code_spans_are_not_rewritten() -> None:
    text = "Use `${VARIABLE}` or `{hostname}` and `[x](#opt-y)` literally."
    assert to_plain(text) == text
    assert markup_leaks(to_plain(text)) == []


def test_leaks_are_found_outside_code() -> None:
    leaks = markup_leaks("See {option}`x`, <literal>y</literal>, [](#opt-z) and\n::: {.note}")
    kinds = sorted({leak.split(":")[0] for leak in leaks})
    assert kinds == ["DocBook", "admonition", "option link", "role"]


def test_summary_is_the_first_paragraph_cut_at_a_sentence() -> None:
    text = "First sentence here. " * 30 + "\n\nSecond paragraph."
    short = summary(text, limit=100)
    assert short.endswith("here.")
    assert len(short) <= 100
    assert summary("One {option}`a.b`.\n\nTwo.") == "One `a.b`."


def test_summary_of_a_long_sentence_ends_with_an_ellipsis() -> None:
    short = summary("word " * 200, limit=50)
    assert short.endswith(" …")
    assert len(short) <= 52


def test_empty_description() -> None:
    assert to_plain("") == ""
    assert summary("") == ""
