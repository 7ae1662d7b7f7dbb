"""nixwright.json: the intent, answers, assumptions, plan with provenance and findings, as plain data."""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from nixwright.findings import Finding
from nixwright.intake.intent import Intent
from nixwright.nix.values import path_str
from nixwright.plan.model import Plan

FORMAT = 1


def record_json(plan: Plan, findings: tuple[Finding, ...]) -> str:
    from nixwright.nix.render import render_value

    data = {
        "format": FORMAT,
        "release": plan.release,
        "system": plan.system,
        "hostname": plan.hostname,
        "hardware_profile": plan.hardware_profile,
        "capabilities": list(plan.capabilities),
        "intent": _intent(plan.intent),
        "answers": [_plain(a) for a in plan.intent.answers if not a.assumed],
        "assumptions": [_plain(a) for a in plan.assumptions],
        "plan": {
            "imports": list(plan.imports),
            "hardware_imports": list(plan.hardware_imports),
            "blocks": [
                {
                    "id": blk.id,
                    "title": blk.title,
                    "comment": blk.comment,
                    "assignments": [
                        {
                            "option": path_str(a.path),
                            "value": render_value(a.value, 0),
                            "file": a.file,
                            "priority": a.priority,
                            "provenance": _plain(a.provenance),
                        }
                        for a in blk.assignments
                    ],
                }
                for blk in plan.blocks
            ],
            "ports": [_plain(p) for p in plan.ports],
            "secrets": [_plain(s) for s in plan.secrets],
            "notes": list(plan.notes),
        },
        "findings": [_plain(f) for f in sorted(findings, key=Finding.sort_key)],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _intent(intent: Intent) -> Any:
    return _plain(intent)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
