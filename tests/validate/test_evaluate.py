import os
import shutil
from pathlib import Path

import pytest

from nixwright.validate.evaluate import EVAL_NIX, eval_argv, evaluate, find_nixpkgs


def test_argv_is_built_purely():
    argv = eval_argv(Path("/cfg/configuration.nix"), Path("/src/nixpkgs"), "aarch64-linux")
    assert argv[:3] == ["nix-instantiate", "--eval", "--read-write-mode"]
    assert argv[argv.index("-I") : argv.index("-I") + 2] == ["-I", "nixpkgs=/src/nixpkgs"]
    assert argv[-1] == str(EVAL_NIX)
    assert "--argstr" in argv
    assert argv[argv.index("configPath") + 1] == "/cfg/configuration.nix"
    assert argv[argv.index("system") + 1] == "aarch64-linux"
    assert "extraModule" not in argv
    extra = eval_argv(Path("/c.nix"), Path("/n"), "x86_64-linux", Path("/extra.nix"))
    assert extra[extra.index("extraModule") + 1] == "/extra.nix"
    assert EVAL_NIX.is_file()


def test_find_nixpkgs_order(tmp_path):
    tree = tmp_path / "tree"
    (tree / "nixos").mkdir(parents=True)
    (tree / "nixos" / "default.nix").write_text("{ }")
    assert find_nixpkgs(tree, {}) == tree.resolve()
    assert find_nixpkgs(None, {"NIX_PATH": f"foo=/x:nixpkgs={tree}"}) == tree.resolve()
    assert find_nixpkgs(None, {"NIXPKGS_SRC": str(tree)}) == tree.resolve()
    assert find_nixpkgs(None, {}) is None
    assert find_nixpkgs(tmp_path, {}) is None  # not a nixpkgs tree


def test_missing_tree_is_reported_not_raised(tmp_path, monkeypatch):
    monkeypatch.delenv("NIX_PATH", raising=False)
    monkeypatch.delenv("NIXPKGS_SRC", raising=False)
    cfg = tmp_path / "configuration.nix"
    cfg.write_text("{ }")
    outcome = evaluate(cfg, "x86_64-linux", tmp_path / "nowhere")
    assert (outcome.ran, outcome.accepted) == (False, None)
    assert [f.code for f in outcome.findings] == ["NW-EVAL-UNAVAILABLE"]


NIXPKGS = os.environ.get("NIXPKGS_SRC")


@pytest.mark.nix
@pytest.mark.skipif(shutil.which("nix-instantiate") is None, reason="nix-instantiate not on PATH")
@pytest.mark.skipif(not NIXPKGS, reason="NIXPKGS_SRC not set (see docs/development.md)")
def test_real_evaluation_of_a_misspelled_option(tmp_path):
    cfg = tmp_path / "configuration.nix"
    cfg.write_text(
        '{ ... }: { fileSystems."/".device = "/dev/sda1"; boot.loader.grub.devices = [ "/dev/sda" ];\n'
        '  services.opensshd.enable = true; system.stateVersion = "24.11"; }\n'
    )
    outcome = evaluate(cfg, "x86_64-linux", Path(str(NIXPKGS)))
    assert outcome.ran
    assert outcome.accepted is False
    assert "NW-OPT-UNKNOWN" in [f.code for f in outcome.findings]
