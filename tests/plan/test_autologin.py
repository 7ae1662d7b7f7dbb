"""On an encrypted machine nothing signs in by itself unless the person says so (policy NW-BOOT-003)."""

from __future__ import annotations

import pytest

from nixwright.catalog.load import load_catalog
from nixwright.errors import NixwrightError
from nixwright.findings import Severity
from nixwright.intake.parse import parse_request
from nixwright.knowledge import KnowledgeBase
from nixwright.plan.pipeline import generate
from nixwright.plan.questions import open_questions

pytestmark = pytest.mark.integration

AUTOLOGIN = ("services", "displayManager", "autoLogin")
REQUEST = "A laptop, encrypted, with kodi and vaultwarden."


def _autologin_paths(text: str, kb: KnowledgeBase, **answers: str) -> list[tuple[str, ...]]:
    gen = generate(text, kb, answers={"admin": "alex", **answers})
    assert [f for f in gen.verified.policy if f.severity in (Severity.HIGH, Severity.MEDIUM)] == []
    return [a.path for a in gen.plan.assignments if a.path[:3] == AUTOLOGIN]


def test_encrypted_kodi_does_not_sign_in_by_itself(kb: KnowledgeBase) -> None:
    gen = generate(REQUEST, kb)
    assert [a.path for a in gen.plan.assignments if a.path[:3] == AUTOLOGIN] == []
    assert [f.code for f in gen.verified.policy if f.severity in (Severity.HIGH, Severity.MEDIUM)] == []
    (answer,) = [a for a in gen.intent.answers if a.key == "auto-login"]
    assert (answer.value, answer.assumed) == ("no", True)
    assert "users.users.kodi.isNormalUser = true;" in gen.files.configuration


def test_unencrypted_kodi_still_signs_in(kb: KnowledgeBase) -> None:
    assert set(_autologin_paths("A mini PC with kodi.", kb)) == {(*AUTOLOGIN, "enable"), (*AUTOLOGIN, "user")}


def test_the_question_is_asked_only_on_encrypted_machines() -> None:
    catalog = load_catalog()
    keys = {q.key for q in open_questions(parse_request("A mini PC with kodi.", catalog), catalog)}
    assert "auto-login" not in keys
    keys = {q.key for q in open_questions(parse_request("An encrypted mini PC with kodi.", catalog), catalog)}
    assert "auto-login" in keys


def test_asking_for_auto_login_on_an_encrypted_machine_meets_the_policy(kb: KnowledgeBase) -> None:
    with pytest.raises(NixwrightError, match="NW-BOOT-003") as err:
        generate(REQUEST, kb, answers={"auto-login": "yes"})
    assert err.value.exit_code == 1
    gen = generate(REQUEST, kb, answers={"auto-login": "yes"}, accepted_risks=("NW-BOOT-003",))
    assert (*AUTOLOGIN, "user") in {a.path for a in gen.plan.assignments}


def test_the_readme_notes_say_how_to_sign_in_instead(kb: KnowledgeBase) -> None:
    notes = generate(REQUEST, kb).plan.notes
    assert any("sudo passwd kodi" in n and "encrypted" in n for n in notes)
    unencrypted = generate("A mini PC with kodi.", kb).plan.notes
    assert not any("sudo passwd kodi" in n for n in unencrypted)
