"""Request text helpers: a normalised copy with the same offsets, clause and negation scopes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Offsets must survive normalisation, so every replacement keeps the length.
_SAME_LENGTH = str.maketrans({"-": " ", "\u2019": "'", "\u2018": "'", "_": "_"})

_NEGATION = re.compile(
    r"\b(no|not|without|never|don't want|do not want|don't need|do not need|nor|exclude|excluding|except)\b"
)
# A negation runs to the end of its clause; these end it.
_SCOPE_END = re.compile(
    r"[.;!?:\n(),]|\b(and|but|with|plus|also|just|only|i want|i need|on|for|in|at|using|via|as)\b"
)


def normalise(text: str) -> str:
    """Lower case, hyphens as spaces; same length as ``text`` so offsets carry over."""
    return text.lower().translate(_SAME_LENGTH)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def negation_scopes(norm: str) -> list[Span]:
    scopes = []
    for m in _NEGATION.finditer(norm):
        end_match = _SCOPE_END.search(norm, m.end())
        end = end_match.start() if end_match else len(norm)
        # "no X or Y" continues over "or"; "and no" starts a new scope anyway.
        scopes.append(Span(m.start(), end))
    return scopes


def in_scopes(start: int, scopes: list[Span]) -> bool:
    return any(s.start <= start < s.end for s in scopes)


_TOKEN = re.compile(r"[^\s,;:!?()\[\]{}\"/]+")
_STRIP = ".'\u201c\u201d"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(norm: str) -> list[Token]:
    """Words of a normalised text with their offsets; surrounding dots and quotes are not part of a word."""
    out = []
    for m in _TOKEN.finditer(norm):
        word = m.group(0)
        lead = len(word) - len(word.lstrip(_STRIP))
        word = word.strip(_STRIP)
        if word:
            out.append(Token(word, m.start() + lead, m.start() + lead + len(word)))
    return out


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokens(normalise(phrase)))


def singular(word: str) -> tuple[str, ...]:
    """The word and the forms a plural ``s``/``es`` may have been added to."""
    forms = [word]
    if len(word) > 3 and word.endswith("es"):
        forms.append(word[:-2])
    if len(word) > 2 and word.endswith("s"):
        forms.append(word[:-1])
    return tuple(forms)
