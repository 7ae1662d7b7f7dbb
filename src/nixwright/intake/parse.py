"""Text → Intent: a deterministic reading of a plain-language request using the catalog's words."""

from __future__ import annotations

import itertools
import re

from nixwright.catalog.model import Catalog
from nixwright.errors import NixwrightError
from nixwright.intake.facts import collect_facts
from nixwright.intake.filler import FILLER
from nixwright.intake.hardware_pick import pick_hardware
from nixwright.intake.intent import (
    CapabilityRequest,
    Evidence,
    Exclusion,
    Intent,
    RoleRequest,
)
from nixwright.intake.text import Token, in_scopes, negation_scopes, normalise, singular, tokens
from nixwright.intake.vocab import SERVER_USAGE, Term, Vocabulary, vocabulary

_WORD = re.compile(r"[a-z0-9][a-z0-9'.]*[a-z0-9]|[a-z0-9]")
_CUE = re.compile(r"\b(no|not|without|never|don't|do|nor|exclude|excluding|except)\b")
MAX_REQUEST = 20_000


def parse_request(text: str, catalog: Catalog) -> Intent:
    """Read ``text``; raise NixwrightError when it asks for nothing understood or is too long."""
    if not text.strip():
        raise NixwrightError(
            "the request is empty", hint='describe the machine, e.g. "a Raspberry Pi 4 as an ad blocker"'
        )
    if len(text) > MAX_REQUEST:
        raise NixwrightError(
            f"the request is longer than {MAX_REQUEST} characters", hint="describe one machine"
        )
    norm = normalise(text)
    covered = [False] * len(text)
    vocab = vocabulary(catalog)
    facts = collect_facts(text, norm, covered, vocab.words)
    scopes = negation_scopes(norm)
    matches = _match_terms(norm, vocab, covered)

    caps: list[CapabilityRequest] = []
    roles: list[RoleRequest] = []
    exclusions: list[Exclusion] = []
    qualities: list[tuple[str, Evidence]] = []
    hardware_named: list[tuple[str, Evidence]] = []
    firmware: list[tuple[str, Evidence]] = []
    understood: list[Evidence] = []
    usage: list[tuple[str, Evidence]] = []
    for term, start, end in matches:
        ev = Evidence(text[start:end], start, end)
        understood.append(ev)
        if term.phrase in SERVER_USAGE:
            usage.append(("server", ev))
        negated = in_scopes(start, scopes) and not term.phrase.startswith("no ")
        if negated:
            _cover_cue(norm, start, covered)
        match term.kind:
            case "capability" | "role" if negated:
                target = term.target if term.kind == "capability" else f"role:{term.target}"
                exclusions.append(Exclusion(target, ev))
                if target == "role:desktop":  # "no desktop" says the machine is headless
                    qualities.append(("headless", ev))
            case "capability":
                caps.append(CapabilityRequest(term.target, ev))
            case "role":
                roles.append(RoleRequest(term.target, ev))
            case "quality" if not negated:
                qualities.append((term.target, ev))
            case "all" | "no-services":
                exclusions.append(Exclusion(term.target, ev))
            case "hardware":  # "without ssh on a Pi 3" still describes a Pi 3
                hardware_named.append((term.target, ev))
            case "firmware" if not negated:
                firmware.append((term.target, ev))
            case _:
                pass  # usage words, and negated qualities/hardware: understood, nothing to do
    not_understood = _leftovers(text, norm, covered)
    hardware = pick_hardware(
        catalog,
        hardware_named,
        firmware=firmware,
        ram_mb=facts.ram_mb,
        disks=facts.disks,
        interfaces=facts.network.interfaces,
        wifi=facts.wifi,
        extra_evidence=facts.hardware_evidence,
    )
    intent = Intent(
        request=text,
        hardware=hardware,
        capabilities=_dedupe_caps(caps),
        exclusions=tuple(exclusions),
        qualities=_dedupe_qualities(qualities),
        people=facts.people,
        network=facts.network,
        locale=facts.locale,
        understood=tuple(sorted(understood + facts.evidence, key=lambda e: (e.start, e.end))),
        not_understood=not_understood,
        usage=tuple(usage[:1]),
        roles=tuple({r.role: r for r in reversed(roles)}[k] for k in dict.fromkeys(r.role for r in roles)),
    )
    _refuse_empty(intent)
    return intent


def _match_terms(norm: str, vocab: Vocabulary, covered: list[bool]) -> list[tuple[Term, int, int]]:
    """Every phrase occurrence; longer phrases win overlaps, then earlier ones; covered text is skipped."""
    words = tokens(norm)
    candidates: list[tuple[Term, int, int]] = []
    for i in range(len(words)):
        for n in range(min(vocab.longest, len(words) - i), 0, -1):
            head = tuple(w.text for w in words[i : i + n - 1])
            term = next(
                (
                    vocab.terms[t]
                    for form in singular(words[i + n - 1].text)
                    if (t := (*head, form)) in vocab.terms
                ),
                None,
            )
            if term is not None and _adjacent(norm, words[i : i + n]):
                candidates.append((term, words[i].start, words[i + n - 1].end))
    found = []
    for term, start, end in sorted(candidates, key=lambda c: (-(c[2] - c[1]), c[1])):
        if any(covered[start:end]):
            continue
        for k in range(start, end):
            covered[k] = True
        found.append((term, start, end))
    return sorted(found, key=lambda f: f[1])


def _adjacent(norm: str, words: list[Token]) -> bool:
    """A phrase does not run across punctuation ("pc, gnome" is not "pc gnome")."""
    return all(norm[a.end : b.start].strip() == "" for a, b in itertools.pairwise(words))


def _cover_cue(norm: str, start: int, covered: list[bool]) -> None:
    """Mark the negation word before a negated term as understood."""
    window = norm[max(0, start - 40) : start]
    cues = list(_CUE.finditer(window))
    if cues:
        base = max(0, start - 40)
        cue = cues[-1]
        for i in range(base + cue.start(), base + cue.end()):
            covered[i] = True


def _leftovers(text: str, norm: str, covered: list[bool]) -> tuple[str, ...]:
    """Runs of uncovered, non-filler words, as written in the request."""
    runs: list[tuple[int, int]] = []
    for m in _WORD.finditer(norm):
        if any(covered[m.start() : m.end()]) or m.group(0).strip(".") in FILLER or m.group(0).isdigit():
            continue
        gap = norm[runs[-1][1] : m.start()] if runs else ""
        if runs and gap.strip() == "":
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return tuple(text[s:e] for s, e in runs)


def _dedupe_caps(caps: list[CapabilityRequest]) -> tuple[CapabilityRequest, ...]:
    seen: dict[str, CapabilityRequest] = {}
    for c in caps:
        seen.setdefault(c.capability, c)
    return tuple(seen.values())


def _dedupe_qualities(qualities: list[tuple[str, Evidence]]) -> tuple[tuple[str, Evidence], ...]:
    seen: dict[str, Evidence] = {}
    for q, e in qualities:
        seen.setdefault(q, e)
    return tuple(seen.items())


def _refuse_empty(intent: Intent) -> None:
    asked = intent.capabilities or intent.roles or intent.qualities
    if asked or not intent.not_understood:
        return
    words = ", ".join(repr(p) for p in intent.not_understood)
    raise NixwrightError(
        f"nothing in the request names something this tool can set up; not understood: {words}",
        hint="name what the machine should do (e.g. 'DNS ad blocker', 'file sharing', 'GNOME desktop') "
        "and what it is (e.g. 'Raspberry Pi 4', 'old ThinkPad', 'VPS')",
    )
