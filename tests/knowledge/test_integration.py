"""The full 24.11 release data: counts, spot checks, placeholders, aliases, imports, platforms."""

from __future__ import annotations

import pytest

from nixwright.knowledge import KnowledgeBase
from nixwright.knowledge.model import OptionKind, PackageKind
from nixwright.knowledge.paths import split_path
from nixwright.knowledge.types import TypeKind

pytestmark = pytest.mark.integration


def test_counts_equal_the_input(kb: KnowledgeBase) -> None:
    documented = kb.db.execute(
        "SELECT count(*) FROM options WHERE kind = 'documented' AND module = ''"
    ).fetchone()
    assert documented == (19940,)
    assert kb.db.execute("SELECT count(*) FROM packages").fetchone() == (77645,)
    counts = kb.counts()
    assert counts["options.json"] == 19940
    assert counts["packages.json"] == 77645
    assert counts["options-extra.json"] == 6872
    assert kb.release == "24.11"


@pytest.mark.parametrize(
    ("path", "type_text", "kind"),
    [
        ("services.openssh.enable", "boolean", TypeKind.BOOL),
        ("services.adguardhome.enable", "boolean", TypeKind.BOOL),
        ("networking.hostName", None, TypeKind.STR),
        (
            "networking.firewall.allowedTCPPorts",
            "list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)",
            TypeKind.LIST,
        ),
        ("environment.systemPackages", "list of package", TypeKind.LIST),
        ("time.timeZone", "null or string without spaces", TypeKind.NULL_OR),
    ],
)
def test_spot_check_options(kb: KnowledgeBase, path: str, type_text: str | None, kind: TypeKind) -> None:
    option = kb.find_option(path)
    assert option is not None, path
    assert option.type.kind is kind
    if type_text:
        assert option.type_text == type_text
    assert option.declarations[0].startswith("nixos/modules/")
    assert option.description


def test_defaults_examples_read_only(kb: KnowledgeBase) -> None:
    enable = kb.find_option("services.adguardhome.enable")
    assert enable is not None
    assert enable.default_text == "false"
    assert enable.example_text == "true"
    toplevel = kb.find_option("system.build.toplevel")
    assert toplevel is not None
    assert toplevel.read_only


@pytest.mark.parametrize(
    ("concrete", "declared"),
    [
        (
            'services.nginx.virtualHosts."example.org".locations."/".proxyPass',
            "services.nginx.virtualHosts.<name>.locations.<name>.proxyPass",
        ),
        ('users.users."alice".isNormalUser', "users.users.<name>.isNormalUser"),
        ('fileSystems."/".device', "fileSystems.<name>.device"),
        ("boot.initrd.systemd.storePaths.*.source", "boot.initrd.systemd.storePaths.*.source"),
        ('boot.kernel.sysctl."net.core.rmem_max"', 'boot.kernel.sysctl."net.core.rmem_max"'),
    ],
)
def test_placeholder_resolution(kb: KnowledgeBase, concrete: str, declared: str) -> None:
    option = kb.find_option(concrete)
    assert option is not None, concrete
    assert option.path == declared


def test_values_inside_attribute_sets(kb: KnowledgeBase) -> None:
    res = kb.resolve_option(split_path('boot.kernel.sysctl."net.ipv4.ip_forward"'))
    assert res.option is not None
    assert res.option.path == "boot.kernel.sysctl"
    assert res.rest == ("net.ipv4.ip_forward",)
    sub = kb.resolve_option(split_path('specialisation."a".configuration.services.nginx.enable'))
    assert sub.option is not None
    assert sub.option.path == "specialisation.<name>.configuration"
    assert sub.rest == ("services", "nginx", "enable")


def test_renamed_removed_hidden(kb: KnowledgeBase) -> None:
    renamed = kb.find_option("services.openssh.passwordAuthentication")
    assert renamed is not None
    assert renamed.kind is OptionKind.RENAMED
    assert renamed.renamed_to == "services.openssh.settings.PasswordAuthentication"
    removed = kb.resolve_option(("sound", "enable"))
    assert removed.option is not None
    assert removed.option.kind is OptionKind.REMOVED
    hidden = kb.find_option('services.nginx.virtualHosts."x".enableSSL')
    assert hidden is not None
    assert hidden.kind is OptionKind.HIDDEN


def test_imported_modules(kb: KnowledgeBase) -> None:
    assert kb.find_option("sdImage.compressImage") is None
    res = kb.resolve_option(("sdImage", "compressImage"), ["installer/sd-card/sd-image-aarch64.nix"])
    assert res.option is not None
    assert res.option.module is not None
    sd = kb.module_info("<nixpkgs/nixos/modules/installer/sd-card/sd-image-aarch64.nix>")
    assert sd is not None
    assert sd.evaluated_on == "aarch64-linux"
    assert sd.defines('fileSystems."/"')
    qemu = kb.module_info("profiles/qemu-guest.nix")
    assert qemu is not None
    assert "boot.initrd.availableKernelModules" in qemu.sets


def test_children(kb: KnowledgeBase) -> None:
    paths = [o.path for o in kb.option_children("services.adguardhome")]
    assert "services.adguardhome.enable" in paths
    assert all(p.startswith("services.adguardhome.") for p in paths)
    assert paths == sorted(paths)


def test_packages(kb: KnowledgeBase) -> None:
    hello = kb.find_package("hello")
    assert hello.kind is PackageKind.PACKAGE
    assert hello.package is not None
    assert hello.package.version == "2.12.1"
    assert "GPL-3.0-or-later" in hello.package.licenses
    requests = kb.find_package("python3Packages.requests")
    assert requests.resolved == "python312Packages.requests"
    nvidia = kb.find_package("linuxPackages.nvidia_x11")
    assert nvidia.kind is PackageKind.PACKAGE
    assert nvidia.package is not None
    assert nvidia.package.unfree
    assert kb.find_package("writeShellScriptBin").kind is PackageKind.NON_PACKAGE
    assert kb.find_package("pandoc").kind is PackageKind.MEMBER
    assert kb.find_package("vimPlugins.vim-fugitive").kind in (PackageKind.PACKAGE, PackageKind.MEMBER)


def test_platforms(kb: KnowledgeBase) -> None:
    htop = kb.find_package("htop", "aarch64-linux")
    assert htop.available is True
    wine = kb.find_package("wine", "aarch64-linux")
    assert wine.available is False
    assert "aarch64-linux" in (wine.message or "")
    (darwin_only,) = kb.db.execute(
        "SELECT p.attr_path FROM packages p JOIN platform_sets s ON s.id = p.platforms"
        " WHERE s.systems NOT LIKE '%linux%' ORDER BY p.attr_path LIMIT 1"
    ).fetchone()
    assert kb.find_package(darwin_only, "x86_64-linux").available is False


def test_search_and_suggestions(kb: KnowledgeBase) -> None:
    top = [o.path for o in kb.search_options("dns ad blocker", 3)]
    assert {"services.adguardhome.enable", "services.blocky.enable"} <= set(top)
    editors = [p.attr_path for p in kb.search_packages("markdown editor", 10)]
    assert "apostrophe" in editors
    assert kb.suggest_options("services.adguardhom.enable") == ["services.adguardhome.enable"]
    assert kb.suggest_packages("firefx")[0] == "firefox"


def test_documented_but_import_only(kb: KnowledgeBase) -> None:
    assert kb.resolve_option(("virtualisation", "graphics")).option is None
    res = kb.resolve_option(
        ("virtualisation", "graphics"), ["<nixpkgs/nixos/modules/virtualisation/qemu-vm.nix>"]
    )
    assert res.option is not None
    assert "nixos/modules/virtualisation/qemu-vm.nix" in kb.modules_declaring(("virtualisation", "graphics"))
    assert kb.find_option("virtualisation.graphics") is not None  # still documented


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("docker", "virtualisation.docker.enable"),
        ("tailscale", "services.tailscale.enable"),
        ("jellyfin media server", "services.jellyfin.enable"),
        ("printing", "services.printing.enable"),
    ],
)
def test_service_queries_find_the_module_enable(kb: KnowledgeBase, query: str, first: str) -> None:
    assert kb.search_options(query, 5)[0].path == first


def test_package_search_prefers_the_default_python(kb: KnowledgeBase) -> None:
    assert kb.search_packages("python requests", 5)[0].attr_path == "python312Packages.requests"
    assert kb.search_packages("htop", 5)[0].attr_path == "htop"
    # packages the release's own modules use come before look-alikes
    assert {"firefox", "chromium"} <= {p.attr_path for p in kb.search_packages("web browser", 3)}
