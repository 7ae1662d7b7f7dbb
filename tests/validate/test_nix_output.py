from nixwright.validate.nix_output import error_block, errors_from, warnings_from

ASSERTIONS = """trace: warning: system.stateVersion is not set, defaulting to 24.11.
error:
       Failed assertions:
       - Exactly one of users.users.alice.isSystemUser and users.users.alice.isNormalUser must be set.

       - users.users.alice.group is unset. This used to default to
       nogroup, but this is unsafe.
(use '--show-trace' to show detailed location information)
"""

UNKNOWN = """error: The option `services.opensshd' does not exist. Definition values:
       - In `/cfg/configuration.nix':
           {
             enable = true;
           }
(use '--show-trace' to show detailed location information)
"""

READ_ONLY = """error: The option `system.nixos.release' is read-only, but it's set multiple times. Definition values:
       - In `/nixpkgs/nixos/modules/misc/version.nix': "24.11"
       - In `/cfg/configuration.nix': "foo"
"""

UNFREE = """error: Package \u2018steam-unwrapped-1.0.0.81\u2019 in /nixpkgs/pkgs/by-name/st/package.nix:32 has an unfree license (\u2018unfreeRedistributable\u2019), refusing to evaluate.

       a) To temporarily allow unfree packages, you can use an environment variable
"""


def test_assertions_become_one_finding_each():
    found = errors_from(ASSERTIONS)
    assert [f.code for f in found] == ["NW-EVAL-ASSERTION", "NW-EVAL-ASSERTION"]
    assert found[1].message == (
        "NixOS assertion: users.users.alice.group is unset. This used to default to nogroup, but this is unsafe."
    )


def test_warnings():
    (w,) = warnings_from(ASSERTIONS)
    assert w.code == "NW-EVAL-WARNING"
    assert "stateVersion" in w.message


def test_known_errors_get_validator_codes_and_the_users_file():
    (f,) = errors_from(UNKNOWN)
    assert (f.code, f.option) == ("NW-OPT-UNKNOWN", "services.opensshd")
    assert f.location is not None
    assert f.location.file == "/cfg/configuration.nix"
    (ro,) = errors_from(READ_ONLY, "/nixpkgs")
    assert ro.code == "NW-OPT-READ-ONLY"
    assert ro.location is not None
    assert ro.location.file == "/cfg/configuration.nix"
    (unfree,) = errors_from(UNFREE)
    assert unfree.code == "NW-PKG-UNFREE"


def test_unrecognised_error_keeps_nix_words():
    (f,) = errors_from("error: attribute 'vimx' missing\n\n       at /cfg/configuration.nix:3:5:\n")
    assert f.code == "NW-EVAL-ERROR"
    assert f.message == "Nix: attribute 'vimx' missing"
    assert error_block("") == []
    assert errors_from("") == []
