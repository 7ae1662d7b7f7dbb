"""Option lookups and resolution on the mini release."""

from __future__ import annotations

from nixwright.knowledge import KnowledgeBase
from nixwright.knowledge.model import OptionKind
from nixwright.knowledge.types import TypeKind


def test_exact_lookup_has_all_fields(mini_kb: KnowledgeBase) -> None:
    option = mini_kb.find_option("services.nginx.enable")
    assert option is not None
    assert option.type.kind is TypeKind.BOOL
    assert option.default_text == "false"
    assert option.example_text == "true"
    assert option.declarations == ("nixos/modules/x.nix",)
    assert option.kind is OptionKind.DOCUMENTED
    assert not option.read_only


def test_read_only(mini_kb: KnowledgeBase) -> None:
    option = mini_kb.find_option("system.build.toplevel")
    assert option is not None
    assert option.read_only


def test_placeholders_and_quoted_names(mini_kb: KnowledgeBase) -> None:
    option = mini_kb.find_option('services.nginx.virtualHosts."example.org".locations."/".proxyPass')
    assert option is not None
    assert option.path == "services.nginx.virtualHosts.<name>.locations.<name>.proxyPass"
    by_parts = mini_kb.find_option(["services", "nginx", "virtualHosts", "a.b", "root"])
    assert by_parts is not None
    assert by_parts.path == "services.nginx.virtualHosts.<name>.root"


def test_declared_form_is_found_exactly(mini_kb: KnowledgeBase) -> None:
    option = mini_kb.find_option("services.nginx.virtualHosts.<name>.root")
    assert option is not None
    assert option.type_text == "null or path"


def test_literal_name_beats_placeholder(mini_kb: KnowledgeBase) -> None:
    option = mini_kb.find_option('boot.kernel.sysctl."net.core.rmem_max"')
    assert option is not None
    assert option.path == 'boot.kernel.sysctl."net.core.rmem_max"'
    other = mini_kb.resolve_option(("boot", "kernel", "sysctl", "vm.swappiness"))
    assert other.option is not None
    assert other.option.path == "boot.kernel.sysctl"
    assert other.rest == ("vm.swappiness",)


def test_star_placeholder(mini_kb: KnowledgeBase) -> None:
    option = mini_kb.find_option("boot.initrd.systemd.storePaths.*.source")
    assert option is not None
    res = mini_kb.resolve_option(("boot", "initrd", "systemd", "storePaths", "0", "source"))
    assert res.option is not None
    assert res.option.path == "boot.initrd.systemd.storePaths.*.source"


def test_freeform_value_keys_are_rest(mini_kb: KnowledgeBase) -> None:
    res = mini_kb.resolve_option(("services", "foo", "settings", "log", "level"))
    assert res.option is not None
    assert res.option.path == "services.foo.settings"
    assert res.rest == ("log", "level")
    declared = mini_kb.resolve_option(("services", "foo", "settings", "port"))
    assert declared.option is not None
    assert declared.option.path == "services.foo.settings.port"
    assert declared.rest == ()


def test_namespaces(mini_kb: KnowledgeBase) -> None:
    res = mini_kb.resolve_option(("services", "nginx"))
    assert res.option is None
    assert res.is_namespace
    inside = mini_kb.resolve_option(("services", "nginx", "virtualHosts", "example.org"))
    assert inside.is_namespace
    assert inside.option is not None
    assert inside.option.path == "services.nginx.virtualHosts"
    assert inside.rest == ("example.org",)


def test_unknown(mini_kb: KnowledgeBase) -> None:
    res = mini_kb.resolve_option(("services", "nosuch", "enable"))
    assert res.option is None
    assert not res.is_namespace
    assert mini_kb.find_option("services.nosuch.enable") is None


def test_removed_covers_everything_below(mini_kb: KnowledgeBase) -> None:
    res = mini_kb.resolve_option(("sound", "enable"))
    assert res.option is not None
    assert res.option.kind is OptionKind.REMOVED
    assert res.option.fails
    assert "pipewire" in (res.option.message or "")


def test_renamed_warns_with_target(mini_kb: KnowledgeBase) -> None:
    option = mini_kb.find_option("services.oldguard.enable")
    assert option is not None
    assert option.kind is OptionKind.RENAMED
    assert option.renamed_to == "services.adguardhome.enable"
    assert option.warns


def test_namespace_rename_maps_paths_below(mini_kb: KnowledgeBase) -> None:
    res = mini_kb.resolve_option(("services", "compton", "enable"))
    assert res.option is not None
    assert res.rest == ()
    assert res.option.renamed_to == "services.picom.enable"
    assert res.option.type.kind is TypeKind.BOOL
    changed = mini_kb.resolve_option(("services", "nginx", "tuning", "x"))
    assert changed.option is not None
    assert changed.option.kind is OptionKind.CHANGED
    assert changed.option.renamed_to == "services.nginx.appendConfig.x"
    assert changed.option.warns


def test_hidden_and_internal(mini_kb: KnowledgeBase) -> None:
    hidden = mini_kb.find_option('services.nginx.virtualHosts."a".enableSSL')
    assert hidden is not None
    assert hidden.kind is OptionKind.HIDDEN
    internal = mini_kb.find_option("_module.args")
    assert internal is not None
    assert internal.kind is OptionKind.INTERNAL


def test_imported_options_need_the_import(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.find_option("sdImage.compressImage") is None
    res = mini_kb.resolve_option(
        ("sdImage", "compressImage"), ["<nixpkgs/nixos/modules/installer/sd-card/sd-image.nix>"]
    )
    assert res.option is not None
    assert res.option.kind is OptionKind.IMPORTED
    assert res.option.module == "nixos/modules/installer/sd-card/sd-image.nix"
    # options of what a module imports transitively exist too
    res = mini_kb.resolve_option(
        ("sdImage", "imageName"), ["${modulesPath}/installer/sd-card/sd-image-aarch64.nix"]
    )
    assert res.option is not None
    removed = mini_kb.resolve_option(("sdImage", "bootSize"), ["installer/sd-card/sd-image-aarch64.nix"])
    assert removed.option is not None
    assert removed.option.kind is OptionKind.REMOVED


def test_module_sets(mini_kb: KnowledgeBase) -> None:
    info = mini_kb.module_info("installer/sd-card/sd-image-aarch64.nix")
    assert info is not None
    assert 'fileSystems."/".device' in info.sets_with_imports
    assert info.defines('fileSystems."/"')
    assert not info.defines("services.nginx")
    assert info.sets_detail["boot.loader.grub.enable"]["priority"] == 1000
    qemu = mini_kb.module_info("profiles/qemu-guest.nix")
    assert qemu is not None
    assert "boot.initrd.availableKernelModules" in qemu.sets
    assert mini_kb.module_info("profiles/nosuch.nix") is None
    assert [o.path for o in mini_kb.imported_options("installer/sd-card/sd-image.nix")] == [
        "sdImage.compressImage",
        "sdImage.imageName",
    ]


def test_children(mini_kb: KnowledgeBase) -> None:
    paths = [o.path for o in mini_kb.option_children("services.nginx")]
    assert paths == [
        "services.nginx.enable",
        "services.nginx.virtualHosts",
        "services.nginx.virtualHosts.<name>.locations",
        "services.nginx.virtualHosts.<name>.locations.<name>.proxyPass",
        "services.nginx.virtualHosts.<name>.root",
    ]
    with_hidden = [o.path for o in mini_kb.option_children("services.nginx", include_hidden=True)]
    assert "services.nginx.virtualHosts.<name>.enableSSL" in with_hidden
    assert mini_kb.option_children("services.adguard") == []


def test_documented_options_that_need_an_import(mini_kb: KnowledgeBase) -> None:
    plain = mini_kb.resolve_option(("virtualisation", "graphics"))
    assert plain.option is None
    imported = mini_kb.resolve_option(("virtualisation", "graphics"), ["virtualisation/qemu-vm.nix"])
    assert imported.option is not None
    assert imported.option.kind is OptionKind.DOCUMENTED
    assert imported.option.module == "nixos/modules/virtualisation/qemu-vm.nix"
    # the documentation lookup by exact path still finds it
    assert mini_kb.find_option("virtualisation.graphics") is not None
    assert mini_kb.modules_declaring(("virtualisation", "graphics")) == [
        "nixos/modules/virtualisation/qemu-vm.nix"
    ]
    assert mini_kb.modules_declaring(("sdImage", "imageName")) == [
        "nixos/modules/installer/sd-card/sd-image-aarch64.nix",
        "nixos/modules/installer/sd-card/sd-image.nix",
    ]
    assert mini_kb.modules_declaring(("services", "nginx", "enable")) == []
