"""Questions: what is asked, defaults recorded as assumptions, answers from a file or a person."""

from __future__ import annotations

import pytest

from nixwright.catalog.model import Catalog
from nixwright.errors import NixwrightError
from nixwright.intake.parse import parse_request
from nixwright.intake.questions import Question
from nixwright.plan.questions import open_questions, resolve_answers

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl kim@laptop"


def test_role_choice_is_asked_first(mini: Catalog) -> None:
    questions = open_questions(parse_request("a VPS ad blocker", mini), mini)
    assert [q.key for q in questions] == ["dns-filter"]
    assert questions[0].choices == ("dnsfilter", "otherdns")
    assert questions[0].default == "dnsfilter"


def test_defaults_become_assumptions(mini: Catalog) -> None:
    intent = resolve_answers(parse_request("a VPS with a status page, hostname web1", mini), mini, {})
    answers = {a.key: a for a in intent.answers}
    assert answers["admin"].value == "admin"
    assert answers["domain"].value == "web1.home.arpa"  # the placeholder default, filled
    assert all(a.assumed for a in intent.answers)


def test_domain_in_the_request_is_not_asked(mini: Catalog) -> None:
    intent = resolve_answers(parse_request("a VPS with a status page for status.example.com", mini), mini, {})
    assert "domain" not in {a.key for a in intent.answers}


def test_answers_file_values_are_not_assumptions(mini: Catalog) -> None:
    intent = resolve_answers(parse_request("a VPS with ssh", mini), mini, {"admin": "kim", "ssh-key": KEY})
    assert [(a.key, a.assumed) for a in intent.answers] == [("admin", False), ("ssh-key", False)]
    assert intent.people[0].username == "kim"
    assert intent.people[0].ssh_keys == (KEY,)


def test_person_is_asked_and_blank_means_default(mini: Catalog) -> None:
    asked: list[Question] = []

    def ask(q: Question) -> str:
        asked.append(q)
        return ""

    intent = resolve_answers(parse_request("a VPS with ssh", mini), mini, {}, ask)
    assert [q.key for q in asked] == ["admin", "ssh-key"]
    assert [a.value for a in intent.answers] == ["admin", "none"]
    assert not intent.answers[0].assumed
    assert intent.people[0].ssh_keys == ()


def test_bad_answers_are_refused(mini: Catalog) -> None:
    intent = parse_request("a VPS ad blocker", mini)
    with pytest.raises(NixwrightError, match="not one of"):
        resolve_answers(intent, mini, {"dns-filter": "pihole"})
    with pytest.raises(NixwrightError, match="not a valid user name"):
        resolve_answers(intent, mini, {"admin": "Root Admin"})
    with pytest.raises(NixwrightError, match="not an SSH public key"):
        resolve_answers(intent, mini, {"ssh-key": "hunter2"})


def test_a_key_in_the_request_is_not_asked_for(mini: Catalog) -> None:
    intent = resolve_answers(parse_request(f"a VPS with ssh, admin kim, key {KEY}", mini), mini, {})
    assert "ssh-key" not in {a.key for a in intent.answers}
    assert intent.people[0].ssh_keys == (KEY,)


def test_unused_answers_are_reported(mini: Catalog) -> None:
    with pytest.raises(NixwrightError, match="does not ask: colour"):
        resolve_answers(parse_request("a VPS with ssh", mini), mini, {"colour": "blue"})


def test_encryption_asks_for_the_device(mini: Catalog) -> None:
    intent = resolve_answers(parse_request("an encrypted old ThinkPad with a text editor", mini), mini, {})
    assert {a.key: a.value for a in intent.answers}["encrypt-disk"] == "/dev/disk/by-label/cryptroot"


def test_answers_file_may_override_a_fact_of_the_request(mini: Catalog) -> None:
    intent = parse_request("a VPS with a status page for status.example.com", mini)
    settled = resolve_answers(intent, mini, {"domain": "example.net"})
    assert ("domain", "example.net", False) in [(a.key, a.value, a.assumed) for a in settled.answers]
