"""The whole journey in one call: text (+ answers) → Intent → Plan → files, validated and checked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Catalog
from nixwright.intake.intent import Intent
from nixwright.intake.parse import parse_request
from nixwright.knowledge.model import Knowledge
from nixwright.plan.build import build_plan
from nixwright.plan.model import Plan
from nixwright.plan.questions import Ask, resolve_answers
from nixwright.plan.render import RenderedFiles, render_plan
from nixwright.plan.verify import Verified, verify


@dataclass(frozen=True)
class Generated:
    intent: Intent
    plan: Plan
    files: RenderedFiles
    verified: Verified


def generate(
    text: str,
    kb: Knowledge,
    *,
    answers: Mapping[str, str] | None = None,
    ask: Ask | None = None,
    accepted_risks: Sequence[str] = (),
    catalog: Catalog | None = None,
) -> Generated:
    """Settle questions from ``answers``, then ``ask``, else documented defaults (recorded as assumptions)."""
    cat = catalog or load_catalog()
    intent = resolve_answers(parse_request(text, cat), cat, answers or {}, ask)
    plan = build_plan(intent, cat, kb)
    files = render_plan(plan)
    checked = verify(files, kb, intent, plan.system, accepted_risks)
    return Generated(intent, plan, files, checked)
