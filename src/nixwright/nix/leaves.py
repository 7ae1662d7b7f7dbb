"""Leaves and sets: moving between the reader's leaf definitions and attribute-set values.

The reader gives one definition per leaf (see ``nixwright.nix.read``). ``value_below`` rebuilds the
attribute-set value of an option from the leaves below it; ``binding_definitions`` says which leaf
definitions a rendered binding reads back as.
"""

from __future__ import annotations

from collections.abc import Iterable

from nixwright.nix.model import Binding, Module
from nixwright.nix.values import Definition, NixAttrs, Value

_Tree = dict[str, "_Tree | Value"]


def value_below(definitions: Iterable[Definition], prefix: tuple[str, ...]) -> NixAttrs | None:
    """The set formed by the leaves strictly below ``prefix`` (None when there are none).

    Later definitions of the same leaf replace earlier ones; conditions and priorities are not
    looked at, so filter ``definitions`` first when they matter.
    """
    tree: _Tree = {}
    found = False
    size = len(prefix)
    for definition in definitions:
        path = definition.path
        if len(path) <= size or path[:size] != prefix:
            continue
        found = True
        node = tree
        for part in path[size:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
        node[path[-1]] = definition.value
    return _to_attrs(tree) if found else None


def _to_attrs(tree: _Tree) -> NixAttrs:
    entries: list[tuple[str, Value]] = []
    for key, item in tree.items():
        entries.append((key, _to_attrs(item) if isinstance(item, dict) else item))
    return NixAttrs(tuple(entries))


def binding_definitions(binding: Binding) -> list[tuple[tuple[str, ...], Value, int]]:
    """``(path, value, priority)`` of each leaf definition reading ``binding`` back gives."""
    out: list[tuple[tuple[str, ...], Value, int]] = []
    _leaves(binding.path, binding.value, binding.priority, out)
    return out


def module_definitions(module: Module) -> list[tuple[tuple[str, ...], Value, int]]:
    """The leaf definitions of every binding of ``module``, in order."""
    out: list[tuple[tuple[str, ...], Value, int]] = []
    for section in module.sections:
        for binding in section.bindings:
            out.extend(binding_definitions(binding))
    return out


def _leaves(
    path: tuple[str, ...], value: Value, priority: int, out: list[tuple[tuple[str, ...], Value, int]]
) -> None:
    if isinstance(value, NixAttrs) and value.entries:
        for key, sub in value.entries:
            _leaves((*path, key), sub, priority, out)
        return
    out.append((path, value, priority))
