"""One section per block of the plan: the snippet as it is written, then every line explained."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nixwright.docs.lines import LineDoc, explain_line
from nixwright.docs.md import code, fence, heading, one_line
from nixwright.docs.snippet import snippet
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import Definition, ModuleReading
from nixwright.plan.model import Assignment, Block, Plan


@dataclass(frozen=True)
class ExplainedLine:
    line: LineDoc
    file: str
    source_line: int | None  # where the reader found it in the written file


@dataclass(frozen=True)
class BlockDoc:
    block: Block
    lines: tuple[ExplainedLine, ...]
    elsewhere: tuple[
        tuple[str, frozenset[tuple[str, ...]]], ...
    ] = ()  # per file: prefixes other blocks write

    def written_elsewhere(self, file: str) -> frozenset[tuple[str, ...]]:
        return next((paths for name, paths in self.elsewhere if name == file), frozenset())


def imported_modules(reading: ModuleReading) -> tuple[str, ...]:
    return tuple(i.module for i in reading.imports if i.kind == "nixos-module" and i.module)


def document_blocks(plan: Plan, reading: ModuleReading, kb: Knowledge) -> tuple[BlockDoc, ...]:
    modules = imported_modules(reading)
    return tuple(
        BlockDoc(
            block,
            tuple(_explain(a, plan, reading, kb, modules) for a in block.assignments),
            tuple(
                (file, written_elsewhere(plan, index, file))
                for file in dict.fromkeys(a.file for a in block.assignments)
            ),
        )
        for index, block in enumerate(plan.blocks)
    )


def written_elsewhere(plan: Plan, index: int, file: str) -> frozenset[tuple[str, ...]]:
    """Path prefixes the other blocks write into ``file`` (the renderer keeps those prefixes flat)."""
    return frozenset(
        a.path[:n]
        for other, block in enumerate(plan.blocks)
        if other != index
        for a in block.assignments
        if a.file == file
        for n in range(1, len(a.path) + 1)
    )


def block_section(doc: BlockDoc, number: int) -> str:
    parts = [heading(3, f"{number}. {doc.block.title}")]
    if doc.block.comment.strip():
        parts.append(one_line(doc.block.comment))
    for file in dict.fromkeys(a.file for a in doc.block.assignments):
        pairs = [(a, e) for a, e in zip(doc.block.assignments, doc.lines, strict=True) if a.file == file]
        parts.append(f"In {code(file)}:")
        lines = [(a.path, a.value, a.priority) for a, _ in pairs]
        parts.append(fence(snippet(lines, doc.written_elsewhere(file)), "nix"))
        parts.append(line_items([e for _, e in pairs]))
    return "\n\n".join(parts)


def line_items(lines: Sequence[ExplainedLine]) -> str:
    """One bullet per line; a settings option's own description is given once, at its first key."""
    described: set[str] = set()
    items = []
    for e in lines:
        repeat = e.line.option in described
        if e.line.option:
            described.add(e.line.option)
        items.append(line_item(e.line, e.source_line, repeat=repeat))
    return "\n".join(items)


def line_item(line: LineDoc, source_line: int | None, *, repeat: bool = False) -> str:
    where = f" (line {source_line})" if source_line is not None else ""
    return f"- {code(line.shown)}{where}: {one_line(line.text(repeat=repeat))}"


def covering_definitions(assignment: Assignment, reading: ModuleReading) -> list[Definition]:
    """The definitions the reader found for this assignment (its path, or paths inside its value)."""
    size = len(assignment.path)
    file = assignment.file
    return [
        d
        for d in reading.definitions
        if d.path[:size] == assignment.path and _same_file(d.location.file, file)
    ]


def _explain(
    assignment: Assignment, plan: Plan, reading: ModuleReading, kb: Knowledge, modules: Sequence[str]
) -> ExplainedLine:
    line = explain_line(
        assignment.path,
        assignment.value,
        kb,
        why=assignment.provenance.explanation,
        priority=assignment.priority,
        imported_modules=modules,
        system=plan.system,
    )
    found = covering_definitions(assignment, reading)
    source_line = min((d.location.line for d in found), default=None)
    return ExplainedLine(line, assignment.file, source_line)


def _same_file(location_file: str, plan_file: str) -> bool:
    return location_file == plan_file or location_file.endswith("/" + plan_file)
