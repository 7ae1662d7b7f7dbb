"""The block structure of a description: paragraphs, list items, code blocks and admonition labels."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)[^`]*$")
_ADMONITION = re.compile(r"^\s*:{3,}\s*\{?\s*\.?(?P<kind>[A-Za-z]+)[^}]*\}?\s*$")
_ADMONITION_END = re.compile(r"^\s*:{3,}\s*$")
_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,3}[.)])\s+(?P<text>.*)$")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")


class ChunkKind(Enum):
    PARAGRAPH = "paragraph"
    ITEM = "item"  # ``info`` is "-" or "N.", ``depth`` the nesting level
    CODE = "code"  # ``info`` is the language, if given
    LABEL = "label"  # an admonition's kind ("Note"), put before the next paragraph


@dataclass
class Chunk:
    kind: ChunkKind
    text: str
    info: str = ""
    depth: int = 0


@dataclass
class _State:
    chunks: list[Chunk] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    item: Chunk | None = None
    item_indents: list[int] = field(default_factory=list)
    content_indent: int = 0
    blank: bool = True

    def flush(self) -> None:
        if self.lines:
            text = " ".join(line.strip() for line in self.lines)
            if self.item is not None:
                self.item.text = text
                self.chunks.append(self.item)
            else:
                self.chunks.append(Chunk(ChunkKind.PARAGRAPH, text))
        self.lines = []
        self.item = None


def split_chunks(text: str) -> list[Chunk]:
    lines = text.split("\n")
    state = _State()
    i = 0
    while i < len(lines):
        line = lines[i].expandtabs(4).rstrip()
        i += 1
        if fence := _FENCE.match(line):
            state.flush()
            i = _read_fence(lines, i, fence, state)
            state.blank = True
            continue
        if not line.strip():
            state.flush()
            state.blank = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        after_item = bool(state.chunks) and state.chunks[-1].kind is ChunkKind.ITEM
        code_indent = 4 + (state.content_indent if after_item else 0)
        if state.blank and not state.lines and indent >= code_indent:
            i = _read_indented(lines, i - 1, code_indent, state)
            continue
        state.blank = False
        if _ADMONITION_END.match(line):
            state.flush()
        elif admonition := _ADMONITION.match(line):
            state.flush()
            state.chunks.append(Chunk(ChunkKind.LABEL, admonition["kind"].capitalize()))
        elif heading := _HEADING.match(line):
            state.flush()
            state.chunks.append(Chunk(ChunkKind.PARAGRAPH, heading["text"]))
        elif item := _ITEM.match(line):
            state.flush()
            _start_item(item, state)
        else:
            if not state.lines and not after_item:
                state.item_indents = []
            state.lines.append(line)
    state.flush()
    return state.chunks


def _start_item(item: re.Match[str], state: _State) -> None:
    indent = len(item["indent"])
    while state.item_indents and state.item_indents[-1] > indent:
        state.item_indents.pop()
    if not state.item_indents or state.item_indents[-1] < indent:
        state.item_indents.append(indent)
    marker = item["marker"]
    info = "-" if marker in "-*+" else f"{marker[:-1]}."
    state.item = Chunk(ChunkKind.ITEM, "", info, len(state.item_indents) - 1)
    state.content_indent = indent + len(marker) + 1
    state.lines = [item["text"]]


def _read_fence(lines: list[str], i: int, fence: re.Match[str], state: _State) -> int:
    indent = len(fence["indent"])
    mark = fence["fence"]
    body: list[str] = []
    while i < len(lines):
        line = lines[i].expandtabs(4).rstrip()
        i += 1
        if line.strip().startswith(mark) and not line.strip().strip(mark[0]):
            break
        body.append(line[indent:] if line[:indent].isspace() else line.lstrip(" "))
    state.chunks.append(Chunk(ChunkKind.CODE, "\n".join(body).strip("\n"), fence["info"]))
    return i


def _read_indented(lines: list[str], i: int, indent: int, state: _State) -> int:
    body: list[str] = []
    while i < len(lines):
        line = lines[i].expandtabs(4).rstrip()
        if line and len(line) - len(line.lstrip(" ")) < indent:
            break
        body.append(line[indent:])
        i += 1
    state.chunks.append(Chunk(ChunkKind.CODE, "\n".join(body).strip("\n")))
    return i
