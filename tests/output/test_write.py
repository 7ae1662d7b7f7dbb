"""The output directory is written atomically and never over someone's files without --force."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.output.flake import render_flake
from nixwright.output.write import write_directory

FILES = {"configuration.nix": "{ }\n", "README.md": "# box\n"}


def test_writes_a_new_directory(tmp_path: Path) -> None:
    out = tmp_path / "box"
    write_directory(out, FILES)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "configuration.nix"]
    assert (out / "configuration.nix").read_text() == "{ }\n"
    assert [p.name for p in tmp_path.iterdir()] == ["box"]  # no temporary directory left behind


def test_an_empty_directory_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "box"
    out.mkdir()
    write_directory(out, FILES)
    assert (out / "README.md").is_file()


def test_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    out = tmp_path / "box"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    with pytest.raises(NixwrightError, match="not empty"):
        write_directory(out, FILES)
    assert (out / "mine.txt").read_text() == "keep me"


def test_force_replaces_the_contents(tmp_path: Path) -> None:
    out = tmp_path / "box"
    out.mkdir()
    (out / "old.nix").write_text("old")
    write_directory(out, FILES, force=True)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "configuration.nix"]
    assert [p.name for p in tmp_path.iterdir()] == ["box"]


def test_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    out = tmp_path / "box"
    out.write_text("a file")
    with pytest.raises(NixwrightError, match="not a directory"):
        write_directory(out, FILES, force=True)


def test_a_failure_leaves_nothing_half_written(tmp_path: Path) -> None:
    out = tmp_path / "box"
    with pytest.raises(OSError, match="No such file"):
        write_directory(out, {"configuration.nix": "{ }\n", "sub/dir/x.nix": "{ }\n"})
    assert list(tmp_path.iterdir()) == []


def test_flake_pins_the_release() -> None:
    text = render_flake("my-box", "24.11")
    assert 'inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";' in text
    assert "nixosConfigurations.my-box = nixpkgs.lib.nixosSystem" in text
    assert "@host" not in text
    assert "@release" not in text
