from fake_release import FakeKnowledge
from reading_builders import TRUE, codes, d, reading

from nixwright.findings import Severity
from nixwright.nix.values import Dynamic, NixAttrs, NixInt, NixList, NixString
from nixwright.validate import check_reading

BASE = (
    d(("fileSystems", "/", "device"), NixString("/dev/sda1"), 90),
    d("boot.loader.grub.devices", NixList((NixString("/dev/sda"),)), 91),
    d("system.stateVersion", NixString("24.11"), 92),
)


def check(*defs, **kw):
    return check_reading(reading(*BASE, *defs, **kw), FakeKnowledge(), system="x86_64-linux")


def test_valid_base_has_no_findings():
    assert check() == ()


def test_unknown_module_names_the_missing_part_and_suggests():
    (f,) = check(d("services.opensshd.enable", TRUE, 4))
    assert f.code == "NW-OPT-UNKNOWN"
    assert f.severity is Severity.ERROR
    assert "`services` has no option or group named `opensshd`" in f.message
    assert "services.openssh.enable" in (f.fix or "")
    assert (f.location.line, f.location.file) == (4, "/cfg/configuration.nix")


def test_unknown_leaf_in_known_group():
    (f,) = check(d("services.openssh.enabel", TRUE))
    assert f.code == "NW-OPT-UNKNOWN"
    assert "`services.openssh` has no option or group named `enabel`" in f.message


def test_bool_given_string():
    (f,) = check(d("services.openssh.enable", NixString("yes")))
    assert f.code == "NW-TYPE-MISMATCH"
    assert 'expected boolean, got the string "yes"' in f.message
    assert f.fix == "use a value like true"


def test_port_out_of_range_in_list_names_the_element():
    (f,) = check(d("services.openssh.ports", NixList((NixInt(22), NixInt(70000)))))
    assert f.code == "NW-TYPE-RANGE"
    assert "`services.openssh.ports[1]`" in f.message
    assert f.fix == "use a number between 0 and 65535"


def test_submodule_field_type_and_enum():
    found = check(
        d("users.users.alice.isNormalUser", NixString("yes"), 5),
        d("services.openssh.settings.PermitRootLogin", NixString("maybe"), 6),
    )
    assert codes(found) == ["NW-TYPE-ENUM", "NW-TYPE-MISMATCH"]
    enum_finding = next(f for f in found if f.code == "NW-TYPE-ENUM")
    assert '"yes", "no", "prohibit-password"' in (enum_finding.fix or "")


def test_renamed_option_warns_and_checks_new_type():
    found = check(d("services.openssh.permitRootLogin", NixString("sometimes")))
    assert [(f.code, f.severity) for f in found] == [
        ("NW-TYPE-ENUM", Severity.ERROR),
        ("NW-OPT-RENAMED", Severity.WARNING),
    ]
    assert "services.openssh.settings.PermitRootLogin" in found[1].message


def test_removed_option_carries_upstream_message():
    (f,) = check(d("sound.enable", TRUE))
    assert f.code == "NW-OPT-REMOVED"
    assert "use pipewire or pulseaudio" in f.message


def test_option_of_unimported_module():
    (f,) = check(d("virtualisation.memorySize", NixInt(2048)))
    assert f.code == "NW-OPT-NEEDS-IMPORT"
    assert "virtualisation/qemu-vm.nix" in (f.fix or "")


def test_imported_module_makes_option_exist():
    from nixwright.errors import SourceLocation
    from nixwright.nix.values import ModuleImport

    imp = ModuleImport(
        "nixos-module",
        "modulesPath + ...",
        SourceLocation("/cfg/configuration.nix", 2, 3),
        module="nixos/modules/virtualisation/qemu-vm.nix",
    )
    found = check(d("virtualisation.memorySize", NixInt(2048)), imports=(imp,))
    assert codes(found) == []
    # an import the knowledge base cannot describe is named in the not-checked notes
    assert found == () or all(f.severity is Severity.INFO for f in found)


def test_read_only_option():
    (f,) = check(d("system.build.toplevel", NixString("/nix/store/abc-x")))
    assert f.code == "NW-OPT-READ-ONLY"


def test_namespace_given_a_value():
    (f,) = check(d("services.nginx", TRUE))
    assert f.code == "NW-OPT-NOT-A-VALUE"


def test_dynamic_value_is_reported_not_checked():
    (f,) = check(d("services.openssh.enable", Dynamic("refers to config", "config.services.nginx.enable")))
    assert f.code == "NW-NOT-CHECKED"
    assert f.severity is Severity.INFO
    assert "config.services.nginx.enable" in f.message


def test_keys_inside_attrs_of_value_are_typed():
    found = check(
        d("environment.variables.EDITOR", NixString("vim")),
        d("environment.variables.PATHS", NixList((NixString("a"), NixInt(3)))),
    )
    assert codes(found) == ["NW-TYPE-MISMATCH"]


def test_key_inside_a_scalar_option():
    (f,) = check(d("networking.hostName.foo", NixString("x")))
    assert f.code == "NW-TYPE-MISMATCH"
    assert "has no attribute `foo`" in f.message


def test_freeform_settings_accept_unknown_keys_and_check_known_ones():
    assert check(d("services.grafana.settings.server.domain", NixString("example.org"))) == ()
    (f,) = check(d("services.grafana.settings.server.http_port", NixString("3000")))
    assert f.code == "NW-TYPE-MISMATCH"


def test_pattern_string():
    (f,) = check(d("networking.hostName", NixString("My_Host")))
    assert f.code == "NW-TYPE-PATTERN"


def test_list_of_submodules_given_literal_attrs():
    listen = NixList((NixAttrs((("port", NixString("80")),)),))
    (f,) = check(
        d(("services", "nginx", "virtualHosts", "a.org", "listen"), listen), d("services.nginx.enable", TRUE)
    )
    assert f.code == "NW-TYPE-MISMATCH"
    assert '`services.nginx.virtualHosts."a.org".listen[0].port`' in f.message
    bogus = NixList((NixAttrs((("prot", NixInt(80)),)),))
    (g,) = check(d(("services", "nginx", "virtualHosts", "a.org", "listen"), bogus))
    assert g.code == "NW-OPT-UNKNOWN"


def test_findings_are_sorted_by_location():
    found = check(
        d("services.openssh.enable", NixString("yes"), 9),
        d("services.opensshd.enable", TRUE, 3),
    )
    assert [f.location.line for f in found if f.location] == [3, 9]


def test_declared_options_are_skipped():
    r = reading(*BASE, d("my.own.option", TRUE))
    r = type(r)(r.definitions, files=r.files, declared_options=(("my", "own"),))
    assert check_reading(r, FakeKnowledge(), system="x86_64-linux") == ()


def test_descend_steps_into_list_elements():
    from fake_release import PORT, list_of, null_or

    from nixwright.validate.resolve import descend

    t = null_or(list_of(PORT))
    assert descend(t, ("*",)) == PORT
    assert descend(t, ("name",)) is None


def test_type_errors_of_a_switched_off_service_are_warnings():
    root = d(("services", "nginx", "virtualHosts", "a.org", "root"), NixString("var/www"))
    (f,) = check(root)
    assert (f.code, f.severity) == ("NW-TYPE-UNUSED", Severity.WARNING)
    assert "`services.nginx.enable` is true" in f.message
    (g,) = check(root, d("services.nginx.enable", TRUE))
    assert (g.code, g.severity) == ("NW-TYPE-MISMATCH", Severity.ERROR)
