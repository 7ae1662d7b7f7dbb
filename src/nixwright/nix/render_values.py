"""Values as Nix source in a stable nixfmt-like (RFC 166) style.

Short lists and sets with one element stay on one line; everything else opens one line per element.
Strings with line breaks use ``''...''`` when that reads back to exactly the same text (checked by
parsing it), otherwise ``"..."`` with escapes.
"""

from __future__ import annotations

import math
import re

from nixwright.errors import NixwrightError
from nixwright.nix.values import (
    Dynamic,
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixPath,
    NixString,
    PackageRef,
    RawExpr,
    Value,
    quote_attr,
)

INLINE_LIMIT = 60
_PATH = re.compile(r"^(\.{1,2}|~|[A-Za-z0-9._+-]*)(/[A-Za-z0-9._+-]+)+$")
_SEARCH_PATH = re.compile(r"^<[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*>$")
_SIMPLE_RAW = re.compile(r"^[A-Za-z0-9_.'/<>~+-]+$")


def render_value(value: Value, indent: int = 0) -> str:
    """``value`` as Nix source; ``indent`` is the indentation of the line it starts on."""
    if isinstance(value, NixBool):
        return "true" if value.value else "false"
    if isinstance(value, NixNull):
        return "null"
    if isinstance(value, NixInt):
        if not -(2**63) < value.value < 2**63:
            raise NixwrightError(f"integer {value.value} does not fit Nix's 64-bit integers")
        return str(value.value)
    if isinstance(value, NixFloat):
        return render_float(value.value)
    if isinstance(value, NixString):
        return render_string(value, indent)
    if isinstance(value, NixPath):
        return render_path(value.value)
    if isinstance(value, PackageRef):
        return "pkgs." + render_attr_path(value.attr_path)
    if isinstance(value, NixList):
        return render_list([_list_item(item, indent + 2) for item in value.items], indent)
    if isinstance(value, NixAttrs):
        keys = [k for k, _ in value.entries]
        if len(set(keys)) != len(keys):
            repeated = next(k for k in keys if keys.count(k) > 1)
            raise NixwrightError(f"attribute set with {quote_attr(repeated)} twice", hint="keep one of them")
        lines = [f"{quote_attr(k)} = {render_value(v, indent + 2)};" for k, v in value.entries]
        return render_block("{", "}", lines, indent, inline_ok=len(lines) == 1)
    if isinstance(value, RawExpr):
        return value.text
    if isinstance(value, Dynamic):
        if not value.text:
            raise NixwrightError(f"cannot write a dynamic value without its source ({value.reason})")
        return value.text
    raise NixwrightError(f"cannot render {type(value).__name__}")


def render_list(items: list[str], indent: int) -> str:
    return render_block("[", "]", items, indent, inline_ok=len(items) == 1)


def render_block(open_: str, close: str, lines: list[str], indent: int, inline_ok: bool) -> str:
    if not lines:
        return f"{open_} {close}"
    if inline_ok and "\n" not in lines[0] and len(lines[0]) <= INLINE_LIMIT:
        return f"{open_} {lines[0]} {close}"
    pad = " " * (indent + 2)
    body = "\n".join(pad + line if line else "" for line in lines)
    return f"{open_}\n{body}\n{' ' * indent}{close}"


def needs_parens(value: Value, text: str) -> bool:
    """Whether ``text`` (the rendering of ``value``) must be parenthesised as a list element or argument."""
    if isinstance(value, NixInt | NixFloat):
        return text.startswith("-")
    if isinstance(value, RawExpr | Dynamic):
        return not (_SIMPLE_RAW.fullmatch(text) or _wrapped_in_parens(text))
    return False


def _list_item(item: Value, indent: int) -> str:
    text = render_value(item, indent)
    return f"({text})" if needs_parens(item, text) else text


def _wrapped_in_parens(text: str) -> bool:
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += 1 if char == "(" else -1 if char == ")" else 0
        if depth == 0 and index < len(text) - 1:
            return False
    return True


def render_float(number: float) -> str:
    if not math.isfinite(number):
        raise NixwrightError(f"{number} cannot be written in Nix", hint="use a finite number")
    text = repr(number)
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + (f"e{exponent}" if exponent else "")


def render_path(text: str) -> str:
    if _PATH.fullmatch(text) or _SEARCH_PATH.fullmatch(text):
        return text
    raise NixwrightError(f"{text!r} cannot be written as a Nix path literal", hint="use a string instead")


def render_attr_path(dotted: str) -> str:
    return ".".join(quote_attr(part) for part in dotted.split("."))


def render_string(value: NixString, indent: int) -> str:
    text = value.value
    if "\x00" in text:
        raise NixwrightError("Nix strings cannot contain NUL characters")
    if value.multiline or "\n" in text.rstrip("\n"):
        indented = _indented(text, indent)
        if indented is not None:
            return indented
    return quote_string(text)


def quote_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("${", "\\${")
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


def _indented(text: str, indent: int) -> str | None:
    body = text.replace("''", "'''").replace("${", "''${").replace("\r", "''\\r")
    pad = " " * (indent + 2)
    ends_with_newline = body.endswith("\n")
    lines = (body[:-1] if ends_with_newline else body).split("\n")
    content = "\n".join(pad + line if line else "" for line in lines)
    closing = f"\n{' ' * indent}''" if ends_with_newline else "''"
    rendered = f"''\n{content}{closing}"
    return rendered if _reads_back(rendered, text) else None


def _reads_back(rendered: str, expected: str) -> bool:
    from nixwright.nix.parse import _parser
    from nixwright.nix.strings import indented_string_pieces

    tree = _parser().parse(rendered.encode("utf-8"))
    root = tree.root_node
    if root.has_error or root.named_child_count != 1:
        return False
    node = root.named_children[0]
    if node.type != "indented_string_expression":
        return False
    pieces = indented_string_pieces(node)
    return pieces == ([expected] if expected else [])
