"""Fixtures for the policy tests: a small real knowledge base and a reader for Nix snippets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nixwright.knowledge import KnowledgeBase, open_knowledge

RELEASE_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "policy" / "release"


@pytest.fixture(scope="session")
def small_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """The options and packages the policy data needs, taken from 24.11 (see make_release.py)."""
    home = tmp_path_factory.mktemp("policy-home")
    base = open_knowledge("24.11", source_dir=RELEASE_DIR, home=home)
    yield base
    base.close()
