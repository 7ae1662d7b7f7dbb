"""Merging assignments from several sources, and the placeholder facts."""

from __future__ import annotations

import pytest

from nixwright.errors import NixwrightError
from nixwright.nix.values import NixAttrs, NixBool, NixInt, NixList
from nixwright.plan.assign import assign, block
from nixwright.plan.facts import base_domain
from nixwright.plan.merge import merge_blocks


def test_lists_concatenate_without_repeats_in_the_first_block() -> None:
    a = block("a", "A", "", [assign(("x", "l"), NixList((NixInt(1), NixInt(2))), "a", "first")])
    b = block("b", "B", "", [assign(("x", "l"), NixList((NixInt(2), NixInt(3))), "b", "second")])
    merged = merge_blocks([a, b])
    assert [blk.id for blk in merged] == ["a"]
    only = merged[0].assignments[0]
    assert only.value == NixList((NixInt(1), NixInt(2), NixInt(3)))
    assert only.provenance.explanation == "first Also: second"


def test_equal_values_collapse_and_attrs_merge() -> None:
    a = block(
        "a",
        "A",
        "",
        [
            assign(("e",), NixBool(value=True), "a", "w"),
            assign(("s",), NixAttrs((("k", NixInt(1)),)), "a", "w"),
        ],
    )
    b = block(
        "b",
        "B",
        "",
        [
            assign(("e",), NixBool(value=True), "b", "w"),
            assign(("s",), NixAttrs((("j", NixInt(2)),)), "b", "w"),
        ],
    )
    merged = merge_blocks([a, b])
    assert merged[0].assignments[1].value == NixAttrs((("k", NixInt(1)), ("j", NixInt(2))))


def test_different_scalars_conflict() -> None:
    a = block("a", "A", "", [assign(("p",), NixInt(1), "capability:a", "w")])
    b = block("b", "B", "", [assign(("p",), NixInt(2), "capability:b", "w")])
    with pytest.raises(NixwrightError, match="capability:a and capability:b set p"):
        merge_blocks([a, b])


def test_a_path_and_its_prefix_is_a_bug() -> None:
    a = block("a", "A", "", [assign(("p",), NixAttrs(), "a", "w"), assign(("p", "q"), NixInt(1), "a", "w")])
    with pytest.raises(NixwrightError) as err:
        merge_blocks([a])
    assert err.value.exit_code == 3


def test_base_domain() -> None:
    assert base_domain(("status.example.com",), ("status",)) == "example.com"
    assert base_domain(("example.com",), ("status",)) == "example.com"
    assert base_domain((), ("status",)) is None


def test_an_attribute_set_beside_a_deeper_path_is_split() -> None:
    hosts = NixAttrs((("a.org", NixAttrs((("root", NixInt(1)),))),))
    a = block(
        "a", "A", "", [assign(("vh",), hosts, "a", "w"), assign(("vh", "b.org", "root"), NixInt(2), "b", "w")]
    )
    merged = merge_blocks([a])
    assert [(x.path, x.value) for x in merged[0].assignments] == [
        (("vh", "a.org"), NixAttrs((("root", NixInt(1)),))),
        (("vh", "b.org", "root"), NixInt(2)),
    ]
