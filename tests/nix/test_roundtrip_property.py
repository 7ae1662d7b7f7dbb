"""Property: for generated module models, render -> parse -> read gives back the same definitions.

NIXWRIGHT_PROPERTY_EXAMPLES=2000 runs a longer session than the default one.
"""

from __future__ import annotations

import itertools
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nixwright.errors import NixwrightError
from nixwright.nix.layout import check_conflicts
from nixwright.nix.leaves import module_definitions
from nixwright.nix.model import Binding, Module, Section
from nixwright.nix.read import read_source
from nixwright.nix.render import render_module
from nixwright.nix.values import (
    PRIORITY_DEFAULT_PLAIN,
    PRIORITY_FORCE,
    PRIORITY_MKDEFAULT,
    NixAttrs,
    NixBool,
    NixFloat,
    NixInt,
    NixList,
    NixNull,
    NixPath,
    NixString,
    PackageRef,
    Value,
)

EXAMPLES = int(os.environ.get("NIXWRIGHT_PROPERTY_EXAMPLES", "80"))
IDENT = st.from_regex(r"[a-z][a-zA-Z0-9_-]{0,8}", fullmatch=True).filter(
    lambda s: s not in {"if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"}
)
# Attribute names with dots, spaces, quotes, `${`, backslashes and non-ASCII: they must be quoted.
ODD_NAME = st.text(alphabet=st.sampled_from('ab.-/ "\\${}é\t\n'), min_size=1, max_size=8)
NAME = st.one_of(IDENT, IDENT, IDENT, ODD_NAME)
# A few names used often, so bindings share prefixes and the renderer must group them without
# defining a name twice (Nix refuses `a.b.c = 1; a = { b.d = 2; };`).
SHARED = st.sampled_from(["a", "b", "settings", "x.y"])
PATH_PART = st.one_of(NAME, SHARED, SHARED)
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    max_size=40,
)
TRICKY_TEXT = st.text(alphabet=st.sampled_from("ab '$\\{}\n\t\r\"x"), max_size=30)

# Package attribute names: mostly identifiers (few, so `let` names collide with them), some that
# must be quoted (`pkgs."1password"`).
PACKAGE_PART = st.one_of(
    st.sampled_from(
        ["vim", "git", "hello", "htop", "map", "python3Packages", "requests"]
    ),  # not lib: pkgs.lib is lib
    st.from_regex(r"[0-9][a-z0-9-]{0,5}", fullmatch=True),
)
SCALARS: st.SearchStrategy[Value] = st.one_of(
    st.booleans().map(NixBool),
    st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1).map(NixInt),
    st.floats(allow_nan=False, allow_infinity=False).map(NixFloat),
    st.builds(NixString, st.one_of(TEXT, TRICKY_TEXT), st.booleans()),
    st.just(NixNull()),
    st.from_regex(r"(\./|/)[a-z0-9._-]{1,6}(/[a-z0-9._+-]{1,6}){0,2}", fullmatch=True).map(NixPath),
    st.lists(PACKAGE_PART, min_size=1, max_size=3).map(lambda parts: PackageRef(".".join(parts))),
)


def _values(children: st.SearchStrategy[Value]) -> st.SearchStrategy[Value]:
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: NixList(tuple(items))),
        st.dictionaries(PATH_PART, children, max_size=3).map(lambda d: NixAttrs(tuple(d.items()))),
    )


VALUES = st.recursive(SCALARS, _values, max_leaves=8)
PRIORITIES = st.sampled_from(
    [PRIORITY_DEFAULT_PLAIN, PRIORITY_DEFAULT_PLAIN, PRIORITY_MKDEFAULT, PRIORITY_FORCE, 10]
)


def _no_prefix_clash(bindings: list[Binding]) -> bool:
    """Nix itself rejects a path that is also the prefix of another, so the model must avoid it."""
    try:
        check_conflicts(bindings)
    except NixwrightError:
        return False
    return True


@st.composite
def modules(draw: st.DrawFn) -> Module:
    heads = ["services", "networking", "boot"]
    bindings: list[Binding] = []
    for _ in range(draw(st.integers(min_value=0, max_value=10))):
        path = (draw(st.sampled_from(heads)), *draw(st.lists(PATH_PART, min_size=1, max_size=3)))
        binding = Binding(path, draw(VALUES), draw(PRIORITIES), draw(st.one_of(st.none(), st.just("why"))))
        if _no_prefix_clash([*bindings, binding]):  # keep what Nix could accept
            bindings.append(binding)
    split = draw(st.integers(min_value=0, max_value=len(bindings)))
    sections = (Section("first", tuple(bindings[:split])), Section(None, tuple(bindings[split:])))
    lets = draw(st.dictionaries(st.sampled_from(["vim", "git", "domain", "port"]), SCALARS, max_size=2))
    imports = draw(
        st.lists(st.sampled_from(["./hardware-configuration.nix", "./a/b.nix", "/etc/x.nix"]), max_size=2)
    )
    return Module(
        sections=sections,
        header=draw(st.one_of(st.none(), st.just("header\nline two"))),
        imports=tuple(NixPath(p) for p in imports),
        let_bindings=tuple(lets.items()),
    )


def _same_multiset(
    got: list[tuple[tuple[str, ...], Value, int]], expected: list[tuple[tuple[str, ...], Value, int]]
) -> bool:
    """Equal as multisets (value equality ignores the multi-line rendering choice, repr does not)."""
    remaining = list(got)
    for item in expected:
        if item not in remaining:
            return False
        remaining.remove(item)
    return not remaining


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_render_then_read_gives_the_same_definitions(module: Module) -> None:
    text = render_module(module)
    assert render_module(module) == text  # deterministic
    assert text.endswith("\n")
    reading = read_source(text, "<generated>", follow_imports=False)
    got = [(d.path, d.value, d.priority) for d in reading.definitions]
    assert _same_multiset(got, module_definitions(module)), (text, got)
    assert all(d.condition is None and d.order is None for d in reading.definitions)
    assert reading.unreadable == ()
    assert reading.duplicate_attrs == (), (text, reading.duplicate_attrs)
    assert [i.text for i in reading.imports] == [p.value for p in module.imports if isinstance(p, NixPath)]


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_rendering_leaves_again_gives_the_same_text(module: Module) -> None:
    """Idempotence: a module of the leaves read back renders to the same text as those leaves did."""
    leaves = module_definitions(module)
    flat = Module((Section(None, tuple(Binding(p, v, prio) for p, v, prio in leaves)),))
    text = render_module(flat)
    reading = read_source(text, "<generated>", follow_imports=False)
    assert reading.duplicate_attrs == (), (text, reading.duplicate_attrs)
    again = Module((Section(None, tuple(Binding(d.path, d.value, d.priority) for d in reading.definitions)),))
    assert render_module(again) == text


FEW = st.sampled_from(["a", "b", "c"])
SMALL_SETS: st.SearchStrategy[Value] = st.recursive(
    st.booleans().map(NixBool),
    lambda children: st.dictionaries(FEW, children, min_size=1, max_size=2).map(
        lambda d: NixAttrs(tuple(d.items()))
    ),
    max_leaves=3,
)
SET_VALUES = st.dictionaries(FEW, SMALL_SETS, min_size=1, max_size=2).map(
    lambda d: NixAttrs(tuple(d.items()))
)


@st.composite
def crowded_modules(draw: st.DrawFn) -> Module:
    """Few names, set values, several sections: bindings reach into each other's sets."""
    bindings: list[Binding] = []
    for _ in range(draw(st.integers(min_value=3, max_value=8))):
        path = ("s", *draw(st.lists(FEW, min_size=1, max_size=2)))
        binding = Binding(path, draw(st.one_of(SET_VALUES, SET_VALUES, SMALL_SETS)))
        if _no_prefix_clash([*bindings, binding]):
            bindings.append(binding)
    cuts = sorted(draw(st.lists(st.integers(min_value=0, max_value=len(bindings)), min_size=1, max_size=2)))
    edges = [0, *cuts, len(bindings)]
    return Module(tuple(Section(None, tuple(bindings[a:b])) for a, b in itertools.pairwise(edges)))


@settings(max_examples=EXAMPLES * 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded_modules())
def test_output_never_defines_a_name_twice(module: Module) -> None:
    text = render_module(module)
    reading = read_source(text, "<generated>", follow_imports=False)
    assert reading.duplicate_attrs == (), text
    got = [(d.path, d.value, d.priority) for d in reading.definitions]
    assert _same_multiset(got, module_definitions(module)), (text, got)
