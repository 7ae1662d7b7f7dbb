"""``db build --nixpkgs``: the pure parts always, a real evaluation only with Nix and a nixpkgs tree."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.knowledge.evaluate import (
    options_argv,
    options_doc_file,
    packages_argv,
    parse_packages,
    split_options,
    tree_release,
)
from nixwright.process import run_command


def test_argv() -> None:
    argv = options_argv(Path("/src/nixpkgs"), "aarch64-linux")
    assert argv[:4] == ["nix-instantiate", "--eval", "--strict", "--json"]
    assert argv[-1] == str(options_doc_file())
    assert argv[4:7] == ["--argstr", "nixpkgs", "/src/nixpkgs"]
    assert argv[7:10] == ["--argstr", "system", "aarch64-linux"]
    assert options_doc_file().is_file()
    assert packages_argv(Path("/n"))[-1] == "import /n/pkgs/top-level/packages-config.nix"


def test_tree_release(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / ".version").write_text("24.11\n")
    assert tree_release(tmp_path) == "24.11"
    with pytest.raises(NixwrightError, match="not a nixpkgs tree"):
        tree_release(tmp_path / "lib")


def test_split_options_marks_aliases() -> None:
    doc = {
        "options": {"a.enable": {"type": "boolean", "loc": ["a", "enable"]}},
        "hidden": {
            "old.enable": {
                "type": "boolean",
                "loc": ["old", "enable"],
                "description": "Alias of {option}`a.enable`.",
            },
            "h.x": {"type": "string", "loc": ["h", "x"], "description": "secret knob"},
        },
        "internal": {"_module.args": {"type": "raw value", "loc": ["_module", "args"]}},
    }
    options, extra = split_options(doc, "24.11")
    assert options == doc["options"]
    assert extra["options"]["old.enable"]["kind"] == "renamed"
    assert extra["options"]["old.enable"]["to"] == "a.enable"
    assert extra["options"]["h.x"]["kind"] == "hidden"
    assert extra["options"]["_module.args"]["kind"] == "internal"
    assert "loc" not in extra["options"]["h.x"]


def test_parse_packages_drops_truncated_entries() -> None:
    good = {"a": {"pname": "a"}, "b": {"pname": "b"}}
    assert parse_packages(json.dumps(good))["packages"] == good
    broken = (
        '{\n  "a": {\n    "pname": "a"\n  },\n  "bad": {\n    "meta": {\n  "b": {\n    "pname": "b"\n  }\n}'
    )
    assert parse_packages(broken) == {"version": 2, "packages": {"a": {"pname": "a"}, "b": {"pname": "b"}}}


NIXPKGS = os.environ.get("NIXPKGS_SRC")


@pytest.mark.nix
@pytest.mark.skipif(shutil.which("nix-instantiate") is None, reason="nix-instantiate not installed")
@pytest.mark.skipif(not NIXPKGS, reason="NIXPKGS_SRC (a nixpkgs tree) not set")
def test_real_options_evaluation_matches_the_channel_listing() -> None:
    assert NIXPKGS is not None
    result = run_command(options_argv(Path(NIXPKGS)), env={"GC_DONT_GC": "1"}, timeout=1800)
    doc = json.loads(result.stdout)
    assert doc["release"] == tree_release(Path(NIXPKGS))
    assert doc["options"]["services.nginx.enable"]["type"] == "boolean"
    assert len(doc["options"]) > 10000
