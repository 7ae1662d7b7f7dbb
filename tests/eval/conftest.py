"""Shared pieces for the real-evaluation tests: the harness module and the Nix setup (or a skip)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "eval"


def _load_bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class NixSetup:
    script: Path
    nixpkgs: Path


@pytest.fixture(scope="session")
def harness() -> ModuleType:
    return _load_bench("nix_eval")


@pytest.fixture(scope="session")
def intents_checker() -> ModuleType:
    return _load_bench("nix_eval_intents")


@pytest.fixture(scope="session")
def catalog_builder() -> ModuleType:
    return _load_bench("nix_eval_catalog")


@pytest.fixture(scope="session")
def nix_setup(harness: ModuleType) -> NixSetup:
    """Nix and a nixpkgs tree, or a skip that says which one is missing (see docs/development.md)."""
    if shutil.which("nix-instantiate") is None:
        pytest.skip("nix-instantiate not found: real evaluation needs Nix (see docs/development.md)")
    src = os.environ.get("NIXPKGS_SRC")
    if not src:
        pytest.skip("NIXPKGS_SRC is not set: point it at an extracted nixpkgs tree (see docs/development.md)")
    nixpkgs = Path(src)
    if not (nixpkgs / "nixos" / "default.nix").is_file():
        pytest.skip(f"NIXPKGS_SRC={src} is not a nixpkgs tree (no nixos/default.nix)")
    script = Path(os.environ.get(harness.SCRIPT_ENV, harness.SCRIPT_DEFAULT))
    if not script.is_file():
        pytest.skip(f"nix-eval-config not found at {script} (set {harness.SCRIPT_ENV})")
    return NixSetup(script=script, nixpkgs=nixpkgs)


@pytest.fixture(scope="session")
def eval_fixtures() -> Path:
    return FIXTURES
