"""The stored option tree reads back exactly as the tree built in memory at build time."""

from __future__ import annotations

import json

import pytest

from nixwright.knowledge import KnowledgeBase
from nixwright.knowledge.option_index import NAME, STAR, OptionIndex, _walk
from nixwright.knowledge.option_tree import build_tree
from nixwright.knowledge.paths import split_path


def _concrete(path: str) -> tuple[str, ...]:
    return tuple("some-name" if p in (NAME, STAR) else p for p in split_path(path))


@pytest.mark.integration
def test_lazy_tree_walks_like_the_built_one(kb: KnowledgeBase) -> None:
    built = build_tree(kb.db)
    stored = OptionIndex(kb.db).root
    rows = kb.db.execute("SELECT path, module, requires FROM options ORDER BY id").fetchall()
    compared = 0
    for path, module, requires in rows[::7]:
        parts = _concrete(path)
        imported = [module] if module else json.loads(requires) if requires else []
        for request, modules in ((parts, ()), (parts, imported), ((*parts, "x", "y"), ()), (parts[:-1], ())):
            assert _walk(stored, request, 0, modules) == _walk(built, request, 0, modules), request
            compared += 1
    assert compared > 10_000
    services = stored.find(["services"])
    assert services is not None
    assert len(services.children) == len(built.children["services"].children) > 500
