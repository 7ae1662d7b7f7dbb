"""bench/nix_eval_catalog.py: one configuration per catalog entry, from a small fixture catalog."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from nixwright.catalog.load import load_catalog_from
from nixwright.catalog.model import Catalog
from nixwright.nix.values import NixAttrs, NixBool, NixInt, NixList, NixNull, NixPath, NixString, RawExpr


@pytest.fixture(scope="module")
def catalog(eval_fixtures: Path) -> Catalog:
    return load_catalog_from(eval_fixtures / "catalog")


def test_render_values(catalog_builder: ModuleType) -> None:
    render = catalog_builder.render
    assert render(NixList((NixBool(value=True), NixInt(3), NixNull()))) == "[ true 3 null ]"
    assert render(NixString('say "hi" ${x}\nbye')) == '"say \\"hi\\" \\${x}\\nbye"'
    assert render(NixAttrs((("a.b", NixPath("/etc/x")), ("c", RawExpr("pkgs.hello"))))) == (
        '{\n  "a.b" = /etc/x;\n  c = (pkgs.hello);\n}'
    )
    assert render(NixList(())) == "[ ]"


def test_capability_pulls_in_its_role_and_web_host(catalog_builder: ModuleType, catalog: Catalog) -> None:
    cap = catalog.capability("webapp")
    system, text = catalog_builder.capability_config(catalog, cap)
    assert system == "x86_64-linux"
    assert "{ services.webapp.enable = true; }" in text
    assert "services.webapp.settings = lib.mkOverride 1000 ({" in text
    assert 'name = "capcheck";' in text
    assert "{ services.proxy.enable = true; }" in text
    assert '{ services.proxy.hosts."app.capcheck.home.arpa".upstream = "http://127.0.0.1:8080"; }' in text
    assert '(modulesPath + "/profiles/minimal.nix")' in text
    assert "environment.systemPackages = [ pkgs.python3Packages.requests ];" in text
    assert 'builtins.elem (lib.getName p) [ "someunfree" ]' in text
    assert 'boot.loader.grub.device = "nodev";' in text


def test_capability_for_another_system_gets_that_base(catalog_builder: ModuleType, catalog: Catalog) -> None:
    system, text = catalog_builder.capability_config(catalog, catalog.capability("armonly"))
    assert system == "aarch64-linux"
    assert "boot.loader.generic-extlinux-compatible.enable = true;" in text
    assert "grub.device" not in text


def test_hardware_profile_keeps_its_own_boot_and_root(catalog_builder: ModuleType, catalog: Catalog) -> None:
    system, text = catalog_builder.hardware_config(catalog.hardware_profile("board"))
    assert system == "aarch64-linux"
    assert '{ fileSystems."/".device = "/dev/disk/by-label/ROOT"; }' in text
    assert "by-label/nixos" not in text
    assert "boot.loader.grub.enable = false;" not in text
    assert "{ boot.kernelPackages = (pkgs.linuxPackages_rpi4); }" in text
    assert "{ zramSwap.enable = true; }" in text


def test_write_all_and_only(catalog_builder: ModuleType, catalog: Catalog, tmp_path: Path) -> None:
    written = catalog_builder.write_all(tmp_path, catalog=catalog)
    assert sorted(p.name for p in written) == ["cap-armonly", "cap-proxy", "cap-webapp", "hw-board"]
    meta = json.loads((tmp_path / "hw-board" / "nixwright.json").read_text(encoding="utf-8"))
    assert meta == {"system": "aarch64-linux"}
    only = catalog_builder.write_all(tmp_path / "only", ["proxy", "hw-board"], catalog=catalog)
    assert [p.name for p in only] == ["cap-proxy", "hw-board"]


@pytest.mark.nix
@pytest.mark.parametrize("entry", ["ssh", "raspberry-pi-4"])
def test_shipped_catalog_entry_evaluates(
    harness: ModuleType, catalog_builder: ModuleType, nix_setup: Any, tmp_path: Path, entry: str
) -> None:
    written = catalog_builder.write_all(tmp_path, [entry])
    if not written:
        pytest.skip(f"the catalog has no entry {entry!r}")
    [target] = harness.collect_targets(written)
    result = harness.evaluate(target, nix_setup.script, nix_setup.nixpkgs, timeout=300)
    assert result.ok, "\n".join(result.error)
    assert result.drv.endswith("-nixos-system-capcheck-24.11pre-git.drv")


def test_unknown_placeholders_get_a_marked_value(catalog_builder: ModuleType) -> None:
    facts = catalog_builder.Facts({"hostname": "h"})
    assert facts["hostname"] == "h"
    assert facts["brand_new"] == "unknown-brand_new"
    assert "brand_new" in catalog_builder.Facts.unknown
