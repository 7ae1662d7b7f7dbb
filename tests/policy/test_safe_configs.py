"""No false positives: carefully written configurations get no high or medium findings."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from policy_cases import make_intent

from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.read import read_source
from nixwright.nix.render_values import render_value
from nixwright.nix.values import path_str
from nixwright.policy.engine import evaluate_policy
from nixwright.policy.hardening import hardening_settings

SAFE = tomllib.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "policy" / "safe.toml").read_text(encoding="utf-8")
)["config"]


def _source(entry: dict[str, Any], kb: KnowledgeBase) -> str:
    """The configuration, plus every hardening setting as a second module when asked for."""
    if not entry.get("hardened_settings"):
        return str(entry["nix"])
    lines = [f"  {path_str(s.path)} = {render_value(s.value, 1)};" for s in hardening_settings(kb)]
    hardening = "{\n" + "\n".join(lines) + "\n}"
    body = str(entry["nix"]).strip()
    head, _, rest = body.partition(": {")
    return f"{head}: {{\n  imports = [ ({hardening}) ];{rest}"


@pytest.mark.parametrize("entry", SAFE, ids=[e["name"] for e in SAFE])
def test_safe_configuration(entry: dict[str, Any], small_kb: KnowledgeBase) -> None:
    reading = read_source(_source(entry, small_kb), file=f"{entry['name']}.nix")
    intent = make_intent(tuple(entry.get("qualities", ())), tuple(entry.get("domains", ())))
    findings = evaluate_policy(reading, small_kb, system="x86_64-linux", intent=intent)
    serious = [f"{f.code}: {f.message}" for f in findings if f.severity in {Severity.HIGH, Severity.MEDIUM}]
    assert serious == [], entry["why"]
    if entry.get("hardened_settings"):
        assert [f.code for f in findings if f.severity is not Severity.INFO] == []
