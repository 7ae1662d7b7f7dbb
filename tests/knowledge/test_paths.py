"""Splitting and joining attribute paths; module names."""

from __future__ import annotations

import pytest

from nixwright.errors import NixwrightError
from nixwright.knowledge.paths import join_path, module_short_name, normalize_module, split_path


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("services.nginx.enable", ("services", "nginx", "enable")),
        (
            'services.nginx.virtualHosts."example.org".root',
            ("services", "nginx", "virtualHosts", "example.org", "root"),
        ),
        ('boot.kernel.sysctl."net.core.rmem_max"', ("boot", "kernel", "sysctl", "net.core.rmem_max")),
        ('a."with \\"quote\\"".b', ("a", 'with "quote"', "b")),
        ("a.<name>.b", ("a", "<name>", "b")),
        ("a.*.b", ("a", "*", "b")),
        ('fileSystems."/"', ("fileSystems", "/")),
    ],
)
def test_split(text: str, parts: tuple[str, ...]) -> None:
    assert split_path(text) == parts


@pytest.mark.parametrize("text", ["", "a..b", "a.", ".a", 'a."b', 'a."b"c'])
def test_split_rejects(text: str) -> None:
    with pytest.raises(NixwrightError):
        split_path(text)


def test_join_round_trips() -> None:
    for text in (
        'services.nginx.virtualHosts."example.org".root',
        "a.<name>.b.*.c",
        'fileSystems."/".device',
    ):
        assert join_path(split_path(text)) == text


@pytest.mark.parametrize(
    "given",
    [
        "installer/sd-card/sd-image-aarch64.nix",
        "<nixpkgs/nixos/modules/installer/sd-card/sd-image-aarch64.nix>",
        "${modulesPath}/installer/sd-card/sd-image-aarch64.nix",
        '"${modulesPath}/installer/sd-card/sd-image-aarch64.nix"',
        "/nix/store/abc-source/nixos/modules/installer/sd-card/sd-image-aarch64.nix",
        "nixos/modules/installer/sd-card/sd-image-aarch64.nix",
    ],
)
def test_normalize_module(given: str) -> None:
    assert normalize_module(given) == "nixos/modules/installer/sd-card/sd-image-aarch64.nix"


def test_maintainers_modules_keep_their_place() -> None:
    path = "nixos/maintainers/scripts/ec2/amazon-image.nix"
    assert normalize_module(f"<nixpkgs/{path}>") == path
    assert module_short_name(path) == path
    assert module_short_name("nixos/modules/profiles/qemu-guest.nix") == "profiles/qemu-guest.nix"
