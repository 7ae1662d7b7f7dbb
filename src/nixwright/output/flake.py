"""flake.nix from the template shipped as package data."""

from __future__ import annotations

from importlib import resources

from nixwright.nix.values import quote_attr


def render_flake(hostname: str, release: str) -> str:
    text = resources.files("nixwright.output").joinpath("templates/flake.nix").read_text(encoding="utf-8")
    return (
        text.replace("@host_attr@", quote_attr(hostname))
        .replace("@host@", hostname)
        .replace("@release@", release)
    )
