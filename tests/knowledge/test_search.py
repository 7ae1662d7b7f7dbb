"""Ranked search and did-you-mean on the mini release."""

from __future__ import annotations

from nixwright.knowledge import KnowledgeBase
from nixwright.knowledge.search import fts_query, query_words


def test_query_words_drop_stopwords_and_duplicates() -> None:
    assert query_words("I want a DNS ad blocker for my DNS") == ["dns", "ad", "blocker"]
    assert query_words("  ,.; ") == []
    assert fts_query(["dns", "ad"]) == '"dns"* OR "ad"'


def test_service_query_puts_enable_first(mini_kb: KnowledgeBase) -> None:
    paths = [o.path for o in mini_kb.search_options("dns ad blocker")]
    assert set(paths[:2]) == {"services.adguardhome.enable", "services.blocky.enable"}
    # the option whose description also matches, but is no module's enable, comes later
    assert paths.index("services.dnsmasq.resolveLocalQueries") > 1


def test_name_hits_rank_above_description_hits(mini_kb: KnowledgeBase) -> None:
    paths = [o.path for o in mini_kb.search_options("nginx")]
    assert paths[0] == "services.nginx.enable"
    assert all("nginx" in p for p in paths)


def test_prefix_words(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search_options("adguard")[0].path == "services.adguardhome.enable"


def test_empty_and_unmatched(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.search_options("the of") == []
    assert mini_kb.search_options("zzzzqqq") == []
    assert mini_kb.search_packages("zzzzqqq") == []


def test_package_search(mini_kb: KnowledgeBase) -> None:
    attrs = [p.attr_path for p in mini_kb.search_packages("markdown editor")]
    assert set(attrs[:2]) == {"ghostwriter", "apostrophe"}
    assert attrs.index("python312Packages.markdown") > 1


def test_package_search_prefers_default_set(mini_kb: KnowledgeBase) -> None:
    attrs = [p.attr_path for p in mini_kb.search_packages("python requests")]
    assert attrs[0] == "python312Packages.requests"


def test_limit(mini_kb: KnowledgeBase) -> None:
    assert len(mini_kb.search_options("enable", limit=2)) == 2


def test_option_suggestions(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.suggest_options("services.adguardhom.enable") == ["services.adguardhome.enable"]
    assert mini_kb.suggest_options("services.nginx.virtualhosts") == ["services.nginx.virtualHosts"]
    assert (
        mini_kb.suggest_options('services.nginx.virtualHosts."a".rot')[0]
        == "services.nginx.virtualHosts.a.root"
    )
    assert mini_kb.suggest_options("services.nginx.enable") == []
    assert mini_kb.suggest_options('bad."path') == []


def test_package_suggestions(mini_kb: KnowledgeBase) -> None:
    assert mini_kb.suggest_packages("htpo") == ["htop"]
    assert mini_kb.suggest_packages("python3Packages.reqests") == ["python3Packages.requests"]
    assert mini_kb.suggest_packages("qqqqqqqq") == []
    assert mini_kb.suggest_packages("python3Pakages.requests") == ["python3Packages.requests"]
    assert mini_kb.suggest_options("servics.nginx.enable") == ["services.nginx.enable"]
    assert mini_kb.suggest_options('users.users."alice".isNormalUsr') == ["users.users.alice.isNormalUser"]


def test_packages_the_release_uses_rank_first(mini_kb: KnowledgeBase) -> None:
    refs = dict(mini_kb.db.execute("SELECT attr_path, refs FROM package_refs"))
    assert refs == {"htop": 4}  # named by a default once, plus a module of its own (weight 3)
    attrs = [p.attr_path for p in mini_kb.search_packages("process viewer")]
    assert attrs[:2] == ["htop", "aaview"]
