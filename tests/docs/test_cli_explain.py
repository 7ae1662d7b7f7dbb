"""``nixwright explain`` end to end on the real 24.11 data: Markdown, HTML, --out, and user errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.cli.main import main
from nixwright.docs.markup import markup_leaks
from nixwright.knowledge.model import Knowledge

pytestmark = pytest.mark.integration
CONFIG = """{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  boot.loader.systemd-boot.enable = true;
  networking.hostName = "desk";
  services.openssh.enable = true;
  services.openssh.settings.PermitRootLogin = "yes";
  services.frobnicator.enable = true;
  environment.systemPackages = with pkgs; [ git ];
  system.stateVersion = "24.11";
}
"""
HARDWARE = '{ ... }: { fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; }; }\n'


@pytest.fixture
def config_dir(kb: Knowledge, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    from nixwright.knowledge import access

    monkeypatch.setattr(access, "open_knowledge", lambda *a, **k: kb)
    (tmp_path / "configuration.nix").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "hardware-configuration.nix").write_text(HARDWARE, encoding="utf-8")
    return tmp_path


def test_markdown_to_stdout(config_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(config_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# `configuration.nix`, explained")
    assert "Whether to enable the OpenSSH secure shell daemon" in out
    assert "### In `hardware-configuration.nix`" in out
    assert (
        "`services.frobnicator.enable = true` (configuration.nix, line 8): Not an option of NixOS 24.11"
        in out
    )
    assert "`NW-OPT-UNKNOWN`" in out
    assert markup_leaks(out) == []


def test_policy_findings_are_included_unless_left_out(
    config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["explain", str(config_dir / "configuration.nix")])
    with_policy = capsys.readouterr().out
    main(["explain", "--no-policy", str(config_dir / "configuration.nix")])
    without = capsys.readouterr().out
    assert "security policy made" in with_policy
    assert "security policy made" not in without


def test_html_to_a_file(config_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = config_dir / "explained.html"
    assert main(["explain", str(config_dir), "--html", "--out", str(target)]) == 0
    assert capsys.readouterr().out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>configuration.nix, explained</title>" in page
    assert "<code>services.openssh</code>" in page


def test_missing_file_is_a_clear_error(
    kb: Knowledge, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nixwright.knowledge import access

    monkeypatch.setattr(access, "open_knowledge", lambda *a, **k: kb)
    assert main(["explain", str(tmp_path / "nope.nix")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nixwright: error:")
    assert "Traceback" not in err


def test_out_into_a_missing_directory_is_a_clear_error(
    config_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", str(config_dir), "--out", str(config_dir / "no" / "x.md")]) == 2
    assert "no such directory" in capsys.readouterr().err
