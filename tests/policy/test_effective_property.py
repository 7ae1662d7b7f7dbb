"""Property: the effective value follows the module system's priorities, whatever the order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nixwright.errors import SourceLocation
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.values import Definition, ModuleReading, NixBool, NixList, NixString
from nixwright.policy.effective import EffectiveConfig

PATH = ("services", "openssh", "openFirewall")
LIST_PATH = ("nix", "settings", "trusted-users")
PRIORITIES = st.sampled_from([50, 100, 1000])


def _defs(path: tuple[str, ...], items: list[tuple[int, object]]) -> tuple[Definition, ...]:
    return tuple(
        Definition(path=path, value=value, location=SourceLocation("c.nix", i + 1, 1), priority=prio)  # type: ignore[arg-type]
        for i, (prio, value) in enumerate(items)
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(PRIORITIES, st.booleans()), min_size=1, max_size=6), st.randoms())
def test_strongest_priority_wins(small_kb: KnowledgeBase, items: list[tuple[int, bool]], rnd) -> None:  # type: ignore[no-untyped-def]
    defs = list(_defs(PATH, [(p, NixBool(value=v)) for p, v in items]))
    strongest = min(p for p, _ in items)
    expected = {NixBool(value=v) for p, v in items if p == strongest}
    rnd.shuffle(defs)
    setting = EffectiveConfig(ModuleReading(definitions=tuple(defs)), small_kb).setting(PATH)
    assert {c.value for c in setting.candidates} == expected
    assert all(c.origin == "definition" for c in setting.candidates)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(PRIORITIES, st.lists(st.sampled_from(["root", "alice", "@wheel"]), max_size=3)),
        min_size=1,
        max_size=5,
    )
)
def test_lists_of_the_strongest_priority_concatenate(
    small_kb: KnowledgeBase, items: list[tuple[int, list[str]]]
) -> None:
    defs = _defs(LIST_PATH, [(p, NixList(tuple(NixString(s) for s in names))) for p, names in items])
    strongest = min(p for p, _ in items)
    expected = [s for p, names in items if p == strongest for s in names]
    (candidate,) = EffectiveConfig(ModuleReading(definitions=defs), small_kb).setting(LIST_PATH).candidates
    assert isinstance(candidate.value, NixList)
    assert [i.value for i in candidate.value.items] == expected  # type: ignore[union-attr]
