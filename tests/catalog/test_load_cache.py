"""The parsed catalog kept as JSON between processes: same result, refreshed on change, never required."""

from __future__ import annotations

import json
import os
from pathlib import Path

from nixwright.catalog.load import cached_documents

CAP = """
id = "{id}"
title = "Demo"
kind = "service"
explain = "A demo."
words = ["{id} app"]
roles = ["thing"]
"""
ROLE = """
id = "thing"
title = "A thing"
preferred = "demo"
"""


def _catalog(root: Path) -> Path:
    (root / "capabilities").mkdir(parents=True)
    (root / "roles").mkdir()
    (root / "capabilities" / "demo.toml").write_text(CAP.format(id="demo"))
    (root / "roles" / "thing.toml").write_text(ROLE)
    return root


def test_cache_gives_the_parsed_files_and_is_written_once(tmp_path: Path) -> None:
    root = _catalog(tmp_path / "catalog")
    cache = tmp_path / "cache"
    first = cached_documents(root, cache)
    assert first["capabilities"]["demo.toml"]["words"] == ["demo app"]
    assert first["hardware"] == {}
    entry = cache / "catalog.json"
    assert json.loads(entry.read_text())["files"][0][0] == "capabilities/demo.toml"
    entry.write_text(entry.read_text().replace("demo app", "from the cache"))
    assert cached_documents(root, cache)["capabilities"]["demo.toml"]["words"] == ["from the cache"]


def test_changed_file_is_parsed_again(tmp_path: Path) -> None:
    root = _catalog(tmp_path / "catalog")
    cache = tmp_path / "cache"
    cached_documents(root, cache)
    (root / "capabilities" / "demo.toml").write_text(CAP.format(id="demo").replace("demo app", "changed app"))
    stat = (root / "capabilities" / "demo.toml").stat()
    os.utime(root / "capabilities" / "demo.toml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert cached_documents(root, cache)["capabilities"]["demo.toml"]["words"] == ["changed app"]
    (root / "roles" / "other.toml").write_text(ROLE.replace('"thing"', '"other"', 1))
    assert sorted(cached_documents(root, cache)["roles"]) == ["other.toml", "thing.toml"]


def test_corrupt_or_unwritable_cache_falls_back_to_parsing(tmp_path: Path) -> None:
    root = _catalog(tmp_path / "catalog")
    cache = tmp_path / "cache"
    cached_documents(root, cache)
    entry = cache / "catalog.json"
    entry.write_text('{"capabilities": ')
    assert cached_documents(root, cache)["capabilities"]["demo.toml"]["id"] == "demo"
    assert json.loads(entry.read_text())["documents"]["capabilities"]["demo.toml"]["id"] == "demo"  # anew
    blocker = tmp_path / "file"
    blocker.write_text("")
    docs = cached_documents(root, blocker / "cache")
    assert docs["roles"]["thing.toml"]["preferred"] == "demo"
