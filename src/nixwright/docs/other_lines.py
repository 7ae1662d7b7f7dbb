"""Lines of the written files that no block of the plan accounts for, and the imports at the top."""

from __future__ import annotations

import re

from nixwright.catalog.load import load_catalog
from nixwright.docs.blocks import ExplainedLine, covering_definitions, imported_modules, line_items
from nixwright.docs.lines import explain_line
from nixwright.docs.md import code
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import Definition, ModuleReading
from nixwright.plan.model import Plan

_MODULE = re.compile(r"""(?:modulesPath\s*\+\s*"/|<nixpkgs/nixos/modules/)(?P<module>[^">]+)""")


def uncovered_definitions(plan: Plan, reading: ModuleReading) -> list[Definition]:
    covered = {id(d) for a in plan.assignments for d in covering_definitions(a, reading)}
    return [d for d in reading.definitions if id(d) not in covered]


def explain_definitions(
    definitions: list[Definition], reading: ModuleReading, kb: Knowledge, system: str | None = None
) -> list[ExplainedLine]:
    modules = imported_modules(reading)
    return [
        ExplainedLine(
            explain_line(
                d.path,
                d.value,
                kb,
                priority=d.priority,
                condition=d.condition,
                imported_modules=modules,
                system=system,
            ),
            d.location.file,
            d.location.line,
        )
        for d in definitions
    ]


def other_lines_section(lines: list[ExplainedLine]) -> str:
    if not lines:
        return ""
    intro = "These lines are written by nixwright for every machine, outside the blocks above:"
    return intro + "\n\n" + line_items(lines)


def imports_section(plan: Plan) -> str:
    entries = [(i, "") for i in plan.imports]
    entries += [(i, f" (in {code('hardware-configuration.nix')})") for i in plan.hardware_imports]
    if not entries:
        return ""
    items = [f"- {code(source)}{where}: {import_words(source)}" for source, where in entries]
    return "The configuration starts by including these files:\n\n" + "\n".join(items)


def import_words(source: str) -> str:
    if "hardware-configuration.nix" in source and source.lstrip().startswith("./"):
        return (
            "this machine's disks, file systems and the drivers it needs to start, kept in a separate "
            "file in this directory so you can replace it with what `nixos-generate-config` detects."
        )
    match = _MODULE.search(source)
    if match is None:
        return "a file included as written."
    module = match["module"]
    why = _catalog_reason(module)
    base = f"a module that ships with NixOS ({code(module)})"
    return f"{base}: {why}" if why else f"{base}."


def _catalog_reason(module: str) -> str:
    catalog = load_catalog()
    specs = [
        *(s for c in catalog.capabilities for s in c.imports),
        *(s for h in catalog.hardware for s in h.imports),
    ]
    return next((s.why for s in specs if s.module == module and s.why), "")
