"""Generate each example request and check with real Nix what the machine really turns on.

For every case of an intents file (``../shared/examples/intents.toml`` format: ``id``, ``system``,
``prompt``, ``require``, ``forbid``, ``packages_any``, ``packages_none``) this runs
``nixwright generate --non-interactive`` and then asks Nix (``bench/nix_eval_query.nix``) for the
*evaluated* values of the listed options and the names of every installed package, modules'
additions included. That catches what a static look at the file cannot: an option a module turns
on by itself, a package a desktop brings along. Needs Nix and ``NIXPKGS_SRC``, like nix_eval.py.

    python bench/nix_eval_intents.py                       # the public examples
    python bench/nix_eval_intents.py my-cases.toml --out /tmp/o --json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
EXAMPLES = BENCH.parents[1] / "shared" / "examples" / "intents.toml"
QUERY = BENCH / "nix_eval_query.nix"


@dataclass(frozen=True)
class CaseResult:
    id: str
    system: str
    verdict: str  # "OK", "WRONG" (evaluates, but not what was asked), "EVAL-FAIL", "GEN-FAIL"
    problems: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    packages: list[str] = field(default_factory=list)


def case_paths(case: dict[str, Any]) -> list[str]:
    """Every option path a case mentions, in first-seen order."""
    paths = [p for group in case.get("require", []) for p in group] + list(case.get("forbid", []))
    return list(dict.fromkeys(paths))


def query_command(config: Path, system: str, paths: Sequence[str], nixpkgs: Path) -> list[str]:
    """nix-instantiate in restricted mode, as nix-eval-config runs it (pure, so tests can check it)."""
    return [
        "nix-instantiate", "--eval", "--strict", "--json", "--read-write-mode",
        "--option", "substituters", "", "--option", "allow-import-from-derivation", "false",
        "--option", "restrict-eval", "true", "-I", str(config.parent), "-I", f"nixpkgs={nixpkgs}",
        "--arg", "configPath", str(config), "--argstr", "system", system,
        "--arg", "paths", "[ " + " ".join(json.dumps(p) for p in paths) + " ]",
        "-E", QUERY.read_text(encoding="utf-8"),
    ]  # fmt: skip


def judge(case: dict[str, Any], options: dict[str, str], packages: Sequence[str]) -> list[str]:
    """What the evaluated machine gets wrong against the case's expectations (empty: nothing)."""
    problems = []
    for group in case.get("require", []):
        if not any(options.get(p) == "on" for p in group):
            states = ", ".join(f"{p}={options.get(p, '?')}" for p in group)
            problems.append(f"required, none on: {states}")
    problems += [f"forbidden but on: {p}" for p in case.get("forbid", []) if options.get(p) == "on"]
    installed = set(packages)
    for group in case.get("packages_any", []):
        if not installed & set(group):
            problems.append(f"no package of {group} installed")
    problems += [f"package installed: {p}" for p in case.get("packages_none", []) if p in installed]
    return problems


def _generate(prompt: str, out: Path) -> str | None:
    """Run the generator; returns its error text on failure."""
    exe = Path(sys.executable).parent / "nixwright"
    cmd = [str(exe), "generate", prompt, "--non-interactive", "--force", "--out", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return (proc.stderr or proc.stdout).strip() or f"exit {proc.returncode}"
    return None


def run_case(case: dict[str, Any], out: Path, nixpkgs: Path, generate: bool = True) -> CaseResult:
    system = case.get("system", "x86_64-linux")
    if generate:
        error = _generate(case["prompt"], out)
        if error is not None:
            return CaseResult(case["id"], system, "GEN-FAIL", error.splitlines()[:5])
    paths = case_paths(case)
    cmd = query_command(out / "configuration.nix", system, paths, nixpkgs)
    env = dict(os.environ, NIX_PATH="", GC_DONT_GC="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900, check=False)
    if proc.returncode != 0:
        lines = [x for x in proc.stderr.splitlines() if x.strip() and not x.startswith("trace:")]
        return CaseResult(case["id"], system, "EVAL-FAIL", lines[:8])
    data = json.loads(proc.stdout)
    problems = judge(case, data["options"], data["packages"])
    return CaseResult(
        case["id"], system, "WRONG" if problems else "OK", problems, data["options"], data["packages"]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="?", type=Path, default=EXAMPLES, help="intents TOML file")
    parser.add_argument("--out", type=Path, help="where to generate (default: a temporary directory)")
    parser.add_argument("--only", nargs="*", default=[], help="case ids to run")
    parser.add_argument("--no-generate", action="store_true", help="check OUT/<id> as it is")
    parser.add_argument("--nixpkgs", type=Path, default=os.environ.get("NIXPKGS_SRC"))
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    args = parser.parse_args(argv)
    if args.nixpkgs is None or not (args.nixpkgs / "nixos" / "default.nix").is_file():
        print(
            "nix_eval_intents: set NIXPKGS_SRC (or --nixpkgs) to an extracted nixpkgs tree", file=sys.stderr
        )
        return 2
    cases = tomllib.loads(args.cases.read_text(encoding="utf-8"))["case"]
    cases = [c for c in cases if not args.only or c["id"] in args.only]
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        results = []
        for case in cases:
            result = run_case(case, out / case["id"], args.nixpkgs, generate=not args.no_generate)
            print(f"{result.id}: {result.verdict}", file=sys.stderr, flush=True)
            results.append(result)
    if args.json:
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        for r in results:
            print(f"{r.id:<28} {r.system:<14} {r.verdict}")
            for problem in r.problems:
                print(f"    {problem}")
        ok = sum(r.verdict == "OK" for r in results)
        print(f"{len(results)} cases: {ok} OK, {len(results) - ok} not OK")
    return 0 if all(r.verdict == "OK" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
