"""People in a request: user names ("two accounts: alex and sam"), the admin, and their SSH keys."""

from __future__ import annotations

import re

from nixwright.intake.entities import Found
from nixwright.intake.filler import FILLER

_LIST_INTRO = re.compile(
    r"\b(?:(?:\d|two|three|four|five|six)\s+)?(?:user\s+|login\s+)?"
    r"(accounts?|users?|usernames?|user names?|logins?|people)\b\s*(?:named|called|for|:)?\s*:?\s*"
)
_ADMIN = re.compile(
    r"\b(?:admin|administrator|admin user|admin account|main user)\s*(?:is|named|called|:|=|should be)?\s*"
    r"([a-z_][a-z0-9_-]{0,31})\b"
    r"|\b([a-z_][a-z0-9_-]{0,31})\s+(?:is|as)\s+(?:the\s+)?(?:admin|administrator)\b"
)
_NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")
# Family words are fine user names ("accounts for mum, dad and emma"), though filler elsewhere.
_NAMEABLE = frozenset(
    {"mum", "mom", "dad", "grandma", "grandpa", "son", "daughter", "kid", "kids", "partner"}
)
_FOR_NAME = re.compile(r"(?<![.!?:]\s)\bfor ([A-Z][a-z]{1,31})\b")
_RESERVED = frozenset({"root", "nobody", "admin", "daemon", "bin", "sys", "the", "my", "family", "kids"})
_ADMIN_RESERVED = _RESERVED - {"admin"}


def user_lists(norm: str) -> list[Found]:
    """``user``/``admin`` finds; value is the name. The whole list phrase is covered."""
    out: list[Found] = []
    for m in _LIST_INTRO.finditer(norm):
        pos = m.end()
        names: list[Found] = []
        while True:
            nm = _NAME.match(norm, pos)
            word = nm.group(0) if nm else ""
            if not nm or (word in FILLER and word not in _NAMEABLE) or word in _RESERVED:
                break
            names.append(Found("user", nm.group(0), nm.start(), nm.end()))
            sep = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)").match(norm, nm.end())
            if not sep:
                break
            pos = sep.end()
        if names:
            out += names
            out.append(Found("user-list", "", m.start(), names[-1].end))
    for m in _ADMIN.finditer(norm):
        name = m.group(1) or m.group(2)
        if name and name not in FILLER and name not in _ADMIN_RESERVED:
            out.append(Found("admin", name, m.start(), m.end()))
    return out


def named_for(text: str, known_words: frozenset[str]) -> list[Found]:
    """ "a laptop for Anna": a capitalised name after "for" that is no other word we know."""
    out = []
    for m in _FOR_NAME.finditer(text):
        name = m.group(1).lower()
        if name in FILLER or name in _RESERVED or name in known_words:
            continue
        out.append(Found("user", name, m.start(1), m.end(1)))
    return out


def key_owner(norm: str, key: Found, names: list[str]) -> str | None:
    """The person named closest before a key (within its sentence), if any."""
    before = norm[max(0, key.start - 80) : key.start]
    best: tuple[int, str] | None = None
    for name in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", before):
            if best is None or m.start() > best[0]:
                best = (m.start(), name)
    return best[1] if best else None
