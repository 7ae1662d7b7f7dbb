"""Benchmark: generating one machine in-process (warm) and the whole CLI call.

Prints p50/p90/max per request over the public examples and a slice of the test stream, then the
wall time of `nixwright generate` as a fresh process. Figures only; nothing is asserted.

    .venv/bin/python bench/bench_generate.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO.parent / "shared" / "examples" / "intents.toml"


def requests() -> list[str]:
    sys.path.insert(0, str(REPO / "tests"))
    from nixwright.catalog.load import load_catalog
    from test_stream import stream

    texts = [c["prompt"] for c in tomllib.loads(EXAMPLES.read_text())["case"]] if EXAMPLES.is_file() else []
    return texts + stream(load_catalog())[::10]


def in_process(rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per request (CPU time shows the cost when other work shares the machine)."""
    from nixwright.errors import NixwrightError
    from nixwright.knowledge import open_knowledge
    from nixwright.plan.pipeline import generate

    kb = open_knowledge("24.11")
    texts = []
    for text in requests():  # warm: catalog, vocabulary, database pages
        try:
            generate(text, kb)
        except NixwrightError as exc:  # refused requests are not timed (a policy change can cause them)
            print(f"refused, not timed: {text[:60]!r}: {exc.message[:80]}")
            continue
        texts.append(text)
    wall, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            start, start_cpu = time.perf_counter(), time.process_time()
            generate(text, kb)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def cli_call() -> tuple[float, float]:
    """Wall seconds, and CPU seconds of the child process."""
    with tempfile.TemporaryDirectory() as tmp:
        before = os.times()
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from nixwright.cli.main import entry; entry()",
                "generate",
                "--non-interactive",
                "-o",
                f"{tmp}/out",
                "A Raspberry Pi 4 as a DNS ad blocker. Nothing else.",
            ],
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - start
        after = os.times()
        return wall, (after.children_user - before.children_user) + (
            after.children_system - before.children_system
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args([] if argv is None else argv)
    wall, cpu = in_process(args.rounds)
    for label, times in (("wall", sorted(wall)), ("cpu", sorted(cpu))):
        p50 = statistics.median(times) * 1000
        p90 = times[int(len(times) * 0.9)] * 1000
        print(
            f"generate (in-process, warm, {label}): n={len(times)} p50={p50:.1f} ms p90={p90:.1f} ms "
            f"max={times[-1] * 1000:.1f} ms"
        )
    calls = [cli_call() for _ in range(3)]
    walls, cpus = sorted(c[0] for c in calls), sorted(c[1] for c in calls)
    print(
        f"nixwright generate (CLI, fresh process): wall median={statistics.median(walls):.2f} s "
        f"cpu median={statistics.median(cpus):.2f} s"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
