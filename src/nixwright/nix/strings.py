"""String literals as Nix reads them: escapes, and the indentation rules of ``''...''`` strings.

``data`` is the source the tree was parsed from (faster than asking nodes for their text).
Both string forms decode to a list of pieces: literal text (``str``) and interpolated expressions
(tree-sitter nodes). Indented strings follow Nix's own rules: the opening line is dropped when it holds
only spaces, the smallest indentation (spaces only; tabs count as text) of the non-blank lines is
removed, escapes and interpolations count as text, and a last line of only spaces is dropped.
"""

from __future__ import annotations

from nixwright.nix.parse import KIND, Node

Piece = str | Node

_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t"}


def _node_text(node: Node, data: bytes | None) -> str:
    if data is not None:
        return data[node.start_byte : node.end_byte].decode("utf-8", "replace")
    return node.text.decode("utf-8") if node.text is not None else ""


def plain_body(node: Node, data: bytes) -> bytes | None:
    """The text of a ``"..."`` string with no escapes or interpolations (the usual kind), else None.

    Only a backslash starts an escape and only ``${`` an interpolation, so the bytes tell, without asking
    the tree for the string's parts.
    """
    body = data[node.start_byte + 1 : node.end_byte - 1]
    return None if b"\\" in body or b"${" in body else body


def string_pieces(node: Node, data: bytes | None = None) -> list[Piece]:
    """Pieces of a ``"..."`` string: escapes resolved, interpolations kept as nodes."""
    pieces: list[Piece] = []
    for child in node.children:
        kind = KIND[child.kind_id]
        if kind == "string_fragment":
            _append(pieces, _node_text(child, data))
        elif kind == "escape_sequence":
            char = _node_text(child, data)[1:]
            _append(pieces, _SIMPLE_ESCAPES.get(char, char))
        elif kind == "interpolation":
            expr = child.child_by_field_name("expression")
            if expr is not None:
                pieces.append(expr)
        # dollar_escape (the backslash of \$) and the quotes add nothing
    return pieces


def indented_string_pieces(node: Node, data: bytes | None = None) -> list[Piece]:
    """Pieces of a ``''...''`` string after Nix's indentation stripping."""
    parts: list[tuple[bool, Piece]] = []  # (is literal text subject to indentation, piece)
    first = True
    for child in node.children:
        kind = KIND[child.kind_id]
        if kind == "string_fragment":
            text = _node_text(child, data)
            if first:
                stripped = text.lstrip(" ")
                if stripped.startswith("\n"):
                    text = stripped[1:]
            parts.append((True, text))
        elif kind == "escape_sequence":
            body = _node_text(child, data)[2:]
            if body == "'":
                parts.append((False, "''"))
            else:
                char = body.removeprefix("\\")
                parts.append((False, _SIMPLE_ESCAPES.get(char, char)))
        elif kind == "interpolation":
            expr = child.child_by_field_name("expression")
            if expr is not None:
                parts.append((False, expr))
        elif kind == "dollar_escape":
            pass
        else:
            continue
        first = False
    return _strip_indentation(parts)


def _strip_plain(text: str) -> str:
    """``_strip_indentation`` for a string of one literal part, line by line (the common case)."""
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip(" ")]
    cut = min(indents) if indents else len(text)
    stripped = [line[cut:] if line.strip(" ") else line[min(cut, len(line)) :] for line in lines]
    if len(stripped) > 1 and not stripped[-1].strip(" "):
        stripped[-1] = ""
    return "\n".join(stripped)


def _min_indent(parts: list[tuple[bool, Piece]]) -> int:
    min_indent = 1_000_000
    cur = 0
    at_start = True
    for literal, piece in parts:
        if not literal or not isinstance(piece, str):
            if at_start:
                at_start = False
                min_indent = min(min_indent, cur)
            continue
        for char in piece:
            if at_start:
                if char == " ":
                    cur += 1
                elif char == "\n":
                    cur = 0
                else:
                    at_start = False
                    min_indent = min(min_indent, cur)
            elif char == "\n":
                at_start = True
                cur = 0
    return min_indent


def _strip_indentation(parts: list[tuple[bool, Piece]]) -> list[Piece]:
    if len(parts) == 1 and parts[0][0] and isinstance(parts[0][1], str):
        text = _strip_plain(parts[0][1])
        return [text] if text else []
    min_indent = _min_indent(parts)
    pieces: list[Piece] = []
    at_start = True
    dropped = 0
    for index, (literal, piece) in enumerate(parts):
        if not literal or not isinstance(piece, str):
            at_start = False
            dropped = 0
            if isinstance(piece, str):
                _append(pieces, piece)
            else:
                pieces.append(piece)
            continue
        out: list[str] = []
        for char in piece:
            if at_start:
                if char == " ":
                    if dropped >= min_indent:
                        out.append(char)
                    dropped += 1
                elif char == "\n":
                    dropped = 0
                    out.append(char)
                else:
                    at_start = False
                    dropped = 0
                    out.append(char)
            else:
                out.append(char)
                if char == "\n":
                    at_start = True
        text = "".join(out)
        if index == len(parts) - 1:
            cut = text.rfind("\n")
            if cut >= 0 and not text[cut + 1 :].strip(" "):
                text = text[: cut + 1]
        _append(pieces, text)
    return pieces


def _append(pieces: list[Piece], text: str) -> None:
    if not text:
        return
    if pieces and isinstance(pieces[-1], str):
        pieces[-1] += text
    else:
        pieces.append(text)
