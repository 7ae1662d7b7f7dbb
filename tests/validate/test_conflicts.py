from fake_release import FakeKnowledge
from reading_builders import TRUE, codes, d, reading

from nixwright.nix.values import PRIORITY_FORCE, NixList, NixString, PackageRef
from nixwright.validate import check_reading

BASE = (
    d(("fileSystems", "/", "device"), NixString("/dev/sda1"), 90),
    d("boot.loader.grub.devices", NixList((NixString("/dev/sda"),)), 91),
    d("system.stateVersion", NixString("24.11"), 92),
)


def check(*defs):
    return check_reading(reading(*BASE, *defs), FakeKnowledge(), system="x86_64-linux")


def test_different_values_same_priority_conflict_once():
    found = check(d("time.timeZone", NixString("UTC"), 3), d("time.timeZone", NixString("Europe/Paris"), 7))
    assert codes(found) == ["NW-OPT-CONFLICT"]
    assert found[0].location is not None
    assert found[0].location.line == 7
    assert '"UTC"' in found[0].message


def test_equal_values_merge():
    assert check(d("services.openssh.enable", TRUE, 3), d("services.openssh.enable", TRUE, 7)) == ()


def test_priority_decides():
    forced = d("time.timeZone", NixString("UTC"), 3, priority=PRIORITY_FORCE)
    assert check(forced, d("time.timeZone", NixString("Europe/Paris"), 7)) == ()


def test_lists_merge():
    a = d("environment.systemPackages", NixList((PackageRef("vim"),)), 3)
    b = d("environment.systemPackages", NixList((PackageRef("git"),)), 7)
    assert check(a, b) == ()


def test_package_options_merge_equal_definitions_only():
    a = d("services.openssh.package", PackageRef("openssh"), 3)
    b = d("services.openssh.package", PackageRef("openssh"), 7)
    assert check(a, b) == ()
    c = d("services.openssh.package", PackageRef("vim"), 7)
    assert codes(check(a, c)) == ["NW-OPT-CONFLICT"]


def test_conditional_definitions_are_not_judged():
    a = d("time.timeZone", NixString("UTC"), 3, condition="config.services.nginx.enable")
    assert check(a, d("time.timeZone", NixString("Europe/Paris"), 7)) == ()
