"""``--eval``: Nix's real evaluation of a configuration, through ``nixwright.process``.

The command line is built by a pure function (``eval_argv``) and run only by ``run_command``.
``NIXWRIGHT_EVAL_EXTRA_MODULE`` may name one more module file to add to the evaluation (a
development tree may need a setting the configuration itself should not carry).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from nixwright.errors import NixwrightError
from nixwright.findings import Finding
from nixwright.validate.codes import make_finding
from nixwright.validate.nix_output import errors_from, warnings_from

EVAL_NIX = Path(__file__).with_name("eval.nix")
EXTRA_MODULE_ENV = "NIXWRIGHT_EVAL_EXTRA_MODULE"
# Nix 2.8's garbage collector crashes on some NixOS modules (LXC, docker images); evaluation is short.
EVAL_ENV = {"GC_DONT_GC": "1"}


@dataclass(frozen=True)
class EvalOutcome:
    """What real evaluation said; ``accepted`` is None when it could not run."""

    ran: bool
    accepted: bool | None
    findings: tuple[Finding, ...]
    seconds: float = 0.0
    command: str = ""
    drv: str | None = None


def eval_argv(config: Path, nixpkgs: Path, system: str, extra_module: Path | None = None) -> list[str]:
    """The ``nix-instantiate`` command line that evaluates ``config``'s system derivation path."""
    argv = [
        "nix-instantiate",
        "--eval",
        "--read-write-mode",
        "--option",
        "allow-import-from-derivation",
        "false",
        "-I",
        f"nixpkgs={nixpkgs}",
        "--argstr",
        "configPath",
        str(config),
        "--argstr",
        "system",
        system,
    ]
    if extra_module is not None:
        argv += ["--argstr", "extraModule", str(extra_module)]
    argv.append(str(EVAL_NIX))
    return argv


def find_nixpkgs(explicit: Path | None, environ: Mapping[str, str]) -> Path | None:
    """``--nixpkgs``, else ``nixpkgs=DIR`` in ``NIX_PATH``, else ``NIXPKGS_SRC``; must hold nixos/."""
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(explicit)
    else:
        entries = environ.get("NIX_PATH", "").split(":")
        candidates += [Path(e[len("nixpkgs=") :]) for e in entries if e.startswith("nixpkgs=")]
        if environ.get("NIXPKGS_SRC"):
            candidates.append(Path(environ["NIXPKGS_SRC"]))
    for c in candidates:
        if (c / "nixos" / "default.nix").is_file():
            return c.resolve()
    return None


def evaluate(config: Path, system: str, nixpkgs: Path | None, timeout: float = 600) -> EvalOutcome:
    """Run Nix's evaluation; when Nix or nixpkgs is missing, say so as an info finding."""
    from nixwright.process import format_command, run_command

    tree = find_nixpkgs(nixpkgs, os.environ)
    if shutil.which("nix-instantiate") is None or tree is None:
        missing = "nix-instantiate is not on PATH" if tree is not None else "no nixpkgs tree found"
        note = make_finding(
            "NW-EVAL-UNAVAILABLE",
            f"real evaluation did not run: {missing}; the verdict is the static one",
            fix="install Nix and pass --nixpkgs DIR (or set NIX_PATH=nixpkgs=DIR)",
        )
        return EvalOutcome(ran=False, accepted=None, findings=(note,))
    extra = os.environ.get(EXTRA_MODULE_ENV)
    argv = eval_argv(config.resolve(), tree, system, Path(extra).resolve() if extra else None)
    env = {**EVAL_ENV, "NIX_PATH": ""}
    line = format_command(argv, env)
    start = time.perf_counter()
    try:
        result = run_command(argv, env=env, timeout=timeout, check=False)
    except NixwrightError as err:  # a timeout: Nix gave no verdict
        note = make_finding("NW-EVAL-ERROR", f"Nix's evaluation did not finish: {err.message}")
        return EvalOutcome(
            ran=True, accepted=None, findings=(note,), seconds=time.perf_counter() - start, command=line
        )
    seconds = time.perf_counter() - start
    found = warnings_from(result.stderr)
    if result.returncode == 0 and result.stdout.strip():
        drv = result.stdout.strip().strip('"')
        return EvalOutcome(
            ran=True, accepted=True, findings=tuple(found), seconds=seconds, command=line, drv=drv
        )
    found.extend(errors_from(result.stderr, str(tree)) or [make_finding("NW-EVAL-ERROR", "Nix failed")])
    return EvalOutcome(ran=True, accepted=False, findings=tuple(found), seconds=seconds, command=line)
