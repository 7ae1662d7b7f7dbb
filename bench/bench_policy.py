"""Benchmark of the policy layer on the full 24.11 release.

    .venv/bin/python bench/bench_policy.py [--repeat N]

Prints: the time to evaluate every rule case (tests/fixtures/policy/cases), a large
configuration and, when the generator is available, the configurations generated for the
example requests (/work/shared/examples or $NIXWRIGHT_EXAMPLES), cold (first call in the
process) and warm (repeated calls with the same knowledge base), as wall and CPU time (the
machine may be shared: CPU time is the steadier figure). It also counts the policy findings
on the generated stream by severity: it must show zero high and zero medium findings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "policy"))

from policy_cases import load_cases, make_intent  # noqa: E402

from nixwright.intake.intent import Intent  # noqa: E402
from nixwright.knowledge.access import open_knowledge  # noqa: E402
from nixwright.knowledge.model import Knowledge  # noqa: E402
from nixwright.nix.read import read_source  # noqa: E402
from nixwright.nix.values import ModuleReading  # noqa: E402
from nixwright.policy.engine import evaluate_policy  # noqa: E402

SYSTEM = "x86_64-linux"


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


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``repeat`` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = Path(os.environ.get("NIXWRIGHT_CHANNEL_DATA", REPO.parent / "shared" / "nixos" / "24.11"))
    kb = open_knowledge("24.11", source_dir=data, home=REPO / "build" / "test-home")

    text = large_configuration()
    large = read_source(text, file="large.nix")
    wall, cpu = timed(lambda: evaluate_policy(large, kb, system=SYSTEM), 1)
    print(f"first call (cold caches, large configuration): {ms(wall)} wall, {ms(cpu)} CPU")

    cases = [
        (
            read_source(c.nix, file="configuration.nix"),
            make_intent(c.qualities, c.domains, c.hardware_words),
            c,
        )
        for c in load_cases()
    ]

    def all_cases() -> None:
        for reading, intent, case in cases:
            evaluate_policy(reading, kb, system=SYSTEM, intent=intent, profile=case.profile)

    wall, cpu = timed(all_cases, args.repeat)
    n = len(cases)
    print(f"rule cases: {n} configurations, each {ms(wall / n)} wall, {ms(cpu / n)} CPU (warm)")

    findings = evaluate_policy(large, kb, system=SYSTEM)
    wall, cpu = timed(lambda: evaluate_policy(large, kb, system=SYSTEM), args.repeat)
    print(
        f"large configuration: {len(text.splitlines())} lines, {len(large.definitions)} definitions, "
        f"{len(findings)} findings: {ms(wall)} wall, {ms(cpu)} CPU (warm)"
    )
    return _generated_stream(kb, args.repeat)


def _generated_stream(kb: Knowledge, repeat: int) -> int:
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
    generated: list[tuple[ModuleReading, Intent]] = []
    for prompt in prompts:
        try:
            result = generate(prompt, kb)
        except NixwrightError as err:
            refused += 1
            print(f"  refused: {prompt[:60]}... {err.message[:120]}")
            continue
        except Exception as err:  # noqa: BLE001 - the generator is another stage; report, do not stop
            refused += 1
            print(f"  generator failed: {prompt[:60]}... {type(err).__name__}: {err}")
            continue
        generated.append((result.verified.reading, result.intent))
        for finding in result.verified.policy:
            totals[finding.severity.value] += 1
            if finding.severity.value in {"high", "medium"}:
                print(f"  {finding.severity.value} {finding.code}: {prompt[:60]}")
    _time_generated(kb, generated, repeat)
    words = ", ".join(f"{k} {totals[k]}" for k in ("high", "medium", "low", "info"))
    print(f"generated stream: {len(prompts)} requests, {refused} refused; findings: {words}")
    return 1 if totals["high"] or totals["medium"] or refused else 0


def _time_generated(kb: Knowledge, generated: list[tuple[ModuleReading, Intent]], repeat: int) -> None:
    if not generated:
        return
    walls, cpus, sizes = [], [], []
    for reading, intent in generated:
        profile = "hardened" if intent.has_quality("hardened") else None

        def once(r: ModuleReading = reading, i: Intent = intent, p: str | None = profile) -> object:
            return evaluate_policy(r, kb, system=SYSTEM, intent=i, profile=p)

        wall, cpu = timed(once, repeat)
        walls.append(wall)
        cpus.append(cpu)
        sizes.append(len(reading.definitions))
    print(
        f"generated configurations: {len(generated)}, {min(sizes)}-{max(sizes)} definitions "
        f"(median {statistics.median(sizes):.0f}): median {ms(statistics.median(walls))} wall, "
        f"{ms(statistics.median(cpus))} CPU; slowest {ms(max(walls))} wall, {ms(max(cpus))} CPU (warm)"
    )


if __name__ == "__main__":
    sys.exit(main())
