"""Virtual hosts for web apps: host appended to the prefix, or named inside the proxy's own paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.catalog.load import load_catalog_from
from nixwright.catalog.model import Catalog
from nixwright.errors import NixwrightError
from nixwright.intake.intent import Evidence
from nixwright.nix.values import NixString
from nixwright.plan.capabilities import proxy_block
from nixwright.plan.select import Chosen

ROUTER = """
id = "router"
title = "Router proxy"
kind = "service"
explain = "Routes by name."
words = ["routerproxy"]

[[option]]
path = "services.traefik.enable"
value = true
why = "Runs it."

[proxy]
vhost_prefix = "services.traefik.dynamicConfigOptions.http"

[[proxy.option]]
path = 'routers."@host@".rule'
value = "Host(`@host@`)"
why = "Route for @host@."
"""
APP = """
id = "app"
title = "App"
kind = "service"
explain = "An app."
words = ["app"]

[[web]]
port = 9000
{where}
"""


def _catalog(tmp_path: Path, where: str) -> Catalog:
    (tmp_path / "capabilities").mkdir()
    (tmp_path / "capabilities" / "router.toml").write_text(ROUTER)
    (tmp_path / "capabilities" / "app.toml").write_text(APP.format(where=where))
    return load_catalog_from(tmp_path)


def _chosen(cat: Catalog) -> tuple[Chosen, ...]:
    ev = (Evidence("words"),)
    return tuple(Chosen(c, ev, "requested") for c in cat.capabilities)


def test_host_named_in_the_proxy_paths_is_not_appended(tmp_path: Path) -> None:
    cat = _catalog(tmp_path, 'subdomain = "app"')
    blk = proxy_block(_chosen(cat), {"domain": "example.org"})
    assert blk is not None
    [a] = blk.assignments
    assert a.path == (
        "services",
        "traefik",
        "dynamicConfigOptions",
        "http",
        "routers",
        "app.example.org",
        "rule",
    )
    assert a.value == NixString("Host(`app.example.org`)")


def test_a_proxy_without_path_settings_refuses_path_apps(tmp_path: Path) -> None:
    cat = _catalog(tmp_path, 'path = "/app"')
    with pytest.raises(NixwrightError, match="cannot serve App under a path"):
        proxy_block(_chosen(cat), {"domain": "example.org"})


def test_unknown_placeholder_in_a_path_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "capabilities").mkdir()
    (tmp_path / "capabilities" / "router.toml").write_text(ROUTER.replace('"@host@".rule', '"@nope@".rule'))
    with pytest.raises(NixwrightError, match="unknown placeholder @nope@"):
        load_catalog_from(tmp_path)
