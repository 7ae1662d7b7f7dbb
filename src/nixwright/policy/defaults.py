"""Release defaults as values: the literal part of an option's ``default_text``.

Defaults in the option database are Nix source text. Literals (booleans, numbers,
strings without interpolation, null, lists and attribute sets of those, ``pkgs.x``)
are read here directly; other text goes through the Nix reader; anything that needs
evaluation (``config.x != null``) is ``Dynamic``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nixwright.nix.values import (
    Dynamic,
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixString,
    PackageRef,
    Value,
)

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<str>"(?:[^"\\$]|\\.|\$(?!\{))*")
      | (?P<float>-?\d+\.\d+)
      | (?P<int>-?\d+)
      | (?P<ident>[A-Za-z_][A-Za-z0-9_'.-]*)
      | (?P<punct>[\[\]{}=;])
    )""",
    re.VERBOSE,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


class _UnreadableError(Exception):
    pass


@lru_cache(maxsize=4096)
def parse_default(text: str | None) -> Value | None:
    """The default as a value; ``None`` when the option has no default.

    Remembered by text: values are immutable, and the same few texts (``false``, ``[ ]``)
    are the defaults of thousands of options.
    """
    if text is None:
        return None
    try:
        tokens = _tokenize(text)
        value, pos = _parse(tokens, 0)
        complete = pos == len(tokens)
    except _UnreadableError:
        complete = False
    if not complete:
        return _with_reader(text)
    return value


def _with_reader(text: str) -> Value:
    """Defaults beyond the plain literals (``''...''`` strings, ``lib.mkDefault x``, simple
    ``let``): the Nix reader's own value parsing, on ``{ x = <default>; }``."""
    from nixwright.errors import NixwrightError
    from nixwright.nix.read import read_source

    dynamic = Dynamic(reason="the release default is an expression", text=text.strip())
    try:
        reading = read_source("{ x = " + text + "\n; }", file="<default>", follow_imports=False)
    except NixwrightError:
        return dynamic
    if len(reading.definitions) != 1 or reading.definitions[0].path != ("x",):
        return dynamic
    value = reading.definitions[0].value
    return dynamic if isinstance(value, Dynamic) else value


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None or match.lastgroup is None:
            raise _UnreadableError
        tokens.append((match.lastgroup, match.group(match.lastgroup)))
        pos = match.end()
    return tokens


def _parse(tokens: list[tuple[str, str]], pos: int) -> tuple[Value, int]:
    if pos >= len(tokens):
        raise _UnreadableError
    kind, text = tokens[pos]
    if kind == "str":
        return NixString(_unescape(text[1:-1])), pos + 1
    if kind == "int":
        return NixInt(int(text)), pos + 1
    if kind == "float":
        return NixFloat(float(text)), pos + 1
    if kind == "ident":
        return _ident(text), pos + 1
    if text == "[":
        items: list[Value] = []
        pos += 1
        while pos < len(tokens) and tokens[pos][1] != "]":
            item, pos = _parse(tokens, pos)
            items.append(item)
        if pos >= len(tokens):
            raise _UnreadableError
        return NixList(tuple(items)), pos + 1
    if text == "{":
        return _attrs(tokens, pos + 1)
    raise _UnreadableError


def _attrs(tokens: list[tuple[str, str]], pos: int) -> tuple[Value, int]:
    entries: list[tuple[str, Value]] = []
    while pos < len(tokens) and tokens[pos][1] != "}":
        kind, key = tokens[pos]
        if kind == "str":
            key = _unescape(key[1:-1])
        elif kind != "ident" or "." in key:
            raise _UnreadableError
        if pos + 1 >= len(tokens) or tokens[pos + 1][1] != "=":
            raise _UnreadableError
        value, pos = _parse(tokens, pos + 2)
        if pos >= len(tokens) or tokens[pos][1] != ";":
            raise _UnreadableError
        entries.append((key, value))
        pos += 1
    if pos >= len(tokens):
        raise _UnreadableError
    return NixAttrs(tuple(entries)), pos + 1


def _ident(text: str) -> Value:
    if text == "true":
        return NixBool(value=True)
    if text == "false":
        return NixBool(value=False)
    if text == "null":
        return NixNull()
    if text.startswith("pkgs.") and len(text) > 5:
        return PackageRef(text[5:])
    raise _UnreadableError


def _unescape(body: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            out.append(_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)
