"""Rendering a ``Module`` as a configuration file people are happy to keep.

Layout (stable, close to nixfmt/RFC 166): header comment, ``{ config, lib, pkgs, ... }:``, an optional
``let ... in``, then one attribute set with ``imports`` first and each section under its comment,
separated by blank lines. Within a section, three or more bindings sharing a prefix are written as one
nested set (``services.nginx = { ... };``), others with their full dotted path. Priorities become
``lib.mkDefault``/``lib.mkForce``/``lib.mkOverride n``. Reading the output back gives the bindings'
definitions (see ``nixwright.nix.leaves.binding_definitions``).
"""

from __future__ import annotations

from dataclasses import replace

from nixwright.nix.layout import check_conflicts, render_bindings
from nixwright.nix.leaves import binding_definitions
from nixwright.nix.model import Binding, Module, Section
from nixwright.nix.render_values import needs_parens, render_list, render_value
from nixwright.nix.values import PRIORITY_DEFAULT_PLAIN, NixAttrs, RawExpr, quote_attr

__all__ = ["render_module", "render_value"]


def render_module(module: Module) -> str:
    """The module as Nix source, ending with a newline; deterministic and idempotent."""
    check_conflicts([b for section in module.sections for b in section.bindings])
    module = _spread_overlapping_sets(module)
    lexical = frozenset(module.args) | {name for name, _ in module.let_bindings}
    uses_lib = any(b.priority != PRIORITY_DEFAULT_PLAIN for s in module.sections for b in s.bindings)
    out: list[str] = []
    if module.header:
        out.extend(_comment(module.header, 0))
    uses_modules_path = any(isinstance(v, RawExpr) and "modulesPath" in v.text for v in module.imports)
    out.append(_arguments(module.args, uses_lib, uses_modules_path) + ":")
    out.append("")
    if module.let_bindings:
        out.append("let")
        for name, value in module.let_bindings:
            out.append(f"  {quote_attr(name)} = {render_value(value, 2)};")
        out.append("in")
    body: list[list[str]] = []
    if module.imports:
        items = []
        for value in module.imports:
            text = render_value(value, 4)
            items.append(f"({text})" if needs_parens(value, text) else text)
        body.append([f"  imports = {render_list(items, 2)};"])
    writers: dict[tuple[str, ...], set[int]] = {}
    for index, section in enumerate(module.sections):
        for b in section.bindings:
            for n in range(1, len(b.path) + 1):
                writers.setdefault(b.path[:n], set()).add(index)
    for index, section in enumerate(module.sections):
        lines = _comment(section.comment, 2) if section.comment else []
        elsewhere = frozenset(p for p, who in writers.items() if who - {index})
        lines.extend(render_bindings(list(section.bindings), 2, lexical, elsewhere))
        if lines:
            body.append(lines)
    if not body:
        out.append("{ }")
    else:
        out.append("{")
        for index, block in enumerate(body):
            if index:
                out.append("")
            out.extend(block)
        out.append("}")
    return "\n".join(line.rstrip() if line.strip() else "" for line in out) + "\n"


def _spread_overlapping_sets(module: Module) -> Module:
    """Set values other bindings reach into, written as their leaves instead.

    Nix merges a set literal into a name that is already a set one level deep only: after
    ``a.b.x = 1;``, ``a = { b = { y = 2; }; };`` is refused (``attribute 'b' already defined``), while
    ``a.b.y = 2;`` is fine. Leaves read back the same (see ``binding_definitions``).
    """
    paths: dict[tuple[str, ...], int] = {}  # every prefix (and path) -> how many bindings write under it
    full: set[tuple[str, ...]] = set()
    for section in module.sections:
        for b in section.bindings:
            full.add(b.path)
            for n in range(1, len(b.path) + 1):
                paths[b.path[:n]] = paths.get(b.path[:n], 0) + 1

    def overlaps(b: Binding) -> bool:
        return paths[b.path] > 1 or any(b.path[:n] in full for n in range(1, len(b.path)))

    if not any(_spreadable(b) and overlaps(b) for s in module.sections for b in s.bindings):
        return module
    sections = []
    for section in module.sections:
        bindings: list[Binding] = []
        for b in section.bindings:
            if not (_spreadable(b) and overlaps(b)):
                bindings.append(b)
                continue
            for index, (path, value, priority) in enumerate(binding_definitions(b)):
                bindings.append(Binding(path, value, priority, b.comment if index == 0 else None))
        sections.append(Section(section.comment, tuple(bindings)))
    return replace(module, sections=tuple(sections))


def _spreadable(binding: Binding) -> bool:
    return isinstance(binding.value, NixAttrs) and bool(binding.value.entries)


def render_binding(binding: Binding, indent: int = 0) -> str:
    """One binding as ``path = value;`` with its full dotted path."""
    return "\n".join(render_bindings([binding], indent, frozenset({"config", "lib", "pkgs"})))


def _arguments(args: tuple[str, ...], uses_lib: bool, uses_modules_path: bool) -> str:
    names = list(dict.fromkeys(args))
    if uses_lib and "lib" not in names:
        names.append("lib")
    if uses_modules_path and "modulesPath" not in names:
        names.append("modulesPath")
    return "{ " + ", ".join([*names, "..."]) + " }"


def _comment(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}# {line}".rstrip() for line in text.strip("\n").split("\n")]
