"""A module as the renderer writes it: imports, let bindings and commented sections of definitions."""

from __future__ import annotations

from dataclasses import dataclass

from nixwright.nix.values import PRIORITY_DEFAULT_PLAIN, Value


@dataclass(frozen=True)
class Binding:
    """``path = value;`` (``priority`` 1000 renders ``lib.mkDefault``, 50 ``lib.mkForce``)."""

    path: tuple[str, ...]
    value: Value
    priority: int = PRIORITY_DEFAULT_PLAIN
    comment: str | None = None


@dataclass(frozen=True)
class Section:
    """Bindings written together, under one comment."""

    comment: str | None
    bindings: tuple[Binding, ...]


@dataclass(frozen=True)
class Module:
    """``{ config, lib, pkgs, ... }: { imports = [...]; <sections> }`` with an optional header comment."""

    sections: tuple[Section, ...] = ()
    args: tuple[str, ...] = ("config", "lib", "pkgs")
    header: str | None = None
    imports: tuple[Value, ...] = ()  # NixPath("./hardware-configuration.nix") or RawExpr(...)
    let_bindings: tuple[tuple[str, Value], ...] = ()
