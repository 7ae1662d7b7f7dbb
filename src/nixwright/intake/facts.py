"""Collect the regular facts of a request (sizes, disks, network, people, locale) into typed parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nixwright.intake import entities as ent
from nixwright.intake.entities import Found
from nixwright.intake.intent import Evidence, Locale, NetworkFacts, Person
from nixwright.intake.languages import LANGUAGES, LAYOUT_CODES
from nixwright.intake.people import key_owner, named_for, user_lists

_WIFI = ("wifi", "wi fi", "wireless", "wlan")


@dataclass(frozen=True)
class Facts:
    ram_mb: int | None
    disks: tuple[str, ...]
    wifi: bool
    network: NetworkFacts
    people: tuple[Person, ...]
    locale: Locale
    evidence: list[Evidence]
    hardware_evidence: list[Evidence]


def collect_facts(
    text: str, norm: str, covered: list[bool], known_words: frozenset[str] = frozenset()
) -> Facts:
    finds: list[Found] = []

    def take(items: list[Found]) -> None:
        for f in items:
            if f.kind == "user-list":  # the words around names ("two accounts:", "and")
                for i in range(f.start, f.end):
                    covered[i] = True
                continue
            if any(covered[f.start : f.end]):
                continue
            for i in range(f.start, f.end):
                covered[i] = True
            finds.append(f)

    low = text.lower()  # names keep their hyphens here (the normalised text turns them into spaces)
    for group in (
        ent.ssh_keys(text),
        ent.domains(low),
        ent.addresses(low),
        ent.timezones(text),
        ent.locales(text),
        ent.sizes_mb(norm),
        ent.disks(low),
        ent.interfaces(low),
        user_lists(low),
        named_for(text, known_words),
        ent.hostnames(low),
        ent.keyboards(norm),
        _words(norm, _WIFI, "wifi"),
        _words(norm, tuple(LANGUAGES), "language"),
    ):
        take(group)
    by: dict[str, list[Found]] = {}
    for f in finds:
        by.setdefault(f.kind, []).append(f)
    ev = [Evidence(text[f.start : f.end], f.start, f.end) for f in finds]
    return Facts(
        ram_mb=int(by["ram"][0].value) if "ram" in by else None,
        disks=tuple(f.value for f in by.get("disk", []))
        + tuple(f"{f.value} disks" for f in by.get("disk-count", [])),
        wifi="wifi" in by,
        network=_network(by),
        people=_people(low, by),
        locale=_locale(by),
        evidence=ev,
        hardware_evidence=[Evidence(text[f.start : f.end], f.start, f.end) for f in by.get("ram", [])],
    )


def _words(norm: str, words: tuple[str, ...], kind: str) -> list[Found]:
    return [
        Found(kind, w, m.start(), m.end())
        for w in words
        for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", norm)
    ]


def _network(by: dict[str, list[Found]]) -> NetworkFacts:
    def first(kind: str) -> str | None:
        return by[kind][0].value if kind in by else None

    static = first("static-ip")
    cidr = first("lan-cidr")
    if static and "/" not in static:
        static += "/" + (cidr.split("/")[1] if cidr else "24")
    return NetworkFacts(
        hostname=first("hostname"),
        domains=tuple(dict.fromkeys(f.value for f in by.get("domain", []))),
        static_ip=static,
        gateway=first("gateway"),
        lan_cidr=cidr,
        dns_servers=tuple(f.value for f in by.get("dns", [])),
        interfaces=tuple(dict.fromkeys(f.value for f in by.get("interface", []))),
        email=first("email"),
    )


def _people(norm: str, by: dict[str, list[Found]]) -> tuple[Person, ...]:
    names = list(
        dict.fromkeys([f.value for f in by.get("admin", [])] + [f.value for f in by.get("user", [])])
    )
    admins = {f.value for f in by.get("admin", [])}
    if names and not admins:
        admins = {names[0]}
    keys: dict[str, list[str]] = {n: [] for n in names}
    orphan: list[str] = []
    for k in by.get("ssh-key", []):
        owner = key_owner(norm, k, names)
        (keys[owner] if owner else orphan).append(k.value)
    people: list[Person] = []
    for n in names:
        extra = orphan if n in admins and not people else []
        people.append(Person(username=n, admin=n in admins, ssh_keys=tuple(keys[n] + extra)))
    if not names and orphan:
        people.append(Person(username="", admin=True, ssh_keys=tuple(orphan)))  # name settled by a question
    return tuple(people)


def _locale(by: dict[str, list[Found]]) -> Locale:
    tz = by["timezone"][0].value if "timezone" in by else None
    locale = by["locale"][0].value if "locale" in by else None
    keyboard = None
    for f in by.get("keyboard", []):
        if f.value in LANGUAGES:
            keyboard = LANGUAGES[f.value][1]
            locale = locale or LANGUAGES[f.value][0]
        elif f.value in LAYOUT_CODES:
            keyboard = f.value
    for f in by.get("language", []):
        locale = locale or LANGUAGES[f.value][0]
        keyboard = keyboard or LANGUAGES[f.value][1]
    return Locale(timezone=tz, locale=locale, keyboard=keyboard)
