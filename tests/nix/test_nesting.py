"""Deeply nested input: every construct that nests ends in the clean "nested too deeply" error.

The compiled reader (setup.py) has no stack guard of its own, so a construct whose descent missed
the count in ``MAX_NESTING`` would crash the process here instead of raising.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nixwright.errors import NixwrightError
from nixwright.nix.evaluate import MAX_NESTING
from nixwright.nix.read import read_source

NESTED: dict[str, Callable[[int], str]] = {
    "attribute sets": lambda n: "{ x = " + "{ a = " * n + "1" + "; }" * n + "; }",
    "recursive sets": lambda n: "{ x = " + "rec { a = " * n + "1" + "; }" * n + "; }",
    "lists": lambda n: "{ x = " + "[" * n + "]" * n + "; }",
    "parentheses": lambda n: "{ x = " + "(" * n + "1" + ")" * n + "; }",
    "let": lambda n: "{ x = " + "let a = 1; in " * n + "a; }",
    "let values": lambda n: "{ x = " + "let a = " * n + "1" + "; in a" * n + "; }",
    "if": lambda n: "{ x = " + "if true then " * n + "1" + " else 2" * n + "; }",
    "assert": lambda n: "{ x = " + "assert true; " * n + "1; }",
    "with": lambda n: "{ pkgs, ... }: { x = " + "with pkgs; " * n + "[ a ]; }",
    "addition": lambda n: "{ x = " + " + ".join(["1"] * n) + "; }",
    "concatenation": lambda n: "{ x = " + " ++ ".join(["[ 1 ]"] * n) + "; }",
    "update": lambda n: "{ x = " + " // ".join(["{ a = 1; }"] * n) + "; }",
    "negation": lambda n: "{ x = " + "!" * n + "true; }",
    "minus": lambda n: "{ x = " + "-" * n + "1; }",
    "has-attribute": lambda n: "{ x = " + "(" * n + "a ? b" + ")" * n + "; }",
    "interpolation": lambda n: "{ x = " + '"${' * n + '"a"' + '}"' * n + "; }",
    "interpolated names": lambda n: "{ " + '"${' * n + '"a"' + '}"' * n + " = 1; }",
    "name chains": lambda n: (
        "let " + " ".join(f"a{i} = a{i + 1};" for i in range(n)) + f" a{n} = 1; in {{ x = a0; }}"
    ),
    "set values": lambda n: "let s = " + "{ a = " * n + "1" + "; }" * n + "; in { x = s; }",
    "lib.mkIf": lambda n: "{ lib, ... }: { x = " + "lib.mkIf true (" * n + "1" + ")" * n + "; }",
    "lib.mkIf config": lambda n: (
        "{ lib, ... }: { config = " + "lib.mkIf true (" * n + "{ a = 1; }" + ")" * n + "; }"
    ),
    "lib.mkMerge": lambda n: (
        "{ lib, ... }: { config = " + "lib.mkMerge [ (" * n + "{ a = 1; }" + ") ]" * n + "; }"
    ),
    "lib.optionals": lambda n: (
        "{ lib, ... }: { x = " + "lib.optionals true (" * n + "[ 1 ]" + ")" * n + "; }"
    ),
    "imports": lambda n: "{ imports = " + "[" * n + "]" * n + "; }",
    "functions applied": lambda n: "let f = x: x; in { x = " + "f (" * n + "1" + ")" * n + "; }",
    "repeated names": lambda n: "{ " + "a = { " * n + "b = 1; b = 2;" + " };" * n + " }",
}


@pytest.mark.parametrize("build", NESTED.values(), ids=NESTED.keys())
def test_every_construct_nested_too_deeply_is_a_clean_error(build: Callable[[int], str]) -> None:
    with pytest.raises(NixwrightError, match="nested too deeply"):
        read_source(build(3 * MAX_NESTING))


@pytest.mark.parametrize("build", NESTED.values(), ids=NESTED.keys())
def test_every_construct_reads_at_a_real_depth(build: Callable[[int], str]) -> None:
    """Forty levels is more than any real module has; the bound must not touch it."""
    reading = read_source(build(40))
    assert reading.definitions or reading.imports
