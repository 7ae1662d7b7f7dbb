"""Option descriptions (NixOS-flavoured Markdown, with DocBook leftovers) to clean text.

The output is made of paragraphs (one line each), ``- `` and ``1. `` list items, fenced code
blocks, ``code`` spans and bare URLs, separated by blank lines: it reads as plain text and is
also the small Markdown subset the README and the HTML page use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nixwright.docs.markup_blocks import Chunk, ChunkKind, split_chunks
from nixwright.docs.markup_docbook import docbook_to_markdown
from nixwright.docs.markup_inline import inline_to_plain

_REF_DEF = re.compile(
    r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*<?(?P<url>\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE
)

_ITEM_START = re.compile(r"\s*(-|\d+\.) ")
_LEAKS = (
    ("role", re.compile(r"\{[A-Za-z-]+\}(?:`|\x01)")),
    ("option link", re.compile(r"\]\(#opt-|\[\]\(#")),
    (
        "DocBook",
        re.compile(r"</?(?:literal|filename|xref|link|emphasis|para|programlisting|varname|envar)\b"),
    ),
    ("admonition", re.compile(r"^\s*:::", re.MULTILINE)),
    ("anchor", re.compile(r"\{#[A-Za-z]")),
    ("entity", re.compile(r"&(?:lt|gt|amp|quot|nbsp);")),
)


@lru_cache(maxsize=8192)
def to_plain(text: str) -> str:
    """A description as clean text (see the module docstring for what remains)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = docbook_to_markdown(text)
    refs = {m["label"].strip().lower(): m["url"] for m in _REF_DEF.finditer(text)}
    text = _REF_DEF.sub("", text)
    out: list[str] = []
    label = ""
    for chunk in split_chunks(text):
        if chunk.kind is ChunkKind.LABEL:
            label = chunk.text
            continue
        rendered = _render(chunk, refs)
        if label and chunk.kind is ChunkKind.PARAGRAPH:
            rendered = f"{label}: {rendered}"
        elif label:
            out.append(f"{label}:")
        label = ""
        if rendered.strip():
            out.append(rendered)
    return _join(out)


@lru_cache(maxsize=8192)
def summary(text: str, limit: int = 320) -> str:
    """The first paragraph of ``to_plain(text)``, cut at a sentence end near ``limit`` characters."""
    plain = to_plain(text)
    first = next((p for p in plain.split("\n\n") if p and not p.startswith("```")), "")
    first = _close_parenthesis(" ".join(first.split()))
    if len(first) <= limit:
        return first
    cut = _sentence_end(first, limit)
    if cut > limit // 3:
        return first[: cut + 1]
    return first[: first.rfind(" ", 0, limit)].rstrip(",;:") + " …"


def _close_parenthesis(text: str) -> str:
    """Drop a trailing parenthetical that never closes (an upstream typo), back to its sentence start."""
    depth = 0
    opened = -1
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
            opened = index if depth == 1 else opened
        elif char == ")" and depth:
            depth -= 1
    if depth == 0 or opened <= 0:
        return text
    return text[:opened].rstrip()


def _sentence_end(text: str, limit: int) -> int:
    """The index of the last sentence-ending mark before ``limit`` that is outside parentheses, or -1."""
    depth = 0
    best = -1
    for index, char in enumerate(text[:limit]):
        depth += 1 if char == "(" else -1 if char == ")" else 0
        if depth <= 0 and char in ".:" and text[index + 1 : index + 2] in (" ", ""):
            best = index
    return best


def markup_leaks(text: str) -> list[str]:
    """Raw documentation markup left in ``text`` (outside fenced code), as ``kind: excerpt``."""
    prose = re.sub(r"^```[^\n]*\n.*?^```$", "", text, flags=re.DOTALL | re.MULTILINE)
    prose = re.sub(r"(`+)(?!`).+?(?<!`)\1(?!`)", "\x01", prose, flags=re.DOTALL)
    found = []
    for kind, pattern in _LEAKS:
        found += [
            f"{kind}: {prose[max(0, m.start() - 20) : m.end() + 20]!r}" for m in pattern.finditer(prose)
        ]
    return found


def _render(chunk: Chunk, refs: dict[str, str]) -> str:
    match chunk.kind:
        case ChunkKind.CODE:
            return f"```{chunk.info}\n{chunk.text}\n```"
        case ChunkKind.ITEM:
            return f"{'  ' * chunk.depth}{chunk.info} {inline_to_plain(chunk.text, refs)}"
        case _:
            return inline_to_plain(chunk.text, refs)


def _join(parts: list[str]) -> str:
    """Blank lines between chunks, except between items of one list."""
    lines: list[str] = []
    previous: str | None = None  # the marker kind of the previous item, if the previous chunk was one
    for part in parts:
        item = _ITEM_START.match(part)
        kind = None if item is None else ("-" if item[1] == "-" else "1.")
        same_list = kind is not None and previous is not None and (kind == previous or part[0] == " ")
        if lines and not same_list:
            lines.append("")
        lines.append(part)
        if kind is not None and part[0] != " ":
            previous = kind
        elif kind is None:
            previous = None
    return "\n".join(lines).strip()
