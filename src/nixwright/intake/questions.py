"""Choices the request leaves open: the questions, their defaults, and settling them into the Intent."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from nixwright.catalog.compat import compatible_provider, with_named_requirements
from nixwright.catalog.model import Catalog
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Answer, CapabilityRequest, Evidence, Intent, Person

DEFAULT_ADMIN = "admin"
_USERNAME_OK = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    default: str
    why: str
    choices: tuple[str, ...] = ()


def role_questions(intent: Intent, catalog: Catalog) -> list[Question]:
    """Which capability fills each role asked for by a generic word, when several could."""
    named = {c.capability for c in intent.capabilities}
    out = []
    for req in intent.roles:
        role = catalog.role(req.role)
        if role is None or len(role.providers) < 2:
            continue
        if any(req.role in c.roles for c in (catalog.capability(n) for n in named) if c is not None):
            continue  # "a VPN ... with WireGuard": already settled by name
        providers = _usable(intent, catalog, role.providers)
        if not providers:
            continue  # nothing can fill it here; the planner explains why
        present = with_named_requirements(catalog, named)
        preferred = compatible_provider(
            catalog, role.id, role.default_for(effective_ram(intent, catalog)), present
        )
        default = preferred if preferred in providers else (providers[0] if providers else preferred)
        out.append(
            Question(
                key=role.id,
                text=role.question or f"Which one should provide the {role.title}?",
                default=default,
                why=f"you asked for a {role.title} ({req.evidence.text!r}) and several programs can do that",
                choices=providers or role.providers,
            )
        )
    return out


def effective_ram(intent: Intent, catalog: Catalog) -> int | None:
    """The RAM the request names, else the hardware profile's typical size."""
    if intent.hardware.ram_mb is not None:
        return intent.hardware.ram_mb
    profile = catalog.hardware_profile(intent.hardware.profile)
    return profile.default_ram_mb if profile else None


def _usable(intent: Intent, catalog: Catalog, providers: tuple[str, ...]) -> tuple[str, ...]:
    excluded = {e.target for e in intent.exclusions}
    out = []
    for pid in providers:
        cap = catalog.capability(pid)
        if cap is None or pid in excluded or intent.hardware.system not in cap.systems:
            continue
        if intent.has_quality("headless") and (cap.is_desktop or cap.graphical):
            continue
        out.append(pid)
    return tuple(out)


def admin_question(intent: Intent) -> list[Question]:
    if any(p.username for p in intent.people):
        return []
    return [
        Question(
            key="admin",
            text="What should the administrator's user name be?",
            default=DEFAULT_ADMIN,
            why="every machine gets one administrator account that may use sudo",
        )
    ]


SSH_KEY_QUESTION = Question(
    key="ssh-key",
    text="Which SSH public key may log in as the administrator (a line like 'ssh-ed25519 AAAA... you@laptop')?",
    default="none",
    why="SSH accepts keys only; without one, add a key later (the README shows how) or log in at the machine",
)
_KEY = re.compile(
    r"^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com)\s+[A-Za-z0-9+/]+={0,3}(\s+\S+)?$"
)


def ssh_key_question(intent: Intent) -> list[Question]:
    if any(p.ssh_keys for p in intent.people if p.admin) or any(a.key == "ssh-key" for a in intent.answers):
        return []
    return [SSH_KEY_QUESTION]


def check_answer(q: Question, value: str) -> str:
    value = value.strip()
    if q.key == "ssh-key" and value != "none" and not _KEY.match(value):
        raise NixwrightError(
            "the answer to ssh-key is not an SSH public key",
            hint="paste the one line of ~/.ssh/id_ed25519.pub, or answer none",
        )
    if q.choices and value not in q.choices:
        raise NixwrightError(
            f"answer {value!r} to {q.key!r} is not one of: {', '.join(q.choices)}",
            hint="use one of the listed choices",
        )
    if q.key == "admin" and (not value or not set(value) <= _USERNAME_OK or not value[0].isalpha()):
        raise NixwrightError(
            f"{value!r} is not a valid user name", hint="use lowercase letters, digits, - and _"
        )
    return value


def settle(intent: Intent, answers: tuple[Answer, ...], role_ids: frozenset[str] = frozenset()) -> Intent:
    """The Intent with role choices turned into capability requests and the admin named.

    An answer chooses a capability when its key is a role asked for in the request or in ``role_ids``
    (roles that chosen capabilities require).
    """
    by_key = {a.key: a for a in answers}
    caps = list(intent.capabilities)
    asked = {r.role: r.evidence.text for r in intent.roles}
    for ans in answers:
        if (ans.key in asked or ans.key in role_ids) and ans.value not in {c.capability for c in caps}:
            said = next((r.evidence for r in intent.roles if r.role == ans.key), None)
            caps.append(CapabilityRequest(ans.value, said or _evidence(ans, ans.key)))
    people = list(intent.people)
    admin = by_key.get("admin")
    if admin is not None and not any(p.username for p in people):
        keys = tuple(k for p in people for k in p.ssh_keys)
        people = [Person(admin.value, admin=True, ssh_keys=keys, evidence=_evidence(admin, "administrator"))]
    key = by_key.get("ssh-key")
    if key is not None and key.value != "none":
        people = [replace(p, ssh_keys=(*p.ssh_keys, key.value)) if p.admin else p for p in people]
    return replace(intent, capabilities=tuple(caps), people=tuple(people), answers=answers)


def _evidence(ans: Answer, about: str) -> Evidence:
    source = "assumption" if ans.assumed else "answer"
    return Evidence(f"{about}: {ans.value}", source=source)


def answer_for(q: Question, value: str, assumed: bool) -> Answer:
    why = f"default, because {q.why}" if assumed else q.why
    return Answer(key=q.key, value=value, question=q.text, assumed=assumed, why=why)
