"""The README.md of an output directory: deterministic, from the plan, the reading and the findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nixwright.docs.assumptions import assumptions_section
from nixwright.docs.blocks import (
    BlockDoc,
    ExplainedLine,
    block_section,
    covering_definitions,
    document_blocks,
)
from nixwright.docs.findings_section import findings_section
from nixwright.docs.install import install_section
from nixwright.docs.intro import machine_paragraph, request_quote
from nixwright.docs.maintenance import maintenance_section
from nixwright.docs.md import contents, heading, join_blocks
from nixwright.docs.other_lines import (
    explain_definitions,
    imports_section,
    other_lines_section,
    uncovered_definitions,
)
from nixwright.docs.secrets import secrets_section
from nixwright.docs.services import firewall_sentence, services_table
from nixwright.findings import Finding
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import ModuleReading
from nixwright.plan.model import Plan

FILES = (
    ("configuration.nix", "what the machine does; the file you edit."),
    ("hardware-configuration.nix", "its disks, file systems and start-up drivers."),
    ("flake.nix", "pins the NixOS release, so every rebuild uses the same one until you update."),
    ("nixwright.json", "the request, the answers and assumptions, and the reason for every line, for tools."),
    ("README.md", "this document."),
)


@dataclass(frozen=True)
class ReadmeDoc:
    """Everything the README explains, kept so tests and tools can measure it."""

    blocks: tuple[BlockDoc, ...]
    others: tuple[ExplainedLine, ...]

    @property
    def lines(self) -> tuple[ExplainedLine, ...]:
        return (*(line for b in self.blocks for line in b.lines), *self.others)

    def definitions_explained(self, reading: ModuleReading) -> tuple[int, int]:
        """(explained, total) over the definitions the reader found in the written files.

        A definition is explained by the plan line that wrote it (a set or list value is read back as
        several definitions, all explained by that one line) or by its own entry among the others.
        """
        owners: dict[int, ExplainedLine] = {}
        for block in self.blocks:
            for assignment, line in zip(block.block.assignments, block.lines, strict=True):
                for d in covering_definitions(assignment, reading):
                    owners.setdefault(id(d), line)
        others = {(e.file, e.source_line, e.line.path): e for e in self.others}
        explained = 0
        for d in reading.definitions:
            owner = owners.get(id(d)) or others.get((d.location.file, d.location.line, d.path))
            explained += owner is not None and owner.line.explained
        return explained, len(reading.definitions)


def document_plan(plan: Plan, reading: ModuleReading, kb: Knowledge) -> ReadmeDoc:
    blocks = document_blocks(plan, reading, kb)
    others = explain_definitions(uncovered_definitions(plan, reading), reading, kb, plan.system)
    return ReadmeDoc(blocks, tuple(others))


def render_readme(plan: Plan, reading: ModuleReading, findings: Sequence[Finding], kb: Knowledge) -> str:
    return render_document(document_plan(plan, reading, kb), plan, findings)


CONTENTS = (
    "What runs here",
    "The files",
    "The configuration, block by block",
    "Choices and assumptions",
    "Secrets and passwords",
    "Installing",
    "Updating and rolling back",
    "Checks",
)


def render_document(doc: ReadmeDoc, plan: Plan, findings: Sequence[Finding]) -> str:
    """The README of an already documented plan (``document_plan``), for callers that keep the doc."""
    sections = [
        heading(1, f"{plan.hostname}: a NixOS {plan.release} machine"),
        machine_paragraph(plan),
        request_quote(plan),
        contents(CONTENTS),
        heading(2, CONTENTS[0]),
        services_table(plan),
        firewall_sentence(plan),
        heading(2, CONTENTS[1]),
        "\n".join(f"- `{name}`: {what}" for name, what in FILES),
        heading(2, CONTENTS[2]),
        (
            "Each block shows its lines as the files write them (without their comments), then says what "
            "every line does: first why it is here, then (after *NixOS:*) the option's own description "
            "from the release."
        ),
        imports_section(plan),
        *(block_section(b, n) for n, b in enumerate(doc.blocks, start=1)),
        other_lines_section(list(doc.others)),
        heading(2, CONTENTS[3]),
        assumptions_section(plan),
        heading(2, CONTENTS[4]),
        secrets_section(plan),
        heading(2, CONTENTS[5]),
        install_section(plan),
        heading(2, CONTENTS[6]),
        maintenance_section(plan),
        heading(2, CONTENTS[7]),
        findings_section(findings),
    ]
    return join_blocks(sections)
