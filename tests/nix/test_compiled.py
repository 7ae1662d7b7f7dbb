"""The compiled Nix layer (setup.py) and its Python source: chosen correctly, and reading alike."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from nix_corpus_format import CORPUS

import nixwright
from nixwright import source_overrides
from nixwright.nix.jsonview import reading_json
from nixwright.nix.read import read_module

_READ_ALL = """
import json, sys
from pathlib import Path
import nixwright
from nixwright.nix.jsonview import reading_json
from nixwright.nix.read import read_module
paths = [Path(p) for p in sys.argv[1:]]
print(json.dumps({"compiled": nixwright.compiled(), "readings": [reading_json(read_module(p)) for p in paths]}))
"""


@pytest.mark.skipif(not nixwright.compiled(), reason="this build is pure Python (NIXWRIGHT_PURE)")
def test_compiled_and_pure_read_every_corpus_file_the_same() -> None:
    paths = sorted(CORPUS.glob("*.nix"))
    assert len(paths) >= 30
    environment = {**os.environ, "NIXWRIGHT_PURE": "1"}
    run = subprocess.run(
        [sys.executable, "-c", _READ_ALL, *map(str, paths)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    pure = json.loads(run.stdout)
    assert pure["compiled"] is False
    assert pure["readings"] == [reading_json(read_module(path)) for path in paths]


def _package(tmp_path: Path, sources: dict[str, str]) -> Path:
    for name, text in sources.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _record(package: Path, names: list[str]) -> None:
    record = {name: hashlib.sha256((package / name).read_bytes()).hexdigest() for name in names}
    (package / "compiled.json").write_text(json.dumps(record), encoding="utf-8")


def test_a_pure_build_overrides_nothing(tmp_path: Path) -> None:
    package = _package(tmp_path, {"errors.py": "x = 1\n", "nix/read.py": "y = 2\n"})
    assert source_overrides(package, pure=False) == ({}, [])
    assert source_overrides(package, pure=True) == ({}, [])


def test_a_current_build_runs_compiled_unless_pure_is_asked_for(tmp_path: Path) -> None:
    package = _package(tmp_path, {"errors.py": "x = 1\n", "nix/read.py": "y = 2\n"})
    _record(package, ["errors.py", "nix/read.py"])
    assert source_overrides(package, pure=False) == ({}, [])
    sources, stale = source_overrides(package, pure=True)
    assert sources == {
        "nixwright.errors": package / "errors.py",
        "nixwright.nix.read": package / "nix/read.py",
    }
    assert stale == []


def test_an_edited_source_runs_every_compiled_module_as_python(tmp_path: Path) -> None:
    package = _package(tmp_path, {"errors.py": "x = 1\n", "nix/read.py": "y = 2\n"})
    _record(package, ["errors.py", "nix/read.py"])
    (package / "nix/read.py").write_text("y = 3\n", encoding="utf-8")
    sources, stale = source_overrides(package, pure=False)
    assert stale == ["nix/read.py"]
    # compiled and Python halves don't mix: the unchanged module runs as Python as well
    assert set(sources) == {"nixwright.errors", "nixwright.nix.read"}


def test_this_checkout_runs_what_its_sources_say() -> None:
    """The build in use matches the sources present (the Makefile rebuilds after an edit)."""
    package = Path(nixwright.__file__).parent
    _, stale = source_overrides(package, pure=False)
    assert stale == []
    assert nixwright.compiled() == (
        (package / "compiled.json").is_file() and not os.environ.get("NIXWRIGHT_PURE")
    )
