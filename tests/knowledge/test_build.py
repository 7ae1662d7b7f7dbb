"""Building a database: atomic, keyed by input hashes, safe under concurrency, clear on bad input."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import brotli
import pytest

from nixwright.errors import NixwrightError
from nixwright.knowledge.build import ensure_database, read_meta
from nixwright.knowledge.reading import read_json, sha256_file


def _build(data: Path, home: Path, force: bool = False) -> bool:
    return ensure_database("24.11", data, home=home, force=force).built


def test_build_records_release_source_inputs_and_counts(mini_copy: Path, tmp_path: Path) -> None:
    result = ensure_database("24.11", mini_copy, home=tmp_path / "home")
    assert result.built
    meta = read_meta(result.path)
    assert meta["release"] == "24.11"
    assert meta["source"] == f"local {mini_copy}"
    inputs = json.loads(meta["inputs"])
    assert inputs["options.json"] == sha256_file(mini_copy / "options.json")
    assert set(inputs) == {
        "options.json",
        "packages.json",
        "options-extra.json",
        "options-imports.json",
        "packages-extra.json",
    }
    assert json.loads(meta["counts"])["packages.json"] == 13
    assert meta["built_at"].endswith("Z")


def test_rebuilt_only_when_inputs_change(mini_copy: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert _build(mini_copy, home)
    assert not _build(mini_copy, home)
    # same content, new mtime: the hashes still match
    (mini_copy / "options.json").touch()
    assert not _build(mini_copy, home)
    data = json.loads((mini_copy / "options.json").read_text())
    data["services.nginx.enable"]["description"] = "changed"
    (mini_copy / "options.json").write_text(json.dumps(data))
    assert _build(mini_copy, home)
    assert _build(mini_copy, home, force=True)


def test_companion_files_are_optional(mini_copy: Path, tmp_path: Path) -> None:
    for name in ("options-extra.json", "options-imports.json", "packages-extra.json"):
        (mini_copy / name).unlink()
    result = ensure_database("24.11", mini_copy, home=tmp_path)
    assert set(json.loads(read_meta(result.path)["counts"])) == {"options.json", "packages.json"}


def test_brotli_inputs_preferred(mini_copy: Path, tmp_path: Path) -> None:
    raw = (mini_copy / "packages.json").read_bytes()
    (mini_copy / "packages.json").unlink()
    (mini_copy / "packages.json.br").write_bytes(brotli.compress(raw))
    result = ensure_database("24.11", mini_copy, home=tmp_path)
    assert "packages.json" in json.loads(read_meta(result.path)["inputs"])


def _damage(path: Path, how: str) -> None:
    raw = brotli.compress(path.read_bytes())
    target = path.with_name(path.name + ".br")
    path.unlink()
    match how:
        case "truncated":
            target.write_bytes(raw[: len(raw) // 2])
        case "corrupt":
            target.write_bytes(b"\x00garbage" * 100)
        case "empty":
            target.write_bytes(b"")
        case "wrong-format":
            target.write_bytes(brotli.compress(b'["not", "options"]'))
        case "bad-json":
            target.write_bytes(brotli.compress(b'{"a": '))
        case _:
            raise AssertionError(how)


@pytest.mark.parametrize(
    ("how", "words"),
    [
        ("truncated", "truncated brotli stream"),
        ("corrupt", "corrupt brotli data"),
        ("empty", "empty file"),
        ("wrong-format", "wrong format"),
        ("bad-json", "truncated JSON"),
    ],
)
@pytest.mark.parametrize("name", ["options.json", "packages.json"])
def test_bad_input_names_the_file_and_keeps_the_old_database(
    mini_copy: Path, tmp_path: Path, how: str, words: str, name: str
) -> None:
    home = tmp_path / "home"
    good = ensure_database("24.11", mini_copy, home=home)
    before = good.path.read_bytes()
    _damage(mini_copy / name, how)
    with pytest.raises(NixwrightError) as info:
        ensure_database("24.11", mini_copy, home=home)
    message = str(info.value)
    assert message.startswith(str(mini_copy / f"{name}.br"))
    assert words in message
    assert "\n" not in message
    assert good.path.read_bytes() == before
    assert [p.name for p in good.path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_missing_file_and_directory(mini_copy: Path, tmp_path: Path) -> None:
    (mini_copy / "packages.json").unlink()
    with pytest.raises(NixwrightError, match=r"packages\.json\.br: file not found"):
        ensure_database("24.11", mini_copy, home=tmp_path)
    with pytest.raises(NixwrightError, match="no such directory"):
        ensure_database("24.11", tmp_path / "nope", home=tmp_path)
    with pytest.raises(NixwrightError, match="file not found"):
        read_json(tmp_path / "nope.json")


_BUILDER = (
    "import sys; from pathlib import Path; from nixwright.knowledge.build import ensure_database; "
    "print(ensure_database('24.11', Path(sys.argv[1]), home=Path(sys.argv[2])).built)"
)


def test_concurrent_builders_build_once(mini_copy: Path, tmp_path: Path) -> None:
    # Separate interpreters, started together, race for the same database: exactly one builds it.
    home = tmp_path / "home"
    argv = [sys.executable, "-c", _BUILDER, str(mini_copy), str(home)]
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [proc.communicate(timeout=120)[0].strip() for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0, 0]
    built = [out == "True" for out in outputs]
    assert built.count(True) == 1
    db = home / "24.11" / "knowledge.sqlite"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM packages").fetchone() == (13,)


def test_entries_of_the_wrong_shape(mini_copy: Path, tmp_path: Path) -> None:
    data = json.loads((mini_copy / "packages.json").read_text())
    data["packages"]["hello"]["meta"] = ["not", "an", "object"]
    (mini_copy / "packages.json").write_text(json.dumps(data))
    with pytest.raises(
        NixwrightError, match=r"packages\.json: wrong format: expected packages\.json entries"
    ):
        ensure_database("24.11", mini_copy, home=tmp_path)


def test_unwritable_home(mini_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(NixwrightError, match="cannot build the knowledge base"):
        ensure_database("24.11", mini_copy, home=blocker)
