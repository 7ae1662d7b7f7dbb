from fake_release import FakeKnowledge
from reading_builders import TRUE, codes, d, reading

from nixwright.errors import SourceLocation
from nixwright.findings import Severity
from nixwright.nix.values import NixList, NixString, PackageRef
from nixwright.validate import check_reading

BASE = (
    d(("fileSystems", "/", "device"), NixString("/dev/sda1"), 90),
    d("boot.loader.grub.devices", NixList((NixString("/dev/sda"),)), 91),
    d("system.stateVersion", NixString("24.11"), 92),
)


def pkgs(*names: str, line: int = 5):
    return NixList(
        tuple(
            PackageRef(n, SourceLocation("/cfg/configuration.nix", line, 10 + i)) for i, n in enumerate(names)
        )
    )


def check(*defs, system="x86_64-linux"):
    return check_reading(reading(*BASE, *defs), FakeKnowledge(), system=system)


def test_known_packages_pass():
    assert check(d("environment.systemPackages", pkgs("vim", "git", "python3Packages.requests"))) == ()


def test_unknown_package_with_suggestion_at_its_own_column():
    (f,) = check(d("environment.systemPackages", pkgs("vim", "gti")))
    assert f.code == "NW-PKG-UNKNOWN"
    assert f.location == SourceLocation("/cfg/configuration.nix", 5, 11)
    assert "`pkgs.git`" in (f.fix or "")


def test_renamed_package_warns():
    (f,) = check(d("environment.systemPackages", pkgs("exa")))
    assert (f.code, f.severity) == ("NW-PKG-RENAMED", Severity.WARNING)
    assert "pkgs.eza" in f.message


def test_removed_package_errors_with_message():
    (f,) = check(d("environment.systemPackages", pkgs("gone")))
    assert f.code == "NW-PKG-REMOVED"
    assert "unmaintained" in f.message


def test_set_where_a_package_is_expected():
    (f,) = check(d("environment.systemPackages", pkgs("python3Packages")))
    assert f.code == "NW-PKG-NOT-A-PACKAGE"


def test_unfree_needs_permission():
    assert codes(check(d("environment.systemPackages", pkgs("steam")))) == ["NW-PKG-UNFREE"]
    allowed = d("nixpkgs.config.allowUnfree", TRUE)
    assert check(d("environment.systemPackages", pkgs("steam")), allowed) == ()


def test_unfree_predicate_counts_as_permission():
    from nixwright.nix.values import Dynamic

    pred = d("nixpkgs.config.allowUnfreePredicate", Dynamic("a function", "pkg: true"))
    found = check(d("environment.systemPackages", pkgs("steam")), pred)
    assert codes(found) == []


def test_broken_and_insecure():
    found = check(d("environment.systemPackages", pkgs("broken-thing", "olssl")))
    assert codes(found) == ["NW-PKG-BROKEN", "NW-PKG-INSECURE"]
    permitted = d("nixpkgs.config.permittedInsecurePackages", NixList((NixString("olssl-1.1"),)))
    assert codes(check(d("environment.systemPackages", pkgs("olssl")), permitted)) == []


def test_platform_follows_system_and_host_platform():
    use = d("environment.systemPackages", pkgs("x86only"))
    assert codes(check(use)) == []
    assert codes(check(use, system="aarch64-linux")) == ["NW-PKG-PLATFORM"]
    host = d("nixpkgs.hostPlatform", NixString("aarch64-linux"))
    assert codes(check(use, host)) == ["NW-PKG-PLATFORM"]


def test_package_option_given_a_string():
    (f,) = check(d("services.openssh.package", NixString("openssh")))
    assert f.code == "NW-TYPE-MISMATCH"
    assert check(d("services.openssh.package", PackageRef("openssh"))) == ()


def test_package_names_inside_computed_strings_are_checked():
    from nixwright.nix.values import Dynamic
    from nixwright.validate.options import packages_in_text

    assert packages_in_text('"${pkgs.vim}/bin/vim --x ${lib.getExe pkgs.python3Packages.requests}"') == [
        "python3Packages.requests",
        "vim",
    ]
    assert packages_in_text("mypkgs.foo config.pkgs.bar") == []
    text = '"${pkgs.gti}/bin/gti"'
    found = check(d("services.openssh.package", Dynamic("interpolates the store path of pkgs.gti", text)))
    assert [f.code for f in found] == ["NW-PKG-UNKNOWN", "NW-NOT-CHECKED"]


def test_members_of_sets_the_release_data_lists_only_in_part_are_not_checked():
    found = check(d("environment.systemPackages", pkgs("haskellPackages.xmonad", "python3Packages.requestz")))
    assert [(f.code, f.severity) for f in found] == [
        ("NW-NOT-CHECKED", Severity.INFO),
        ("NW-PKG-UNKNOWN", Severity.ERROR),
    ]
    assert "lists only part of `haskellPackages`" in found[0].message


def test_silent_alias_is_information():
    (f,) = check(d("environment.systemPackages", pkgs("kodiPlain")))
    assert (f.code, f.severity) == ("NW-PKG-RENAMED", Severity.INFO)
    assert "pkgs.kodi" in f.message
