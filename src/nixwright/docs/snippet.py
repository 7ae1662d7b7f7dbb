"""Definitions as the Nix lines a reader sees: ``path = value;``, written by the Nix layer's renderer."""

from __future__ import annotations

from collections.abc import Sequence

from nixwright.docs.value_words import priority_wrapper
from nixwright.errors import NixwrightError
from nixwright.nix.render_values import needs_parens, render_value
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    Dynamic,
    NixAttrs,
    NixList,
    RawExpr,
    Value,
    path_str,
)

SHORT_VALUE = 40
LEXICAL = frozenset({"config", "lib", "pkgs", "modulesPath"})  # the names a generated module has in scope


def value_source(value: Value, priority: int = PRIORITY_DEFAULT_PLAIN, indent: int = 0) -> str:
    """The right-hand side as Nix source, wrapped in ``lib.mkDefault``/``mkForce``/``mkOverride``."""
    if isinstance(value, Dynamic) and not value.text:
        return "…"
    try:
        text = render_value(value, indent)
    except NixwrightError:
        return "…"  # a value Nix itself could not hold (the release checks report it)
    wrapper = priority_wrapper(priority)
    if not wrapper:
        return text
    if needs_parens(value, text):
        text = f"({text})"
    return f"{wrapper} {text}"


def definition_source(path: Sequence[str], value: Value, priority: int = PRIORITY_DEFAULT_PLAIN) -> str:
    """One definition as a Nix line (or lines, for long lists and sets)."""
    return f"{path_str(tuple(path))} = {value_source(value, priority)};"


def short_definition(path: Sequence[str], value: Value, priority: int = PRIORITY_DEFAULT_PLAIN) -> str:
    """The definition when its value is short and on one line, else just the path (for running text)."""
    dotted = path_str(tuple(path))
    if (
        isinstance(value, NixList | NixAttrs)
        and len(value.items if isinstance(value, NixList) else value.entries) > 1
    ):
        return dotted
    rhs = value_source(value, priority)
    if "\n" in rhs or len(rhs) > SHORT_VALUE:
        return dotted
    return f"{dotted} = {rhs}"


def snippet(
    lines: Sequence[tuple[Sequence[str], Value, int]],
    elsewhere: frozenset[tuple[str, ...]] = frozenset(),
) -> str:
    """Several definitions laid out as the renderer writes them into a module (without comments).

    ``elsewhere``: path prefixes other sections of the same file write, which the renderer never
    opens as a nested set (so the snippet matches the file).
    """
    from nixwright.nix.layout import render_bindings
    from nixwright.nix.model import Binding

    bindings = [Binding(tuple(path), _showable(value), priority) for path, value, priority in lines]
    try:
        return "\n".join(render_bindings(bindings, 0, LEXICAL, elsewhere))
    except NixwrightError:
        return "\n".join(definition_source(path, value, priority) for path, value, priority in lines)


def _showable(value: Value) -> Value:
    """A value the renderer can write: unknown parts become ``…``."""
    if isinstance(value, Dynamic) and not value.text:
        return RawExpr("…")
    try:
        render_value(value, 0)
    except NixwrightError:
        return RawExpr("…")
    return value
