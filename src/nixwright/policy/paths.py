"""Option paths as rule data writes them: dotted, with quoted parts and ``<name>`` placeholders."""

from __future__ import annotations

from functools import cache, lru_cache

from nixwright.errors import NixwrightError

PLACEHOLDER = "<name>"


@cache
def split_path(text: str) -> tuple[str, ...]:
    """``boot.kernel.sysctl."kernel.kptr_restrict"`` -> ``("boot", "kernel", "sysctl", "kernel.kptr_restrict")``."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == "\\" and i + 1 < len(text):
                current.append(text[i + 1])
                i += 1
            elif ch == '"':
                quoted = False
            else:
                current.append(ch)
        elif ch == '"':
            quoted = True
        elif ch == ".":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    if quoted:
        raise NixwrightError(f"unterminated quote in option path {text!r}")
    parts.append("".join(current))
    if any(p == "" for p in parts):
        raise NixwrightError(f"empty part in option path {text!r}")
    return tuple(parts)


@lru_cache(maxsize=8192)
def dotted(parts: tuple[str, ...]) -> str:
    """``path_str`` remembered: the same few paths are shown many times (bounded: a long-running
    process sees ever new concrete paths)."""
    from nixwright.nix.values import path_str

    return path_str(parts)


def has_placeholder(parts: tuple[str, ...]) -> bool:
    return PLACEHOLDER in parts


@lru_cache(maxsize=8192)
def fill(parts: tuple[str, ...], name: str) -> tuple[str, ...]:
    """Replace every ``<name>`` with one concrete attribute name."""
    return tuple(name if p == PLACEHOLDER else p for p in parts)
