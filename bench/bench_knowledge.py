"""Knowledge base figures: build time and size, option lookup, search, CLI cold start.

Targets (issue 2): build < 30 s, find_option < 0.2 ms, search p50 < 5 ms, ``nixwright --help`` < 300 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from nixwright.knowledge import KnowledgeBase, open_knowledge
from nixwright.knowledge.build import ensure_database
from nixwright.knowledge.paths import join_path
from nixwright.process import run_command

REPO = Path(__file__).resolve().parents[1]
OPTION_QUERIES = [
    "dns ad blocker",
    "web server",
    "ssh",
    "printing",
    "vpn",
    "firewall ports",
    "backup",
    "docker",
]
PACKAGE_QUERIES = [
    "markdown editor",
    "web browser",
    "python requests",
    "password manager",
    "video player",
    "htop",
]


def _data() -> Path:
    env = os.environ.get("NIXWRIGHT_CHANNEL_DATA")
    return Path(env) if env else REPO.parent / "shared" / "nixos" / "24.11"


def _ms(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.3f} ms"


def bench_build(data: Path, home: Path) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    result = ensure_database("24.11", data, home=home, force=True)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    size = result.path.stat().st_size / 1e6
    print(f"build: {seconds:.1f} s (target < 30 s; {cpu:.1f} s CPU), database {size:.1f} MB")


def _concrete(kb: KnowledgeBase, count: int) -> list[str]:
    rows = kb.db.execute(
        "SELECT parts FROM options WHERE module = '' AND kind = 'documented' ORDER BY id LIMIT ?", (count,)
    )
    sample = []
    for (parts,) in rows:
        names = ["example" if p == "<name>" else "0" if p == "*" else p for p in parts.split("\x1f")]
        sample.append(join_path(names))
    return sample


def bench_lookups(kb: KnowledgeBase) -> None:
    started = time.perf_counter()
    _ = kb.index
    print(f"option index load: {1000 * (time.perf_counter() - started):.0f} ms (once per process)")
    paths = _concrete(kb, 20000)
    times = []
    for path in paths:
        t = time.perf_counter()
        kb.find_option(path)
        times.append(time.perf_counter() - t)
    print(
        f"find_option (first lookup) over {len(paths)} concrete paths: p50 {_ms(times, 0.5)}, p95 {_ms(times, 0.95)}"
    )
    times = []
    for path in paths:
        t = time.perf_counter()
        kb.find_option(path)
        times.append(time.perf_counter() - t)
    print(f"find_option (repeat): p50 {_ms(times, 0.5)}, p95 {_ms(times, 0.95)} (target < 0.2 ms)")
    times = []
    for name in [
        "hello",
        "python3Packages.requests",
        "linuxPackages.nvidia_x11",
        "firefox",
        "jdk21",
        "AusweisApp2",
    ] * 50:
        t = time.perf_counter()
        kb.find_package(name)
        times.append(time.perf_counter() - t)
    print(f"find_package (known names): p50 {_ms(times, 0.5)}, p95 {_ms(times, 0.95)}")
    times = []
    for name in ["firefx", "python3Packages.reqests", "htpo"] * 3:
        t = time.perf_counter()
        kb.find_package(name)
        times.append(time.perf_counter() - t)
    print(f"find_package (unknown, with did-you-mean): p50 {_ms(times, 0.5)}")


def bench_search(kb: KnowledgeBase) -> None:
    kb.search_options("warm up")
    for label, queries, search in (
        ("options", OPTION_QUERIES, kb.search_options),
        ("packages", PACKAGE_QUERIES, kb.search_packages),
    ):
        times, cpu = [], []
        for _ in range(5):
            for query in queries:
                t, c = time.perf_counter(), time.process_time()
                search(query)
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
        print(
            f"search {label}: p50 {_ms(times, 0.5)}, p95 {_ms(times, 0.95)} (target p50 < 5 ms);"
            f" CPU p50 {_ms(cpu, 0.5)}"
        )


def bench_cold_start() -> None:
    script = Path(sys.executable).parent / "nixwright"
    argv = (
        [str(script), "--help"] if script.exists() else [sys.executable, "-m", "nixwright.cli.main", "--help"]
    )
    times = []
    for _ in range(5):
        t = time.perf_counter()
        run_command(argv, check=False)
        times.append(time.perf_counter() - t)
    print(f"nixwright --help cold start: median {1000 * statistics.median(times):.0f} ms (target < 300 ms)")


def main() -> None:
    data = _data()
    if not (data / "options.json.br").is_file():
        print(f"skipped: no release data in {data} (set NIXWRIGHT_CHANNEL_DATA)")
        return
    with tempfile.TemporaryDirectory(prefix="nixwright-bench-") as tmp:
        home = Path(tmp)
        bench_build(data, home)
        kb = open_knowledge("24.11", source_dir=data, home=home)
        bench_lookups(kb)
        bench_search(kb)
        kb.close()
    bench_cold_start()
    print(f"load average: {os.getloadavg()[0]:.1f} (figures are inflated when the machine is busy)")
