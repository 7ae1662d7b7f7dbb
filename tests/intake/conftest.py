from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.catalog.load import load_catalog_from
from nixwright.catalog.model import Catalog

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "catalog" / "mini"


@pytest.fixture(scope="session")
def mini() -> Catalog:
    return load_catalog_from(MINI)
