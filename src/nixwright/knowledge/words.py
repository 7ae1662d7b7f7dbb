"""Words for full-text indexing: attribute names split the way people say them."""

from __future__ import annotations

import re

_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_SPLIT = re.compile(r"[._\-/\s\"'*<>]+")


def name_words(parts: tuple[str, ...] | list[str]) -> str:
    """``services.nginx.virtualHosts`` -> ``services nginx virtualHosts virtual Hosts``."""
    out: list[str] = []
    for part in parts:
        if part in ("<name>", "*"):
            continue
        for piece in _SPLIT.split(part):
            if not piece:
                continue
            out.append(piece)
            sub = _CAMEL.findall(piece)
            if len(sub) > 1:
                out.extend(sub)
    return " ".join(out)
