"""POSIX extended regular expressions (``builtins.match``, ``types.strMatching``) in Python terms."""

from __future__ import annotations

import re
import warnings
from functools import cache

_CLASSES = {
    "alnum": "a-zA-Z0-9",
    "alpha": "a-zA-Z",
    "digit": "0-9",
    "lower": "a-z",
    "upper": "A-Z",
    "xdigit": "0-9A-Fa-f",
    "space": r" \t\n\r\f\v",
    "blank": r" \t",
    "punct": r"!-/:-@\[-`{-~",
    "print": r" -~",
    "graph": r"!-~",
    "cntrl": r"\x00-\x1f\x7f",
    "word": "a-zA-Z0-9_",
}


def _translate(pattern: str) -> str:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "[":
            j = i + 1
            body: list[str] = []
            if j < n and pattern[j] == "^":
                body.append("^")
                j += 1
            if j < n and pattern[j] == "]":
                body.append(r"\]")
                j += 1
            while j < n and pattern[j] != "]":
                if pattern.startswith("[:", j):
                    end = pattern.find(":]", j + 2)
                    name = pattern[j + 2 : end] if end > 0 else ""
                    if name in _CLASSES:
                        body.append(_CLASSES[name])
                        j = end + 2
                        continue
                ch = pattern[j]
                body.append("\\" + ch if ch in "\\[&~|" else ch)
                j += 1
            out.append("[" + "".join(body) + "]")
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


@cache
def compile_posix(pattern: str) -> re.Pattern[str] | None:
    """The pattern compiled for Python, or None when it cannot be translated."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return re.compile(_translate(pattern), flags=re.DOTALL)
        except re.error:
            return None


def full_match(pattern: str, text: str) -> bool | None:
    """``builtins.match`` semantics (the whole string); None when the pattern is not understood."""
    compiled = compile_posix(pattern)
    if compiled is None:
        return None
    return compiled.fullmatch(text) is not None
