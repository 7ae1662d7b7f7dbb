"""``nixwright parse``: definitions as text or JSON; bad input is one clear line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nixwright.cli.main import main

CORPUS = Path(__file__).parent.parent / "fixtures" / "nix" / "corpus"


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(CORPUS / "10-priorities.nix"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["definitions"][0]
    assert first["option"] == "networking.hostName"
    assert first["value"] == "default-host"
    assert first["priority"] == 1000
    assert first["location"].endswith("10-priorities.nix:3:3")
    assert data["files"] == [str(CORPUS / "10-priorities.nix")]


def test_parse_json_tags_non_scalar_values(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(CORPUS / "20-imports-nixpkgs.nix"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"kind": "nixos-module", "module": "profiles/qemu-guest.nix"}.items() <= data["imports"][0].items()
    assert main(["parse", str(CORPUS / "07-with-pkgs.nix"), "--json"]) == 0
    packages = json.loads(capsys.readouterr().out)["definitions"][0]["value"]
    assert packages[0] == {"kind": "package", "attr": "vim"}
    assert packages[-1]["kind"] == "dynamic"


def test_parse_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(CORPUS / "11-mkif.nix")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("11-mkif.nix:7:3: services.nginx.enable = true  [if cfg.enable]")


def test_parse_errors_are_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.nix"
    bad.write_text("{ a = ; }\n")
    assert main(["parse", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"nixwright: error: {bad}:1:6: syntax error: expected a value here")
    assert "hint:" in err
    assert main(["parse", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_text_view_shows_dynamic_parts_with_their_reason() -> None:
    from nixwright.nix.text import display_value
    from nixwright.nix.values import Dynamic, NixAttrs, NixFloat, NixList, NixString

    value = NixList(
        (NixString('a "b"'), Dynamic("depends on config.x"), NixAttrs((("k", NixFloat(float("nan"))),)))
    )
    assert (
        display_value(value)
        == '[ "a \\"b\\"" <dynamic: depends on config.x> { k = <nan cannot be written in Nix>; } ]'
    )
