from fake_release import FakeKnowledge
from reading_builders import TRUE, codes, d, reading

from nixwright.nix.values import Dynamic, NixList, NixString
from nixwright.validate import check_reading
from nixwright.validate.references import config_references

BASE = (
    d(("fileSystems", "/", "device"), NixString("/dev/sda1"), 90),
    d("boot.loader.grub.devices", NixList((NixString("/dev/sda"),)), 91),
    d("system.stateVersion", NixString("24.11"), 92),
)


def check(*defs, declared=()):
    r = reading(*BASE, *defs)
    r = type(r)(r.definitions, files=r.files, declared_options=declared)
    return check_reading(r, FakeKnowledge(), system="x86_64-linux")


def test_references_are_found_without_defaults():
    text = 'if config.services.nginx.enable then config.networking."host name" else config.a.b or "x"'
    assert config_references(text) == [("services", "nginx", "enable"), ("networking", "host name")]
    assert config_references("myconfig.x lib.config.y") == []


def test_condition_reading_a_missing_option():
    found = check(d("services.openssh.enable", TRUE, condition="config.services.ngnix.enable"))
    assert codes(found) == ["NW-OPT-UNKNOWN"]
    assert "reads `config.services.ngnix.enable`" in found[0].message
    assert "attribute 'ngnix' missing" in found[0].message


def test_value_reading_options_and_values_inside_them():
    ok = Dynamic("depends on config", "config.users.users.alice.uid + config.environment.variables.EDITOR")
    assert codes(check(d("time.timeZone", ok))) == []
    bad = Dynamic("interpolates", '"${config.network.hostName}.example.org"')
    assert codes(check(d("time.timeZone", bad))) == ["NW-OPT-UNKNOWN"]


def test_own_options_are_not_judged():
    own = d("services.openssh.enable", TRUE, condition="config.my.feature.enable")
    assert codes(check(own, declared=(("my", "feature"),))) == []
