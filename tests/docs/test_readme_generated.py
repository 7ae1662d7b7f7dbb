"""READMEs of real generated configurations: the public examples and the generated stream of requests.

For each, every definition the reader finds in the written files is explained (explained/total = 100 %),
no raw documentation markup leaks, the configuration's block comments say what the README says, and the
README and its HTML page are the same on a second run.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from nixwright.catalog.load import load_catalog
from nixwright.docs.comments import block_comment
from nixwright.docs.html import to_html
from nixwright.docs.markup import markup_leaks
from nixwright.docs.md import code
from nixwright.docs.readme import ReadmeDoc, document_plan, render_document, render_readme
from nixwright.docs.snippet import snippet
from nixwright.errors import NixwrightError
from nixwright.knowledge.model import Knowledge
from nixwright.nix.values import path_str
from nixwright.plan.model import Assignment
from nixwright.plan.pipeline import Generated, generate
from nixwright.plan.render import CONFIG, HARDWARE
from test_stream import stream

pytestmark = pytest.mark.integration
EXAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "intents.toml"


def _examples() -> list[str]:
    if not EXAMPLES.is_file():
        return []
    return [case["prompt"] for case in tomllib.loads(EXAMPLES.read_text(encoding="utf-8"))["case"]]


def _problems(gen: Generated, doc: ReadmeDoc) -> list[str]:
    reading = gen.verified.reading
    problems = [f"not explained: {path_str(e.line.path)}" for e in doc.lines if not e.line.explained]
    text = render_document(doc, gen.plan, gen.verified.findings)
    problems += [f"markup leak: {leak}" for leak in markup_leaks(text)]
    comments = " ".join(
        " ".join(line.strip().removeprefix("#").split())
        for line in (gen.files.configuration + gen.files.hardware).splitlines()
        if line.strip().startswith("#")
    )
    for block in gen.plan.blocks:
        if f". {block.title}\n" not in text:
            problems.append(f"block {block.id} has no section")
        if " ".join(block_comment(block).split()) not in comments:
            problems.append(f"block {block.id}: configuration comment differs from the README")
    problems += [
        f"line not shown: {path_str(a.path)}"
        for a in gen.plan.assignments
        if f"- {code(explained_shown(a, doc))}" not in text
    ]
    files = {CONFIG: gen.files.configuration, HARDWARE: gen.files.hardware}
    uncommented = {
        name: "\n".join(x for x in body.splitlines() if not x.strip().startswith("#"))
        for name, body in files.items()
    }
    for block_doc in doc.blocks:
        for file in dict.fromkeys(a.file for a in block_doc.block.assignments):
            lines = [(a.path, a.value, a.priority) for a in block_doc.block.assignments if a.file == file]
            shown = snippet(lines, block_doc.written_elsewhere(file))
            if "\n".join(f"  {x}" if x else x for x in shown.splitlines()) not in uncommented[file]:
                problems.append(f"block {block_doc.block.id}: the snippet differs from {file}")
    if len(reading.definitions) == 0:
        problems.append("nothing was read back")
    return problems


def explained_shown(assignment: Assignment, doc: ReadmeDoc) -> str:
    """How the README names this line in running text."""
    for block_doc in doc.blocks:
        for a, line in zip(block_doc.block.assignments, block_doc.lines, strict=True):
            if a is assignment:
                return line.line.shown
    return path_str(assignment.path)


def _run(requests: list[str], kb: Knowledge) -> tuple[int, int, list[str]]:
    """(definitions explained, definitions read, problems) over the requests that generate."""
    explained = total = 0
    failures: list[str] = []
    for text in requests:
        try:
            gen = generate(text, kb)
        except NixwrightError:
            continue  # refused requests are the generator's tests; nothing to document
        doc = document_plan(gen.plan, gen.verified.reading, kb)
        good, count = doc.definitions_explained(gen.verified.reading)
        explained += good
        total += count
        failures += [f"{text!r}: {p}" for p in _problems(gen, doc)]
    return explained, total, failures


def test_examples_are_fully_explained(kb: Knowledge) -> None:
    requests = _examples()
    if not requests:
        pytest.skip(f"no examples at {EXAMPLES}")
    explained, total, failures = _run(requests, kb)
    assert total > 0
    assert failures == []
    assert (explained, total) == (total, total)


def test_stream_is_fully_explained(kb: Knowledge) -> None:
    requests = stream(load_catalog())
    explained, total, failures = _run(requests, kb)
    assert total > 10_000
    assert failures == [], f"{len(failures)} problems:\n" + "\n".join(failures[:30])
    assert (explained, total) == (total, total)


def test_readme_and_html_are_deterministic(kb: Knowledge) -> None:
    text = _examples()[0] if _examples() else "A Raspberry Pi 4 as a DNS filter."
    first = generate(text, kb)
    second = generate(text, kb)
    readme = render_readme(first.plan, first.verified.reading, first.verified.findings, kb)
    again = render_readme(second.plan, second.verified.reading, second.verified.findings, kb)
    assert readme == again
    assert to_html(readme, "t") == to_html(again, "t")
