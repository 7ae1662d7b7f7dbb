"""Benchmark of the documentation stage: README and HTML time per generated machine, definitions
explained, and the markup conversion of every option description of the release.

    .venv/bin/python bench/bench_docs.py [--every N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO.parent / "shared" / "examples" / "intents.toml"
CHANNEL = REPO.parent / "shared" / "nixos" / "24.11"


def requests(every: int) -> list[str]:
    sys.path.insert(0, str(REPO / "tests"))
    from nixwright.catalog.load import load_catalog
    from test_stream import stream

    texts = [c["prompt"] for c in tomllib.loads(EXAMPLES.read_text())["case"]] if EXAMPLES.is_file() else []
    return texts + stream(load_catalog())[::every]


def readmes(every: int) -> None:
    from nixwright.docs.html import to_html
    from nixwright.docs.readme import document_plan, render_document
    from nixwright.errors import NixwrightError
    from nixwright.knowledge import open_knowledge
    from nixwright.plan.pipeline import generate

    kb = open_knowledge("24.11")
    generated = []
    for text in requests(every):
        try:
            generated.append(generate(text, kb))
        except NixwrightError:
            continue
    readme_ms: list[float] = []
    html_ms: list[float] = []
    explained = total = size = 0
    for gen in generated:
        start = time.perf_counter()
        doc = document_plan(gen.plan, gen.verified.reading, kb)
        text = render_document(doc, gen.plan, gen.verified.findings)
        middle = time.perf_counter()
        to_html(text, gen.plan.hostname)
        readme_ms.append((middle - start) * 1000)
        html_ms.append((time.perf_counter() - middle) * 1000)
        good, count = doc.definitions_explained(gen.verified.reading)
        explained += good
        total += count
        size += len(text)
    readme_ms.sort()
    print(
        f"README for {len(generated)} generated machines: p50={statistics.median(readme_ms):.1f} ms "
        f"p90={readme_ms[int(len(readme_ms) * 0.9)]:.1f} ms; HTML p50={statistics.median(html_ms):.1f} ms; "
        f"mean size {size // max(1, len(generated))} characters"
    )
    print(f"definitions explained: {explained}/{total} ({100 * explained / max(1, total):.1f} %)")


def descriptions() -> None:
    from nixwright.docs.markup import markup_leaks, to_plain
    from nixwright.knowledge.reading import read_json

    options = read_json(CHANNEL / "options.json.br")
    texts = [info.get("description") or "" for info in options.values()]
    start = time.perf_counter()
    plain = [to_plain.__wrapped__(t) for t in texts]
    seconds = time.perf_counter() - start
    leaking = sum(1 for p in plain if markup_leaks(p))
    print(
        f"option descriptions to clean text: {len(texts)} in {seconds:.2f} s "
        f"({seconds / len(texts) * 1e6:.0f} µs each), {leaking} with markup left"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", type=int, default=5, help="use every Nth request of the stream")
    args, _ = parser.parse_known_args()
    readmes(args.every)
    if (CHANNEL / "options.json.br").is_file():
        descriptions()


if __name__ == "__main__":
    main()
