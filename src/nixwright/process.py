"""The one place nixwright runs programs. Argument lists are built by pure functions below."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from nixwright.errors import NixwrightError


@dataclass(frozen=True)
class CommandResult:
    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    @property
    def command_line(self) -> str:
        return format_command(self.argv)


def format_command(argv: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """A copy-pasteable shell command line (environment overrides first)."""
    prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted((env or {}).items()))
    line = shlex.join(argv)
    return f"{prefix} {line}" if prefix else line


def run_command(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    input_text: str | None = None,
    check: bool = True,
) -> CommandResult:
    """Run ``argv`` (no shell). ``env`` adds to the current environment.

    Raises ``NixwrightError`` with the command line when the program is missing, times out, or
    (with ``check``) exits non-zero; the last lines of its stderr go into the hint.
    """
    args = tuple(str(a) for a in argv)
    line = format_command(args, env)
    full_env = {**os.environ, **env} if env else None
    try:
        completed = subprocess.run(  # noqa: S603 - argv lists only, never a shell
            args,
            cwd=cwd,
            env=full_env,
            timeout=timeout,
            input=input_text,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        raise NixwrightError(
            f"{args[0]}: program not found; command: {line}", hint=f"install {args[0]} or put it on PATH"
        ) from None
    except subprocess.TimeoutExpired:
        raise NixwrightError(f"command timed out after {timeout} s: {line}") from None
    result = CommandResult(args, completed.returncode, completed.stdout, completed.stderr)
    if check and completed.returncode != 0:
        tail = " | ".join(completed.stderr.strip().splitlines()[-3:])
        raise NixwrightError(f"command failed (exit {completed.returncode}): {line}", hint=tail or None)
    return result


def nix_instantiate_eval(
    file: Path | str,
    *,
    attr: str | None = None,
    args: Mapping[str, str] | None = None,
    argstrs: Mapping[str, str] | None = None,
    include: Mapping[str, Path | str] | None = None,
    strict: bool = True,
    json: bool = True,
    read_write_mode: bool = False,
) -> list[str]:
    """``nix-instantiate --eval`` of a file; ``args`` are Nix expressions, ``argstrs`` strings."""
    argv = ["nix-instantiate", "--eval"]
    if strict:
        argv.append("--strict")
    if json:
        argv.append("--json")
    if read_write_mode:
        argv.append("--read-write-mode")
    for name, value in sorted((include or {}).items()):
        argv += ["-I", f"{name}={value}"]
    for name, expr in sorted((args or {}).items()):
        argv += ["--arg", name, expr]
    for name, text in sorted((argstrs or {}).items()):
        argv += ["--argstr", name, text]
    argv.append(str(file))
    if attr:
        argv += ["-A", attr]
    return argv


def nix_instantiate_parse(file: Path | str) -> list[str]:
    """``nix-instantiate --parse``: a syntax check that evaluates nothing."""
    return ["nix-instantiate", "--parse", str(file)]


def nix_build(file: Path | str, *, attr: str | None = None, out_link: Path | None = None) -> list[str]:
    argv = ["nix-build", str(file)]
    if attr:
        argv += ["-A", attr]
    argv += ["--out-link", str(out_link)] if out_link else ["--no-out-link"]
    return argv


def nix_env_query_packages(nixpkgs: Path | str, config_file: Path | str) -> list[str]:
    """The channel's package listing: ``nix-env -qa --meta --json`` with packages-config.nix."""
    return [
        "nix-env",
        "-f",
        str(nixpkgs),
        "-I",
        f"nixpkgs={nixpkgs}",
        "-qa",
        "--meta",
        "--json",
        "--arg",
        "config",
        f"import {config_file}",
    ]
