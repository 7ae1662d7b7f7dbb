"""Plans built by hand for the documentation tests, and the readings a renderer would give for them."""

from __future__ import annotations

from dataclasses import replace

from nixwright.errors import SourceLocation
from nixwright.intake.intent import (
    Answer,
    CapabilityRequest,
    Evidence,
    Firmware,
    Hardware,
    Intent,
    Person,
)
from nixwright.nix.values import (
    PRIORITY_MKDEFAULT,
    Definition,
    ModuleImport,
    ModuleReading,
    NixAttrs,
    NixBool,
    NixInt,
    NixList,
    NixString,
    PackageRef,
    Value,
)
from nixwright.plan.model import Assignment, Block, Plan, Port, Provenance, Secret

HW = "hardware-configuration.nix"
ALL_INTERFACES = "0.0.0.0"  # noqa: S104 - a value written into a plan; nothing binds here


def _a(
    path: str, value: Value, why: str, origin: str, *, file: str = "configuration.nix", priority: int = 100
) -> Assignment:
    evidence = (
        (Evidence(origin.rsplit(":", maxsplit=1)[-1], 0, 5),) if origin.startswith("capability") else ()
    )
    return Assignment(tuple(_split(path)), value, Provenance(origin, evidence, why), priority, file)


def _split(path: str) -> list[str]:
    # fileSystems."/boot".device style paths are written with a quoted middle part here
    if '"' in path:
        head, quoted, tail = path.split('"')
        return [*head.strip(".").split("."), quoted, *tail.strip(".").split(".")]
    return path.split(".")


def _base(hostname: str) -> Block:
    return Block(
        "base",
        "Base system",
        "What every machine gets.",
        (
            _a("networking.hostName", NixString(hostname), "The machine's name on the network.", "base"),
            _a("system.stateVersion", NixString("24.11"), "The release first installed.", "base"),
        ),
    )


def _people(name: str) -> Block:
    return Block(
        "people",
        "People",
        "The accounts on this machine.",
        (
            _a(
                f"users.users.{name}.isNormalUser",
                NixBool(value=True),
                f"{name}: the administrator.",
                "person:" + name,
            ),
            _a(
                f"users.users.{name}.extraGroups",
                NixList((NixString("wheel"),)),
                "May use sudo.",
                "person:" + name,
            ),
        ),
    )


def pi_plan() -> Plan:
    request = "A Raspberry Pi 4 as an ad blocker for my home network, with ssh. Also a toaster."
    intent = Intent(
        request=request,
        hardware=Hardware(
            "raspberry-pi-4", "sbc", "Raspberry Pi 4", "aarch64-linux", Firmware.RASPBERRY_PI, 4096
        ),
        capabilities=(
            CapabilityRequest("adguardhome", Evidence("ad blocker", 25, 35)),
            CapabilityRequest("ssh", Evidence("ssh", 65, 68)),
        ),
        people=(Person("admin", admin=True),),
        not_understood=("a toaster",),
    )
    hardware = Block(
        "hardware",
        "Raspberry Pi 4",
        "A Raspberry Pi 4 (64-bit ARM).",
        (
            _a(
                "boot.loader.grub.enable",
                NixBool(value=False),
                "The Pi does not use GRUB.",
                "hardware:raspberry-pi-4",
            ),
            _a(
                'fileSystems."/".device',
                NixString("/dev/disk/by-label/NIXOS_SD"),
                "The root file system.",
                "hardware:raspberry-pi-4",
                file=HW,
            ),
            _a('fileSystems."/".fsType', NixString("ext4"), "Its type.", "hardware:raspberry-pi-4", file=HW),
        ),
    )
    adguard = Block(
        "capability:adguardhome",
        "DNS filter and ad blocker (AdGuard Home)",
        "Blocks ads for the whole network.",
        (
            _a(
                "services.adguardhome.enable",
                NixBool(value=True),
                "Runs AdGuard Home.",
                "capability:adguardhome",
            ),
            _a(
                "services.adguardhome.settings.dns.bind_hosts",
                NixList((NixString(ALL_INTERFACES),)),
                "Answers on every interface.",
                "capability:adguardhome",
            ),
            _a(
                "services.adguardhome.settings.dns.upstream_dns",
                NixList((NixString("9.9.9.9"),)),
                "Asks Quad9.",
                "capability:adguardhome",
            ),
            _a(
                "services.adguardhome.settings.filters",
                NixList((NixAttrs((("enabled", NixBool(value=True)), ("id", NixInt(1)))),)),
                "The block lists.",
                "capability:adguardhome",
            ),
        ),
    )
    ssh = Block(
        "capability:ssh",
        "Remote login (OpenSSH, keys only)",
        "Log in from another computer.",
        (
            _a("services.openssh.enable", NixBool(value=True), "Runs the SSH server.", "capability:ssh"),
            _a(
                "services.openssh.settings.PasswordAuthentication",
                NixBool(value=False),
                "Keys only.",
                "capability:ssh",
            ),
        ),
    )
    firewall = Block(
        "firewall",
        "Firewall",
        "Ports opened.",
        (
            _a(
                "networking.firewall.allowedTCPPorts",
                NixList((NixInt(22), NixInt(53))),
                "Opens 22 and 53.",
                "network",
            ),
        ),
    )
    packages = Block(
        "packages",
        "Programs",
        "Installed for everyone.",
        (
            _a(
                "environment.systemPackages",
                NixList((PackageRef("git"), PackageRef("vim"))),
                "Tools for the admin.",
                "base",
            ),
        ),
    )
    return Plan(
        intent=intent,
        release="24.11",
        system="aarch64-linux",
        hostname="pi",
        blocks=(hardware, _base("pi"), adguard, ssh, firewall, packages, _people("admin")),
        imports=("./hardware-configuration.nix",),
        hardware_imports=(),
        ports=(
            Port(22, "tcp", "lan", "ssh", "SSH logins"),
            Port(53, "tcp", "lan", "adguardhome", "DNS"),
            Port(53, "udp", "lan", "adguardhome", "DNS"),
            Port(3000, "tcp", "localhost", "adguardhome", "admin page"),
        ),
        secrets=(
            Secret(
                "adguard-admin",
                "The admin page password",
                "/var/lib/secrets/adguard",
                "sudo install -m 600 /dev/null /var/lib/secrets/adguard",
                "adguardhome",
            ),
        ),
        assumptions=(
            Answer(
                "dns-filter",
                "adguardhome",
                "Which DNS filter should run?",
                assumed=True,
                why="the preferred one",
            ),
            Answer("admin", "admin", "What should the administrator's user name be?", assumed=False),
        ),
        capabilities=("adguardhome", "ssh"),
        hardware_profile="raspberry-pi-4",
    )


def laptop_plan() -> Plan:
    request = "An encrypted laptop that updates itself."
    intent = Intent(
        request=request,
        hardware=Hardware(
            "pc-uefi", "laptop", None, "x86_64-linux", Firmware.UEFI, 8192, disks=("/dev/sda",)
        ),
        qualities=(
            ("encrypted", Evidence("encrypted", 3, 12)),
            ("auto-updates", Evidence("updates itself", 25, 39)),
        ),
    )
    hardware = Block(
        "hardware",
        "x86_64 PC with UEFI firmware",
        "A standard PC.",
        (
            _a("boot.loader.systemd-boot.enable", NixBool(value=True), "The boot menu.", "hardware:pc-uefi"),
            _a(
                'fileSystems."/".device',
                NixString("/dev/disk/by-label/nixos"),
                "Root by label.",
                "hardware:pc-uefi",
                file=HW,
            ),
            _a('fileSystems."/".fsType', NixString("ext4"), "Root type.", "hardware:pc-uefi", file=HW),
            _a(
                'fileSystems."/boot".device',
                NixString("/dev/disk/by-label/boot"),
                "ESP by label.",
                "hardware:pc-uefi",
                file=HW,
            ),
            _a('fileSystems."/boot".fsType', NixString("vfat"), "ESP type.", "hardware:pc-uefi", file=HW),
        ),
    )
    luks = Block(
        "quality:encrypted",
        "Full disk encryption",
        "The system disk is encrypted with LUKS.",
        (
            _a(
                "boot.initrd.luks.devices.cryptroot.device",
                NixString("/dev/disk/by-label/cryptroot"),
                "The encrypted partition.",
                "quality:encrypted",
                file=HW,
            ),
        ),
    )
    updates = Block(
        "quality:auto-updates",
        "Automatic updates",
        "Installs updates by itself.",
        (
            _a(
                "system.autoUpgrade.enable",
                NixBool(value=True),
                "Upgrades on a schedule.",
                "quality:auto-updates",
            ),
            _a(
                "system.autoUpgrade.dates",
                NixString("04:40"),
                "Every night.",
                "quality:auto-updates",
                priority=PRIORITY_MKDEFAULT,
            ),
        ),
    )
    return Plan(
        intent=intent,
        release="24.11",
        system="x86_64-linux",
        hostname="laptop",
        blocks=(hardware, _base("laptop"), luks, updates, _people("sam")),
        imports=("./hardware-configuration.nix",),
        hardware_imports=('(modulesPath + "/installer/scan/not-detected.nix")',),
        ports=(),
        secrets=(),
        assumptions=(),
        capabilities=(),
        hardware_profile="pc-uefi",
    )


def vm_bios_plan() -> Plan:
    plan = laptop_plan()
    hardware = Block(
        "hardware",
        "Cloud VM",
        "A virtual machine that starts through BIOS.",
        (
            _a(
                "boot.loader.grub.enable", NixBool(value=True), "GRUB starts the system.", "hardware:vm-cloud"
            ),
            _a(
                "boot.loader.grub.device",
                NixString("/dev/vda"),
                "GRUB goes on the first disk.",
                "hardware:vm-cloud",
            ),
            _a(
                'fileSystems."/".device',
                NixString("/dev/disk/by-label/nixos"),
                "Root by label.",
                "hardware:vm-cloud",
                file=HW,
            ),
        ),
    )
    intent = replace(
        plan.intent,
        request="A small cloud server.",
        hardware=Hardware("vm-cloud", "vm", None, "x86_64-linux", Firmware.BIOS),
        qualities=(),
    )
    return replace(
        plan,
        intent=intent,
        hostname="vps",
        blocks=(hardware, _base("vps")),
        hardware_profile="vm-cloud",
        hardware_imports=(),
    )


def reading_for(plan: Plan, extra: tuple[Definition, ...] = ()) -> ModuleReading:
    """What reading the rendered files gives: every assignment, one line each, per file."""
    lines: dict[str, int] = {}
    definitions = []
    for a in plan.assignments:
        lines[a.file] = lines.get(a.file, 6) + 2
        definitions.append(Definition(a.path, a.value, SourceLocation(a.file, lines[a.file], 3), a.priority))
    imports = tuple(
        ModuleImport("local", i, SourceLocation("configuration.nix", 4, 15), file=i) for i in plan.imports
    )
    return ModuleReading((*definitions, *extra), imports, ("configuration.nix", HW))
