"""The evaluation harness (bench/nix_eval.py) without Nix: discovery, system detection, parsing,
and the runner driven by a stand-in for nix-eval-config."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from types import ModuleType

import pytest

ASSERTION_OUTPUT = """FAIL
error:
       Failed assertions:
       - Exactly one of users.users.alex.isSystemUser and users.users.alex.isNormalUser must be set.

       - users.users.alex.group is unset.
"""

# Stands in for nix-eval-config: FAIL when the config mentions "broken", a hang on "hang", else OK.
FAKE_SCRIPT = """#!/bin/sh
echo "$@" >> "$(dirname "$0")/calls.log"
for arg; do case "$arg" in *.nix) config="$arg" ;; esac; done
if grep -q hang "$config"; then sleep 30; fi
if grep -q broken "$config"; then
  echo FAIL
  echo "error: The option \\`services.nope' does not exist. Definition values:"
  echo "       - In \\`$config': true"
  exit 1
fi
echo "WARN something is deprecated"
echo "OK /nix/store/0000-nixos-system-test-24.11pre-git.drv"
"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "out"
    _write(root / "b-vps" / "configuration.nix", "{ ... }: { }\n")
    _write(root / "a-pi" / "configuration.nix", "{ ... }: { }\n")
    _write(root / "a-pi" / "nixwright.json", json.dumps({"hardware": {"system": "aarch64-linux"}}))
    _write(root / "nested" / "c-laptop" / "configuration.nix", "{ ... }: { broken = 1; }\n")
    _write(root / ".git" / "configuration.nix", "ignored\n")
    _write(root / "empty" / "notes.txt", "no config here\n")
    return root


@pytest.fixture
def fake_script(tmp_path: Path) -> Path:
    script = _write(tmp_path / "bin" / "nix-eval-config", FAKE_SCRIPT)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_find_configs_walks_sorted_and_skips_vcs(harness: ModuleType, tree: Path) -> None:
    found = [p.relative_to(tree).as_posix() for p in harness.find_configs(tree)]
    assert found == ["a-pi/configuration.nix", "b-vps/configuration.nix", "nested/c-laptop/configuration.nix"]


def test_find_configs_takes_a_directory_or_file_as_is(harness: ModuleType, tree: Path) -> None:
    assert harness.find_configs(tree / "a-pi") == [tree / "a-pi" / "configuration.nix"]
    assert harness.find_configs(tree / "b-vps" / "configuration.nix") == [
        tree / "b-vps" / "configuration.nix"
    ]
    assert harness.find_configs(tree / "missing") == []


def test_system_from_nixwright_json_prefers_the_shallowest_key(harness: ModuleType, tmp_path: Path) -> None:
    config = _write(tmp_path / "configuration.nix", "{ ... }: { }\n")
    meta = {"plan": {"hardware": {"system": "x86_64-linux"}}, "intent": {"system": "aarch64-linux"}}
    _write(tmp_path / "nixwright.json", json.dumps(meta))
    assert harness.detect_system(config) == ("aarch64-linux", "nixwright.json")


def test_system_ignores_values_that_are_not_systems(harness: ModuleType, tmp_path: Path) -> None:
    config = _write(tmp_path / "configuration.nix", "{ ... }: { }\n")
    _write(tmp_path / "nixwright.json", json.dumps({"system": "a Raspberry Pi", "x": [{"system": 3}]}))
    assert harness.detect_system(config) == ("x86_64-linux", "default")


def test_system_from_host_platform_when_json_is_unreadable(harness: ModuleType, tmp_path: Path) -> None:
    config = _write(
        tmp_path / "configuration.nix", "{ ... }: { imports = [ ./hardware-configuration.nix ]; }\n"
    )
    _write(tmp_path / "nixwright.json", "{not json")
    _write(
        tmp_path / "hardware-configuration.nix",
        '{ lib, ... }: { nixpkgs.hostPlatform = lib.mkDefault "aarch64-linux"; }\n',
    )
    assert harness.detect_system(config) == ("aarch64-linux", "hostPlatform")


def test_collect_targets_names_and_systems(harness: ModuleType, tree: Path) -> None:
    targets = harness.collect_targets([tree])
    assert [(t.name, t.system, t.system_from) for t in targets] == [
        ("a-pi", "aarch64-linux", "nixwright.json"),
        ("b-vps", "x86_64-linux", "default"),
        ("nested/c-laptop", "x86_64-linux", "default"),
    ]
    forced = harness.collect_targets([tree / "a-pi"], system="riscv64-linux")
    assert [(t.name, t.system, t.system_from) for t in forced] == [("a-pi", "riscv64-linux", "option")]


def test_eval_command_is_built_from_the_target(harness: ModuleType, tree: Path) -> None:
    target = harness.collect_targets([tree / "a-pi"])[0]
    cmd = harness.eval_command(Path("/s/nix-eval-config"), target, Path("/np"), lines=5, restrict=False)
    config = str(tree / "a-pi" / "configuration.nix")
    assert cmd == [
        "/s/nix-eval-config",
        "--system",
        "aarch64-linux",
        "--lines",
        "5",
        "--no-restrict",
        config,
        "/np",
    ]


def test_first_error_joins_an_introduction_to_its_first_item(harness: ModuleType) -> None:
    _, _, error, _ = harness.parse_output(ASSERTION_OUTPUT)
    assert harness.first_error(error) == (
        "Failed assertions: - Exactly one of users.users.alex.isSystemUser and "
        "users.users.alex.isNormalUser must be set."
    )


def test_first_error_keeps_a_complete_message(harness: ModuleType) -> None:
    lines = [
        "trace: something",
        "error: The option `services.opensshd' does not exist. Definition values:",
        "       - In `/x/configuration.nix': true",
        "(use '--show-trace' to show detailed location information)",
    ]
    assert harness.first_error(lines) == "The option `services.opensshd' does not exist."
    assert harness.first_error(["nix-instantiate not found"]) == "nix-instantiate not found"
    assert harness.first_error([]) == ""


def test_parse_output_ok_with_warnings(harness: ModuleType) -> None:
    out = "WARN a is renamed\nWARN b is old\nOK /nix/store/abc-nixos-system-x.drv\n"
    assert harness.parse_output(out) == (
        True,
        "/nix/store/abc-nixos-system-x.drv",
        [],
        ["a is renamed", "b is old"],
    )


def test_parse_output_fail_keeps_lines_after_fail(harness: ModuleType) -> None:
    ok, drv, error, warnings = harness.parse_output("WARN w\nFAIL\nerror: boom\nOK not-a-verdict\n")
    assert (ok, drv, warnings) == (False, None, ["w"])
    assert error == ["error: boom", "OK not-a-verdict"]


def test_runner_reports_ok_fail_and_json(
    harness: ModuleType, tree: Path, fake_script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nixpkgs = _write(tmp_path / "np" / "nixos" / "default.nix", "{ }\n").parents[1]
    code = harness.main([str(tree), "--json", "--nixpkgs", str(nixpkgs), "--script", str(fake_script)])
    assert code == 1
    results = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert sorted(results) == ["a-pi", "b-vps", "nested/c-laptop"]
    assert results["a-pi"]["ok"] is True
    assert results["a-pi"]["drv"] == "/nix/store/0000-nixos-system-test-24.11pre-git.drv"
    assert results["a-pi"]["warnings"] == ["something is deprecated"]
    failed = results["nested/c-laptop"]
    assert (failed["ok"], failed["exit_code"]) == (False, 1)
    assert failed["first_error"] == "The option `services.nope' does not exist."
    calls = (fake_script.parent / "calls.log").read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith("--system aarch64-linux --lines 25 ")
    assert calls[1].startswith("--system x86_64-linux --lines 25 ")


def test_runner_table_and_exit_zero_when_all_pass(
    harness: ModuleType, tree: Path, fake_script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nixpkgs = _write(tmp_path / "np" / "nixos" / "default.nix", "{ }\n").parents[1]
    argv = [str(tree / "a-pi"), str(tree / "b-vps"), "--warnings", "--nixpkgs", str(nixpkgs)]
    assert harness.main([*argv, "--script", str(fake_script)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["NAME", "SYSTEM", "RESULT", "SECS", "MB", "WARN", "FIRST", "ERROR"]
    assert lines[1].split()[:3] == ["a-pi", "aarch64-linux", "OK"]
    assert lines[3] == "2 evaluated: 2 OK, 0 FAIL"
    assert lines[4:] == ["WARN a-pi: something is deprecated", "WARN b-vps: something is deprecated"]


def test_runner_kills_an_evaluation_past_its_timeout(
    harness: ModuleType, fake_script: Path, tmp_path: Path
) -> None:
    config = _write(tmp_path / "slow" / "configuration.nix", "# hang\n")
    target = harness.collect_targets([config.parent])[0]
    result = harness.evaluate(target, fake_script, tmp_path, timeout=0.5)
    assert not result.ok
    assert result.exit_code == -9
    assert result.first_error.startswith("killed by signal 9")
    assert result.seconds < 10


def test_main_refuses_without_a_nixpkgs_tree_or_configs(
    harness: ModuleType, tree: Path, fake_script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert harness.main([str(tree), "--nixpkgs", str(tmp_path), "--script", str(fake_script)]) == 2
    assert "NIXPKGS_SRC" in capsys.readouterr().err
    nixpkgs = _write(tmp_path / "np" / "nixos" / "default.nix", "{ }\n").parents[1]
    assert harness.main([str(tree / "empty"), "--nixpkgs", str(nixpkgs), "--script", str(fake_script)]) == 2
    assert "no configuration.nix" in capsys.readouterr().err


def test_format_table_truncates_long_errors(harness: ModuleType) -> None:
    result = harness.EvalResult(
        name="x",
        config="/x/configuration.nix",
        system="x86_64-linux",
        system_from="default",
        ok=False,
        exit_code=1,
        seconds=0.4,
        max_rss_mb=100,
        drv=None,
        first_error="e" * 50,
    )
    table = harness.format_table([result], width=20).splitlines()
    assert table[1].endswith("e" * 17 + "...")
    assert table[2] == "1 evaluated: 0 OK, 1 FAIL"


def test_terminating_the_harness_stops_the_running_evaluation(fake_script: Path, tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    harness_file = Path(__file__).resolve().parents[2] / "bench" / "nix_eval.py"
    _write(tmp_path / "slow" / "configuration.nix", "# hang\n")
    nixpkgs = _write(tmp_path / "np" / "nixos" / "default.nix", "{ }\n").parents[1]
    cmd = [sys.executable, str(harness_file), str(tmp_path / "slow"), "--nixpkgs", str(nixpkgs)]
    proc = subprocess.Popen([*cmd, "--script", str(fake_script)], stderr=subprocess.DEVNULL)
    log = fake_script.parent / "calls.log"
    deadline = time.monotonic() + 20
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False)
    [script_pid] = [int(x) for x in children.stdout.split()]
    proc.terminate()
    assert proc.wait(timeout=10) == 143
    deadline = time.monotonic() + 5  # killed processes may linger a moment before they are reaped
    while time.monotonic() < deadline:
        group = subprocess.run(["pgrep", "-g", str(script_pid)], capture_output=True, text=True, check=False)
        if not group.stdout.split():
            break
        time.sleep(0.1)
    assert group.stdout.split() == []


def test_flake_command_is_restricted_and_points_at_the_tree(harness: ModuleType, tree: Path) -> None:
    target = harness.collect_targets([tree / "a-pi"])[0]
    cmd = harness.flake_command(target, Path("/np"))
    assert cmd[:3] == ["nix-instantiate", "--eval", "--strict"]
    assert cmd[cmd.index("restrict-eval") + 1] == "true"
    assert cmd[cmd.index("flakeDir") + 1] == str(tree / "a-pi")
    assert cmd[cmd.index("nixpkgsDir") + 1] == "/np"
    assert "nixosConfigurations" in cmd[-1]
    assert "restrict-eval" not in harness.flake_command(target, Path("/np"), restrict=False)


def test_parse_flake_output(harness: ModuleType, tree: Path) -> None:
    target = harness.collect_targets([tree / "a-pi"])[0]  # aarch64-linux from nixwright.json
    stdout = json.dumps(
        {
            "b": {"drv": "/nix/store/b.drv", "system": "aarch64-linux"},
            "a": {"drv": "/nix/store/a.drv", "system": "aarch64-linux"},
        }
    )
    stderr = "trace: evaluation warning: x is old\ntrace: warning: ShellCheck-0-placeholder lacks y\n"
    assert harness.parse_flake_output(target, 0, stdout, stderr) == (
        True,
        "/nix/store/a.drv",
        [],
        ["x is old"],
    )
    wrong = json.dumps({"a": {"drv": "/nix/store/a.drv", "system": "x86_64-linux"}})
    ok, drv, error, _ = harness.parse_flake_output(target, 0, wrong, "")
    assert (ok, drv) == (False, None)
    assert error == [
        "error: flake evaluates for another system than aarch64-linux (nixwright.json): a: x86_64-linux"
    ]
    assert harness.parse_flake_output(target, 0, "{}", "")[2] == [
        "error: flake.nix defines no nixosConfigurations"
    ]
    failed = harness.parse_flake_output(target, 1, "", "trace: t\nerror: boom\n")
    assert failed == (False, None, ["error: boom"], [])


def test_flake_mode_without_a_flake_fails_clearly(harness: ModuleType, tree: Path, fake_script: Path) -> None:
    target = harness.collect_targets([tree / "b-vps"])[0]
    result = harness.evaluate(target, fake_script, tree, flake=True)
    assert (result.ok, result.first_error) == (False, "no flake.nix beside the configuration")
