"""DocBook leftovers in option descriptions, rewritten to the Markdown the rest of the converter reads."""

from __future__ import annotations

import html
import re

_CODE_TAGS = "literal|filename|option|command|varname|envar|code|package|systemitem|constant|replaceable"
_CODE_ELEMENT = re.compile(rf"<(?P<tag>{_CODE_TAGS})>(?P<body>.*?)</(?P=tag)>", re.DOTALL)
_XREF = re.compile(r"""<xref\s+linkend=["'](?P<id>[^"']+)["']\s*/>""")
_LINK_EMPTY = re.compile(r"""<link\s+xlink:href=["'](?P<url>[^"']+)["']\s*/>""")
_LINK = re.compile(r"""<link\s+xlink:href=["'](?P<url>[^"']+)["']\s*>(?P<text>.*?)</link>""", re.DOTALL)
_EMPHASIS = re.compile(r"<emphasis>(?P<body>.*?)</emphasis>", re.DOTALL)
_PROGRAM = re.compile(r"<programlisting>(?P<body>.*?)</programlisting>", re.DOTALL)
_PARA = re.compile(r"</?para>")


def docbook_to_markdown(text: str) -> str:
    """Rewrite the DocBook elements old descriptions still carry; leave everything else alone."""
    if "<" not in text:
        return text
    text = _PROGRAM.sub(lambda m: f"\n```\n{html.unescape(m['body']).strip(chr(10))}\n```\n", text)
    text = _XREF.sub(lambda m: _xref(m["id"]), text)
    text = _LINK_EMPTY.sub(lambda m: m["url"], text)
    text = _LINK.sub(lambda m: f"[{m['text']}]({m['url']})", text)
    text = _CODE_ELEMENT.sub(lambda m: _code(html.unescape(m["body"])), text)
    text = _EMPHASIS.sub(lambda m: f"*{m['body']}*", text)
    return _PARA.sub("\n\n", text)


def _xref(anchor: str) -> str:
    if anchor.startswith("opt-"):
        return f"[](#{anchor})"
    return "the NixOS manual"


def _code(body: str) -> str:
    body = " ".join(body.split())
    longest = max((len(m) for m in re.findall(r"`+", body)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{body}{pad}{fence}"
