"""Shared fixtures. ``kb``: the 24.11 knowledge base, built once and shared by every test and worker.

The database is cached under ``build/test-home`` in the repository (or ``$NIXWRIGHT_TEST_HOME``);
the build takes a file lock, so pytest-xdist workers wait for one builder instead of racing, and a
database built from the same input files is reused across runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from nixwright.knowledge import KnowledgeBase, open_knowledge

REPO = Path(__file__).resolve().parents[1]
RELEASE = "24.11"


def channel_data() -> Path:
    """``$NIXWRIGHT_CHANNEL_DATA``, else ``../shared/nixos/24.11`` beside the repository."""
    env = os.environ.get("NIXWRIGHT_CHANNEL_DATA")
    return Path(env) if env else REPO.parent / "shared" / "nixos" / RELEASE


def test_home() -> Path:
    env = os.environ.get("NIXWRIGHT_TEST_HOME")
    return Path(env) if env else REPO / "build" / "test-home"


@pytest.fixture(scope="session")
def kb() -> Iterator[KnowledgeBase]:
    data = channel_data()
    if not (data / "options.json.br").is_file():
        pytest.skip(f"release data not found in {data} (set NIXWRIGHT_CHANNEL_DATA)")
    base = open_knowledge(RELEASE, source_dir=data, home=test_home())
    yield base
    base.close()
