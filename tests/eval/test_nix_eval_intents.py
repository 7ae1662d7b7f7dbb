"""bench/nix_eval_intents.py: expectations judged against evaluated values, and the real Nix query."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CASE = {
    "id": "c",
    "system": "x86_64-linux",
    "prompt": "p",
    "require": [["services.a.enable", "services.b.enable"], ["services.c.enable"]],
    "forbid": ["services.x.enable", "services.a.enable"],
    "packages_any": [["firefox"], ["libreoffice", "libreoffice-fresh"]],
    "packages_none": ["chromium"],
}


def test_case_paths_in_first_seen_order(intents_checker: ModuleType) -> None:
    assert intents_checker.case_paths(CASE) == [
        "services.a.enable",
        "services.b.enable",
        "services.c.enable",
        "services.x.enable",
    ]


def test_judge_accepts_a_machine_that_does_what_was_asked(intents_checker: ModuleType) -> None:
    options = {"services.a.enable": "off", "services.b.enable": "on", "services.c.enable": "on"}
    options |= {"services.x.enable": "absent"}
    assert intents_checker.judge(CASE, options, ["firefox", "libreoffice-fresh", "nano"]) == []


def test_judge_names_every_problem(intents_checker: ModuleType) -> None:
    options = {"services.a.enable": "on", "services.c.enable": "absent", "services.x.enable": "on"}
    problems = intents_checker.judge(CASE, options, ["chromium", "libreoffice"])
    assert problems == [
        "required, none on: services.c.enable=absent",
        "forbidden but on: services.x.enable",
        "forbidden but on: services.a.enable",
        "no package of ['firefox'] installed",
        "package installed: chromium",
    ]


def test_query_command_is_restricted(intents_checker: ModuleType) -> None:
    cmd = intents_checker.query_command(
        Path("/o/m/configuration.nix"), "aarch64-linux", ["a.b", "c"], Path("/np")
    )
    assert cmd[:2] == ["nix-instantiate", "--eval"]
    assert cmd[cmd.index("restrict-eval") + 1] == "true"
    assert cmd[cmd.index("-I") + 1] == "/o/m"
    assert "nixpkgs=/np" in cmd
    assert cmd[cmd.index("paths") + 1] == '[ "a.b" "c" ]'
    assert cmd[cmd.index("system") + 1] == "aarch64-linux"
    assert "nixos.config.environment.systemPackages" in cmd[-1]


@pytest.mark.nix
def test_query_reports_evaluated_values_and_packages(
    intents_checker: ModuleType, nix_setup: Any, eval_fixtures: Path
) -> None:
    paths = ["services.openssh.enable", "services.xserver.enable", "services.nope.enable", "users.users"]
    paths.append("services.dhcpd4.enable")  # removed from NixOS: looking at it throws
    cmd = intents_checker.query_command(
        eval_fixtures / "minimal" / "configuration.nix", "x86_64-linux", paths, nix_setup.nixpkgs
    )
    env = dict(os.environ, NIX_PATH="", GC_DONT_GC="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["options"] == {
        "services.openssh.enable": "on",
        "services.xserver.enable": "off",
        "services.nope.enable": "absent",
        "users.users": "on",
        "services.dhcpd4.enable": "error",
    }
    assert "htop" in data["packages"]
    assert "openssh" in data["packages"]  # added by the openssh module, not by the file
