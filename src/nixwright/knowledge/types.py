"""Option types as data: the ``type`` strings of options.json parsed into a structure.

``parse_type`` must give every type string of a release a meaningful structure
(a test over the real 24.11 data holds it to 100 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

EnumMember = str | int | float | bool | None


class TypeKind(Enum):
    BOOL = "bool"
    INT = "int"
    FLOAT = "float"
    NUMBER = "number"  # int or float ("number", "signed integer or floating point number")
    STR = "str"  # any string; ``pattern``/``non_empty``/``note`` narrow it
    LINES = "lines"  # strings concatenated with a separator (mergeable string)
    PATH = "path"
    PACKAGE = "package"
    ENUM = "enum"
    NULL_OR = "null_or"
    LIST = "list"
    ATTRS = "attrs"
    LAZY_ATTRS = "lazy_attrs"
    SUBMODULE = "submodule"
    EITHER = "either"  # T or U (args holds each alternative, flattened)
    FUNCTION = "function"
    ANYTHING = "anything"  # anything, raw value, unspecified, JSON/YAML/TOML/INI values
    ATTRSET = "attrset"  # a plain "attribute set" with no element type
    OTHER = "other"  # meaningful but unchecked kinds (systemd option, ...): ``note`` says what


@dataclass(frozen=True)
class OptionType:
    """A parsed option type.

    ``args``: element type for LIST/ATTRS/LAZY_ATTRS/NULL_OR, alternatives for EITHER.
    ``members``: ENUM values. ``minimum``/``maximum``: INT (and FLOAT) ranges, inclusive.
    ``pattern``: a regex a STR must match. ``separator``: for LINES. ``note``: what OTHER is.
    """

    kind: TypeKind
    text: str
    args: tuple[OptionType, ...] = ()
    members: tuple[EnumMember, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    separator: str | None = None
    note: str | None = None
    non_empty: bool = False


def parse_type(text: str) -> OptionType:
    """Parse an options.json ``type`` string. Never raises: unknown text gives ``OTHER``."""
    from nixwright.knowledge.type_grammar import parse

    return parse(text)


@lru_cache(maxsize=4096)
def parse_type_cached(text: str) -> OptionType:
    """``parse_type`` for type strings seen over and over (every option row carries one)."""
    return parse_type(text)


UNRECOGNIZED = "unrecognized type phrase"


def is_fully_recognized(option_type: OptionType) -> bool:
    """False when any part of the structure is a phrase the grammar did not know."""
    if option_type.kind is TypeKind.OTHER and (option_type.note or "").startswith(UNRECOGNIZED):
        return False
    return all(is_fully_recognized(arg) for arg in option_type.args)
