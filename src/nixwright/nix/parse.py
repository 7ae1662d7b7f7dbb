"""Parsing Nix source with tree-sitter's Nix grammar; syntax errors become one clear NixwrightError.

The grammar recovers from errors and keeps going, so a tree with an ``ERROR`` or ``MISSING`` node is
rejected here: the first such node (in source order) gives the location, the offending line and a
caret. Input that is not Nix at all (binary data, not UTF-8, far too large) is refused before parsing.
"""

from __future__ import annotations

import stat
import sys
from functools import cache
from pathlib import Path

import tree_sitter
import tree_sitter_nix

from nixwright.errors import NixwrightError, SourceLocation

# A NixOS module is a few hundred lines; ten megabytes is far beyond any hand-written one.
MAX_SOURCE_BYTES = 10 * 1024 * 1024

Tree = tree_sitter.Tree
Node = tree_sitter.Node


LANGUAGE = tree_sitter.Language(tree_sitter_nix.language())
# Node kinds by id: ``KIND[node.kind_id]`` is ``node.type`` without a new string made on every call
# (the reader asks a node's kind tens of thousands of times per file). 65535 is tree-sitter's ERROR.
KIND: dict[int, str] = {
    kind_id: sys.intern(LANGUAGE.node_kind_for_id(kind_id) or "")
    for kind_id in range(LANGUAGE.node_kind_count)
}
KIND[0xFFFF] = "ERROR"


@cache
def _parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(LANGUAGE)


def source_bytes(source: bytes | str, file: str) -> bytes:
    """The source as UTF-8 bytes with CRLF line ends read as LF; refuses binary or oversized input."""
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    if len(data) > MAX_SOURCE_BYTES:
        raise NixwrightError(
            f"{file} is too large to be a Nix module ({len(data)} bytes)",
            hint=f"nixwright reads files up to {MAX_SOURCE_BYTES // (1024 * 1024)} MiB",
        )
    if b"\x00" in data:
        raise NixwrightError(f"{file} is a binary file, not Nix source", hint="pass a .nix file")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NixwrightError(
            f"{file} is not UTF-8 text (invalid byte at offset {exc.start})",
            hint="Nix files are UTF-8; re-save the file as UTF-8",
        ) from None
    return data.replace(b"\r\n", b"\n")


def parse_source(source: bytes | str, file: str) -> Tree:
    """Parse Nix source; raise NixwrightError at ``file:line:col`` on the first syntax error."""
    return parse_bytes(source_bytes(source, file), file)


def parse_bytes(data: bytes, file: str) -> Tree:
    """Parse bytes already checked by ``source_bytes``."""
    tree = _parser().parse(data)
    if tree.root_node.has_error:
        error = _first_error(tree.root_node)
        if error is not None:
            raise _syntax_error(error, data, file)
    return tree


def read_file_bytes(path: Path) -> bytes:
    """Read a Nix file, turning every OS-level problem into a NixwrightError."""
    if path.is_dir():
        raise NixwrightError(f"{path} is a directory", hint="pass a .nix file, e.g. configuration.nix")
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise NixwrightError(f"{path} is not a regular file", hint="pass a .nix file")
        with path.open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise NixwrightError(f"{path}: no such file", hint="check the path") from None
    except PermissionError:
        raise NixwrightError(f"{path}: permission denied", hint="check the file's permissions") from None
    except OSError as exc:
        raise NixwrightError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_SOURCE_BYTES:
        source_bytes(data, str(path))  # raises: too large
    return data


def _errors(root: Node) -> list[Node]:
    """Error and missing nodes in source order (only subtrees holding errors are walked)."""
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_missing or node.type == "ERROR":
            found.append(node)
            continue
        stack.extend(child for child in reversed(node.children) if child.has_error or child.is_missing)
    return found


def _tolerated(node: Node) -> bool:
    """Valid Nix this grammar version does not accept: ``{ a, b, }:`` (nixfmt writes it), ``inherit (x);``."""
    parent = node.parent
    if parent is None:
        return False
    if node.type == "ERROR" and parent.type == "formals" and node.child_count == 1:
        following = node.next_sibling
        return node.children[0].type == "," and following is not None and following.type == "}"
    if node.is_missing and parent.type == "formal" and parent.child_count == 1:
        following = parent.next_sibling
        return following is not None and following.type == "}"
    # `inherit (x);` inherits nothing: valid Nix, read by this grammar as a missing name
    return node.is_missing and parent.type == "inherited_attrs" and parent.child_count == 1


def _first_error(root: Node) -> Node | None:
    for node in _errors(root):
        if not _tolerated(node):
            return node
    return None


def _syntax_error(node: Node, data: bytes, file: str) -> NixwrightError:
    row, col_bytes = node.start_point
    lines = data.split(b"\n")
    line_bytes = lines[row] if row < len(lines) else b""
    col = len(line_bytes[:col_bytes].decode("utf-8", "replace")) + 1
    line_text = line_bytes.decode("utf-8", "replace").replace("\t", " ")
    if node.is_missing and node.is_named:
        message = "syntax error: expected a value here"
        hint = "write the missing value, or remove the stray '=' or operator"
    elif node.is_missing:
        message = f"syntax error: missing {node.type!r}"
        hint = f"add the missing {node.type!r}"
    else:
        token = data[node.start_byte : node.end_byte].decode("utf-8", "replace").split("\n", 1)[0]
        token = token[:30] + ("…" if len(token) > 30 else "")
        message = f"syntax error: unexpected {token!r}" if token else "syntax error: unexpected end of file"
        hint = _unexpected_hint(lines, row)
    caret = " " * (col - 1) + "^"
    return NixwrightError(
        f"{message}\n    {line_text}\n    {caret}",
        hint=hint,
        location=SourceLocation(file, row + 1, col),
    )


def _unexpected_hint(lines: list[bytes], row: int) -> str:
    previous = row - 1
    while previous >= 0 and not lines[previous].split(b"#", 1)[0].strip():
        previous -= 1
    if previous >= 0:
        ending = lines[previous].split(b"#", 1)[0].rstrip()
        if ending and ending[-1:] not in (b";", b"{", b"[", b"(", b"=", b":", b",", b"/", b"'", b"}"):
            return f"is a ';' missing at the end of line {previous + 1}?"
    return "check for a missing ';', a missing closing bracket or an unclosed string"
