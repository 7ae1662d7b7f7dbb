"""Inline Markdown of the subset nixwright writes, to HTML: code spans, strong, emphasis, links, URLs."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from nixwright.docs.markup_inline import strip_code_padding

_CODE = re.compile(r"(?P<tick>`+)(?P<body>.+?)(?<!`)(?P=tick)(?!`)")
_HOLE = re.compile(r"\x00(\d+)\x00")
_STRONG = re.compile(r"\*\*(?=\S)(?P<body>.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<body>[^*]+?)(?<=[^\s*])\*(?![\w*])")
_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\((?P<url>[^()\s]+)\)")
_URL = re.compile(r"https?://[^\s<>\"'`]+")
_ESCAPED = re.compile(r"\\([|\\`*_\[\]()#+\-.!])")


def inline_html(text: str) -> str:
    """One line of Markdown as HTML; everything outside the recognised forms is escaped."""
    holes: list[str] = []

    def hole(fragment: str) -> str:
        holes.append(fragment)
        return f"\x00{len(holes) - 1}\x00"

    text = _CODE.sub(
        lambda m: hole(f"<code>{html.escape(strip_code_padding(m['body']), quote=False)}</code>"), text
    )
    text = _ESCAPED.sub(lambda m: hole(html.escape(m[1], quote=False)), text)
    text = _LINK.sub(lambda m: hole(_anchor(m["url"], html.escape(m["text"], quote=False))), text)
    text = _URL.sub(lambda m: _url(m[0], hole), text)
    text = html.escape(text, quote=False)
    text = _STRONG.sub(lambda m: f"<strong>{m['body']}</strong>", text)
    text = _EMPHASIS.sub(lambda m: f"<em>{m['body']}</em>", text)
    while _HOLE.search(text):
        text = _HOLE.sub(lambda m: holes[int(m[1])], text)
    return text


def _url(found: str, hole: Callable[[str], str]) -> str:
    """A bare URL as a link; trailing punctuation and unbalanced closing brackets stay outside."""
    url = found
    while url and (
        url[-1] in ".,;:!?'\"" or (url[-1] in ")]" and url.count("(") < url.count(")") + (url[-1] == "]"))
    ):
        url = url[:-1]
    return hole(_anchor(url, html.escape(url, quote=False))) + html.escape(found[len(url) :], quote=False)


def _anchor(url: str, label: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{label}</a>'
