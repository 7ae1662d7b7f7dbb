"""``check_path``: read a configuration from disk, check it, optionally have Nix evaluate it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from nixwright.errors import NixwrightError
from nixwright.findings import Finding, Severity
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import ModuleReading
from nixwright.validate.engine import check_reading
from nixwright.validate.evaluate import EvalOutcome, evaluate

MAX_CONFIG_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class CheckReport:
    """The verdict on one configuration. ``accepted``: would Nix accept it (Nix's own answer
    when ``--eval`` ran, else the static checks': no error-severity validation finding)."""

    path: Path
    system: str
    release: str
    reading: ModuleReading
    findings: tuple[Finding, ...]
    accepted: bool
    static_accepted: bool
    seconds: float
    evaluation: EvalOutcome | None = None


def config_file(path: Path) -> Path:
    """The configuration file ``path`` names: itself, or ``configuration.nix`` in a directory."""
    if path.is_dir():
        candidate = path / "configuration.nix"
        if not candidate.is_file():
            raise NixwrightError(
                f"{path}: directory has no configuration.nix",
                hint="pass the configuration file itself, or a directory that holds configuration.nix",
            )
        return candidate
    if not path.exists():
        raise NixwrightError(f"{path}: no such file", hint="check the path")
    if not path.is_file():
        raise NixwrightError(f"{path}: not a regular file", hint="pass a .nix file")
    _guard_content(path)
    return path


def _guard_content(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except PermissionError:
        raise NixwrightError(f"{path}: permission denied", hint="check the file's permissions") from None
    except OSError as exc:
        raise NixwrightError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if size > MAX_CONFIG_BYTES:
        raise NixwrightError(
            f"{path}: file is too large to be a NixOS configuration ({size // 1024} KiB)",
            hint=f"configurations over {MAX_CONFIG_BYTES // (1024 * 1024)} MiB are refused; split it into modules",
        )
    if b"\0" in head:
        raise NixwrightError(
            f"{path}: binary file, not Nix source", hint="pass a configuration.nix text file"
        )


def check_path(
    path: Path,
    kb: Knowledge,
    *,
    system: str,
    use_eval: bool = False,
    nixpkgs: Path | None = None,
) -> CheckReport:
    """Check the configuration at ``path`` (a file or a directory with configuration.nix)."""
    from nixwright.nix.read import read_module

    start = time.perf_counter()
    file = config_file(path)
    try:
        reading = read_module(file)
    except RecursionError:
        raise NixwrightError(
            f"{file}: expression nested too deeply to read", hint="split it into let bindings or files"
        ) from None
    findings = check_reading(reading, kb, system=system)
    static_ok = not any(f.severity is Severity.ERROR for f in findings)
    outcome = evaluate(file, system, nixpkgs) if use_eval else None
    accepted = outcome.accepted if outcome is not None and outcome.accepted is not None else static_ok
    if outcome is not None:
        findings = tuple(sorted((*findings, *outcome.findings), key=Finding.sort_key))
    return CheckReport(
        path=file,
        system=system,
        release=kb.release,
        reading=reading,
        findings=findings,
        accepted=accepted,
        static_accepted=static_ok,
        seconds=time.perf_counter() - start,
        evaluation=outcome,
    )
