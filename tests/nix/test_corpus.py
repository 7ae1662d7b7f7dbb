"""The corpus: every configuration under tests/fixtures/nix/corpus and the facts expected from it.

Each ``NN-name.nix`` has ``NN-name.expected`` beside it (format: tests/nix/nix_corpus_format.py). To
refresh after an intended change, run with NIXWRIGHT_UPDATE_CORPUS=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from nix_corpus_format import CORPUS, reading_lines

from nixwright.nix.read import read_module

FILES = sorted(CORPUS.glob("[0-9][0-9]-*.nix"))


def test_corpus_is_large_enough() -> None:
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_reading_matches_expected(path: Path) -> None:
    got = reading_lines(read_module(path))
    expected_file = path.with_suffix(".expected")
    if os.environ.get("NIXWRIGHT_UPDATE_CORPUS"):
        expected_file.write_text("\n".join(got) + "\n", encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8").splitlines()
    assert got == expected
