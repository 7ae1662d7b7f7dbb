"""Did-you-mean: close names for a misspelled option or package path."""

from __future__ import annotations

import difflib
import sqlite3
from typing import TYPE_CHECKING

from nixwright.errors import NixwrightError
from nixwright.knowledge.model import OptionKind
from nixwright.knowledge.option_index import NAME, STAR, Node
from nixwright.knowledge.paths import join_path, split_path

if TYPE_CHECKING:
    from nixwright.knowledge.store import KnowledgeBase


def close_names(word: str, names: list[str], limit: int, cutoff: float = 0.6) -> list[str]:
    """Case-insensitive equals first, then difflib's close matches, best first."""
    lowered = word.lower()
    exact = [n for n in names if n.lower() == lowered and n != word]
    near = [
        n
        for n in difflib.get_close_matches(word, names, n=limit + len(exact), cutoff=cutoff)
        if n not in exact
    ]
    return (exact + near)[:limit]


def suggest_options(kb: KnowledgeBase, path: str, limit: int = 3) -> list[str]:
    try:
        parts = split_path(path)
    except NixwrightError:
        return []
    node, depth = _deepest(kb.index.root, parts)
    if depth == len(parts):
        return []
    names = sorted(n for n in node.children if n not in (NAME, STAR) and node.children[n].default)
    current: list[str] = []  # the whole path then names a current option
    partial: list[str] = []  # only the mended name exists; what follows it does not
    retired: list[str] = []  # renamed, removed, hidden: offered only when nothing current is close
    for candidate in close_names(parts[depth], names, limit * 2):
        full = (*parts[:depth], candidate, *parts[depth + 1 :])
        resolution = kb.resolve_option(full)
        if resolution.is_namespace or (resolution.option and resolution.option.kind is OptionKind.DOCUMENTED):
            current.append(join_path(full))
        elif resolution.option is not None:
            retired.append(join_path(full))
        else:
            partial.append(join_path((*parts[:depth], candidate)))
    return list(dict.fromkeys(current or partial or retired))[:limit]


def _deepest(root: Node, parts: tuple[str, ...]) -> tuple[Node, int]:
    node = root
    for depth, part in enumerate(parts):
        child = node.children.get(part) or node.children.get(NAME) or node.children.get(STAR)
        if child is None or (part not in node.children and _is_literal_level(node)):
            return node, depth
        node = child
    return node, len(parts)


def _is_literal_level(node: Node) -> bool:
    return NAME not in node.children and STAR not in node.children


def top_level_names(db: sqlite3.Connection) -> list[str]:
    names = {r[0] for r in db.execute("SELECT attr_path FROM packages WHERE attr_path NOT LIKE '%.%'")}
    names |= {r[0] for r in db.execute("SELECT name FROM package_attrs WHERE kind != 'error'")}
    return sorted(names)


def suggest_packages(kb: KnowledgeBase, attr_path: str, limit: int = 3) -> list[str]:
    from nixwright.knowledge.packages_query import canonical_set

    try:
        parts = split_path(attr_path.removeprefix("pkgs."))
    except NixwrightError:
        return []
    if len(parts) == 1:
        word = parts[0]
        pool = [n for n in kb.top_level_names if abs(len(n) - len(word)) <= max(2, len(word) // 3)]
        return close_names(word, pool, limit, cutoff=0.75)
    set_parts = canonical_set(kb, parts[:-1])
    set_path = ".".join(set_parts)
    names = {
        r[0][len(set_path) + 1 :]
        for r in kb.db.execute(
            "SELECT attr_path FROM packages WHERE attr_path > ? AND attr_path < ?",
            (set_path + ".", set_path + "/"),
        )
    }
    names |= {
        r[0] for r in kb.db.execute("SELECT name FROM package_set_members WHERE set_path = ?", (set_path,))
    }
    prefix = ".".join(parts[:-1])
    if not names and len(parts) == 2:
        # the set's own name is misspelled (python3Pakages.requests): mend it, keep the member
        from nixwright.knowledge.model import PackageKind

        mended = [f"{s}.{parts[1]}" for s in suggest_packages(kb, parts[0], limit)]
        return [m for m in mended if kb.find_package(m).kind is not PackageKind.UNKNOWN][:limit]
    return [f"{prefix}.{n}" for n in close_names(parts[-1], sorted(n for n in names if "." not in n), limit)]
