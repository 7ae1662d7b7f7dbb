"""The option tree, built once at database build time and stored in ``option_nodes``/``option_edges``.

Opening a knowledge base then costs nothing: ``OptionIndex`` loads a node's children only when a
lookup walks through it (a handful of indexed queries per lookup, cached per knowledge base).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from nixwright.knowledge.ingest_options import SEP
from nixwright.knowledge.option_index import Node
from nixwright.knowledge.paths import split_path

ROOT_ID = 0


def build_tree(db: sqlite3.Connection) -> Node:
    """The whole tree in memory, from the ``options`` table and options-extra.json's ``recursive`` links."""
    root = Node()
    rows = db.execute("SELECT id, parts, module, requires FROM options ORDER BY id")
    for option_id, parts, module, requires in rows:
        for owner in json.loads(requires) if requires else [module]:
            _add(root, option_id, parts, owner)
    _link_recursive(root, _recursive_links(db))
    return root


def _add(root: Node, option_id: int, parts: str, module: str) -> None:
    node = root
    node.mark(module)
    for part in parts.split(SEP):
        child = node.children.get(part)
        if child is None:
            child = node.children[part] = Node()
        node = child
        node.mark(module)
    node.options.append((module, option_id))


def _recursive_links(db: sqlite3.Connection) -> dict[str, str]:
    row = db.execute("SELECT value FROM meta WHERE key = 'options_extra'").fetchone()
    extra = json.loads(row[0]) if row else {}
    return dict(extra.get("recursive") or {})


def _link_recursive(root: Node, recursive: dict[str, str]) -> None:
    # openldap's children.<name> nests itself: make the nested name point back at the parent node.
    for nested, parent in recursive.items():
        source = root.find(split_path(nested)[:-1])
        target = root.find(split_path(parent))
        if source is not None and target is not None:
            source.children[split_path(nested)[-1]] = target


def record_option_tree(db: sqlite3.Connection) -> int:
    """Store the tree (nodes breadth first, root 0); returns the number of nodes."""
    build_root = build_tree(db)
    ids: dict[int, int] = {id(build_root): ROOT_ID}
    nodes: list[tuple[int, int, str | None, str | None]] = []
    edges: list[tuple[int, str, int]] = []
    for node_id, node in _breadth_first(build_root, ids):
        nodes.append((node_id, int(node.default), _modules_text(node), _options_text(node)))
        edges.extend((node_id, name, ids[id(child)]) for name, child in node.children.items())
    db.executemany("INSERT INTO option_nodes VALUES (?, ?, ?, ?)", nodes)
    db.executemany("INSERT INTO option_edges VALUES (?, ?, ?)", edges)
    return len(nodes)


def _breadth_first(root: Node, ids: dict[int, int]) -> Iterator[tuple[int, Node]]:
    queue = [root]
    for node in queue:  # grows while iterating; ``ids`` keeps linked (recursive) nodes from repeating
        for child in node.children.values():
            if id(child) not in ids:
                ids[id(child)] = len(ids)
                queue.append(child)
        yield ids[id(node)], node  # its children have ids by now


def _modules_text(node: Node) -> str | None:
    return json.dumps(sorted(node.modules)) if node.modules else None


def _options_text(node: Node) -> str | None:
    return json.dumps(node.options) if node.options else None
