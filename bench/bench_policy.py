"""Benchmark of the policy layer on the full 24.11 release.

    .venv/bin/python bench/bench_policy.py [--repeat N]

Prints: the time to evaluate every rule case (tests/fixtures/policy/cases) and a large
configuration, and, when the generator is available, the policy findings on the example
requests (/work/shared/examples or $NIXWRIGHT_EXAMPLES), by severity: the generated stream
must show zero high and zero medium findings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "policy"))

from policy_cases import load_cases, run_case  # noqa: E402

from nixwright.knowledge.access import open_knowledge  # noqa: E402
from nixwright.nix.read import read_source  # noqa: E402
from nixwright.policy.engine import evaluate_policy  # noqa: E402


def large_configuration(users: int = 60) -> str:
    lines = ["{ pkgs, lib, config, ... }: {", "  services.openssh.enable = true;"]
    for i in range(users):
        lines.append(f'  users.users.u{i} = {{ isNormalUser = true; extraGroups = [ "wheel" "docker" ]; }};')
        lines.append(f'  services.nginx.virtualHosts."site{i}.example.org" = {{ enableACME = true; }};')
        lines.append(
            f'  virtualisation.oci-containers.containers.c{i} = {{ image = "x"; ports = [ "{8000 + i}:80" ]; }};'
        )
    lines += [
        "  virtualisation.docker.enable = true;",
        "  environment.systemPackages = with pkgs; [ vim htop git ];",
        "}",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = Path(os.environ.get("NIXWRIGHT_CHANNEL_DATA", REPO.parent / "shared" / "nixos" / "24.11"))
    kb = open_knowledge("24.11", source_dir=data, home=REPO / "build" / "test-home")

    cases = load_cases()
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for case in cases:
            run_case(case, kb)
        times.append(time.perf_counter() - start)
    best = min(times)
    print(f"rule cases: {len(cases)} configurations in {best:.3f} s ({best / len(cases) * 1000:.1f} ms each)")

    text = large_configuration()
    reading = read_source(text, file="large.nix")
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        findings = evaluate_policy(reading, kb, system="x86_64-linux")
        runs.append(time.perf_counter() - start)
    print(
        f"large configuration: {len(text.splitlines())} lines, {len(reading.definitions)} definitions, "
        f"{len(findings)} findings, median {statistics.median(runs) * 1000:.0f} ms"
    )
    return _generated_stream(kb)


def _generated_stream(kb: object) -> int:
    try:
        from nixwright.errors import NixwrightError
        from nixwright.plan.pipeline import generate
    except ImportError:
        print("generator not available; skipping the generated stream")
        return 0
    examples = Path(
        os.environ.get("NIXWRIGHT_EXAMPLES", REPO.parent / "shared" / "examples" / "intents.toml")
    )
    if not examples.is_file():
        print(f"no example requests at {examples}")
        return 0
    prompts = [c["prompt"] for c in tomllib.loads(examples.read_text(encoding="utf-8"))["case"]]
    totals: Counter[str] = Counter()
    refused = 0
    for prompt in prompts:
        try:
            result = generate(prompt, kb)  # type: ignore[arg-type]
        except NixwrightError as err:
            refused += 1
            print(f"  refused: {prompt[:60]}... {err.message[:120]}")
            continue
        except Exception as err:  # noqa: BLE001 - the generator is another stage; report, do not stop
            refused += 1
            print(f"  generator failed: {prompt[:60]}... {type(err).__name__}: {err}")
            continue
        for finding in result.verified.policy:
            totals[finding.severity.value] += 1
            if finding.severity.value in {"high", "medium"}:
                print(f"  {finding.severity.value} {finding.code}: {prompt[:60]}")
    words = ", ".join(f"{k} {totals[k]}" for k in ("high", "medium", "low", "info"))
    print(f"generated stream: {len(prompts)} requests, {refused} refused; findings: {words}")
    return 1 if totals["high"] or totals["medium"] or refused else 0


if __name__ == "__main__":
    sys.exit(main())
