"""``nixwright check`` end to end on the real 24.11 data."""

import json

import pytest

from nixwright.cli.main import main

pytestmark = pytest.mark.integration

VALID = """{ config, pkgs, ... }:
{
  imports = [ ./hardware-configuration.nix ];
  boot.loader.grub.devices = [ "/dev/sda" ];
  networking.hostName = "test";
  services.openssh.enable = true;
  users.users.alice = { isNormalUser = true; extraGroups = [ "wheel" ]; };
  environment.systemPackages = with pkgs; [ vim git ];
  system.stateVersion = "24.11";
}
"""
HARDWARE = '{ ... }: { fileSystems."/" = { device = "/dev/sda1"; fsType = "ext4"; }; }\n'


@pytest.fixture
def use_kb(kb, monkeypatch):
    from nixwright.knowledge import access

    monkeypatch.setattr(access, "open_knowledge", lambda *a, **k: kb)
    return kb


def _write(tmp_path, text, hardware=HARDWARE):
    (tmp_path / "configuration.nix").write_text(text)
    (tmp_path / "hardware-configuration.nix").write_text(hardware)
    return tmp_path


def test_accepted_exits_0(use_kb, tmp_path, capsys):
    assert main(["check", "--no-policy", str(_write(tmp_path, VALID))]) == 0
    out = capsys.readouterr().out
    assert "no findings. Nix would accept this configuration" in out


def test_rejected_exits_1_with_location_and_fix(use_kb, tmp_path, capsys):
    _write(tmp_path, VALID.replace("services.openssh.enable", "services.opensshd.enable"))
    assert main(["check", "--no-policy", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "configuration.nix:6:3: error NW-OPT-UNKNOWN:" in out
    assert "fix: did you mean `services.openssh.enable`" in out


def test_warnings_do_not_fail_unless_asked(use_kb, tmp_path, capsys):
    _write(tmp_path, VALID.replace('  system.stateVersion = "24.11";\n', ""))
    assert main(["check", "--no-policy", str(tmp_path)]) == 0
    assert main(["check", "--no-policy", "--fail-on", "warning", str(tmp_path)]) == 1
    assert "NW-SYS-STATE-VERSION" in capsys.readouterr().out


def test_json_and_sarif(use_kb, tmp_path, capsys):
    _write(tmp_path, VALID.replace("with pkgs; [ vim git ]", "with pkgs; [ vim gitt ]"))
    assert main(["check", "--no-policy", "--format", "json", str(tmp_path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["accepted"] is False
    assert [(f["code"], f["line"]) for f in data["findings"]] == [("NW-PKG-UNKNOWN", 8)]
    assert main(["check", "--no-policy", "--format", "sarif", str(tmp_path)]) == 1
    sarif = json.loads(capsys.readouterr().out)
    (result,) = sarif["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("NW-PKG-UNKNOWN", "error")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 8


def test_system_flag_changes_package_verdict(use_kb, tmp_path, capsys):
    _write(tmp_path, VALID.replace("with pkgs; [ vim git ]", "with pkgs; [ vim memtest86plus ]"))
    assert main(["check", "--no-policy", str(tmp_path)]) == 0
    assert main(["check", "--no-policy", "--system", "aarch64-linux", str(tmp_path)]) == 1
    assert "NW-PKG-PLATFORM" in capsys.readouterr().out


def test_input_errors_exit_2(use_kb, tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "has no configuration.nix" in err
    assert "Traceback" not in err
    assert main(["check", "--fail-on", "loud", str(_write(tmp_path, VALID))]) == 2
    assert main(["check", "--policy", str(tmp_path / "none.toml"), str(tmp_path)]) == 2


def test_policy_findings_are_shown_and_fail_only_with_fail_on(use_kb, tmp_path, capsys):
    _write(tmp_path, VALID)
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[policy]" in out
    policy = [line for line in out.splitlines() if "[policy]" in line]
    worst = "high" if any(" high [policy]" in line for line in policy) else "medium"
    assert main(["check", "--fail-on", worst, str(tmp_path)]) == 1
    assert main(["check", "--no-policy", "--fail-on", worst, str(tmp_path)]) == 0


@pytest.mark.nix
def test_eval_gives_nixs_verdict(use_kb, tmp_path, capsys):
    import os
    import shutil

    nixpkgs = os.environ.get("NIXPKGS_SRC")
    if shutil.which("nix-instantiate") is None or not nixpkgs:
        pytest.skip("needs nix-instantiate and NIXPKGS_SRC (see docs/development.md)")
    _write(tmp_path, VALID.replace("services.openssh.enable = true", 'services.openssh.enable = "yes"'))
    code = main(["check", "--no-policy", "--eval", "--nixpkgs", nixpkgs, "--format", "json", str(tmp_path)])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["evaluation"]["ran"] is True
    assert data["evaluation"]["accepted"] is False
    assert "nix-instantiate" in data["evaluation"]["command"]
    assert {f["code"] for f in data["findings"]} == {"NW-TYPE-MISMATCH"}


def test_accepted_policy_risk_becomes_information(use_kb, tmp_path, capsys):
    _write(tmp_path, VALID)
    assert main(["check", "--format", "json", str(tmp_path)]) == 0
    policy = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["source"] == "policy"]
    assert policy
    rule = policy[0]["code"]
    assert main(["check", "--format", "json", "--accept-risk", rule, str(tmp_path)]) == 0
    accepted = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == rule]
    assert {f["severity"] for f in accepted} == {"info"}
    assert main(["check", "--accept-risk", "NO-SUCH-RULE", str(tmp_path)]) == 2
