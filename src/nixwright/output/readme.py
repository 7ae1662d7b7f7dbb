"""README.md: the documentation module when it is available, else a short factual page."""

from __future__ import annotations

from nixwright.findings import Finding
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import ModuleReading
from nixwright.plan.model import Plan


def render_readme_for(
    plan: Plan, reading: ModuleReading, findings: tuple[Finding, ...], kb: Knowledge
) -> str:
    try:
        from nixwright.docs.readme import render_readme
    except ImportError:
        return minimal_readme(plan)
    return render_readme(plan, reading, findings, kb)


def minimal_readme(plan: Plan) -> str:
    lines = [
        f"# {plan.hostname}",
        "",
        f"NixOS {plan.release} ({plan.system}), hardware: {plan.hardware_profile}.",
        "",
    ]
    lines += ["## What this machine does", ""]
    lines += [f"- **{b.title}**: {b.comment}" for b in plan.blocks]
    if plan.ports:
        lines += ["", "## Open ports", ""]
        lines += [f"- {p.port}/{p.protocol} ({p.audience}): {p.purpose} [{p.service}]" for p in plan.ports]
    if plan.secrets:
        lines += ["", "## Secrets to create", ""]
        lines += [
            f"- `{s.name}` ({s.path}): {s.purpose}\n  ```sh\n  {s.how_to_set}\n  ```" for s in plan.secrets
        ]
    if plan.assumptions:
        lines += ["", "## Assumptions", ""]
        lines += [f"- {a.question} **{a.value}** ({a.why})" for a in plan.assumptions]
    if plan.notes:
        lines += ["", "## After installing", ""]
        lines += [f"- {n}" for n in plan.notes]
    return "\n".join(lines) + "\n"
