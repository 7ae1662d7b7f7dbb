"""The tree of option paths, for exact and placeholder lookups; read lazily from the database."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass

NAME = "<name>"
STAR = "*"


class Node:
    """One name of the option tree (~60,000 of them): built whole at database build time, read lazily after."""

    __slots__ = ("_asked", "_children", "_store", "default", "modules", "node_id", "options")

    def __init__(self, store: StoredTree | None = None, node_id: int = 0) -> None:
        # children are read from ``store`` on first use; a node built in memory has them from the start
        self._children: dict[str, Node] | None = None if store is not None else {}
        self._asked: dict[str, Node | None] | None = None  # single children read before all of them
        self._store = store
        self.node_id = node_id
        # (module, option id); module '' means "exists in every configuration"
        self.options: list[tuple[str, int]] = []
        # an option of every configuration lies at or below this node
        self.default = False
        # modules imported by path whose options lie at or below this node
        self.modules: set[str] | None = None

    @property
    def children(self) -> dict[str, Node]:
        if self._children is None:
            assert self._store is not None  # noqa: S101 - set whenever children are not
            self._children = self._store.children_of(self.node_id)
        return self._children

    def child(self, name: str) -> Node | None:
        """``children.get(name)``, reading only that child while the others are not needed."""
        if self._children is not None:
            return self._children.get(name)
        if self._asked is None:
            self._asked = {}
        if name not in self._asked:
            assert self._store is not None  # noqa: S101 - set whenever children are not
            self._asked[name] = self._store.child_of(self.node_id, name)
        return self._asked[name]

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

    def find(self, parts: Sequence[str]) -> Node | None:
        node = self
        for part in parts:
            child = node.child(part)
            if child is None:
                return None
            node = child
        return node


class StoredTree:
    """Nodes of ``option_nodes``/``option_edges`` (see ``option_tree``), each read once."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.nodes: dict[int, Node] = {}

    def root(self) -> Node:
        row = self.db.execute(
            "SELECT id, is_default, modules, options FROM option_nodes WHERE id = 0"
        ).fetchone()
        return self._node(row) if row is not None else Node(self, -1)

    def children_of(self, node_id: int) -> dict[str, Node]:
        rows = self.db.execute(
            "SELECT e.name, n.id, n.is_default, n.modules, n.options FROM option_edges e"
            " JOIN option_nodes n ON n.id = e.child WHERE e.parent = ?",
            (node_id,),
        )
        return {row[0]: self._node(row[1:]) for row in rows}

    def child_of(self, node_id: int, name: str) -> Node | None:
        row = self.db.execute(
            "SELECT n.id, n.is_default, n.modules, n.options FROM option_edges e"
            " JOIN option_nodes n ON n.id = e.child WHERE e.parent = ? AND e.name = ?",
            (node_id, name),
        ).fetchone()
        return self._node(row) if row is not None else None

    def _node(self, row: Sequence[object]) -> Node:
        node_id, is_default, modules, options = row
        assert isinstance(node_id, int)  # noqa: S101 - INTEGER PRIMARY KEY
        found = self.nodes.get(node_id)
        if found is None:
            found = self.nodes[node_id] = Node(self, node_id)
            found.default = bool(is_default)
            found.modules = set(json.loads(modules)) if isinstance(modules, str) else None
            found.options = [(m, i) for m, i in json.loads(options)] if isinstance(options, str) else []
        return found


@dataclass(frozen=True)
class Walk:
    option_id: int | None
    consumed: int  # names of the request matched by the tree (the rest lie inside the option's value)
    is_namespace: bool
    matched: tuple[str, ...] = ()  # the declared names the consumed part matched (``<name>`` ...)


class OptionIndex:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.root = StoredTree(db).root()
        self._exact: dict[str, int | None] = {}  # answers for paths asked without imports

    def node(self, parts: Sequence[str]) -> Node | None:
        return self.root.find(parts)

    def exact(self, path: str, imported: Collection[str] = ()) -> int | None:
        """The option declared at exactly ``path``: of every configuration first, else of an imported file."""
        if not imported:
            if path not in self._exact:
                self._exact[path] = self._exact_in(path, ())
            return self._exact[path]
        return self._exact_in(path, imported)

    def _exact_in(self, path: str, imported: Collection[str]) -> int | None:
        for module in ("", *sorted(imported)):
            row = self.db.execute(
                "SELECT id FROM options WHERE path = ? AND module = ?", (path, module)
            ).fetchone()
            if row is not None:
                return int(row[0])
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
        child = node.child(key)
        if child is None or not child.visible(imported):
            continue
        found = _walk(child, parts, i + 1, imported)
        if found is not None:
            return Walk(found.option_id, found.consumed, found.is_namespace, (key, *found.matched))
    option_id = node.option_for(imported)
    if option_id is not None:
        return Walk(option_id, i, is_namespace=False)
    return None
