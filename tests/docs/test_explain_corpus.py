"""explain_reading over the check corpus (bench/corpus/check/cases): hundreds of real-looking, often
broken configurations. Each is explained without error, every definition is in the document, and every
definition that could not be explained is called out in its own section."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.docs.explain import explain_reading
from nixwright.docs.markup import markup_leaks
from nixwright.docs.md import code
from nixwright.docs.other_lines import explain_definitions
from nixwright.errors import NixwrightError
from nixwright.knowledge.model import Knowledge
from nixwright.nix.read import read_module
from nixwright.validate import check_reading

pytestmark = pytest.mark.integration
CASES = Path(__file__).resolve().parents[2] / "bench" / "corpus" / "check" / "cases"


def test_every_corpus_configuration_is_explained(kb: Knowledge) -> None:
    files = sorted(CASES.glob("*/configuration.nix"))
    if not files:
        pytest.skip(f"no corpus at {CASES}")
    problems: list[str] = []
    explained = total = 0
    for file in files:
        try:
            reading = read_module(file)
        except NixwrightError:
            continue  # syntax errors are the reader's tests
        text = explain_reading(reading, check_reading(reading, kb, system="x86_64-linux"), kb)
        missing = text.split("## What could not be explained", 1)[1]
        lines = explain_definitions(list(reading.definitions), reading, kb)
        total += len(lines)
        for line in lines:
            shown = code(line.line.shown)
            if shown not in text:
                problems.append(f"{file.parent.name}: {line.line.shown} not in the document")
            if line.line.explained:
                explained += 1
            elif shown not in missing:
                problems.append(f"{file.parent.name}: {line.line.shown} not called out")
        problems += [f"{file.parent.name}: {leak}" for leak in markup_leaks(text)]
    assert total > 1000
    assert problems == []
    assert explained / total > 0.99  # only the seeded mistakes (unknown and removed options) are not
