"""``explain``: the README kind of document for any existing configuration, from what the reader found."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from nixwright.docs.blocks import ExplainedLine, line_items
from nixwright.docs.explain_summary import display_name, overview, unexplained_section
from nixwright.docs.findings_section import findings_section
from nixwright.docs.md import code, fence, heading, join_blocks
from nixwright.docs.other_lines import explain_definitions
from nixwright.docs.snippet import snippet
from nixwright.findings import Finding
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import Definition, ModuleImport, ModuleReading

# Namespaces whose second part names one program or subsystem: grouped by two parts.
TWO_PART = frozenset({"services", "programs", "virtualisation", "hardware", "boot", "networking", "security"})
TWO_PART |= {"users", "systemd", "environment", "nix", "i18n", "fileSystems", "system"}


def explain_reading(
    reading: ModuleReading, findings: Sequence[Finding], kb: Knowledge, system: str | None = None
) -> str:
    lines = explain_definitions(list(reading.definitions), reading, kb, system)
    title = _title(reading)
    sections = [
        heading(1, f"{title}, explained"),
        overview(reading, lines, kb.release),
        heading(2, "Imports"),
        imports_text(reading.imports, reading.files),
        heading(2, "Line by line"),
        *_groups(reading, lines),
        heading(2, "What could not be explained"),
        unexplained_section(reading, lines),
        heading(2, "Checks"),
        findings_section(findings),
    ]
    return join_blocks(sections)


def group_key(path: tuple[str, ...]) -> tuple[str, ...]:
    size = 2 if path[:1] and path[0] in TWO_PART and len(path) > 2 else 1
    return path[:size]


def imports_text(imports: Sequence[ModuleImport], files: Sequence[str] = ()) -> str:
    if not imports:
        return "The configuration imports no other files."
    return "\n".join(
        f"- {code(i.text)} ({display_name(i.location.file, files)}, line {i.location.line}): {_import_words(i)}"
        for i in imports
    )


def _import_words(item: ModuleImport) -> str:
    if item.kind == "local":
        return "a file of your own, read and explained below as part of the configuration."
    if item.kind == "nixos-module":
        return f"a module that ships with NixOS ({code(item.module or item.text)}); its options are known."
    return (
        "not followed: which file this is becomes known only when the system is built, so its "
        "contents are not explained here."
    )


def _groups(reading: ModuleReading, lines: list[ExplainedLine]) -> list[str]:
    if not lines:
        return ["The reader found no option definitions in this configuration."]
    by_file: dict[str, list[tuple[Definition, ExplainedLine]]] = {}
    for definition, line in zip(reading.definitions, lines, strict=True):
        by_file.setdefault(definition.location.file, []).append((definition, line))
    out: list[str] = []
    several = len(by_file) > 1
    order = {f: n for n, f in enumerate(reading.files)}
    for file, pairs in sorted(by_file.items(), key=lambda kv: order.get(kv[0], len(order))):
        if several:
            out.append(heading(3, f"In {code(display_name(file, reading.files))}"))
        groups: dict[tuple[str, ...], list[tuple[Definition, ExplainedLine]]] = {}
        for pair in pairs:
            groups.setdefault(group_key(pair[0].path), []).append(pair)
        for key, members in groups.items():
            out.append(heading(4 if several else 3, code(".".join(key))))
            out.append(fence(snippet([(d.path, d.value, d.priority) for d, _ in members]), "nix"))
            out.append(line_items([line for _, line in members]))
    return out


def _title(reading: ModuleReading) -> str:
    first = (
        reading.files[0]
        if reading.files
        else (reading.definitions[0].location.file if reading.definitions else "")
    )
    return code(PurePosixPath(first).name) if first else "This configuration"
