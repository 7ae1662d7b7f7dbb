"""Names defined twice: recorded in the reading with Nix's rule (each case checked with Nix 2.8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.nix.read import read_module, read_source
from nixwright.nix.values import NixInt

# Nix accepts these: a dotted path enters a set, a set literal merges into a path or another literal.
ACCEPTED = [
    "{ a.b.c = 1; a.b = { d = 2; }; }",
    "{ a = { b.d = 2; }; a.b.c = 1; }",
    "{ a = { b = 1; }; a = { c = 2; }; }",
    "{ a = { b = 1; }; a = rec { c = 2; }; }",
    "{ a = rec { b = 1; }; a.c = 2; }",
    "{ a = ({ b = 1; }); a.c = 2; }",
    "{ a.c = 2; a = ({ b = 1; }); }",
    "{ a = { b = { }; }; a.b.c = 2; }",
    "{ a = { }; a = { }; }",
    "let a.b = 1; a.c = 2; in { x = a; }",
    '{ v."${x}".a = 1; v."${y}".b = 2; }',
]

# Nix rejects these: (source, name Nix prints, line:col of the first definition, of the second).
REJECTED = [
    ("{ a = 1; a = 2; }", "a", "1:3", "1:10"),
    ("{ a.b.c = 1; a = { b.d = 2; }; }", "b", "1:3", "1:20"),
    ("{ a.b.c = 1; a = { b = { d = 2; }; }; }", "b", "1:3", "1:20"),
    ("{ a = { b = 1; }; a = { b = 2; }; }", "b", "1:9", "1:25"),
    ("{ a.c = 2; a = ({ c = 1; }); }", "c", "1:3", "1:19"),
    ("rec { a = 1; a = 2; }", "a", "1:7", "1:14"),
    ("let a = 1; a = 2; in { x = a; }", "a", "1:5", "1:12"),
    ("let a = 1; in { inherit a; a = 2; }", "a", "1:25", "1:28"),
    ("let a = 1; in { a = 2; inherit a; }", "a", "1:17", "1:32"),
    ("let a = { b = 1; }; in { inherit a; a.c = 2; }", "a.c", "1:34", "1:37"),
    ("let x = { a = 1; }; in { inherit (x) a; a = 2; }", "a", "1:38", "1:41"),
    ('{ "a" = 1; a = 2; }', "a", "1:3", "1:12"),
    ('{ ${"a"} = 1; a = 2; }', "a", "1:3", "1:15"),
    ("{ a.x = 1; a = let in { b = 1; }; }", "a", "1:3", "1:12"),
    ("{ a = let in { b = 1; }; a.x = 1; }", "a.x", "1:3", "1:26"),
    ("{ a = { b = 1; }; a.b.c = 2; }", "a.b.c", "1:9", "1:19"),
    ('{ "a b" = 1; "a b" = 2; }', '"a b"', "1:3", "1:14"),
    ("{ x = [ { a = 1; a = 2; } ]; }", "a", "1:11", "1:18"),
    ("{ f = x: { a = 1; a = 2; }; }", "a", "1:12", "1:19"),
    # a set right after a name (`f{`), and sets inside sets the reader walks without building
    ("{ x = f{ a = 1; a = 2; }; }", "a", "1:10", "1:17"),
    ("{ x = { y = rec { a = 1; a = 2; }; }; }", "a", "1:19", "1:26"),
    ("{ x = { y.z = 1; w = let a = 1; a = 2; in a; }; }", "a", "1:26", "1:33"),
    ("{ x = [ 1 ]++[ 2 ]; y = z: z{ b = 1; b = 2; }; }", "b", "1:31", "1:38"),
    # paths that enter sets made by other paths, until one ends on a name already there
    ("{ a.b.c = 1; a.b.c = 2; }", "a.b.c", "1:3", "1:14"),
    ("{ a.b = 1; a.b.c = 2; }", "a.b.c", "1:3", "1:12"),
    ("{ x.y = 1; z = 2; x.w.q = 3; x.w = 4; }", "x.w", "1:19", "1:30"),
    ('{ x."y".z = 1; x.y.w = 2; x."y" = 3; }', "x.y", "1:3", "1:27"),
]


@pytest.mark.parametrize("source", ACCEPTED)
def test_merges_nix_accepts_are_not_duplicates(source: str) -> None:
    assert read_source(source).duplicate_attrs == ()


@pytest.mark.parametrize(("source", "name", "first", "again"), REJECTED)
def test_names_nix_rejects_are_recorded_with_both_places(
    source: str, name: str, first: str, again: str
) -> None:
    [duplicate] = read_source(source, "conf.nix").duplicate_attrs
    assert duplicate.name == name
    assert f"{duplicate.first.line}:{duplicate.first.col}" == first
    assert f"{duplicate.again.line}:{duplicate.again.col}" == again
    assert duplicate.first.file == duplicate.again.file == "conf.nix"
    assert duplicate.message == f"attribute '{name}' already defined at conf.nix:{first}"


def test_the_same_computed_name_twice_is_a_dynamic_duplicate() -> None:
    source = 'let d = "x"; in { v."${d}".a = 1; v."${d}".b = 2; }'
    [duplicate] = read_source(source).duplicate_attrs
    assert duplicate.message.startswith("dynamic attribute '\"${d}\"' already defined at <string>:1:19")


def test_the_read_goes_on_and_keeps_the_first_definition() -> None:
    reading = read_source("{ a = 1; b = 2; a = 3; c.d = 4; c.d = 5; }")
    assert {d.dotted: d.value for d in reading.definitions} == {
        "a": NixInt(1),
        "b": NixInt(2),
        "c.d": NixInt(4),
    }
    assert [d.name for d in reading.duplicate_attrs] == ["a", "c.d"]


def test_every_duplicate_is_listed_in_source_order() -> None:
    source = "{ a.b = 1; a.c = 2; a = { b = 3; c = 4; d = 5; }; e = 1; e = 2; }"
    assert [(d.name, d.again.col) for d in read_source(source).duplicate_attrs] == [
        ("b", 27),
        ("c", 34),
        ("e", 58),
    ]


def test_duplicates_of_an_imported_file_name_that_file(tmp_path: Path) -> None:
    (tmp_path / "extra.nix").write_text(
        "{\n  users.users.alex.isNormalUser = true;\n  users.users = { alex.uid = 1000; };\n}\n"
    )
    main = tmp_path / "configuration.nix"
    main.write_text('{ imports = [ ./extra.nix ]; networking.hostName = "h"; }\n')
    [duplicate] = read_module(main).duplicate_attrs
    assert duplicate.name == "alex"
    assert duplicate.again.file == str(tmp_path / "extra.nix")
    assert (duplicate.first.line, duplicate.again.line) == (2, 3)
