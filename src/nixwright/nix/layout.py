"""Where bindings go: grouping by shared prefixes, ``with pkgs;`` lists, priorities, conflicts."""

from __future__ import annotations

import itertools

from nixwright.errors import NixwrightError
from nixwright.nix.model import Binding
from nixwright.nix.render_values import needs_parens, render_attr_path, render_list, render_value
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    PRIORITY_FORCE,
    PRIORITY_MKDEFAULT,
    PRIORITY_OPTION_DEFAULT,
    NixAttrs,
    NixList,
    PackageRef,
    Value,
    is_identifier,
    path_str,
)

GROUP_MIN = 3
_WRAPPERS = {
    PRIORITY_MKDEFAULT: "lib.mkDefault",
    PRIORITY_FORCE: "lib.mkForce",
    PRIORITY_OPTION_DEFAULT: "lib.mkOptionDefault",
}
# Names a `with pkgs;` cannot reach because a builtin of the same name wins.
_BUILTIN_NAMES = frozenset(
    {
        "abort", "baseNameOf", "break", "builtins", "derivation", "derivationStrict", "dirOf",
        "false", "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML", "import",
        "isNull", "map", "null", "placeholder", "removeAttrs", "scopedImport", "throw", "toString",
        "true",
    }
)  # fmt: skip

Item = tuple[tuple[str, ...], Binding]


def render_bindings(
    bindings: list[Binding],
    indent: int,
    lexical: frozenset[str],
    elsewhere: frozenset[tuple[str, ...]] = frozenset(),
) -> list[str]:
    """Lines (each possibly spanning several lines) for ``bindings`` at ``indent`` spaces.

    ``elsewhere`` holds the paths (and their prefixes) other sections of the module write: such a prefix
    is never opened as a nested set here, because Nix rejects ``a = { b.c = 1; };`` beside ``a.b.d = 2;``.
    """
    return _render(
        _trie_order([(b.path, b) for b in bindings]), indent, 2, lexical, base=(), elsewhere=elsewhere
    )


def _trie_order(items: list[Item], depth: int = 0) -> list[Item]:
    """Bindings sharing a prefix brought together, in order of first appearance at every level.

    This is the order the reader gives definitions in, so rendering what was read gives the same text.
    """
    groups: dict[str, list[Item]] = {}
    ended: list[Item] = []
    for item in items:
        if len(item[0]) <= depth:
            ended.append(item)
        else:
            groups.setdefault(item[0][depth], []).append(item)
    ordered = list(ended)
    for members in groups.values():
        ordered.extend(members if len(members) == 1 else _trie_order(members, depth + 1))
    return ordered


def _render(
    items: list[Item],
    indent: int,
    key_length: int,
    lexical: frozenset[str],
    *,
    base: tuple[str, ...] = (),
    elsewhere: frozenset[tuple[str, ...]] = frozenset(),
) -> list[str]:
    groups: dict[tuple[str, ...], list[Item]] = {}
    for rel, binding in items:
        groups.setdefault(rel[:key_length], []).append((rel, binding))
    lines: list[str] = []
    pad = " " * indent
    for members in groups.values():
        prefix = _common_prefix([rel for rel, _ in members])
        shared = base + prefix in elsewhere
        if len(members) >= GROUP_MIN and all(len(rel) > len(prefix) for rel, _ in members) and not shared:
            inner = [(rel[len(prefix) :], binding) for rel, binding in members]
            body = _render(inner, indent + 2, 1, lexical, base=base + prefix, elsewhere=elsewhere)
            lines.append(f"{pad}{path_str(prefix)} = {{")
            lines.extend(body)
            lines.append(f"{pad}}};")
            continue
        for rel, binding in members:
            if binding.comment:
                lines.extend(f"{pad}# {line}".rstrip() for line in binding.comment.strip("\n").split("\n"))
            lines.append(f"{pad}{path_str(rel)} = {_right_side(binding, indent, lexical)};")
    return lines


def _common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    first = paths[0]
    length = len(first)
    for path in paths[1:]:
        length = min(length, len(path))
        for index in range(length):
            if path[index] != first[index]:
                length = index
                break
    return first[:length]


def _right_side(binding: Binding, indent: int, lexical: frozenset[str]) -> str:
    value = binding.value
    text = _with_pkgs(value, indent, lexical) or render_value(value, indent)
    if binding.priority == PRIORITY_DEFAULT_PLAIN:
        return text
    wrapper = _WRAPPERS.get(binding.priority, f"lib.mkOverride {binding.priority}")
    if needs_parens(value, text) or text.startswith("with "):
        text = f"({text})"
    return f"{wrapper} {text}"


def _with_pkgs(value: Value, indent: int, lexical: frozenset[str]) -> str | None:
    """``with pkgs; [ a b ]`` for a list of two or more packages, when every name reads back the same."""
    if not isinstance(value, NixList) or len(value.items) < 2:
        return None
    names: list[str] = []
    for item in value.items:
        if not isinstance(item, PackageRef):
            return None
        head = item.attr_path.split(".", 1)[0]
        if not is_identifier(head) or head in lexical or head in _BUILTIN_NAMES or head.startswith("__"):
            return None
        names.append(render_attr_path(item.attr_path))
    return "with pkgs; " + render_list(names, indent)


def check_conflicts(bindings: list[Binding]) -> None:
    """Refuse bindings Nix would reject (one path written twice, or a value and a set below it)."""
    leaves: dict[tuple[str, ...], Binding] = {}
    for binding in bindings:
        if not binding.path:
            raise NixwrightError("a binding without a path", hint="every binding names an option")
        for path in _occupied(binding.path, binding.value, binding.priority):
            if path in leaves:
                raise _conflict(path)
            leaves[path] = binding
    ordered = sorted(leaves)
    for first, second in itertools.pairwise(ordered):
        if second[: len(first)] == first:
            raise _conflict(first)


def _occupied(path: tuple[str, ...], value: Value, priority: int) -> list[tuple[str, ...]]:
    if isinstance(value, NixAttrs) and value.entries and priority == PRIORITY_DEFAULT_PLAIN:
        out: list[tuple[str, ...]] = []
        for key, sub in value.entries:
            out.extend(_occupied((*path, key), sub, priority))
        return out
    return [path]


def _conflict(path: tuple[str, ...]) -> NixwrightError:
    return NixwrightError(
        f"two bindings define {path_str(path)} (or a value and a set below it)",
        hint="merge them into one binding before rendering",
    )
