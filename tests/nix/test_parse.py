"""Parsing: syntax errors at file:line:col with the line and a caret; bad input refused clearly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nixwright.errors import NixwrightError
from nixwright.nix.parse import MAX_SOURCE_BYTES, parse_source
from nixwright.nix.read import read_module, read_source
from nixwright.nix.values import NixString


def _error(source: str | bytes) -> NixwrightError:
    with pytest.raises(NixwrightError) as info:
        parse_source(source, "conf.nix")
    return info.value


def test_parses_a_module() -> None:
    tree = parse_source('{ config, ... }: { networking.hostName = "x"; }', "conf.nix")
    assert tree.root_node.named_children[0].type == "function_expression"


def test_missing_semicolon_points_at_the_place_with_a_caret() -> None:
    # `1 b` is a function call to Nix, so the error is at the `=` of line 3, as Nix reports it
    err = _error("{\n  a = 1\n  b = 2;\n}\n")
    assert err.location is not None
    assert (err.location.file, err.location.line, err.location.col) == ("conf.nix", 3, 5)
    first, line, caret = err.message.split("\n")
    assert first == "syntax error: unexpected '='"
    assert line.strip() == "b = 2;"
    assert caret.index("^") == line.index("=")
    assert err.hint == "is a ';' missing at the end of line 2?"


def test_missing_value_and_stray_closing_brace() -> None:
    assert "expected a value" in _error("{ a = ; }").message
    err = _error("{ a = 1; } }")
    assert err.location is not None
    assert (err.location.line, err.location.col) == (1, 12)
    assert "unexpected '}'" in err.message


def test_unclosed_set_reports_missing_brace() -> None:
    assert "missing '}'" in _error("{ a = 1;").message


def test_column_counts_characters_not_bytes() -> None:
    err = _error('{ a = "grüße"; b = ; }')
    assert err.location is not None
    assert err.location.col == 19


def test_binary_and_non_utf8_input_are_refused() -> None:
    assert "binary" in _error(b"\x7fELF\x00\x01").message
    assert "UTF-8" in _error(b'{ a = "\xff"; }').message


def test_huge_input_is_refused() -> None:
    assert "too large" in _error(b" " * (MAX_SOURCE_BYTES + 1)).message


def test_crlf_is_read_as_lf() -> None:
    reading = read_source("{\r\n  a = ''\r\n    x\r\n  '';\r\n}\r\n")
    assert reading.definitions[0].value == NixString("x\n")


def test_unreadable_paths(tmp_path: Path) -> None:
    with pytest.raises(NixwrightError, match="is a directory"):
        read_module(tmp_path)
    with pytest.raises(NixwrightError, match="no such file"):
        read_module(tmp_path / "missing.nix")
    locked = tmp_path / "locked.nix"
    locked.write_text("{ }")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # running as root: permissions do not apply
            pytest.skip("permissions are not enforced for this user")
        with pytest.raises(NixwrightError, match="permission denied"):
            read_module(locked)
    finally:
        locked.chmod(0o644)


def test_devices_and_huge_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NixwrightError, match="not a regular file"):
        read_module(Path("/dev/null"))
    huge = tmp_path / "huge.nix"
    huge.write_bytes(b"#" * (MAX_SOURCE_BYTES + 10))
    with pytest.raises(NixwrightError, match="too large"):
        read_module(huge)


def test_empty_file_is_an_error() -> None:
    with pytest.raises(NixwrightError, match="no Nix expression"):
        read_source("# only a comment\n")


@pytest.mark.parametrize(
    "source",
    [
        "{ a = " + "[" * 3000 + "]" * 3000 + "; }",
        "{ a = " + "{ b = " * 2000 + "1" + "; }" * 2000 + "; }",
        "{ a = " + "(" * 4000 + "1" + ")" * 4000 + "; }",
    ],
    ids=["lists", "sets", "parentheses"],
)
def test_deep_nesting_is_a_clean_error(source: str) -> None:
    with pytest.raises(NixwrightError, match="nested too deeply"):
        read_source(source)


@pytest.mark.parametrize(
    "source",
    [
        "{ a, }: a",
        "{ a, b, }: a",
        "{\n  prefix ? [ ],\n  extra ? { },\n}:\nprefix",
        "{ pkgs ? import <nixpkgs> { }, }: pkgs",
    ],
)
def test_trailing_comma_in_formals_is_valid_nix(source: str) -> None:
    tree = parse_source(source, "f.nix")
    assert tree.root_node.named_children[0].type == "function_expression"


def test_inheriting_nothing_is_valid_nix() -> None:
    reading = read_source("{ inherit (a.b); x = 1; }")
    assert [d.dotted for d in reading.definitions] == ["x"]


def test_other_stray_commas_are_still_errors() -> None:
    assert _error("{ a = 1, }").message.startswith("syntax error: unexpected 'a = 1,'")
    assert _error("[ 1, 2 ]").message.startswith("syntax error: unexpected ','")
