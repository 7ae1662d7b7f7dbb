"""Indented strings: the line-based fast path agrees with Nix's character-by-character rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nixwright.nix.read import read_source
from nixwright.nix.strings import _strip_indentation
from nixwright.nix.values import NixString


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n\tab", max_size=30))
def test_fast_path_matches_the_general_rules(text: str) -> None:
    fast = "".join(p for p in _strip_indentation([(True, text)]) if isinstance(p, str))
    general = "".join(p for p in _strip_indentation([(True, ""), (True, text)]) if isinstance(p, str))
    assert fast == general


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("''\n    a\n      b\n  ''", "a\n  b\n"),
        ("''\n    a\n\n    b''", "a\n\nb"),
        ("''  \n  x\n  ''", "x\n"),
        ("''x\n  y''", "x\n  y"),
        ("''\n\ta\n  ''", "\ta\n"),
        ("''\n    ${\"v\"}\n  w\n''", "  v\nw\n"),
        ("''\n  ''${x} '''\n''", "${x} ''\n"),
        ("''   ''", ""),
    ],
)
def test_indentation_rules(source: str, expected: str) -> None:
    [definition] = read_source(f"{{ a = {source}; }}").definitions
    assert definition.value == NixString(expected)
