"""Every NixOS module of a nixpkgs tree parses and reads: no syntax error, no crash (needs NIXPKGS_SRC)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.nix.read import read_module


@pytest.mark.integration
def test_every_nixos_module_reads() -> None:
    source = os.environ.get("NIXPKGS_SRC")
    if not source or not (Path(source) / "nixos" / "modules").is_dir():
        pytest.skip("NIXPKGS_SRC not set (see docs/development.md)")
    files = sorted((Path(source) / "nixos" / "modules").rglob("*.nix"))
    failures = []
    for file in files:
        try:
            read_module(file, follow_imports=False)
        except NixwrightError as err:
            failures.append(str(err).split("\n", 1)[0])
    assert len(files) > 1000
    assert failures == []
