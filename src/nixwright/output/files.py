"""All files of an output directory, as text, from a generated configuration."""

from __future__ import annotations

from nixwright.knowledge.model import Knowledge
from nixwright.output.flake import render_flake
from nixwright.output.readme import render_readme_for
from nixwright.output.record import record_json
from nixwright.plan.pipeline import Generated


def output_files(gen: Generated, kb: Knowledge) -> dict[str, str]:
    plan = gen.plan
    findings = gen.verified.findings
    return {
        "configuration.nix": gen.files.configuration,
        "hardware-configuration.nix": gen.files.hardware,
        "flake.nix": render_flake(plan.hostname, plan.release),
        "README.md": render_readme_for(plan, gen.verified.reading, findings, kb),
        "nixwright.json": record_json(plan, findings),
    }
