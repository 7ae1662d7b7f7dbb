from fake_release import FakeKnowledge
from reading_builders import FALSE, TRUE, codes, d, reading

from nixwright.errors import SourceLocation
from nixwright.findings import Severity
from nixwright.nix.values import Dynamic, ModuleImport, NixInt, NixList, NixString, PackageRef

ROOT = d(("fileSystems", "/", "device"), NixString("/dev/sda1"), 90)
GRUB = d("boot.loader.grub.devices", NixList((NixString("/dev/sda"),)), 91)
STATE = d("system.stateVersion", NixString("24.11"), 92)


def check(*defs, imports=(), kb=None):
    from nixwright.validate import check_reading

    return check_reading(reading(*defs, imports=imports), kb or FakeKnowledge(), system="x86_64-linux")


def test_missing_root_fs_boot_loader_and_state_version():
    found = check(d("services.openssh.enable", TRUE))
    assert codes(found) == ["NW-SYS-NO-BOOT-LOADER", "NW-SYS-NO-ROOT-FS", "NW-SYS-STATE-VERSION"]
    state = next(f for f in found if f.code == "NW-SYS-STATE-VERSION")
    assert state.severity is Severity.WARNING


def test_root_by_mount_point_and_systemd_boot():
    found = check(
        d("fileSystems.root.mountPoint", NixString("/")),
        d("boot.loader.systemd-boot.enable", TRUE),
        STATE,
    )
    assert found == ()


def test_container_needs_neither():
    assert check(d("boot.isContainer", TRUE), STATE) == ()


def test_grub_disabled_is_not_a_missing_boot_loader():
    assert check(ROOT, d("boot.loader.grub.enable", FALSE), STATE) == ()


def test_unreadable_import_turns_errors_into_not_checked():
    imp = ModuleImport("dynamic", "import ./hw-${host}.nix", SourceLocation("/cfg/configuration.nix", 2, 3))
    found = check(STATE, imports=(imp,))
    assert codes(found) == []
    assert {f.code for f in found} == {"NW-SYS-NO-ROOT-FS", "NW-SYS-NO-BOOT-LOADER", "NW-NOT-CHECKED"}
    assert {f.severity for f in found} == {Severity.INFO}


def test_imported_module_provides_root_and_loader():
    kb = FakeKnowledge(
        module_settings={
            "installer/sd-card/sd-image-aarch64.nix": (
                ("fileSystems", "/", "device"),
                ("boot", "loader", "grub", "enable"),
            )
        }
    )
    imp = ModuleImport(
        "nixos-module",
        "sd",
        SourceLocation("/cfg/configuration.nix", 2, 3),
        module="installer/sd-card/sd-image-aarch64.nix",
    )
    assert check(STATE, imports=(imp,), kb=kb) == ()


def test_user_kind_and_group():
    found = check(
        ROOT,
        GRUB,
        STATE,
        d("users.users.alice.extraGroups", NixList((NixString("wheel"),))),
        d("users.users.bob.isNormalUser", TRUE),
        d("users.users.bob.isSystemUser", TRUE),
        d("users.users.svc.isSystemUser", TRUE),
        d("users.users.low.uid", NixInt(500)),
        d("users.users.low.group", NixString("low")),
        d("users.users.root.hashedPassword", NixString("!")),
    )
    # as Nix 2.8 reports it: a user that is neither kind also lacks the group normal users get
    assert sorted((f.code, f.option) for f in found) == [
        ("NW-SYS-USER-GROUP", "users.users.alice"),
        ("NW-SYS-USER-GROUP", "users.users.svc"),
        ("NW-SYS-USER-KIND", "users.users.alice"),
        ("NW-SYS-USER-KIND", "users.users.bob"),
    ]


def test_service_user_without_kind_is_left_to_the_service():
    found = check(
        ROOT,
        GRUB,
        STATE,
        d("services.nginx.enable", TRUE),
        d("users.users.nginx.extraGroups", NixList((NixString("acme"),))),
    )
    assert found == ()


def test_zsh_shell_needs_program():
    user = (d("users.users.al.isNormalUser", TRUE), d("users.users.al.shell", PackageRef("zsh")))
    assert codes(check(ROOT, GRUB, STATE, *user)) == ["NW-SYS-USER-SHELL"]
    assert check(ROOT, GRUB, STATE, *user, d("programs.zsh.enable", TRUE)) == ()


def test_locked_out():
    immutable = d("users.mutableUsers", FALSE)
    admin = d("users.users.al.isNormalUser", TRUE)
    wheel = d("users.users.al.extraGroups", NixList((NixString("wheel"),)))
    assert codes(check(ROOT, GRUB, STATE, immutable, admin, wheel)) == ["NW-SYS-LOCKED-OUT"]
    key = d("users.users.al.openssh.authorizedKeys.keys", NixList((NixString("ssh-ed25519 AAAA"),)))
    assert check(ROOT, GRUB, STATE, immutable, admin, wheel, key) == ()
    secret = d("users.users.al.hashedPassword", Dynamic("refers to a file", "builtins.readFile ./h"))
    found = check(ROOT, GRUB, STATE, immutable, admin, wheel, secret)
    assert [f.severity for f in found if f.code == "NW-SYS-LOCKED-OUT"] == [Severity.INFO]


def test_zfs_needs_host_id():
    zfs = d("boot.supportedFilesystems", NixList((NixString("zfs"),)))
    found = check(ROOT, GRUB, STATE, zfs)
    assert "NW-SYS-ZFS-HOST-ID" in codes(found)
    assert "NW-SYS-ZFS-HOST-ID" not in codes(
        check(ROOT, GRUB, STATE, zfs, d("networking.hostId", NixString("deadbeef")))
    )


def test_acme_terms_and_email():
    vhost = d(("services", "nginx", "virtualHosts", "a.org", "enableACME"), TRUE)
    assert codes(check(ROOT, GRUB, STATE, vhost)) == ["NW-SYS-ACME-EMAIL", "NW-SYS-ACME-TERMS"]
    ok = (
        d("security.acme.acceptTerms", TRUE),
        d("security.acme.defaults.email", NixString("a@b.c")),
    )
    assert check(ROOT, GRUB, STATE, vhost, *ok) == ()


def test_networkmanager_with_wireless():
    both = (
        d("networking.networkmanager.enable", TRUE),
        d("networking.wireless.enable", TRUE),
    )
    assert codes(check(ROOT, GRUB, STATE, *both)) == ["NW-SYS-WIRELESS-CONFLICT"]


def test_computed_import_is_named_as_not_checked():
    imp = ModuleImport("dynamic", '"${extra}/module.nix"', SourceLocation("/cfg/configuration.nix", 4, 15))
    found = check(ROOT, GRUB, STATE, imports=(imp,))
    assert [(f.code, f.severity, f.location) for f in found] == [
        ("NW-NOT-CHECKED", Severity.INFO, SourceLocation("/cfg/configuration.nix", 4, 15))
    ]
    assert "its path is computed" in found[0].message


def test_computed_users_are_not_judged():
    found = check(
        ROOT,
        GRUB,
        STATE,
        d("users.users.carol", Dynamic("result of calling mkUser", 'mkUser "carol"')),
        d(
            ("users", "users", "${config.owner}", "extraGroups"),
            NixList((NixString("wheel"),)),
            dynamic_key=True,
        ),
    )
    assert codes(found) == []


def test_pulseaudio_next_to_pipewire():
    pipewire = (d("services.pipewire.enable", TRUE), d("services.pipewire.pulse.enable", TRUE))
    assert check(ROOT, GRUB, STATE, *pipewire) == ()
    found = check(ROOT, GRUB, STATE, *pipewire, d("hardware.pulseaudio.enable", TRUE))
    assert [f.code for f in found] == ["NW-SYS-AUDIO-CONFLICT"]


def test_grub_removable_efi_with_efi_variables():
    both = (
        d("boot.loader.grub.efiInstallAsRemovable", TRUE),
        d("boot.loader.efi.canTouchEfiVariables", TRUE),
    )
    assert [f.code for f in check(ROOT, GRUB, STATE, *both)] == ["NW-SYS-GRUB-EFI"]
    off = d("boot.loader.efi.canTouchEfiVariables", FALSE)
    assert check(ROOT, GRUB, STATE, both[0], off) == ()


def test_nvidia_needs_open_choice_and_unfree():
    drivers = d("services.xserver.videoDrivers", NixList((NixString("nvidia"),)))
    assert sorted(f.code for f in check(ROOT, GRUB, STATE, drivers)) == [
        "NW-PKG-UNFREE",
        "NW-SYS-NVIDIA-OPEN",
    ]
    configured = (d("hardware.nvidia.open", TRUE), d("nixpkgs.config.allowUnfree", TRUE))
    assert check(ROOT, GRUB, STATE, drivers, *configured) == ()


def test_conditional_definitions_are_not_taken_as_facts():
    immutable = d("users.mutableUsers", FALSE, condition="config.services.nginx.enable")
    admin = (
        d("users.users.al.isNormalUser", TRUE),
        d("users.users.al.extraGroups", NixList((NixString("wheel"),))),
    )
    assert codes(check(ROOT, GRUB, STATE, immutable, *admin)) == []
    maybe_root = d(("fileSystems", "/", "device"), NixString("/dev/sda1"), condition="cfg.enable")
    assert codes(check(maybe_root, GRUB, STATE)) == []


def test_local_import_not_read_makes_whole_system_checks_not_checked():
    # the generator reads hardware-configuration.nix on its own (follow_imports=False)
    imp = ModuleImport(
        "local",
        "./hardware-configuration.nix",
        SourceLocation("/cfg/configuration.nix", 2, 15),
        file="/cfg/hardware-configuration.nix",
    )
    found = check(GRUB, STATE, imports=(imp,))
    assert codes(found) == []
    assert sorted(f.code for f in found) == ["NW-NOT-CHECKED", "NW-SYS-NO-ROOT-FS"]
    assert "was not read" in next(f.message for f in found if f.code == "NW-NOT-CHECKED")
