"""Fuzzing the parser and the reader: any input either reads or fails with a NixwrightError.

NIXWRIGHT_FUZZ_EXAMPLES=5000 runs a longer session than the default one.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nixwright.errors import NixwrightError
from nixwright.nix.read import read_source
from nixwright.nix.values import NixInt

EXAMPLES = int(os.environ.get("NIXWRIGHT_FUZZ_EXAMPLES", "150"))
CORPUS = Path(__file__).parent.parent / "fixtures" / "nix" / "corpus"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("[0-9][0-9]-*.nix"))]
TOKENS = [
    "{", "}", "[", "]", "(", ")", ";", "=", ".", ":", "@", ",", "...", "?", "//", "++", "+", "-", "!",
    "&&", "||", "->", "==", "let", "in", "with", "rec", "inherit", "if", "then", "else", "assert",
    "or", "lib.mkIf", "lib.mkMerge", "lib.mkDefault", "lib.mkOverride", "lib.optionals", "pkgs",
    "config", "modulesPath", "imports", "options", '"s"', '"${x}"', "''\n  a ${b}\n''", "./x.nix",
    "<nixpkgs>", "1", "-2", "3.5", "true", "null", "a", "b.c", "x: x", "{ a, ... }:", "# c\n", "/* c */",
    "(f: f f)", "map", "lib.genAttrs", "f", "args@",
    "\t", "\n", "\r\n", " ",
]  # fmt: skip


def _read(source: str | bytes) -> None:
    try:
        read_source(source, "<fuzz>", follow_imports=False)
    except NixwrightError as err:
        message = str(err)
    else:
        return
    assert message  # a clean error always says what went wrong


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join))
def test_token_soup_never_crashes(source: str) -> None:
    _read(source)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_mutated_corpus_never_crashes(seed: str, data: st.DataObject) -> None:
    text = seed
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        start = data.draw(st.integers(min_value=0, max_value=len(text)))
        end = data.draw(st.integers(min_value=start, max_value=min(len(text), start + 12)))
        insert = data.draw(st.one_of(st.just(""), st.sampled_from(TOKENS)))
        text = text[:start] + insert + text[end:]
    _read(text)


@settings(max_examples=EXAMPLES * 2 // 3, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(data: bytes) -> None:
    _read(data)


@settings(max_examples=EXAMPLES * 2 // 3, deadline=None)
@given(st.text(max_size=120))
def test_random_text_never_crashes(source: str) -> None:
    _read(source)


# Small programs whose names refer to each other and to themselves through the constructs the
# reader follows. Nix would fail on some of them (infinite recursion); the reader must read every
# one to the end, with only the definitions that refer to themselves left Dynamic.
_NAMES = ("x", "y", "s")
_LEAVES = st.sampled_from([*_NAMES, "1", '"a"', "true", "c", "s.a", "x.b"])
_FORMS = [
    "[ ({}) ]", '"${{{}}}"', "({}) // {{ a = {}; }}", "[ 1 ] ++ ({})", "!({})", "({}) + 1",
    "{{ a = {}; b = {}; }}", "lib.mkIf c ({})", "lib.mkDefault ({})", "lib.optionals c ({})",
    "lib.mkMerge [ ({}) ]", "(with {}; {})", "(let z = {}; in z)", "(if {} then {} else 1)",
    "rec {{ a = {}; b = a; }}", "({}).a", "{{ inherit (s) a; }}",
]  # fmt: skip


def _expressions(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return _LEAVES
    inner = _expressions(depth - 1)
    return st.one_of(
        _LEAVES,
        st.sampled_from(_FORMS).flatmap(
            lambda form: st.tuples(*[inner] * form.count("{}")).map(lambda parts: form.format(*parts))
        ),
    )


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(*[_expressions(3)] * len(_NAMES)))
def test_names_that_refer_to_themselves_are_read_to_the_end(values: tuple[str, ...]) -> None:
    bindings = " ".join(f"{name} = {value};" for name, value in zip(_NAMES, values, strict=True))
    source = f"{{ lib, c, ... }}: let {bindings} in {{ out = x; o2 = y; o3 = s; k = 1; }}"
    reading = read_source(source, "<fuzz>", follow_imports=False)  # no error: not even "nested too deeply"
    assert [d.value for d in reading.definitions if d.dotted == "k"] == [NixInt(1)]
