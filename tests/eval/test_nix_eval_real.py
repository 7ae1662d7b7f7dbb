"""Nix's own evaluator on small configurations: what passes, and the errors the harness reports."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.nix


def _evaluate(harness: ModuleType, setup: Any, fixtures: Path, name: str) -> Any:
    [target] = harness.collect_targets([fixtures / name])
    return harness.evaluate(target, setup.script, setup.nixpkgs, timeout=300)


def test_a_small_server_evaluates(harness: ModuleType, nix_setup: Any, eval_fixtures: Path) -> None:
    result = _evaluate(harness, nix_setup, eval_fixtures, "minimal")
    assert result.ok, result.error
    assert result.drv.endswith("-nixos-system-evalmin-24.11pre-git.drv")
    assert result.system == "x86_64-linux"


def test_a_pi_evaluates_for_aarch64_read_from_nixwright_json(
    harness: ModuleType, nix_setup: Any, eval_fixtures: Path
) -> None:
    result = _evaluate(harness, nix_setup, eval_fixtures, "pi")
    assert (result.system, result.system_from) == ("aarch64-linux", "nixwright.json")
    assert result.ok, result.error
    assert result.drv.endswith("-nixos-system-evalpi-24.11pre-git.drv")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("misspelled", "The option `services.opensshd' does not exist."),
        ("wrongtype", "networking.firewall.allowedTCPPorts"),
        ("assertion", "Failed assertions: - Exactly one of users.users.alex.isSystemUser"),
        ("outside", "forbidden in restricted mode"),
    ],
)
def test_broken_configurations_fail_with_their_error(
    harness: ModuleType, nix_setup: Any, eval_fixtures: Path, name: str, expected: str
) -> None:
    result = _evaluate(harness, nix_setup, eval_fixtures, name)
    assert not result.ok
    assert result.exit_code == 1
    assert expected in result.first_error


def test_a_flake_evaluates_with_the_local_tree_as_its_nixpkgs(
    harness: ModuleType, nix_setup: Any, eval_fixtures: Path
) -> None:
    [target] = harness.collect_targets([eval_fixtures / "flake"])
    assert (target.system, target.system_from) == ("aarch64-linux", "hostPlatform")
    result = harness.evaluate(target, nix_setup.script, nix_setup.nixpkgs, timeout=300, flake=True)
    assert result.ok, result.error
    assert "-nixos-system-evalflake-" in result.drv
