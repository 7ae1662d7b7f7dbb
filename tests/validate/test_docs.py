"""Every finding code the validator can emit is documented in docs/checks.md, with an example and a fix."""

import re
from pathlib import Path

from nixwright.validate.codes import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "checks.md"
SRC = ROOT / "src" / "nixwright" / "validate"
CODE = re.compile(r"\"(NW-[A-Z]+-[A-Z]+(?:-[A-Z]+)*)\"")  # a whole code, as a string literal


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### (NW-[A-Z-]+)\s*$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_code_in_the_source_is_catalogued_and_documented():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(CODE.findall(path.read_text(encoding="utf-8")))
    assert used, "no codes found in the source"
    assert used - set(CATALOGUE) == set()
    assert set(CATALOGUE) - set(_sections()) == set()


def test_each_section_gives_severity_and_fix():
    for code, body in _sections().items():
        assert code in CATALOGUE, f"{code} is documented but not in the catalogue"
        severity = CATALOGUE[code].severity.value
        assert f"*{severity}*" in body, f"{code}: severity {severity} not stated"
        assert "**Fix:**" in body, f"{code}: no fix"
