"""Label the corpus with Nix's own verdict (development only: needs Nix and NIXPKGS_SRC).

    NIXPKGS_SRC=/path/to/nixpkgs .venv/bin/python bench/corpus/check/check_label.py [ID-PREFIX ...]
    .venv/bin/python bench/corpus/check/check_label.py --prune   # drop labels of changed cases

Runs ``nix-eval-config`` (see docs/development.md) on each case and stores OK/FAIL, the first
error line, the warnings and the time in labels.json, keyed by case id together with a hash of
the case's files, so only new or changed cases are evaluated again.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = Path(os.environ.get("NIX_EVAL_CONFIG", HERE.parents[3] / "shared" / "nix-eval" / "nix-eval-config"))
LABELS = HERE / "labels.json"


def case_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(folder.iterdir()):
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def evaluate(folder: Path, system: str) -> dict[str, object]:
    start = time.perf_counter()
    done = subprocess.run(
        [str(SCRIPT), "--system", system, "--lines", "12", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    lines = done.stdout.splitlines()
    verdict = "OK" if done.returncode == 0 and any(ln.startswith("OK ") for ln in lines) else "FAIL"
    errors = [ln for ln in lines if ln and not ln.startswith(("OK ", "WARN ", "FAIL"))]
    return {
        "verdict": verdict,
        "first_error": next(
            (e.removeprefix("error: ").strip() for e in errors if e.strip() not in ("error:", "")), ""
        ),
        "error": errors[:12],
        "warnings": [ln.removeprefix("WARN ") for ln in lines if ln.startswith("WARN ")],
        "seconds": round(time.perf_counter() - start, 2),
    }


def prune(
    cases: list[dict[str, object]], labels: dict[str, dict[str, object]]
) -> dict[str, dict[str, object]]:
    """Only labels of current cases whose files are unchanged."""
    ids = {str(c["id"]) for c in cases}
    return {k: v for k, v in labels.items() if k in ids and v.get("hash") == case_hash(HERE / "cases" / k)}


def main(prefixes: list[str]) -> int:
    cases = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() else {}
    labels = prune(cases, labels)
    if prefixes == ["--prune"]:
        LABELS.write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return 0
    todo = [c for c in cases if not prefixes or any(c["id"].startswith(p) for p in prefixes)]
    # every mutation once first (on a rotating base), then the rest: a partial run covers them all
    seen: dict[str, int] = {}
    order = []
    for n, case in enumerate(todo):
        seen[case["mutation"]] = seen.get(case["mutation"], -1) + 1
        order.append((seen[case["mutation"]] > 0, (n * 7) % 11 if seen[case["mutation"]] else 0, n, case))
    todo = [c for *_, c in sorted(order, key=lambda t: t[:3])]
    for n, case in enumerate(todo, 1):
        folder = HERE / "cases" / case["id"]
        digest = case_hash(folder)
        if labels.get(case["id"], {}).get("hash") == digest:
            continue
        label = evaluate(folder, case["system"])
        label["hash"] = digest
        labels[case["id"]] = label
        print(f"[{n}/{len(todo)}] {case['id']}: {label['verdict']} {label['first_error']}"[:160], flush=True)
        LABELS.write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
