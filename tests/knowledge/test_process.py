"""The subprocess chokepoint: pure argv builders and clear failures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.process import (
    format_command,
    nix_build,
    nix_env_query_packages,
    nix_instantiate_eval,
    nix_instantiate_parse,
    run_command,
)


def test_nix_instantiate_eval_argv() -> None:
    argv = nix_instantiate_eval(
        Path("/x/f.nix"),
        attr="a.b",
        args={"config": "{ }"},
        argstrs={"system": "aarch64-linux", "nixpkgs": "/n"},
        include={"nixpkgs": Path("/n")},
    )
    assert argv == [
        "nix-instantiate", "--eval", "--strict", "--json",
        "-I", "nixpkgs=/n",
        "--arg", "config", "{ }",
        "--argstr", "nixpkgs", "/n", "--argstr", "system", "aarch64-linux",
        "/x/f.nix", "-A", "a.b",
    ]  # fmt: skip
    lazy = nix_instantiate_eval("f.nix", strict=False, json=False, read_write_mode=True)
    assert lazy == ["nix-instantiate", "--eval", "--read-write-mode", "f.nix"]


def test_other_builders() -> None:
    assert nix_instantiate_parse("c.nix") == ["nix-instantiate", "--parse", "c.nix"]
    assert nix_build("d.nix", attr="x") == ["nix-build", "d.nix", "-A", "x", "--no-out-link"]
    assert nix_build("d.nix", out_link=Path("r")) == ["nix-build", "d.nix", "--out-link", "r"]
    assert nix_env_query_packages("/n", "/n/cfg.nix")[-4:] == [
        "--json",
        "--arg",
        "config",
        "import /n/cfg.nix",
    ]


def test_format_command_is_copy_pasteable() -> None:
    assert format_command(["echo", "a b", "c'd"], {"X": "1 2"}) == "X='1 2' echo 'a b' 'c'\"'\"'d'"


def test_run_command_output_env_and_input(tmp_path: Path) -> None:
    code = "import os, sys; print(os.environ['NW_TEST'] + sys.stdin.read()); print('err', file=sys.stderr)"
    result = run_command([sys.executable, "-c", code], env={"NW_TEST": "v:"}, input_text="in", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "v:in\n"
    assert result.stderr == "err\n"
    assert result.command_line.startswith(sys.executable)


def test_failure_shows_the_command_and_stderr() -> None:
    code = "import sys; print('first', file=sys.stderr); print('boom', file=sys.stderr); sys.exit(3)"
    with pytest.raises(NixwrightError) as info:
        run_command([sys.executable, "-c", code])
    assert "command failed (exit 3)" in info.value.message
    assert "-c" in info.value.message
    assert info.value.hint == "first | boom"
    unchecked = run_command([sys.executable, "-c", code], check=False)
    assert unchecked.returncode == 3


def test_missing_program_and_timeout() -> None:
    with pytest.raises(NixwrightError, match="program not found; command: no-such-program-nw --x"):
        run_command(["no-such-program-nw", "--x"])
    with pytest.raises(NixwrightError, match="timed out"):
        run_command([sys.executable, "-c", "import time; time.sleep(5)"], timeout=0.2)
