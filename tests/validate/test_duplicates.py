"""NW-ATTR-DUPLICATE: names defined twice, which Nix refuses (repros of eval-findings F1, checked with Nix)."""

import pytest
from fake_release import FakeKnowledge

from nixwright.findings import Severity
from nixwright.nix.read import read_source
from nixwright.validate import check_reading

HEAD = '{ ... }: {\n  boot.loader.grub.devices = [ "/dev/sda" ];\n  fileSystems."/".device = "/dev/sda1";\n'
TAIL = '  system.stateVersion = "24.11";\n}\n'
SSH = """  services.openssh.settings.PermitRootLogin = "no";
  services.openssh = {
    enable = true;
    settings.PasswordAuthentication = false;
  };
"""
USERS = """  users.users.alex.extraGroups = [ "wheel" ];
  users.users = { alex.isNormalUser = true; };
"""
MERGED = """  services.openssh.settings.PermitRootLogin = "no";
  services.openssh.settings = { PasswordAuthentication = false; };
  services.openssh = { enable = true; };
"""


def _duplicates(body: str, kb=None):
    reading = read_source(HEAD + body + TAIL, "configuration.nix")
    found = check_reading(reading, kb or FakeKnowledge(), system="x86_64-linux")
    return [f for f in found if f.code == "NW-ATTR-DUPLICATE"]


def test_a_set_literal_reopening_a_dotted_name_is_an_error_at_the_second_place():
    [finding] = _duplicates(SSH)
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Nix: attribute 'settings' already defined at configuration.nix:4:3; Nix refuses the file"
    )
    assert finding.location is not None
    assert (finding.location.line, finding.location.col) == (7, 5)
    assert finding.fix is not None
    assert "`settings`" in finding.fix


def test_a_user_opened_twice_is_an_error():
    [finding] = _duplicates(USERS)
    assert "attribute 'alex' already defined at configuration.nix:4:3" in finding.message


def test_what_nix_merges_gives_no_finding():
    assert _duplicates(MERGED) == []


@pytest.mark.integration
def test_the_f1_repros_fail_against_the_real_release(kb):
    for body in (SSH, USERS):
        [finding] = _duplicates(body, kb)
        assert finding.code == "NW-ATTR-DUPLICATE"
    assert _duplicates(MERGED, kb) == []
