"""Small Markdown writers: the subset the README uses and ``docs.html`` turns into HTML."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nixwright.docs.markup_inline import code_span


def code(text: str) -> str:
    """Inline code, safe for any content (backticks, pipes in tables are escaped by ``table``)."""
    return code_span(text)


def fence(body: str, lang: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run inside ``body``."""
    longest = max((len(run) for run in _backtick_runs(body)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{lang}\n{body.rstrip()}\n{marks}"


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {text}"


def slug(text: str) -> str:
    """The anchor GitHub (and ``docs.html``) give a heading: lower case, punctuation dropped, dashes."""
    plain = re.sub(r"[`*]", "", text).lower()
    return re.sub(r"[^\w\- ]", "", plain).strip().replace(" ", "-") or "section"


def contents(headings: Sequence[str]) -> str:
    """A one-line table of contents linking to the given level-2 headings."""
    return "**Contents:** " + " · ".join(f"[{h}](#{slug(h)})" for h in headings)


def bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {one_line(item)}" for item in items)


def numbered(items: Sequence[str]) -> str:
    return "\n".join(f"{n}. {one_line(item)}" for n, item in enumerate(items, start=1))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [_row(headers), "| " + " | ".join("---" for _ in headers) + " |"]
    lines += [_row(r) for r in rows]
    return "\n".join(lines)


def one_line(text: str) -> str:
    """Paragraph breaks and line breaks folded into one line (list items and table cells)."""
    return " ".join(text.split())


def quote_text(text: str) -> str:
    """Words of the request, shown in typographic quotes."""
    return f"“{one_line(text)}”"


def join_blocks(blocks: Sequence[str]) -> str:
    """Markdown blocks separated by one blank line; empty blocks dropped; one final newline."""
    return "\n\n".join(b.strip("\n") for b in blocks if b.strip()) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(one_line(c).replace("|", "\\|") or " " for c in cells) + " |"


def _backtick_runs(text: str) -> list[str]:
    runs: list[str] = []
    current = ""
    for char in text:
        if char == "`":
            current += char
        elif current:
            runs.append(current)
            current = ""
    if current:
        runs.append(current)
    return runs
