"""A first end-to-end look at the shared 24.11 knowledge base."""

from __future__ import annotations

import pytest

from nixwright.knowledge import KnowledgeBase
from nixwright.knowledge.model import OptionKind, PackageKind

pytestmark = pytest.mark.integration


def test_placeholders_resolve(kb: KnowledgeBase) -> None:
    option = kb.find_option('services.nginx.virtualHosts."example.org".locations."/".proxyPass')
    assert option is not None
    assert option.path == "services.nginx.virtualHosts.<name>.locations.<name>.proxyPass"
    assert option.type_text == "null or string"


def test_removed_covers_below(kb: KnowledgeBase) -> None:
    res = kb.resolve_option(("sound", "enable"))
    assert res.option is not None
    assert res.option.kind is OptionKind.REMOVED
    assert res.rest == ("enable",)


def test_set_alias_package(kb: KnowledgeBase) -> None:
    match = kb.find_package("python3Packages.requests")
    assert match.kind is PackageKind.PACKAGE
    assert match.resolved == "python312Packages.requests"
