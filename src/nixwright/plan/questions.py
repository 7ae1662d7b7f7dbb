"""Open questions for an Intent, and settling them from given answers, a person, or defaults."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from nixwright.catalog.compat import implied_requirements
from nixwright.catalog.model import Catalog
from nixwright.catalog.values import fill_text
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Answer, Intent
from nixwright.intake.questions import (
    Question,
    admin_question,
    answer_for,
    check_answer,
    role_questions,
    settle,
    ssh_key_question,
)
from nixwright.plan.facts import placeholder_facts
from nixwright.plan.select import Chosen, select_capabilities

ENCRYPT_QUESTION = Question(
    key="encrypt-disk",
    text="Which device will hold the encrypted system (the LUKS partition)?",
    default="/dev/disk/by-label/cryptroot",
    why="full disk encryption unlocks one partition at boot; the README formats it with this label",
)
DOMAIN_QUESTION = Question(
    key="domain",
    text="Which domain name should the web applications use (they get names like app.DOMAIN)?",
    default="@hostname@.home.arpa",
    why="each web application gets its own name under this domain; names under home.arpa stay inside your network",
)
AUTOLOGIN_QUESTION = Question(
    key="auto-login",
    text="The disk is encrypted; should the machine still sign in by itself at start (yes/no)?",
    default="no",
    why="automatic sign-in hands the unlocked session to whoever is at the machine, which undoes much of the encryption",
    choices=("no", "yes"),
)
Ask = Callable[[Question], str]
OVERRIDABLE = frozenset({"domain", "email"})


def open_questions(intent: Intent, catalog: Catalog) -> list[Question]:
    """Questions not yet answered in ``intent.answers`` (role choices first, then the rest)."""
    answered = {a.key for a in intent.answers}
    questions = [q for q in role_questions(intent, catalog) if q.key not in answered]
    if questions:
        return questions
    role_ids = frozenset(r.id for r in catalog.roles)
    chosen = select_capabilities(settle(intent, intent.answers, role_ids), catalog)
    required = [q for q in _required_role_questions(catalog, chosen) if q.key not in answered]
    if required:
        return required[:1]
    questions = admin_question(intent)
    if any("remote-login" in c.capability.roles for c in chosen):
        questions += ssh_key_question(intent)
    if intent.has_quality("encrypted"):
        questions.append(ENCRYPT_QUESTION)
        if any(st.autologin for c in chosen for st in c.capability.options):
            questions.append(AUTOLOGIN_QUESTION)
    subdomains = tuple(w.subdomain for c in chosen for w in c.capability.web if w.subdomain)
    facts = placeholder_facts(intent, subdomains)
    for c in chosen:
        for spec in c.capability.questions:
            if (spec.key == "domain" and intent.network.domains) or (
                spec.key == "email" and intent.network.email
            ):
                continue
            default = fill_text(spec.default, facts)
            questions.append(Question(spec.key, spec.text, default, spec.why, spec.choices))
    if any(c.capability.web for c in chosen) and not intent.network.domains:
        questions.append(replace(DOMAIN_QUESTION, default=fill_text(DOMAIN_QUESTION.default, facts)))
    seen: set[str] = set()
    out = []
    for q in questions:
        if q.key not in answered and q.key not in seen:
            seen.add(q.key)
            out.append(q)
    return out


def allows_autologin(intent: Intent) -> bool:
    """Settings that sign someone in by themselves are kept unless the disk is encrypted (then only if asked)."""
    if not intent.has_quality("encrypted"):
        return True
    return any(a.key == AUTOLOGIN_QUESTION.key and a.value == "yes" for a in intent.answers)


def resolve_answers(
    intent: Intent, catalog: Catalog, given: Mapping[str, str], ask: Ask | None = None
) -> Intent:
    """Settle every open question: from ``given`` (an answers file), then ``ask``, else its default."""
    answers: list[Answer] = list(intent.answers)
    used: set[str] = set()
    role_ids = frozenset(r.id for r in catalog.roles)
    current = settle(intent, tuple(answers), role_ids)
    for _ in range(100):  # each round answers one question; the set of questions is finite
        questions = open_questions(current, catalog)
        if not questions:
            break
        q = questions[0]
        if q.key in given:
            answers.append(answer_for(q, check_answer(q, given[q.key]), assumed=False))
            used.add(q.key)
        elif ask is not None:
            reply = ask(q).strip()
            answers.append(answer_for(q, check_answer(q, reply or q.default), assumed=False))
        else:
            answers.append(answer_for(q, q.default, assumed=True))
        current = settle(intent, tuple(answers), role_ids)
    # A fact the request already settled may still be given: the answer wins (it is more explicit).
    for key in sorted(OVERRIDABLE & (set(given) - used)):
        q = Question(key, f"{key} (given in the answers file)", given[key], "given in the answers file")
        answers.append(answer_for(q, given[key].strip(), assumed=False))
        used.add(key)
    current = settle(intent, tuple(answers), role_ids)
    unused = sorted(set(given) - used)
    if unused:
        raise NixwrightError(
            f"the answers file answers questions this request does not ask: {', '.join(unused)}",
            hint="remove those keys; `nixwright generate --list-questions` shows the keys for a request",
        )
    return current


def _required_role_questions(catalog: Catalog, chosen: tuple[Chosen, ...]) -> list[Question]:
    """A role a chosen capability needs, filled by default, is a choice too when several could fill it."""
    out = []
    for c in chosen:
        if not c.reason.startswith("required by ") or c.reason == "required by":
            continue
        for role_id in c.capability.roles:
            role = catalog.role(role_id)
            needer = catalog.capability(c.reason.removeprefix("required by "))
            if role is None or len(role.providers) < 2 or needer is None:
                continue
            if f"role:{role_id}" not in implied_requirements(needer):
                continue
            out.append(
                Question(
                    key=role.id,
                    text=role.question or f"Which one should provide the {role.title}?",
                    default=c.capability.id,
                    why=f"{needer.title} needs a {role.title}",
                    choices=role.providers,
                )
            )
    return out
