"""Every distinct type string of the 24.11 data parses to a known structure (100 % or fail)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.knowledge.reading import read_json
from nixwright.knowledge.types import TypeKind, is_fully_recognized, parse_type

pytestmark = pytest.mark.integration

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "nixos" / "24.11"


def _type_strings(directory: Path) -> set[str]:
    found = {entry["type"] for entry in read_json(directory / "options.json.br").values()}
    extra = read_json(directory / "options-extra.json.br")["options"]
    found |= {entry["type"] for entry in extra.values() if "type" in entry}
    for module in read_json(directory / "options-imports.json.br")["modules"].values():
        found |= {entry["type"] for entry in module["options"].values() if "type" in entry}
    return found


def test_every_type_string_parses(capsys: pytest.CaptureFixture[str]) -> None:
    import os

    directory = Path(os.environ.get("NIXWRIGHT_CHANNEL_DATA") or DATA)
    if not (directory / "options.json.br").is_file():
        pytest.skip(f"no release data in {directory}")
    strings = sorted(_type_strings(directory))
    unparsed = [s for s in strings if not is_fully_recognized(parse_type(s))]
    coverage = 100.0 * (len(strings) - len(unparsed)) / len(strings)
    with capsys.disabled():
        print(f"\noption type coverage: {coverage:.2f} % of {len(strings)} distinct type strings")  # noqa: T201 - the issue asks for the figure
    assert len(strings) > 900
    assert unparsed == [], f"coverage {coverage:.2f} %: {unparsed[:10]}"
    # the parse keeps the text and gives structure, not just a label
    assert all(parse_type(s).text == s for s in strings)
    kinds = {parse_type(s).kind for s in strings}
    assert {
        TypeKind.BOOL,
        TypeKind.ENUM,
        TypeKind.LIST,
        TypeKind.ATTRS,
        TypeKind.NULL_OR,
        TypeKind.EITHER,
    } <= kinds
