"""Sections of one module never nest a prefix another section writes under (Nix would reject it)."""

from __future__ import annotations

from nixwright.nix.model import Binding, Module, Section
from nixwright.nix.read import read_source
from nixwright.nix.render import render_module
from nixwright.nix.values import NixBool, NixString


def test_prefix_shared_with_another_section_stays_dotted() -> None:
    hardening = Section(
        "hardening", (Binding(("services", "openssh", "settings", "X11Forwarding"), NixBool(value=False)),)
    )
    ssh = Section(
        "ssh",
        (
            Binding(("services", "openssh", "enable"), NixBool(value=True)),
            Binding(("services", "openssh", "settings", "PasswordAuthentication"), NixBool(value=False)),
            Binding(("services", "openssh", "settings", "PermitRootLogin"), NixString("no")),
        ),
    )
    text = render_module(Module(sections=(hardening, ssh)))
    assert "services.openssh = {" not in text
    assert "services.openssh.settings.PermitRootLogin" in text
    paths = {d.path for d in read_source(text, follow_imports=False).definitions}
    assert ("services", "openssh", "settings", "X11Forwarding") in paths


def test_prefix_used_by_one_section_only_is_still_nested() -> None:
    ssh = Section(
        "ssh",
        tuple(Binding(("services", "openssh", k), NixBool(value=True)) for k in ("enable", "a", "b")),
    )
    other = Section("other", (Binding(("services", "caddy", "enable"), NixBool(value=True)),))
    assert "services.openssh = {" in render_module(Module(sections=(ssh, other)))
