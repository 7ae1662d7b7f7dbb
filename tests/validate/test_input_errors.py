"""Bad input gets a clear NixwrightError (exit 2), never a traceback."""

import os

import pytest
from fake_release import FakeKnowledge

from nixwright.errors import NixwrightError
from nixwright.validate import check_path


def _check(path):
    return check_path(path, FakeKnowledge(), system="x86_64-linux")


def test_missing_path(tmp_path):
    with pytest.raises(NixwrightError, match=r"no such file") as err:
        _check(tmp_path / "nope.nix")
    assert err.value.exit_code == 2


def test_directory_without_configuration(tmp_path):
    with pytest.raises(NixwrightError, match=r"has no configuration\.nix"):
        _check(tmp_path)


def test_binary_file(tmp_path):
    f = tmp_path / "configuration.nix"
    f.write_bytes(b"\x7fELF\x00\x01\x02" * 100)
    with pytest.raises(NixwrightError, match="binary file"):
        _check(f)


def test_huge_file(tmp_path):
    f = tmp_path / "configuration.nix"
    f.write_bytes(b"{ }" + b" " * (5 * 1024 * 1024))
    with pytest.raises(NixwrightError, match="too large"):
        _check(f)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files regardless of permissions")
def test_unreadable_file(tmp_path):
    f = tmp_path / "configuration.nix"
    f.write_text("{ }")
    f.chmod(0)
    with pytest.raises(NixwrightError, match="permission denied"):
        _check(f)


def test_deep_nesting(tmp_path):
    f = tmp_path / "configuration.nix"
    f.write_text("{ x = " + "[ " * 20000 + "]" * 20000 + "; }")
    with pytest.raises(NixwrightError, match=r"nested too deeply|too deep"):
        _check(f)


def test_syntax_error_is_an_input_error(tmp_path):
    f = tmp_path / "configuration.nix"
    f.write_text("{ services.openssh.enable = ; }")
    with pytest.raises(NixwrightError) as err:
        _check(f)
    assert err.value.exit_code == 2


def test_directory_uses_its_configuration(tmp_path):
    (tmp_path / "configuration.nix").write_text(
        '{ boot.isContainer = true; system.stateVersion = "24.11"; services.openssh.enable = "yes"; }'
    )
    report = _check(tmp_path)
    assert report.path == tmp_path / "configuration.nix"
    assert [f.code for f in report.findings] == ["NW-TYPE-MISMATCH"]
    assert report.accepted is False
    assert report.evaluation is None


def test_missing_import_is_an_error_finding(tmp_path):
    (tmp_path / "configuration.nix").write_text(
        '{ ... }: { imports = [ ./hardware-configuration.nix ]; boot.isContainer = true; system.stateVersion = "24.11"; }'
    )
    report = _check(tmp_path)
    assert [(f.code, f.location.line, f.location.col) for f in report.findings if f.location] == [
        ("NW-IMPORT-MISSING", 1, 24)
    ]
    assert report.accepted is False
