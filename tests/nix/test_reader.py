"""Reader contracts not covered by the corpus: errors, scoping rules, import options, regrouping."""

from __future__ import annotations

from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.nix.leaves import value_below
from nixwright.nix.read import read_module, read_source
from nixwright.nix.values import Dynamic, NixAttrs, NixBool, NixInt, NixList, NixString, PackageRef


def _defs(source: str) -> dict[str, object]:
    return {d.dotted: d.value for d in read_source(source).definitions}


def test_a_name_defined_twice_is_recorded_like_nix_reports_it() -> None:
    [duplicate] = read_source("{ a.b = 1; a.b = 2; }").duplicate_attrs
    assert duplicate.message == "attribute 'a.b' already defined at <string>:1:3"
    assert (duplicate.again.line, duplicate.again.col) == (1, 12)
    assert [d.name for d in read_source("{ a = 1; a.b = 2; }").duplicate_attrs] == ["a.b"]


def test_literal_sets_under_one_name_merge() -> None:
    assert _defs("{ a = { b = 1; }; a = { c = 2; }; a.d = 3; }") == {
        "a.b": NixInt(1),
        "a.c": NixInt(2),
        "a.d": NixInt(3),
    }


def test_lexical_names_win_over_with_and_builtins_win_over_with() -> None:
    source = '{ pkgs, ... }: let vim = "mine"; in { a = with pkgs; [ vim git toString ]; }'
    [value] = _defs(source).values()
    assert isinstance(value, NixList)
    assert value.items[:2] == (NixString("mine"), PackageRef("git"))
    assert isinstance(value.items[2], Dynamic)


def test_innermost_with_wins_for_static_sets() -> None:
    source = "let s = { x = 1; }; t = { x = 2; y = 3; }; in { a = with t; with s; [ x y ]; }"
    assert _defs(source) == {"a": NixList((NixInt(1), NixInt(3)))}


def test_false_conditions_give_no_definition_and_true_ones_no_condition() -> None:
    reading = read_source("{ lib, ... }: { a = lib.mkIf false 1; b = lib.mkIf (1 < 2) 2; }")
    assert [(d.dotted, d.condition) for d in reading.definitions] == [("b", None)]


def test_mkmerge_of_lists_gives_one_definition_each() -> None:
    reading = read_source("{ lib, c, ... }: { xs = lib.mkMerge [ [ 1 ] (lib.mkIf c.on [ 2 ]) ]; }")
    assert [(d.value, d.condition) for d in reading.definitions] == [
        (NixList((NixInt(1),)), None),
        (NixList((NixInt(2),)), "c.on"),
    ]


def test_unknown_function_argument_is_dynamic_not_a_guess() -> None:
    [value] = _defs("{ inputs, ... }: { a = inputs.x; }").values()
    assert isinstance(value, Dynamic)
    assert value.text == "inputs.x"


def test_source_locations_are_one_based() -> None:
    [definition] = read_source('{\n\tnetworking.hostName = "x";\n}\n', "conf.nix").definitions
    assert str(definition.location) == "conf.nix:2:2"


def test_imports_relative_to_the_importing_file_and_optionally_not_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.nix").write_text("{ imports = [ ../b.nix ]; a = 1; }")
    (tmp_path / "b.nix").write_text("{ b = 2; }")
    main = tmp_path / "configuration.nix"
    main.write_text("{ imports = [ ./sub/a.nix ]; }")
    reading = read_module(main)
    assert [d.dotted for d in reading.definitions] == ["b", "a"]
    assert reading.files == (str(main), str(tmp_path / "sub" / "a.nix"), str(tmp_path / "b.nix"))
    shallow = read_module(main, follow_imports=False)
    assert shallow.definitions == ()
    assert [i.file for i in shallow.imports] == [str(tmp_path / "sub" / "a.nix")]
    assert shallow.unreadable == ()


def test_syntax_error_in_an_imported_file_is_reported_there(tmp_path: Path) -> None:
    (tmp_path / "bad.nix").write_text("{ a = ; }")
    main = tmp_path / "configuration.nix"
    main.write_text("{ imports = [ ./bad.nix ]; }")
    with pytest.raises(NixwrightError) as info:
        read_module(main)
    assert info.value.location is not None
    assert info.value.location.file == str(tmp_path / "bad.nix")


def test_value_below_rebuilds_a_set_from_leaves() -> None:
    reading = read_source(
        "{ services.x.settings = { a = 1; b.c = true; }; services.x.settings.d = [ ]; services.y = 2; }"
    )
    assert value_below(reading.definitions, ("services", "x", "settings")) == NixAttrs(
        (("a", NixInt(1)), ("b", NixAttrs((("c", NixBool(value=True)),))), ("d", NixList())),
    )
    assert value_below(reading.definitions, ("services", "z")) is None


def test_full_form_reports_attributes_nixos_would_reject() -> None:
    reading = read_source("{ lib, ... }: { options.a = lib.mkOption { }; services.x.enable = true; }")
    assert reading.declared_options == (("a",),)
    assert reading.definitions == ()
    [unreadable] = reading.unreadable
    assert unreadable.reason.startswith("services beside config/options")


def test_paths_that_share_names_merge_in_the_order_first_written() -> None:
    source = '{ lib, ... }:\nlet d = "x"; in\n{\n  a.b = 1;\n  c = lib.mkIf true 2;\n  a."${d}".e = 3;\n  a.g = { f = 4; };\n}\n'
    read = [(d.dotted, str(d.location), d.value) for d in read_source(source, "m.nix").definitions]
    assert read == [
        ("a.b", "m.nix:4:3", NixInt(1)),
        ("a.x.e", "m.nix:6:3", NixInt(3)),
        ("a.g.f", "m.nix:7:11", NixInt(4)),
        ("c", "m.nix:5:3", NixInt(2)),
    ]
    # the same set under `config` (read through the general path) gives the same definitions
    full = source.replace("in\n{", "in\n{ config = {").replace("};\n}", "}; };\n}")
    assert [(d.dotted, d.value) for d in read_source(full).definitions] == [(p, v) for p, _, v in read]


def test_assertions_and_top_level_let_and_with_are_looked_through() -> None:
    source = "let port = 22; in { lib, ... }: assert port > 0; with lib; { a = mkDefault port; }"
    [definition] = read_source(source).definitions
    assert (definition.dotted, definition.value, definition.priority) == ("a", NixInt(22), 1000)


@pytest.mark.parametrize(
    "source",
    [
        "{ a = (f: f f) (f: f f); }",
        "let f = x: { a = f x; b = f x; c = f x; }; in { x = f 1; }",
        "let f = x: [ (f x) (f x) (f x) ]; in { x = f 1; }",
    ],
    ids=["self-application", "branching-sets", "branching-lists"],
)
def test_runaway_functions_stop_and_stay_dynamic(source: str) -> None:
    reading = read_source(source)
    assert reading.definitions
    assert len(reading.definitions) < 5000
    assert "function calls" in repr([d.value for d in reading.definitions])


@pytest.mark.parametrize(
    "wrapped",
    ["lib.mkIf c x", "lib.mkDefault x", "lib.mkBefore x", "lib.mkMerge [ { b = 1; } x ]"],
)
def test_definitions_made_of_themselves_stop(wrapped: str) -> None:
    reading = read_source(f"{{ lib, c, ... }}: let x = {wrapped}; in {{ a = x; }}")
    [itself] = [d for d in reading.definitions if d.dotted == "a"]
    assert isinstance(itself.value, Dynamic)
    assert "itself" in itself.value.reason


@pytest.mark.parametrize(
    "value",
    ["[ x ]", '"${x}"', "x // { b = 1; }", "[ 1 ] ++ x", "!x", "x + 1", "[ 1 ] ++ lib.optionals c x"],
)
def test_values_made_of_themselves_stop_there(value: str) -> None:
    # Only the definition that refers to itself is lost: the rest of the file reads on.
    reading = read_source(f"{{ lib, c, ... }}: let x = {value}; in {{ a = x; b = 1; }}")
    values = [d.value for d in reading.definitions if d.dotted == "a"]
    assert values
    assert "refers to itself" in repr(values)
    assert [d.value for d in reading.definitions if d.dotted == "b"] == [NixInt(1)]


def test_an_inherit_from_its_own_set_stops_there() -> None:
    reading = read_source("let s = { inherit (s) a; }; in { x = s.a; y = 1; }")
    values = {d.dotted: d.value for d in reading.definitions}
    assert isinstance(values["x"], Dynamic)
    assert "itself" in values["x"].reason
    assert values["y"] == NixInt(1)


def test_a_module_that_imports_itself_is_read_once() -> None:
    reading = read_source("let m = { imports = [ m ]; a = 1; }; in m", "conf.nix")
    assert [(d.dotted, d.value) for d in reading.definitions] == [("a", NixInt(1))]
    [unreadable] = reading.unreadable
    assert unreadable.reason == "module imports itself"
    assert (unreadable.location.line, unreadable.location.col) == (1, 23)  # the `m` in the list


def test_sets_that_contain_themselves_stop() -> None:
    reading = read_source("rec { a.self = a; b = { x = 1; y = b; }; c = let s = { t = s; }; in s; }")
    values = {d.dotted: d.value for d in reading.definitions}
    assert values["b.x"] == NixInt(1)
    for name in ("a.self", "b.y", "c.t"):
        value = values[name]
        assert isinstance(value, Dynamic)
        assert "itself" in value.reason
    [item] = _defs("let s = { t = [ s ]; }; in { x = s.t; }").values()
    assert isinstance(item, NixList)
    assert isinstance(item.items[0], NixAttrs)
    # `t` is met again while its own value is worked out
    assert item.items[0].entries[0][1] == Dynamic("refers to itself (infinite recursion)")
