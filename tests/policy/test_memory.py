"""What evaluations remember: per-evaluation indexes and the per-release memory change no answer."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_cases import load_cases, make_intent

from nixwright.errors import SourceLocation
from nixwright.knowledge import KnowledgeBase
from nixwright.knowledge.model import OptionResolution
from nixwright.nix.read import read_source
from nixwright.nix.values import Definition, ModuleReading, NixBool
from nixwright.policy import release_cache
from nixwright.policy.effective import EffectiveConfig
from nixwright.policy.engine import evaluate_policy
from nixwright.policy.paths import PLACEHOLDER
from nixwright.policy.release_cache import release_lookups

NAMES = st.sampled_from(["a", "b", "users", "x.y", "${n}"])
PATHS = st.lists(st.tuples(st.lists(NAMES, min_size=1, max_size=4), st.booleans()), max_size=12)


def _reading(paths: list[tuple[list[str], bool]]) -> ModuleReading:
    return ModuleReading(
        definitions=tuple(
            Definition(
                path=tuple(parts),
                value=NixBool(value=True),
                location=SourceLocation("c.nix", i + 1, 1),
                dynamic_key=dynamic,
            )
            for i, (parts, dynamic) in enumerate(paths)
        )
    )


@settings(max_examples=80, deadline=None)
@given(PATHS, st.lists(NAMES, max_size=3))
def test_names_and_definitions_under_match_a_plain_scan(
    small_kb: KnowledgeBase, paths: list[tuple[list[str], bool]], prefix: list[str]
) -> None:
    config = EffectiveConfig(_reading(paths), small_kb)
    key = tuple(prefix)
    at = len(key)
    expected_names = sorted(
        {
            d.path[at]
            for d in config.definitions
            if len(d.path) > at and d.path[:at] == key and not d.dynamic_key
        }
    )
    assert config.names((*key, PLACEHOLDER, "enable")) == expected_names
    assert config.names((*key, PLACEHOLDER)) == expected_names  # asked twice: the same answer
    expected_under = [
        d for path in sorted({d.path for d in config.definitions}) if path[:at] == key
        for d in config.definitions if d.path == path
    ]  # fmt: skip
    assert list(config.definitions_under(key)) == expected_under


def _all_findings(kb: object) -> list[object]:
    out: list[object] = []
    for case in load_cases()[::7]:
        reading = read_source(case.nix, file="configuration.nix")
        intent = make_intent(case.qualities, case.domains, case.hardware_words)
        out.append(evaluate_policy(reading, kb, system="x86_64-linux", intent=intent, profile=case.profile))  # type: ignore[arg-type]
    return out


def test_repeated_evaluations_agree(small_kb: KnowledgeBase) -> None:
    first = _all_findings(small_kb)
    assert any(first)
    assert _all_findings(small_kb) == first


class _Unremembered:
    """A knowledge base that cannot be hashed, so nothing is remembered across evaluations."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.calls = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self.kb, name)

    def resolve_option(self, parts: Sequence[str], imported_modules: Sequence[str] = ()) -> OptionResolution:
        self.calls += 1
        return self.kb.resolve_option(parts, imported_modules)


def test_a_knowledge_base_that_cannot_be_remembered_gives_the_same_findings(small_kb: KnowledgeBase) -> None:
    plain = _Unremembered(small_kb)
    assert release_lookups(plain) is not release_lookups(plain)  # type: ignore[arg-type]
    assert _all_findings(plain) == _all_findings(small_kb)
    before = plain.calls
    _all_findings(plain)
    assert plain.calls == before * 2  # asked again: nothing was kept


def test_one_memory_per_knowledge_base(small_kb: KnowledgeBase) -> None:
    assert release_lookups(small_kb) is release_lookups(small_kb)


def test_the_memory_is_bounded(small_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(release_cache, "LIMIT", 2)
    lookups = release_cache.ReleaseLookups()
    paths = [("services", "openssh", "enable"), ("networking", "firewall", "enable"), ("boot", "isContainer")]
    for path in paths:
        assert lookups.resolve(small_kb, path, ()) == small_kb.resolve_option(path)
    assert len(lookups._resolved) <= 2
    assert lookups.default(small_kb, paths[1], ()) == NixBool(value=True)
