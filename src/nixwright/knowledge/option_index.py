"""An in-memory tree of option paths, loaded once per database, for exact and placeholder lookups."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from nixwright.knowledge.ingest_options import SEP

NAME = "<name>"
STAR = "*"


class Node:
    """One name of the option tree. Plain slots: the tree has ~60,000 nodes and loads on first use."""

    __slots__ = ("children", "default", "modules", "options")

    def __init__(self) -> None:
        self.children: dict[str, Node] = {}
        # (module, option id); module '' means "exists in every configuration"
        self.options: list[tuple[str, int]] = []
        # an option of every configuration lies at or below this node
        self.default = False
        # modules imported by path whose options lie at or below this node
        self.modules: set[str] | None = None

    def visible(self, imported: Collection[str]) -> bool:
        return self.default or (self.modules is not None and not self.modules.isdisjoint(imported))

    def mark(self, module: str) -> None:
        if not module:
            self.default = True
        elif self.modules is None:
            self.modules = {module}
        else:
            self.modules.add(module)

    def option_for(self, imported: Collection[str]) -> int | None:
        for module, option_id in self.options:
            if module == "" or module in imported:
                return option_id
        return None


@dataclass(frozen=True)
class Walk:
    option_id: int | None
    consumed: int  # names of the request matched by the tree (the rest lie inside the option's value)
    is_namespace: bool
    matched: tuple[str, ...] = ()  # the declared names the consumed part matched (``<name>`` ...)


class OptionIndex:
    def __init__(self, db: sqlite3.Connection, recursive: dict[str, str]) -> None:
        self.root = Node()
        self.by_path: dict[tuple[str, str], int] = {}
        rows = db.execute("SELECT id, path, parts, module, requires FROM options ORDER BY id").fetchall()
        for option_id, path, parts, module, requires in rows:
            if requires:
                for required in json.loads(requires):
                    self._add(option_id, path, parts, required)
                self.by_path.setdefault((path, ""), option_id)
                continue
            self._add(option_id, path, parts, module)
        self._link_recursive(recursive)

    def _add(self, option_id: int, path: str, parts: str, module: str) -> None:
        node = self.root
        node.mark(module)
        for part in parts.split(SEP):
            child = node.children.get(part)
            if child is None:
                child = node.children[part] = Node()
            node = child
            if module:
                node.mark(module)
            else:
                node.default = True
        node.options.append((module, option_id))
        self.by_path.setdefault((path, module), option_id)

    def _link_recursive(self, recursive: dict[str, str]) -> None:
        # openldap's children.<name> nests itself: make the nested name point back at the parent node.
        from nixwright.knowledge.paths import split_path

        for nested, parent in recursive.items():
            source = self.node(split_path(nested)[:-1])
            target = self.node(split_path(parent))
            if source is not None and target is not None:
                source.children[split_path(nested)[-1]] = target

    def node(self, parts: Sequence[str]) -> Node | None:
        node = self.root
        for part in parts:
            child = node.children.get(part)
            if child is None:
                return None
            node = child
        return node

    def exact(self, path: str, imported: Collection[str] = ()) -> int | None:
        found = self.by_path.get((path, ""))
        if found is not None:
            return found
        for module in sorted(imported):
            found = self.by_path.get((path, module))
            if found is not None:
                return found
        return None

    def walk(self, parts: Sequence[str], imported: Collection[str] = ()) -> Walk | None:
        """Match concrete names against declared ones: literal first, then ``<name>``, then ``*``."""
        return _walk(self.root, parts, 0, imported)


def _walk(node: Node, parts: Sequence[str], i: int, imported: Collection[str]) -> Walk | None:
    if i == len(parts):
        option_id = node.option_for(imported)
        has_children = any(c.visible(imported) for c in node.children.values())
        if option_id is None and not has_children:
            return None
        return Walk(option_id, i, is_namespace=has_children)
    part = parts[i]
    for key in dict.fromkeys((part, NAME, STAR)):
        child = node.children.get(key)
        if child is None or not child.visible(imported):
            continue
        found = _walk(child, parts, i + 1, imported)
        if found is not None:
            return Walk(found.option_id, found.consumed, found.is_namespace, (key, *found.matched))
    option_id = node.option_for(imported)
    if option_id is not None:
        return Walk(option_id, i, is_namespace=False)
    return None
