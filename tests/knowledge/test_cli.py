"""The knowledge verbs through ``nixwright.cli.main.main`` on the mini release."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nixwright.cli.main import main

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "knowledge" / "mini"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("NIXWRIGHT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NIXWRIGHT_CHANNEL_DATA", str(MINI))
    return tmp_path


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_db_build_and_info(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "build", "--release", "24.11", "--json"]) == 0
    info = _json(capsys)
    assert isinstance(info, dict)
    assert info["status"] == "built"
    assert info["counts"]["options.json"] == 24
    assert main(["db", "build", "--release", "24.11", "--from", str(MINI), "--json"]) == 0
    assert _json(capsys)["status"] == "up to date"  # type: ignore[index]
    assert main(["db", "info", "--release", "24.11"]) == 0
    out = capsys.readouterr().out
    assert "release: 24.11" in out
    assert "count packages.json: 13" in out


def test_db_info_without_database(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "info", "--release", "23.05"]) == 2
    assert "no knowledge base for NixOS 23.05" in capsys.readouterr().err


def test_bad_from_dir_is_one_line(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "build", "--release", "24.11", "--from", str(env / "nope")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"nixwright: error: {env / 'nope'}: no such directory"


def test_option_verb(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["option", "--release", "24.11", 'services.nginx.virtualHosts."a.org".root']) == 0
    out = capsys.readouterr().out
    assert out.startswith("services.nginx.virtualHosts.<name>.root\n  type: null or path")
    assert main(["option", "--release", "24.11", "--json", "sound.enable"]) == 0
    data = _json(capsys)
    assert isinstance(data, dict)
    assert data["kind"] == "removed"
    assert data["rest"] == ["enable"]
    assert main(["option", "--release", "24.11", "services.adguardhom.enable"]) == 1
    assert "did you mean services.adguardhome.enable?" in capsys.readouterr().err
    assert main(["option", "--release", "24.11", "--children", "services.adguardhome"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "services.adguardhome.enable  (boolean)"
    assert main(["option", "--release", "24.11", "--import", "profiles/x.nix", "services.nginx"]) == 0
    assert "group of options" in capsys.readouterr().out


def test_package_verb(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["package", "--release", "24.11", "python3Packages.requests", "--system", "aarch64-linux"]) == 0
    )
    out = capsys.readouterr().out
    assert "-> python312Packages.requests" in out
    assert "available: yes" in out
    assert main(["package", "--release", "24.11", "--json", "goneapp"]) == 1
    assert _json(capsys)["kind"] == "removed"  # type: ignore[index]
    assert main(["package", "--release", "24.11", "helo"]) == 1
    assert "did you mean hello?" in capsys.readouterr().err


def test_search_verb(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--release", "24.11", "options", "dns", "ad", "blocker", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert {lines[0], lines[2]} == {"services.adguardhome.enable", "services.blocky.enable"}
    assert main(["search", "--release", "24.11", "packages", "markdown editor", "--json"]) == 0
    found = _json(capsys)
    assert isinstance(found, list)
    assert found[0]["attr_path"] in {"ghostwriter", "apostrophe"}
    assert main(["search", "--release", "24.11", "packages", "zzzzqq"]) == 1
