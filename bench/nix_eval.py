"""Evaluate NixOS configurations with real Nix, one after another, and print a verdict table.

Development harness, not part of the product: it needs Nix and an extracted nixpkgs tree
(``NIXPKGS_SRC``), set up as ``docs/development.md`` describes. Each argument is a
``configuration.nix``, a directory holding one, or a directory searched (recursively) for them.
The Nix system comes from ``--system``, else from the ``system`` recorded in a ``nixwright.json``
beside the configuration, else from a literal ``nixpkgs.hostPlatform`` in its Nix files, else
x86_64-linux.

    python bench/nix_eval.py /work/evalout            # table, exit 1 when anything fails
    python bench/nix_eval.py --json out/demo > r.json  # machine-readable results
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SYSTEM = "x86_64-linux"
SCRIPT_ENV = "NIX_EVAL_CONFIG"
SCRIPT_DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "nix-eval" / "nix-eval-config"
_SYSTEM_RE = re.compile(r"^[a-z0-9_]+-(linux|darwin)$")
_HOST_PLATFORM_RE = re.compile(r'hostPlatform\b[^;]*?"([a-z0-9_]+-linux)"')
_TRACE_WARNING_RE = re.compile(r"^trace: (?:evaluation )?warning: (.*)$", re.MULTILINE)
FLAKE_EXPR = Path(__file__).resolve().parent / "nix_eval_flake.nix"
_SKIP_DIRS = {".git", "node_modules", "__pycache__", "result"}


@dataclass(frozen=True)
class EvalTarget:
    name: str
    config: Path
    system: str
    system_from: str  # "option", "nixwright.json", "hostPlatform" or "default"


@dataclass(frozen=True)
class EvalResult:
    name: str
    config: str
    system: str
    system_from: str
    ok: bool
    exit_code: int
    seconds: float
    max_rss_mb: int
    drv: str | None
    first_error: str
    error: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_configs(root: Path) -> list[Path]:
    """Every configuration.nix that ``root`` names: itself, its own, or those below it (sorted)."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    own = root / "configuration.nix"
    if own.is_file():
        return [own]
    found: list[Path] = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and child.name not in _SKIP_DIRS and not child.is_symlink():
            found.extend(find_configs(child))
    return found


def _json_systems(data: Any) -> Iterator[str]:
    """Values of ``system`` keys, shallowest first (breadth-first over nested objects)."""
    level: list[Any] = [data]
    while level:
        deeper: list[Any] = []
        for item in level:
            if isinstance(item, dict):
                value = item.get("system")
                if isinstance(value, str) and _SYSTEM_RE.match(value):
                    yield value
                deeper.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                deeper.extend(v for v in item if isinstance(v, (dict, list)))
        level = deeper


def detect_system(config: Path) -> tuple[str, str]:
    """The Nix system a configuration is for, and where that answer came from."""
    meta = config.parent / "nixwright.json"
    if meta.is_file():
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        for system in _json_systems(data):
            return system, "nixwright.json"
    for nix_file in (config, config.parent / "hardware-configuration.nix"):
        if nix_file.is_file():
            match = _HOST_PLATFORM_RE.search(nix_file.read_text(encoding="utf-8", errors="replace"))
            if match:
                return match.group(1), "hostPlatform"
    return DEFAULT_SYSTEM, "default"


def collect_targets(paths: Sequence[Path], system: str | None = None) -> list[EvalTarget]:
    targets: list[EvalTarget] = []
    for root in paths:
        for config in find_configs(root):
            base = root if root.is_dir() else root.parent
            rel = config.parent.relative_to(base) if config.parent != base else Path(base.name)
            name = str(rel) if config.name == "configuration.nix" else str(rel / config.name)
            found, source = (system, "option") if system else detect_system(config)
            targets.append(EvalTarget(name=name, config=config, system=found, system_from=source))
    return targets


def eval_command(
    script: Path, target: EvalTarget, nixpkgs: Path, lines: int = 25, restrict: bool = True
) -> list[str]:
    """The nix-eval-config command line for one target (pure, so tests can check it)."""
    cmd = [str(script), "--system", target.system, "--lines", str(lines)]
    if not restrict:
        cmd.append("--no-restrict")
    return [*cmd, str(target.config), str(nixpkgs)]


def flake_command(target: EvalTarget, nixpkgs: Path, restrict: bool = True) -> list[str]:
    """nix-instantiate for the flake.nix beside a configuration, nixpkgs input = the local tree."""
    cmd = ["nix-instantiate", "--eval", "--strict", "--json", "--read-write-mode"]
    cmd += ["--option", "substituters", "", "--option", "allow-import-from-derivation", "false"]
    if restrict:
        cmd += ["--option", "restrict-eval", "true", "-I", str(target.config.parent), "-I", str(nixpkgs)]
    cmd += ["--arg", "flakeDir", str(target.config.parent), "--arg", "nixpkgsDir", str(nixpkgs)]
    return [*cmd, "-E", FLAKE_EXPR.read_text(encoding="utf-8")]


def parse_flake_output(
    target: EvalTarget, code: int, stdout: str, stderr: str
) -> tuple[bool, str | None, list[str], list[str]]:
    """A flake evaluation's result -> (ok, first host's drv, error lines, warnings)."""
    warnings = sorted(
        {m.group(1) for m in _TRACE_WARNING_RE.finditer(stderr) if "-placeholder" not in m.group(1)}
    )
    if code != 0:
        return (
            False,
            None,
            [x for x in stderr.splitlines() if x.strip() and not x.startswith("trace:")],
            warnings,
        )
    hosts: dict[str, dict[str, str]] = json.loads(stdout)
    if not hosts:
        return False, None, ["error: flake.nix defines no nixosConfigurations"], warnings
    wrong = [f"{h}: {v['system']}" for h, v in sorted(hosts.items()) if v["system"] != target.system]
    if wrong:
        text = f"error: flake evaluates for another system than {target.system} ({target.system_from}): "
        return False, None, [text + ", ".join(wrong)], warnings
    return True, hosts[min(hosts)]["drv"], [], warnings


def first_error(lines: Sequence[str]) -> str:
    """The line that says what went wrong: the text after ``error:``, joined to the next line
    when it only introduces it (``Failed assertions:``)."""
    texts = [line.strip() for line in lines if line.strip()]
    for i, text in enumerate(texts):
        if not text.startswith("error:"):
            continue
        head = text.removeprefix("error:").strip().removesuffix(" Definition values:")
        rest = [t for t in texts[i + 1 :] if not t.startswith("(use '--show-trace'")]
        while rest and (not head or (head.endswith(":") and len(head) <= 40)):
            head = f"{head} {rest.pop(0)}".strip()
        return head
    return texts[0] if texts else ""


def parse_output(stdout: str) -> tuple[bool, str | None, list[str], list[str]]:
    """nix-eval-config's stdout -> (ok, drv path, error lines, warnings)."""
    warnings: list[str] = []
    error: list[str] = []
    ok, drv, seen_fail = False, None, False
    for line in stdout.splitlines():
        if line.startswith("WARN ") and not seen_fail:
            warnings.append(line.removeprefix("WARN "))
        elif line.startswith("OK ") and not seen_fail:
            ok, drv = True, line.removeprefix("OK ").strip()
        elif line == "FAIL" and not seen_fail:
            seen_fail = True
        elif seen_fail:
            error.append(line)
    return ok, drv, error, warnings


def _run(cmd: list[str], timeout: float, env: dict[str, str] | None = None) -> tuple[int, str, str, int]:
    """Run one evaluation; returns (exit code, stdout, stderr, peak RSS in MB of the process tree)."""
    full_env = {**os.environ, "NIX_PATH": "", **env} if env else None
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, start_new_session=True, env=full_env)
        timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # interrupted or terminated: take the evaluation down too
            os.killpg(proc.pid, signal.SIGKILL)
            os.waitpid(proc.pid, 0)
            proc.returncode = -signal.SIGKILL
            raise
        finally:
            timer.cancel()
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return (
            code,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
            usage.ru_maxrss // 1024,
        )


def evaluate(
    target: EvalTarget,
    script: Path,
    nixpkgs: Path,
    *,
    timeout: float = 600,
    restrict: bool = True,
    flake: bool = False,
) -> EvalResult:
    """Evaluate one target: its configuration.nix through nix-eval-config, or (``flake``) the
    flake.nix beside it with the local tree as its nixpkgs input."""
    start = time.monotonic()
    if flake and not (target.config.parent / "flake.nix").is_file():
        code, stdout, stderr, rss = 1, "", "error: no flake.nix beside the configuration", 0
        ok, drv, error, warnings = parse_flake_output(target, code, stdout, stderr)
    elif flake:
        code, stdout, stderr, rss = _run(
            flake_command(target, nixpkgs, restrict), timeout, {"GC_DONT_GC": "1"}
        )
        ok, drv, error, warnings = parse_flake_output(target, code, stdout, stderr)
    else:
        code, stdout, stderr, rss = _run(eval_command(script, target, nixpkgs, restrict=restrict), timeout)
        ok, drv, error, warnings = parse_output(stdout)
    seconds = round(time.monotonic() - start, 1)
    if code < 0:
        error = [f"error: killed by signal {-code} (timeout {timeout:g}s?)", *error]
    elif not ok and not error:
        error = [line for line in (stdout + stderr).splitlines() if line.strip()][:25]
    return EvalResult(
        name=target.name,
        config=str(target.config),
        system=target.system,
        system_from=target.system_from,
        ok=ok and code == 0,
        exit_code=code,
        seconds=seconds,
        max_rss_mb=rss,
        drv=drv,
        first_error="" if ok else first_error(error),
        error=error,
        warnings=warnings,
    )


def format_table(results: Sequence[EvalResult], width: int = 100) -> str:
    name_w = max([4, *(len(r.name) for r in results)])
    rows = [f"{'NAME':<{name_w}}  {'SYSTEM':<13}  RESULT  {'SECS':>5}  {'MB':>5}  WARN  FIRST ERROR"]
    for r in results:
        message = r.first_error if len(r.first_error) <= width else r.first_error[: width - 3] + "..."
        verdict = "OK" if r.ok else "FAIL"
        rows.append(
            f"{r.name:<{name_w}}  {r.system:<13}  {verdict:<6}  {r.seconds:>5.1f}  {r.max_rss_mb:>5}  "
            f"{len(r.warnings):>4}  {message}".rstrip()
        )
    ok = sum(r.ok for r in results)
    rows.append(f"{len(results)} evaluated: {ok} OK, {len(results) - ok} FAIL")
    return "\n".join(rows)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="configuration files or directories")
    parser.add_argument("--system", help="evaluate every target for this system (default: detect)")
    parser.add_argument("--nixpkgs", type=Path, default=os.environ.get("NIXPKGS_SRC"), help="nixpkgs tree")
    parser.add_argument("--script", type=Path, default=Path(os.environ.get(SCRIPT_ENV, SCRIPT_DEFAULT)))
    parser.add_argument("--timeout", type=float, default=600, help="seconds per evaluation")
    parser.add_argument("--no-restrict", action="store_true", help="allow reading files outside the config")
    parser.add_argument(
        "--flake", action="store_true", help="evaluate the flake.nix beside each configuration instead"
    )
    parser.add_argument("--json", action="store_true", help="print results as JSON instead of a table")
    parser.add_argument("--warnings", action="store_true", help="list evaluation warnings under the table")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on standard error")
    parser.add_argument("--width", type=int, default=100, help="truncate first error lines to this width")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.nixpkgs is None or not (args.nixpkgs / "nixos" / "default.nix").is_file():
        print("nix_eval: set NIXPKGS_SRC (or --nixpkgs) to an extracted nixpkgs tree", file=sys.stderr)
        return 2
    if not args.script.is_file():
        print(f"nix_eval: no nix-eval-config at {args.script} (set {SCRIPT_ENV})", file=sys.stderr)
        return 2
    targets = collect_targets(args.paths, args.system)
    if not targets:
        print("nix_eval: no configuration.nix found under the given paths", file=sys.stderr)
        return 2
    results = []
    for i, target in enumerate(targets, 1):
        result = evaluate(
            target,
            args.script,
            args.nixpkgs,
            timeout=args.timeout,
            restrict=not args.no_restrict,
            flake=args.flake,
        )
        verdict = "OK" if result.ok else f"FAIL {result.first_error[:120]}"
        if not args.quiet:
            print(
                f"[{i}/{len(targets)}] {target.name} ({target.system}, {result.seconds:.1f}s): {verdict}",
                file=sys.stderr,
                flush=True,
            )
        results.append(result)
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        print(format_table(results, args.width))
        if args.warnings:
            for r in results:
                for warning in r.warnings:
                    print(f"WARN {r.name}: {warning}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so a running evaluation is stopped too
    sys.exit(main())
