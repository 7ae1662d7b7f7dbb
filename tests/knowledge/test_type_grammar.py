"""The option-type grammar on representative type strings."""

from __future__ import annotations

import pytest

from nixwright.knowledge.types import TypeKind, is_fully_recognized, parse_type


def test_scalars() -> None:
    assert parse_type("boolean").kind is TypeKind.BOOL
    assert parse_type("string").kind is TypeKind.STR
    assert parse_type("path").kind is TypeKind.PATH
    assert parse_type("package").kind is TypeKind.PACKAGE
    assert parse_type("floating point number").kind is TypeKind.FLOAT
    assert parse_type("unspecified value").kind is TypeKind.ANYTHING
    assert parse_type("submodule").kind is TypeKind.SUBMODULE
    assert parse_type("attribute set").kind is TypeKind.ATTRSET


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        ("signed integer", None, None),
        ("unsigned integer, meaning >=0", 0, None),
        ("positive integer, meaning >0", 1, None),
        ("16 bit unsigned integer; between 0 and 65535 (both inclusive)", 0, 65535),
        ("8 bit signed integer; between -128 and 127 (both inclusive)", -128, 127),
        ("integer between -20 and 19 (both inclusive)", -20, 19),
    ],
)
def test_integers(text: str, minimum: int | None, maximum: int | None) -> None:
    parsed = parse_type(text)
    assert parsed.kind is TypeKind.INT
    assert (parsed.minimum, parsed.maximum) == (minimum, maximum)
    assert parsed.text == text


def test_number_range_with_fractions_keeps_a_note() -> None:
    parsed = parse_type("integer or floating point number between 0.01 and 1 (both inclusive)")
    assert parsed.kind is TypeKind.NUMBER
    assert parsed.maximum == 1
    assert parsed.minimum is None
    assert parsed.note == "between 0.01 and 1"


def test_enum_members() -> None:
    parsed = parse_type('one of "a", "b c", 1, true, <null>')
    assert parsed.kind is TypeKind.ENUM
    assert parsed.members == ("a", "b c", 1, True, None)
    single = parse_type('value "auto" (singular enum)')
    assert single.kind is TypeKind.ENUM
    assert single.members == ("auto",)


def test_unescaped_quotes_in_enum_members() -> None:
    parsed = parse_type('null or one of ""round-robin 0"", ""queue-length 0""')
    assert parsed.kind is TypeKind.NULL_OR
    assert parsed.args[0].members == ('"round-robin 0"', '"queue-length 0"')


def test_null_or_and_either_flatten() -> None:
    parsed = parse_type("null or string or signed integer")
    assert parsed.kind is TypeKind.NULL_OR
    inner = parsed.args[0]
    assert inner.kind is TypeKind.EITHER
    assert [a.kind for a in inner.args] == [TypeKind.STR, TypeKind.INT]
    nested = parse_type("boolean or null or (string, not containing newlines or colons)")
    assert nested.kind is TypeKind.NULL_OR


def test_containers() -> None:
    parsed = parse_type("attribute set of (list of (submodule))")
    assert parsed.kind is TypeKind.ATTRS
    assert parsed.args[0].kind is TypeKind.LIST
    assert parsed.args[0].args[0].kind is TypeKind.SUBMODULE
    lazy = parse_type("lazy attribute set of raw value")
    assert lazy.kind is TypeKind.LAZY_ATTRS
    assert parse_type("non-empty (list of string)").non_empty
    assert parse_type("non-empty string").non_empty


def test_lines_and_patterns() -> None:
    lines = parse_type('strings concatenated with "\\n"')
    assert lines.kind is TypeKind.LINES
    assert lines.separator == "\n"
    pattern = parse_type("list of string matching the pattern [a-z]+(-[a-z]+)?")
    assert pattern.args[0].pattern == "[a-z]+(-[a-z]+)?"
    inner = parse_type("attribute set of (signed integer or string matching the pattern [[:digit:]]+[Hdwmy])")
    assert inner.args[0].args[1].pattern == "[[:digit:]]+[Hdwmy]"


def test_coerced() -> None:
    parsed = parse_type("(list of string) or string convertible to it")
    assert parsed.kind is TypeKind.EITHER
    assert parsed.note == "coerced"
    assert [a.kind for a in parsed.args] == [TypeKind.LIST, TypeKind.STR]


def test_function_and_checks() -> None:
    parsed = parse_type("function that evaluates to a(n) list of package")
    assert parsed.kind is TypeKind.FUNCTION
    assert parsed.args[0].kind is TypeKind.LIST
    checked = parse_type("string (with check: non-empty)")
    assert checked.kind is TypeKind.STR
    assert checked.note == "checked: non-empty"


def test_format_types_and_named_phrases() -> None:
    assert parse_type("JSON value").kind is TypeKind.ANYTHING
    ini = parse_type(
        "attribute set of section of an INI file (attrs of INI atom (null, bool, int, float or string))"
    )
    assert ini.kind is TypeKind.ATTRS
    assert is_fully_recognized(ini)
    free = parse_type(
        "unbound.conf configuration type. The format consist of an attribute\nset of settings.\n"
    )
    assert free.kind is TypeKind.ANYTHING
    assert is_fully_recognized(free)


def test_unknown_text_is_flagged_not_raised() -> None:
    parsed = parse_type("flux capacitor setting")
    assert parsed.kind is TypeKind.OTHER
    assert not is_fully_recognized(parsed)
    assert not is_fully_recognized(parse_type("list of (flux capacitor setting)"))
