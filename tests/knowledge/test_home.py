"""Where databases live; which release is the default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.knowledge import default_release
from nixwright.knowledge.build import ensure_database
from nixwright.knowledge.home import (
    check_release,
    newest_stable,
    nixwright_home,
    release_from_dir,
    releases_present,
)


@pytest.mark.parametrize(
    ("day", "release"),
    [
        (dt.date(2024, 11, 30), "24.05"),
        (dt.date(2024, 12, 1), "24.11"),
        (dt.date(2025, 3, 1), "24.11"),
        (dt.date(2025, 6, 1), "25.05"),
        (dt.date(2000, 1, 1), "99.11"),
    ],
)
def test_newest_stable(day: dt.date, release: str) -> None:
    assert newest_stable(day) == release


def test_home_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NIXWRIGHT_HOME", str(tmp_path / "h"))
    assert nixwright_home() == tmp_path / "h"
    monkeypatch.delenv("NIXWRIGHT_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert nixwright_home() == tmp_path / "cache" / "nixwright"


def test_release_names() -> None:
    assert check_release(" 24.11 ") == "24.11"
    with pytest.raises(NixwrightError, match="not a NixOS release"):
        check_release("unstable")
    assert release_from_dir(Path("/x/nixos/24.05")) == "24.05"
    assert release_from_dir(Path("/x/data")) is None


def test_default_release_prefers_newest_present(
    mini_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NIXWRIGHT_CHANNEL_DATA", raising=False)
    home = tmp_path / "home"
    assert releases_present(home) == []
    for release in ("23.11", "24.05"):
        ensure_database(release, mini_copy, home=home)
    assert releases_present(home) == ["24.05", "23.11"]
    assert default_release(home=home) == "24.05"
    assert default_release(tmp_path / "nixos" / "22.11", home=home) == "22.11"
    assert default_release(home=tmp_path / "empty") == newest_stable()


def test_release_named_inside_the_data(
    mini_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the directory's name says nothing; options-imports.json says 24.11
    monkeypatch.setenv("NIXWRIGHT_CHANNEL_DATA", str(mini_copy))
    assert default_release(home=tmp_path) == "24.11"
    (mini_copy / "options-imports.json").unlink()
    (mini_copy / "options-extra.json").unlink()
    assert default_release(home=tmp_path / "none") == newest_stable()
