"""Classifying the entries of ``imports``: local files, modules of nixpkgs, inline and dynamic modules."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nixwright.errors import SourceLocation
from nixwright.nix.calls import call_parts
from nixwright.nix.items import Cond, Item, Known, Lazy, Merge, StaticSet, Symbol
from nixwright.nix.strings import string_pieces
from nixwright.nix.values import NixList, NixPath, NixString

if TYPE_CHECKING:
    from nixwright.nix.evaluate import Evaluator

_NIXPKGS_MODULES = "nixpkgs/nixos/modules/"


@dataclass(frozen=True)
class ImportTarget:
    """What one ``imports`` entry names: ``kind`` local / nixos-module / inline / dynamic."""

    kind: str
    text: str
    location: SourceLocation
    path: str | None = None  # local: the path as written
    module: str | None = None  # nixos-module: relative to nixos/modules
    item: Item | None = None  # inline: the module itself


def import_entries(ev: Evaluator, item: Item) -> list[Item] | None:
    """The entries of an ``imports`` list, or None when the list is only known at evaluation."""
    forced = ev.force(item)
    if isinstance(forced, Lazy):
        node = forced.node
        if node.type == "list_expression":
            return [Lazy(el, forced.scope) for el in node.children_by_field_name("element")]
        op = node.child_by_field_name("operator") if node.type == "binary_expression" else None
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is not None and op.type == "++" and left is not None and right is not None:
            first = import_entries(ev, Lazy(left, forced.scope))
            second = import_entries(ev, Lazy(right, forced.scope))
            return None if first is None or second is None else first + second
        return None
    if isinstance(forced, Cond):
        return import_entries(ev, forced.item)
    if isinstance(forced, Merge):
        return None
    if isinstance(forced, Known) and isinstance(forced.value, NixList):
        return [Known(value) for value in forced.value.items]
    return None


def classify(ev: Evaluator, item: Item, fallback: SourceLocation) -> ImportTarget:
    location = item.scope.source.location(item.node) if isinstance(item, Lazy) else fallback
    text = item.scope.source.text(item.node) if isinstance(item, Lazy) else ""
    imported = _imported_path(ev, item)
    if imported is not None:
        return ImportTarget("local", text, location, path=imported)
    forced = ev.force(item)
    if isinstance(forced, StaticSet) or (
        isinstance(forced, Lazy) and forced.node.type == "function_expression"
    ):
        return ImportTarget("inline", text, location, item=forced)
    module = _nixos_module(ev, forced)
    if module is not None:
        return ImportTarget("nixos-module", text, location, module=module)
    value = ev.value(forced)
    if isinstance(value, NixPath):
        if value.value.startswith("<"):
            inner = value.value[1:-1]
            if inner.startswith(_NIXPKGS_MODULES):
                return ImportTarget(
                    "nixos-module", text, location, module=inner.removeprefix(_NIXPKGS_MODULES)
                )
            return ImportTarget("dynamic", text or value.value, location)
        return ImportTarget("local", text or value.value, location, path=value.value)
    return ImportTarget("dynamic", text, location)


def _imported_path(ev: Evaluator, item: Item) -> str | None:
    """``import ./file.nix`` as an imports entry is the same module as ``./file.nix``."""
    if not isinstance(item, Lazy):
        return None
    node = item.node
    while node.type == "parenthesized_expression":
        inner = node.child_by_field_name("expression")
        if inner is None:
            return None
        node = inner
    if node.type != "apply_expression":
        return None
    function, args = call_parts(node)
    callee = ev.force(Lazy(function, item.scope))
    if not (isinstance(callee, Symbol) and callee.root == "builtins" and callee.path == ("import",)):
        return None
    if len(args) != 1:
        return None
    value = ev.value(Lazy(args[0], item.scope))
    if isinstance(value, NixPath) and not value.value.startswith("<"):
        return value.value
    return None


def _nixos_module(ev: Evaluator, forced: Item) -> str | None:
    """``modulesPath + "/x"``, ``"${modulesPath}/x"`` and the same from ``pkgs.path``."""
    if not isinstance(forced, Lazy):
        return None
    node, scope = forced.node, forced.scope
    if node.type == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is None or op.type != "+" or left is None or right is None:
            return None
        base = ev.force(Lazy(left, scope))
        rest = ev.value(Lazy(right, scope))
        return _module_below(base, rest.value) if isinstance(rest, NixString) else None
    if node.type == "string_expression":
        pieces = string_pieces(node, scope.source.data)
        if len(pieces) < 2 or isinstance(pieces[0], str):
            return None
        base = ev.force(Lazy(pieces[0], scope))
        tail: list[str] = []
        for piece in pieces[1:]:
            if not isinstance(piece, str):
                return None
            tail.append(piece)
        return _module_below(base, "".join(tail))
    return None


def _module_below(base: Item, rest: str) -> str | None:
    if not isinstance(base, Symbol):
        return None
    if base.root == "modulesPath" and not base.path:
        return os.path.normpath(rest.lstrip("/"))
    if base.root == "pkgs" and base.path == ("path",) and rest.startswith("/nixos/modules/"):
        return os.path.normpath(rest.removeprefix("/nixos/modules/"))
    return None
