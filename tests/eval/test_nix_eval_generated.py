"""Generated outputs evaluate with real Nix: every public example request, for its own system, and
the evaluated machine turns on what the example requires and nothing it forbids."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nixwright.cli.main import main

pytestmark = [pytest.mark.nix, pytest.mark.integration]
REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO.parent / "shared" / "examples" / "intents.toml"


def _cases() -> list[Any]:
    if not EXAMPLES.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no example requests at {EXAMPLES}"))]
    cases = tomllib.loads(EXAMPLES.read_text(encoding="utf-8"))["case"]
    return [pytest.param(case, id=case["id"]) for case in cases]


@pytest.fixture
def scratch(kb: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Generate with the knowledge base the ``kb`` fixture built, in a scratch folder."""
    home = os.environ.get("NIXWRIGHT_TEST_HOME") or str(REPO / "build" / "test-home")
    monkeypatch.setenv("NIXWRIGHT_HOME", home)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", _cases())
def test_generated_example_evaluates_and_does_what_was_asked(
    harness: ModuleType, intents_checker: ModuleType, nix_setup: Any, scratch: Path, case: dict[str, Any]
) -> None:
    out = scratch / case["id"]
    assert main(["generate", "--non-interactive", "--out", str(out), case["prompt"]]) == 0
    [target] = harness.collect_targets([out])
    assert (target.system, target.system_from) == (case["system"], "nixwright.json")
    result = harness.evaluate(target, nix_setup.script, nix_setup.nixpkgs, timeout=300)
    assert result.ok, "\n".join(result.error)
    assert result.drv.endswith("-24.11pre-git.drv")
    checked = intents_checker.run_case(case, out, nix_setup.nixpkgs, generate=False)
    assert (checked.verdict, checked.problems) == ("OK", [])
