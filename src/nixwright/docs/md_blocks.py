"""Block-level Markdown of the subset nixwright writes, to HTML.

Headings, paragraphs, ``-`` and ``N.`` lists (nested by two spaces), fenced code, pipe tables and
``>`` quotes. Anything else is a paragraph, escaped, so nothing the reader wrote can inject markup.
"""

from __future__ import annotations

import html
import re

from nixwright.docs.md import slug as md_slug
from nixwright.docs.md_inline import inline_html

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_FENCE = re.compile(r"^(`{3,})\s*([\w+-]*)\s*$")
_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>-|\d+\.)\s+(?P<text>.*)$")
_TABLE_RULE = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$")


def markdown_to_html(markdown: str) -> str:
    lines = markdown.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    slugs: dict[str, int] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif fence := _FENCE.match(line):
            i = _code_block(lines, i, fence, out)
        elif heading := _HEADING.match(line):
            level = len(heading[1])
            text = heading[2].strip()
            out.append(f'<h{level} id="{_slug(text, slugs)}">{inline_html(text)}</h{level}>')
            i += 1
        elif line.startswith("|") and i + 1 < len(lines) and _TABLE_RULE.match(lines[i + 1]):
            i = _table(lines, i, out)
        elif line.startswith(">"):
            i = _quote(lines, i, out)
        elif _ITEM.match(line):
            i = _list(lines, i, out)
        else:
            i = _paragraph(lines, i, out)
    return "\n".join(out) + "\n"


def _code_block(lines: list[str], i: int, fence: re.Match[str], out: list[str]) -> int:
    marks, lang = fence[1], fence[2]
    body: list[str] = []
    i += 1
    while i < len(lines) and lines[i].strip() != marks:
        body.append(lines[i])
        i += 1
    cls = f' class="language-{html.escape(lang)}"' if lang else ""
    out.append(f"<pre><code{cls}>{html.escape(chr(10).join(body), quote=False)}</code></pre>")
    return i + 1


def _table(lines: list[str], i: int, out: list[str]) -> int:
    head = _cells(lines[i])
    rows: list[list[str]] = []
    i += 2
    while i < len(lines) and lines[i].startswith("|"):
        rows.append(_cells(lines[i]))
        i += 1
    out.append("<table>")
    out.append("<thead><tr>" + "".join(f"<th>{inline_html(c)}</th>" for c in head) + "</tr></thead>")
    out.append("<tbody>")
    out += ["<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in row) + "</tr>" for row in rows]
    out.append("</tbody></table>")
    return i


def _cells(line: str) -> list[str]:
    inner = line.strip().removeprefix("|").removesuffix("|")
    cells = re.split(r"(?<!\\)\|", inner)
    return [c.strip().replace("\\|", "|") for c in cells]


def _quote(lines: list[str], i: int, out: list[str]) -> int:
    text: list[str] = []
    while i < len(lines) and lines[i].startswith(">"):
        text.append(lines[i][1:].strip())
        i += 1
    out.append(f"<blockquote><p>{inline_html(' '.join(text))}</p></blockquote>")
    return i


def _paragraph(lines: list[str], i: int, out: list[str]) -> int:
    text: list[str] = []
    while i < len(lines) and lines[i].strip() and not _starts_block(lines[i]):
        text.append(lines[i].strip())
        i += 1
    out.append(f"<p>{inline_html(' '.join(text))}</p>")
    return i


def _starts_block(line: str) -> bool:
    return bool(
        _FENCE.match(line) or _HEADING.match(line) or _ITEM.match(line) or line.startswith(("|", ">"))
    )


def _list(lines: list[str], i: int, out: list[str]) -> int:
    """A list and its nested lists; items are single lines (the writers fold them)."""
    stack: list[tuple[int, str]] = []  # (indent, tag)
    while i < len(lines) and (item := _ITEM.match(lines[i])):
        indent = len(item["indent"])
        tag = "ul" if item["marker"] == "-" else "ol"
        while stack and (stack[-1][0] > indent or (stack[-1][0] == indent and stack[-1][1] != tag)):
            out.append(f"</li></{stack.pop()[1]}>")
        if stack and stack[-1][0] == indent:
            out.append("</li>")
        else:
            start = item["marker"][:-1] if tag == "ol" and item["marker"] != "1." else ""
            out.append(f'<{tag} start="{start}">' if start else f"<{tag}>")
            stack.append((indent, tag))
        out.append(f"<li>{inline_html(item['text'])}")
        i += 1
    while stack:
        out.append(f"</li></{stack.pop()[1]}>")
    return i


def _slug(text: str, seen: dict[str, int]) -> str:
    slug = md_slug(text)
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"
