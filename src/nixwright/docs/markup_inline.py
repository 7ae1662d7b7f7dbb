"""Inline NixOS documentation markup to clean text: roles, links, DocBook leftovers, entities.

The result keeps only what reads well as plain text *and* as Markdown: ``code`` spans, ``*emphasis*``
and bare URLs. Code spans are cut out first so nothing inside them is rewritten.
"""

from __future__ import annotations

import html
import re

# {option}`x`, {var}`x`, {manpage}`ssh(1)`, ... and plain `x`, with any number of backticks.
_CODE = re.compile(r"(?:\{(?P<role>[A-Za-z-]+)\})?(?P<tick>`+)(?P<body>.+?)(?<!`)(?P=tick)(?!`)", re.DOTALL)
_UNCLOSED_ROLE = re.compile(r"\{[A-Za-z-]+\}`+(?P<body>[^`\s]+)")  # upstream typo: no closing tick
_HOLE = "\x00{}\x00"
_HOLE_RE = re.compile(r"\x00(\d+)\x00")
_LINK = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\[(?P<label>[^\[\]]*)\]")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]+)>")
_PLACEHOLDER = re.compile(r"<(?P<body>[^<>\n]{1,60})>")
_ANCHOR_ATTR = re.compile(r"\s*\{#[^}\s]*\}")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_NAME_PART = re.compile(r"\._(?P<name>[A-Za-z][A-Za-z0-9-]*)_(?=\.|$)")


def code_span(body: str) -> str:
    """``body`` as a Markdown code span, with enough backticks to hold backticks inside it."""
    body = " ".join(body.split("\n"))
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if body.startswith("`") or body.endswith("`") or longest else ""
    return f"{fence}{pad}{body}{pad}{fence}"


def option_from_anchor(anchor: str) -> str:
    """``opt-services.nginx.virtualHosts._name_.root`` -> ``services.nginx.virtualHosts.<name>.root``."""
    path = anchor.removeprefix("opt-")
    return _NAME_PART.sub(lambda m: f".<{m['name']}>", path)


def inline_to_plain(text: str, refs: dict[str, str] | None = None) -> str:
    """One paragraph (or list item) of markup to clean text."""
    spans: list[str] = []

    def keep(body: str) -> str:
        spans.append(body)
        return _HOLE.format(len(spans) - 1)

    text = _CODE.sub(lambda m: keep(strip_code_padding(m["body"])), text)
    text = _UNCLOSED_ROLE.sub(lambda m: keep(m["body"]), text)
    text = _LINK.sub(lambda m: _link(m["text"], m["url"], spans), text)
    text = _REF_LINK.sub(lambda m: _ref_link(m, refs or {}), text)
    text = _AUTOLINK.sub(lambda m: m["url"], text)
    text = _ANCHOR_ATTR.sub("", text)
    text = _ESCAPE.sub(lambda m: keep(m[1]) if m[1] in "<>" else m[1], text)
    text = html.unescape(text)
    text = _PLACEHOLDER.sub(lambda m: keep(f"<{m['body']}>"), text)
    text = _HOLE_RE.sub(lambda m: _restore(spans, int(m[1])), text)
    return text


def strip_code_padding(body: str) -> str:
    """A code span's body without the one space of padding on each side (CommonMark), if it has both."""
    if len(body) > 2 and body.startswith(" ") and body.endswith(" ") and body.strip():
        return body[1:-1]
    return body


def _restore(spans: list[str], index: int) -> str:
    body = spans[index]
    # A kept escaped "<" or ">" is plain text, not code.
    return body if body in "<>" else code_span(body)


def _link(text: str, url: str, spans: list[str]) -> str:
    shown = _HOLE_RE.sub(lambda m: spans[int(m[1])], text).strip()
    if url.startswith("#opt-"):
        if text.strip():
            return text
        spans.append(option_from_anchor(url[1:]))
        return _HOLE.format(len(spans) - 1)
    if url.startswith("#"):
        return text if text.strip() else "the NixOS manual"
    if not text.strip() or shown == url:
        return url
    return f"{text} ({url})"


def _ref_link(match: re.Match[str], refs: dict[str, str]) -> str:
    text = match["text"]
    label = (match["label"] or text).strip().lower()
    url = refs.get(label)
    if url is None:
        return match[0]
    return url if text == url else f"{text} ({url})"
