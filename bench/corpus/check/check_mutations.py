"""Seeded errors: each mutation edits a valid base configuration and names the findings it must cause.

``expected`` lists the error and warning codes the mutated configuration must produce (info notes
are not counted); ``per_base`` overrides it for bases where the same edit means something else
(an unfree package is fine where ``allowUnfree`` is set). A mutation applies to every base whose
files contain all the text it edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAIN = "configuration.nix"
HARDWARE = "hardware-configuration.nix"
ANCHOR = "  system.stateVersion"


@dataclass(frozen=True)
class Edit:
    find: str  # text to replace; "" inserts ``replace`` before the stateVersion line
    replace: str
    file: str = MAIN


@dataclass(frozen=True)
class Mutation:
    id: str
    description: str
    edits: tuple[Edit, ...]
    expected: tuple[str, ...]
    per_base: dict[str, tuple[str, ...]] = field(default_factory=dict)
    only: tuple[str, ...] = ()  # restrict to these bases
    # why Nix's verdict differs from what static checking can know (kept to measure, not hidden)
    known_limit: str = ""


def _r(find: str, replace: str, file: str = MAIN) -> Edit:
    return Edit(find, replace, file)


def _add(text: str) -> Edit:
    return Edit("", "  " + text + "\n")


def _pkg(name: str) -> Edit:
    return Edit("with pkgs; [ vim", f"with pkgs; [ {name} vim")


UNKNOWN = ("NW-OPT-UNKNOWN",)
MISMATCH = ("NW-TYPE-MISMATCH",)
ARM = "pi"

MUTATIONS: tuple[Mutation, ...] = (
    Mutation("valid", "the base configuration itself", (), ()),
    # -- misspelled options and modules
    Mutation(
        "typo-leaf",
        "misspelled option name",
        (_r("services.openssh.enable", "services.openssh.enabel"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-module",
        "misspelled module",
        (_r("services.openssh.enable", "services.opensshd.enable"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-toplevel",
        "misspelled top-level group",
        (_r("networking.hostName", "network.hostName"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-field",
        "misspelled submodule field",
        (_r("isNormalUser = true;", "isNormaluser = true;"),),
        ("NW-OPT-UNKNOWN", "NW-SYS-USER-GROUP", "NW-SYS-USER-KIND"),
    ),
    Mutation(
        "typo-vhost-field",
        "misspelled virtual host field",
        (_r("enableACME = true;", "enableAcme = true;"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-firefox",
        "misspelled program",
        (_r("programs.firefox.enable", "programs.firefx.enable"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-jellyfin",
        "misspelled service",
        (_r("services.jellyfin.enable", "services.jelyfin.enable"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-postgres",
        "misspelled service",
        (_r("services.postgresql.enable", "services.postgres.enable"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-adguard",
        "misspelled service",
        (_r("services.adguardhome.enable", "services.adguard.enable"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-docker",
        "American spelling of a group",
        (_r("virtualisation.docker.enable", "virtualization.docker.enable"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-zfs",
        "misspelled service",
        (_r("services.zfs.autoScrub.enable", "services.zfs.autoscrub.enable"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-pipewire",
        "misspelled nested option",
        (_r("pulse.enable = true;", "pulseaudio.enable = true;"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-firewall",
        "misspelled firewall option",
        (_r("firewall.allowedTCPPorts", "firewall.allowedTcpPorts"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-udp",
        "misspelled firewall option",
        (_r("firewall.allowedUDPPorts", "firewall.allowUDPPorts"),),
        UNKNOWN,
    ),
    Mutation(
        "typo-grub",
        "misspelled boot loader option",
        (_r("boot.loader.grub.devices", "boot.loader.grub.device_list"),),
        ("NW-OPT-UNKNOWN", "NW-SYS-NO-BOOT-LOADER"),
    ),
    Mutation(
        "typo-hardware",
        "misspelled option in an imported file",
        (_r("boot.kernelModules", "boot.kernelModule", HARDWARE),),
        UNKNOWN,
    ),
    Mutation(
        "typo-hostid",
        "misspelled option",
        (_r("networking.hostId", "networking.hostID"),),
        ("NW-OPT-UNKNOWN", "NW-SYS-ZFS-HOST-ID"),
    ),
    # -- wrong types
    Mutation(
        "bool-string",
        "a boolean given as a string",
        (_r("services.openssh.enable = true;", 'services.openssh.enable = "yes";'),),
        MISMATCH,
    ),
    Mutation(
        "bool-int",
        "a boolean given as a number",
        (_r("services.openssh.enable = true;", "services.openssh.enable = 1;"),),
        MISMATCH,
    ),
    Mutation(
        "bool-null",
        "a boolean given null",
        (_r("services.openssh.enable = true;", "services.openssh.enable = null;"),),
        MISMATCH,
    ),
    Mutation(
        "normal-user-string",
        "isNormalUser as a string",
        (_r("isNormalUser = true;", 'isNormalUser = "yes";'),),
        MISMATCH,
    ),
    Mutation(
        "port-range",
        "port above 65535",
        (_r("services.openssh.ports = [ 22 ];", "services.openssh.ports = [ 70000 ];"),),
        ("NW-TYPE-RANGE",),
    ),
    Mutation(
        "port-float",
        "port as a float",
        (_r("services.openssh.ports = [ 22 ];", "services.openssh.ports = [ 22.5 ];"),),
        MISMATCH,
    ),
    Mutation(
        "port-list-range",
        "firewall port out of range",
        (_r("[ 22 80 443 ]", "[ 22 80 99999 ]"),),
        ("NW-TYPE-RANGE",),
    ),
    Mutation(
        "port-list-string", "firewall port as a string", (_r("[ 22 80 443 ]", '[ 22 "80" 443 ]'),), MISMATCH
    ),
    Mutation(
        "port-udp-range",
        "UDP port out of range",
        (_r("allowedUDPPorts = [ 53 ];", "allowedUDPPorts = [ 65536 ];"),),
        ("NW-TYPE-RANGE",),
    ),
    Mutation(
        "port-scalar",
        "a list option given one number",
        (_r("services.openssh.ports = [ 22 ];", "services.openssh.ports = 22;"),),
        MISMATCH,
    ),
    Mutation(
        "enum-bad",
        "value outside an enum",
        (_r('PermitRootLogin = "no";', 'PermitRootLogin = "never";'),),
        ("NW-TYPE-ENUM",),
    ),
    Mutation(
        "enum-bool",
        "an enum given a boolean",
        (_r('PermitRootLogin = "no";', "PermitRootLogin = false;"),),
        ("NW-TYPE-ENUM",),
    ),
    Mutation(
        "settings-bool-string",
        "freeform setting with a declared type",
        (_r("PasswordAuthentication = false;", 'PasswordAuthentication = "no";'),),
        MISMATCH,
    ),
    Mutation(
        "timezone-int",
        "a string option given a number",
        (_r('time.timeZone = "Europe/Berlin";', "time.timeZone = 1;"),),
        MISMATCH,
    ),
    Mutation(
        "hostname-pattern",
        "hostname not matching the pattern",
        (_r('networking.hostName = "', 'networking.hostName = "-'),),
        ("NW-TYPE-PATTERN",),
    ),
    Mutation(
        "hostname-null",
        "a string option given null",
        (_r('networking.hostName = "', 'networking.hostName = null; # "'),),
        MISMATCH,
    ),
    Mutation(
        "hostname-list",
        "a string option given a list",
        (_r('networking.hostName = "web1";', 'networking.hostName = [ "web1" ];'),),
        MISMATCH,
    ),
    Mutation(
        "groups-string",
        "a list option given a string",
        (_r('extraGroups = [ "wheel" ];', 'extraGroups = "wheel";'),),
        MISMATCH,
    ),
    Mutation(
        "groups-element",
        "a list element of the wrong type",
        (_r('extraGroups = [ "wheel" ];', 'extraGroups = [ "wheel" 10 ];'),),
        MISMATCH,
    ),
    Mutation(
        "root-relative",
        "a path option given a relative string",
        (_r('root = "/var/www/example";', 'root = "var/www/example";'),),
        MISMATCH,
    ),
    Mutation(
        "grub-device-int",
        "a string option given a number",
        (_r('boot.loader.grub.device = "/dev/vda";', "boot.loader.grub.device = 5;"),),
        MISMATCH,
    ),
    Mutation(
        "devices-string",
        "a list of strings given a string",
        (_r('boot.loader.grub.devices = [ "/dev/sda" ];', 'boot.loader.grub.devices = "/dev/sda";'),),
        MISMATCH,
    ),
    Mutation(
        "etc-text-int", "file text given a number", (_add('environment.etc."motd".text = 42;'),), MISMATCH
    ),
    Mutation("fs-type-int", "fsType given a number", (_r('fsType = "ext4";', "fsType = 4;"),), MISMATCH),
    Mutation(
        "kernel-modules-string",
        "a list option given a string",
        (_r('boot.kernelModules = [ "kvm-intel" ];', 'boot.kernelModules = "kvm-intel";', HARDWARE),),
        MISMATCH,
    ),
    Mutation(
        "container-string",
        "boot.isContainer given a string",
        (_r("boot.isContainer = true;", 'boot.isContainer = "true";'),),
        ("NW-TYPE-MISMATCH", "NW-SYS-NO-BOOT-LOADER", "NW-SYS-NO-ROOT-FS"),
    ),
    Mutation(
        "namespace-value",
        "a group of options given a value",
        (_add("services.tor = true;"),),
        ("NW-OPT-NOT-A-VALUE",),
    ),
    Mutation(
        "databases-string",
        "a list of strings given a string",
        (_r('ensureDatabases = [ "app" ];', 'ensureDatabases = "app";'),),
        MISMATCH,
    ),
    Mutation(
        "autoscrub-string",
        "a boolean given a string",
        (_r("services.zfs.autoScrub.enable = true;", 'services.zfs.autoScrub.enable = "weekly";'),),
        MISMATCH,
    ),
    # -- whole system
    Mutation(
        "no-root-fs",
        "root file system dropped",
        (
            _r(
                '  fileSystems."/" = { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };\n',
                "",
                HARDWARE,
            ),
        ),
        ("NW-SYS-NO-ROOT-FS",),
    ),
    Mutation(
        "no-root-fs-main",
        "root file system dropped",
        (_r('  fileSystems."/" = {', '  fileSystems."/data" = {'),),
        ("NW-SYS-NO-ROOT-FS",),
    ),
    Mutation(
        "no-boot-loader",
        "boot loader target dropped",
        (_r('  boot.loader.grub.devices = [ "/dev/sda" ];\n', ""),),
        ("NW-SYS-NO-BOOT-LOADER",),
    ),
    Mutation(
        "no-boot-loader-vm",
        "boot loader target dropped",
        (_r('  boot.loader.grub.device = "/dev/vda";\n', ""),),
        ("NW-SYS-NO-BOOT-LOADER",),
    ),
    Mutation(
        "no-boot-loader-efi",
        "systemd-boot dropped",
        (_r("  boot.loader.systemd-boot.enable = true;\n", ""),),
        ("NW-SYS-NO-BOOT-LOADER",),
    ),
    Mutation(
        "no-boot-loader-pi",
        "GRUB left enabled next to extlinux",
        (_r("  boot.loader.grub.enable = false;\n", ""),),
        ("NW-SYS-NO-BOOT-LOADER",),
    ),
    Mutation(
        "not-a-container",
        "container flag dropped",
        (_r("  boot.isContainer = true;\n", ""),),
        ("NW-SYS-NO-BOOT-LOADER", "NW-SYS-NO-ROOT-FS"),
    ),
    Mutation(
        "no-state-version",
        "system.stateVersion dropped",
        (_r('  system.stateVersion = "24.11";\n', ""),),
        ("NW-SYS-STATE-VERSION",),
    ),
    Mutation(
        "user-neither",
        "user with neither isNormalUser nor isSystemUser",
        (_r("isNormalUser = true;", "useDefaultShell = true;"),),
        ("NW-SYS-USER-GROUP", "NW-SYS-USER-KIND"),
    ),
    Mutation(
        "user-both",
        "user with both kinds",
        (_r("isNormalUser = true;", "isNormalUser = true;\n    isSystemUser = true;"),),
        ("NW-SYS-USER-KIND",),
    ),
    Mutation(
        "system-user-no-group",
        "system user without a group",
        (_r('    group = "app";\n', ""),),
        ("NW-SYS-USER-GROUP",),
    ),
    Mutation(
        "new-user-no-kind",
        "a new user with only groups",
        (_add('users.users.eve.extraGroups = [ "video" ];'),),
        ("NW-SYS-USER-GROUP", "NW-SYS-USER-KIND"),
    ),
    Mutation(
        "zsh-no-program",
        "zsh login shell without programs.zsh",
        (_r("  programs.zsh.enable = true;\n", ""),),
        ("NW-SYS-USER-SHELL",),
    ),
    Mutation(
        "fish-no-program",
        "fish login shell without programs.fish",
        (_r("shell = pkgs.zsh;", "shell = pkgs.fish;"),),
        ("NW-SYS-USER-SHELL",),
    ),
    Mutation(
        "locked-out-vm",
        "immutable users without a key",
        (
            _r(
                '  users.users.root.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIVm root@admin" ];\n',
                "",
            ),
        ),
        ("NW-SYS-LOCKED-OUT",),
    ),
    Mutation(
        "locked-out",
        "immutable users, no password",
        (_add("users.mutableUsers = false;"),),
        ("NW-SYS-LOCKED-OUT",),
        per_base={"server": (), "nas": (), "complex": ()},
    ),
    Mutation(
        "zfs-no-hostid",
        "ZFS without networking.hostId",
        (_r('  networking.hostId = "8425e349";\n', ""),),
        ("NW-SYS-ZFS-HOST-ID",),
    ),
    Mutation(
        "zfs-added",
        "ZFS added without networking.hostId",
        (_add('boot.supportedFilesystems = [ "zfs" ];'),),
        ("NW-SYS-ZFS-HOST-ID",),
    ),
    Mutation(
        "acme-no-terms",
        "ACME without accepting the terms",
        (_r("  security.acme.acceptTerms = true;\n", ""),),
        ("NW-SYS-ACME-TERMS",),
    ),
    Mutation(
        "acme-no-email",
        "ACME without an e-mail",
        (_r('  security.acme.defaults.email = "admin@example.org";\n', ""),),
        ("NW-SYS-ACME-EMAIL",),
    ),
    Mutation(
        "nm-wireless",
        "NetworkManager with wpa_supplicant",
        (_add("networking.wireless.enable = true;"),),
        ("NW-SYS-WIRELESS-CONFLICT",),
        only=("desktop",),
    ),
    Mutation(
        "audio-conflict",
        "PulseAudio next to PipeWire",
        (_add("hardware.pulseaudio.enable = true;"),),
        ("NW-SYS-AUDIO-CONFLICT",),
        only=("desktop",),
    ),
    Mutation(
        "nvidia-no-open",
        "NVIDIA driver without hardware.nvidia.open",
        (_add('services.xserver.videoDrivers = [ "nvidia" ];'),),
        ("NW-PKG-UNFREE", "NW-SYS-NVIDIA-OPEN"),
        per_base={"media": ("NW-SYS-NVIDIA-OPEN",)},
        only=("server", "desktop", "media", "nas", "vm"),
    ),
    Mutation(
        "nvidia-ok",
        "NVIDIA driver, configured",
        (
            _add('services.xserver.videoDrivers = [ "nvidia" ];'),
            _add("hardware.nvidia.open = false;"),
            _add("nixpkgs.config.allowUnfree = true;"),
        ),
        (),
        only=("desktop", "nas"),
    ),
    Mutation(
        "grub-efi-removable",
        "removable EFI install with EFI variable access",
        (
            _add("boot.loader.grub.efiSupport = true;"),
            _add("boot.loader.grub.efiInstallAsRemovable = true;"),
            _add("boot.loader.efi.canTouchEfiVariables = true;"),
        ),
        ("NW-SYS-GRUB-EFI",),
        only=("server", "media"),
    ),
    # -- option kinds
    Mutation(
        "renamed-option",
        "a renamed option (Nix warns)",
        (_add("hardware.opengl.enable = true;"),),
        ("NW-OPT-RENAMED",),
    ),
    Mutation(
        "renamed-option-xkb",
        "a renamed option (Nix warns)",
        (_add('services.xserver.layout = "us";'),),
        ("NW-OPT-RENAMED",),
    ),
    Mutation("removed-option", "a removed option", (_add("sound.enable = true;"),), ("NW-OPT-REMOVED",)),
    Mutation(
        "read-only",
        "a read-only option set",
        (_add('system.nixos.release = "99.99";'),),
        ("NW-OPT-READ-ONLY",),
    ),
    Mutation(
        "conflict-hostname",
        "the same option defined in two files",
        (_r("  swapDevices = [ ];", '  swapDevices = [ ];\n  networking.hostName = "other";', HARDWARE),),
        ("NW-OPT-CONFLICT",),
    ),
    Mutation(
        "conflict-default-ok",
        "a second definition at lower priority",
        (
            _r(
                "  swapDevices = [ ];",
                '  swapDevices = [ ];\n  networking.hostName = lib.mkDefault "other";',
                HARDWARE,
            ),
        ),
        (),
    ),
    Mutation(
        "conflict-force-ok",
        "a second definition forced",
        (
            _r(
                "  swapDevices = [ ];",
                '  swapDevices = [ ];\n  networking.hostName = lib.mkForce "other";',
                HARDWARE,
            ),
        ),
        (),
    ),
    Mutation(
        "conflict-equal-ok",
        "the same value defined twice",
        (_r("  swapDevices = [ ];", '  swapDevices = [ ];\n  time.timeZone = "Europe/Berlin";', HARDWARE),),
        (),
        only=("server",),
    ),
    # -- packages
    Mutation("pkg-missing", "a package that does not exist", (_pkg("vimx"),), ("NW-PKG-UNKNOWN",)),
    Mutation("pkg-typo", "a misspelled package", (_pkg("htpo"),), ("NW-PKG-UNKNOWN",)),
    Mutation(
        "pkg-nested-missing",
        "a missing member of a package set",
        (_pkg("python3Packages.requestz"),),
        ("NW-PKG-UNKNOWN",),
    ),
    Mutation("pkg-nested-ok", "a member of an aliased package set", (_pkg("python3Packages.requests"),), ()),
    Mutation(
        "pkg-set",
        "a package set where a package is expected",
        (_pkg("python3Packages"),),
        ("NW-PKG-NOT-A-PACKAGE",),
    ),
    Mutation(
        "pkg-x86-only",
        "an x86-only package",
        (_pkg("memtest86plus"),),
        (),
        per_base={ARM: ("NW-PKG-PLATFORM",)},
    ),
    Mutation(
        "pkg-x86-only-2", "an x86-only package", (_pkg("syslinux"),), (), per_base={ARM: ("NW-PKG-PLATFORM",)}
    ),
    Mutation(
        "pkg-unfree",
        "an unfree package without permission",
        (_pkg("discord"),),
        ("NW-PKG-UNFREE",),
        per_base={"media": (), ARM: ("NW-PKG-PLATFORM", "NW-PKG-UNFREE")},
    ),
    Mutation(
        "pkg-unfree-2",
        "an unfree package without permission",
        (_pkg("vscode"),),
        ("NW-PKG-UNFREE",),
        per_base={"media": ()},
    ),
    Mutation(
        "pkg-unfree-allowed",
        "an unfree package with allowUnfree",
        (_pkg("vscode"), _add("nixpkgs.config.allowUnfree = true;")),
        (),
        only=("server", "desktop", "container", "vm", "nas"),
    ),
    Mutation("pkg-renamed-alias", "a renamed package (a silent alias)", (_pkg("kodiPlain"),), ()),
    Mutation(
        "pkg-insecure-dependency",
        "an allowed unfree package whose build input is insecure",
        (_pkg("sublime4"), _add("nixpkgs.config.allowUnfree = true;")),
        (),
        only=("server",),
        known_limit="sublime4 depends on openssl_1_1, which is marked insecure; "
        "package metadata does not list dependencies, so only --eval sees it",
    ),
    Mutation(
        "pkg-unfree-predicate",
        "an unfree package with a predicate",
        (
            _pkg("vscode"),
            _add('nixpkgs.config.allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) [ "vscode" ];'),
        ),
        (),
        only=("server",),
    ),
    Mutation("pkg-insecure", "an insecure package", (_pkg("olm"),), ("NW-PKG-INSECURE",)),
    Mutation(
        "pkg-insecure-permitted",
        "an insecure package, permitted",
        (_pkg("olm"), _add('nixpkgs.config.permittedInsecurePackages = [ "olm-3.2.16" ];')),
        (),
        only=("server", "desktop", "container"),
    ),
    Mutation("pkg-broken", "a broken package", (_pkg("aerogramme"),), ("NW-PKG-BROKEN",)),
    Mutation("pkg-removed", "a removed package", (_pkg("docker-compose_1"),), ("NW-PKG-REMOVED",)),
    Mutation("pkg-renamed-to-removed", "a package renamed long ago", (_pkg("gnome3"),), ("NW-PKG-REMOVED",)),
    Mutation(
        "pkg-shell-missing",
        "a login shell that does not exist",
        (_r("shell = pkgs.zsh;", "shell = pkgs.zshh;"),),
        ("NW-PKG-UNKNOWN",),
    ),
    Mutation(
        "pkg-option-string",
        "a package option given a string",
        (_add('services.openssh.package = "openssh";'),),
        MISMATCH,
        # OpenSSH is off there: Nix never reads the option, so it accepts the configuration
        per_base=dict.fromkeys(("desktop", "container", "nas", "media"), ("NW-TYPE-UNUSED",)),
    ),
)
