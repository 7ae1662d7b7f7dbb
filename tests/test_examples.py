"""The public example requests (../shared/examples/intents.toml) pass their checks.

Each case is generated with --non-interactive defaults; its checks are judged on what the static
reader finds in the written configuration, the same reading `check` uses.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.values import Definition, NixAttrs, NixBool, NixList, NixNull, NixString, PackageRef
from nixwright.plan.pipeline import generate

EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "intents.toml"
CASES: list[dict[str, Any]] = (
    tomllib.loads(EXAMPLES.read_text(encoding="utf-8"))["case"] if EXAMPLES.is_file() else []
)
pytestmark = pytest.mark.integration


def _truthy(d: Definition) -> bool:
    match d.value:
        case NixBool(value):
            return bool(value)
        case NixNull():
            return False
        case NixString(text):
            return bool(text)
        case NixList(items):
            return bool(items)
        case NixAttrs(entries):
            return bool(entries)
        case _:
            return True


def _under(d: Definition, option: str) -> bool:
    dotted = ".".join(d.path)
    return dotted == option or dotted.startswith(option + ".")


def _packages(defs: tuple[Definition, ...]) -> set[str]:
    names: set[str] = set()
    for d in defs:
        if d.path == ("environment", "systemPackages") and isinstance(d.value, NixList):
            names |= {v.attr_path.rsplit(".", 1)[-1] for v in d.value.items if isinstance(v, PackageRef)}
        if (
            len(d.path) == 3
            and d.path[0] == "programs"
            and d.path[2] == "enable"
            and d.value == NixBool(value=True)
        ):
            names.add(d.path[1])
    return names


@pytest.mark.skipif(not CASES, reason=f"{EXAMPLES} not found")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_example(kb: KnowledgeBase, case: dict[str, Any]) -> None:
    gen = generate(case["prompt"], kb)
    assert gen.plan.system == case["system"]
    defs = gen.verified.reading.definitions
    for alternatives in case.get("require", []):
        assert any(_truthy(d) for d in defs for opt in alternatives if _under(d, opt)), alternatives
    for option in case.get("forbid", []):
        assert not any(_truthy(d) for d in defs if _under(d, option) and d.path[-1] == "enable"), option
    packages = _packages(defs)
    for group in case.get("packages_any", []):
        assert packages & set(group), group
    assert not packages & set(case.get("packages_none", []))
    assert not [f for f in gen.verified.validation if f.severity is Severity.ERROR]
    assert not [f for f in gen.verified.policy if f.severity in (Severity.HIGH, Severity.MEDIUM)]
