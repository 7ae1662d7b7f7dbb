"""Fixtures for the knowledge tests: a tiny release built from tests/fixtures/knowledge/mini."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from nixwright.knowledge import KnowledgeBase, open_knowledge

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "knowledge" / "mini"


@pytest.fixture(scope="session")
def mini_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    home = tmp_path_factory.mktemp("mini-home")
    base = open_knowledge("24.11", source_dir=MINI, home=home)
    yield base
    base.close()


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini release data."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target
