"""A database of an older layout, left by a previous version, is rebuilt on open instead of breaking."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.knowledge import KnowledgeBase, open_knowledge, prepare_database
from nixwright.knowledge.build import ensure_database, has_current_schema, read_meta
from nixwright.knowledge.schema import SCHEMA_VERSION


def _age(db: Path) -> None:
    """Turn a fresh database into one of the previous layout: older version, no stored option tree."""
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE option_edges")
        conn.execute("DROP TABLE option_nodes")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION - 1),))
    conn.close()


@pytest.fixture
def aged(mini_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("NIXWRIGHT_CHANNEL_DATA", raising=False)
    home = tmp_path / "home"
    db = ensure_database("24.11", mini_copy, home=home).path
    _age(db)
    assert not has_current_schema(db)
    return home


def test_old_layout_is_rebuilt_from_its_recorded_source(aged: Path, mini_copy: Path) -> None:
    said: list[str] = []
    result = prepare_database("24.11", home=aged, progress=lambda what, _done, _total: said.append(what))
    assert result.built
    assert said[0] == "rebuilding the knowledge base (it has an older layout)"
    assert has_current_schema(result.path)
    assert read_meta(result.path)["source"] == f"local {mini_copy}"
    assert [p.name for p in result.path.parent.iterdir() if p.name.endswith(".tmp")] == []
    kb = open_knowledge("24.11", home=aged)
    found = kb.find_option("services.nginx.enable")
    assert found is not None
    assert found.path == "services.nginx.enable"
    kb.close()
    assert not prepare_database("24.11", home=aged).built


def test_old_layout_is_rebuilt_from_downloaded_channel_files(aged: Path, mini_copy: Path) -> None:
    channel = aged / "24.11" / "channel"
    shutil.copytree(mini_copy, channel)
    shutil.rmtree(mini_copy)  # the recorded source is gone; the channel files remain
    kb = open_knowledge("24.11", home=aged)
    assert kb.find_option("services.nginx.enable") is not None
    assert read_meta(kb.path)["source"] == f"local {channel}"
    kb.close()


def test_opening_an_old_layout_directly_says_to_rebuild(aged: Path) -> None:
    with pytest.raises(NixwrightError, match="built by another version of nixwright") as info:
        KnowledgeBase(aged / "24.11" / "knowledge.sqlite")
    assert info.value.hint == "rebuild it with: nixwright db build --force"
