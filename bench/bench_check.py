"""Benchmark of ``nixwright check``: precision/recall on the seeded-error corpus, agreement with
Nix's verdicts (labels.json), and the speed of the static check against real evaluation.

    .venv/bin/python bench/bench_check.py [--eval] [--verbose]

``--eval`` also times one real evaluation of the 300-line configuration (needs Nix and a nixpkgs
tree: --nixpkgs DIR, NIX_PATH or NIXPKGS_SRC); otherwise the ratio uses the evaluation times
recorded in labels.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "corpus" / "check"))

from check_large_config import large_configuration  # noqa: E402
from check_scoring import load_labels, score_corpus  # noqa: E402

from nixwright.knowledge.access import open_knowledge  # noqa: E402
from nixwright.nix.read import read_source  # noqa: E402
from nixwright.validate import check_reading  # noqa: E402


def _timings(kb: object, text: str) -> tuple[float, float, float, float, int]:
    reading = read_source(text, "/bench/configuration.nix", follow_imports=False)
    start = time.perf_counter()
    findings = check_reading(reading, kb, system="x86_64-linux")  # type: ignore[arg-type]
    cold = time.perf_counter() - start
    runs, cpu = [], []
    for _ in range(50):
        start, start_cpu = time.perf_counter(), time.process_time()
        check_reading(reading, kb, system="x86_64-linux")  # type: ignore[arg-type]
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    read_runs = []
    for _ in range(10):
        start = time.perf_counter()
        read_source(text, "/bench/configuration.nix", follow_imports=False)
        read_runs.append(time.perf_counter() - start)
    return cold, statistics.median(runs), statistics.median(cpu), statistics.median(read_runs), len(findings)


def _compare_with_results(kb: object, results: Path, *, verbose: bool) -> None:
    """Verdicts on configurations Nix evaluated elsewhere (bench/nix_eval.py --json output)."""
    import json

    from nixwright.errors import NixwrightError
    from nixwright.findings import Severity
    from nixwright.validate import check_path

    entries = json.loads(results.read_text(encoding="utf-8"))
    agree, rows = 0, []
    for e in entries:
        try:
            report = check_path(Path(e["config"]), kb, system=e["system"])  # type: ignore[arg-type]
            ours = report.accepted
            errors = sorted({f.code for f in report.findings if f.severity is Severity.ERROR})
        except NixwrightError as err:
            ours, errors = False, [f"input error: {err.message}"]
        agree += ours == e["ok"]
        if ours != e["ok"]:
            rows.append(
                f"  vs Nix   {e['name']}: nixwright {'accepts' if ours else 'rejects'} {errors}, Nix {'OK' if e['ok'] else 'FAIL'}: {e['first_error'][:90]}"
            )
    print(f"{results}: verdict agrees with Nix on {agree}/{len(entries)} configurations")
    for row in rows if verbose else rows[:10]:
        print(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", action="store_true", help="time a real evaluation too")
    parser.add_argument("--nixpkgs", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list every mismatch")
    parser.add_argument(
        "--nix-results",
        type=Path,
        action="append",
        default=[],
        metavar="JSON",
        help="results of bench/nix_eval.py --json: compare verdicts on those configurations too",
    )
    args = parser.parse_args()
    kb = open_knowledge("24.11")

    score = score_corpus(kb)
    print(f"corpus: {score.cases} cases, {score.exact} with exactly the expected findings")
    print(f"precision {score.precision:.3f}  recall {score.recall:.3f}  (error and warning codes)")
    codes = sorted(set(score.tp) | set(score.fp) | set(score.fn))
    print(f"{'code':28} {'tp':>4} {'fp':>4} {'fn':>4}")
    for code in codes:
        print(f"{code:28} {score.tp[code]:>4} {score.fp[code]:>4} {score.fn[code]:>4}")
    print(f"verdict agrees with the expected one: {score.verdict_vs_expected}/{score.cases}")
    if score.labelled:
        pct = 100 * score.verdict_vs_nix / score.labelled
        print(f"verdict agrees with Nix's evaluator: {score.verdict_vs_nix}/{score.labelled} ({pct:.1f} %)")
        print(f"corpus expectations agree with Nix: {score.expected_vs_nix}/{score.labelled}")
    else:
        print("no Nix labels (run bench/corpus/check/check_label.py with Nix to add them)")
    shown = score.mismatches if args.verbose else score.mismatches[:10]
    for line in shown:
        print("  mismatch", line)
    for line in score.nix_disagreements if args.verbose else score.nix_disagreements[:10]:
        print("  vs Nix  ", line)

    for results in args.nix_results:
        _compare_with_results(kb, results, verbose=args.verbose)

    text = large_configuration()
    cold, warm, cpu, read, n = _timings(kb, text)
    lines = text.count("\n")
    print(
        f"speed: {lines}-line configuration: check_reading {warm * 1000:.2f} ms warm "
        f"({cpu * 1000:.2f} ms CPU; first run {cold * 1000:.1f} ms), reading {read * 1000:.1f} ms, {n} findings"
    )
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(
            f"  (machine busy: load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; wall times are inflated)"
        )
    eval_seconds: float | None = None
    if args.eval:
        from nixwright.validate.evaluate import evaluate

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "configuration.nix"
            path.write_text(text, encoding="utf-8")
            outcome = evaluate(path, "x86_64-linux", args.nixpkgs)
            if outcome.ran:
                eval_seconds = outcome.seconds
                print(f"real evaluation: {outcome.seconds:.2f} s, accepted={outcome.accepted}")
            else:
                print("real evaluation unavailable:", outcome.findings[0].message)
    if eval_seconds is None:
        times = [float(v["seconds"]) for v in load_labels().values() if v.get("verdict") == "OK"]  # type: ignore[arg-type]
        if times:
            eval_seconds = statistics.median(times)
            print(
                f"real evaluation (median of {len(times)} accepted corpus cases in labels.json): {eval_seconds:.2f} s"
            )
    if eval_seconds is not None:
        static = warm + read
        print(f"speed ratio: static check (read + check) is {eval_seconds / static:,.0f}x faster than --eval")
    return 0


if __name__ == "__main__":
    sys.exit(main())
