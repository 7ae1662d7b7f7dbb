"""Every option the policy data names exists in the 24.11 release (full data)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from policy_cases import load_cases, run_case

from nixwright.knowledge import KnowledgeBase
from nixwright.policy.exposure import exposure_options
from nixwright.policy.hardening import all_hardening_settings, hardening_settings
from nixwright.policy.loader import builtin_rules
from nixwright.policy.paths import split_path

pytestmark = pytest.mark.integration

OPTION_KEYS = {"option", "options", "open_firewall", "bind", "port_option", "groups", "members", "users",
               "login", "ports", "backend", "trusted", "wan"}  # fmt: skip


def _named_in_params(params: Mapping[str, Any]) -> Iterator[str]:
    """Option paths inside rule parameters: values of option-naming keys, at any depth."""
    for key, value in params.items():
        if isinstance(value, Mapping):
            yield from _named_in_params(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    yield from _named_in_params(item)
                elif key in OPTION_KEYS and isinstance(item, str):
                    yield item
        elif key in OPTION_KEYS and isinstance(value, str):
            yield value


def _exists(kb: KnowledgeBase, path: str) -> bool:
    resolution = kb.resolve_option(split_path(path))
    return resolution.option is not None or resolution.is_namespace


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.id)
def test_rule_options_exist(rule: Any, kb: KnowledgeBase) -> None:
    missing = [o for o in rule.options if not _exists(kb, o)]
    assert not missing


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda r: r.id)
def test_rule_params_name_listed_options(rule: Any, kb: KnowledgeBase) -> None:
    """A path a check reads is either listed in ``options`` or lies inside a listed freeform option."""
    for path in _named_in_params(rule.params):
        if path in rule.options:
            continue
        resolution = kb.resolve_option(split_path(path))
        assert resolution.option is not None, path
        assert resolution.rest, f"{path} is an option; list it in {rule.id}.options"
        assert resolution.option.path in rule.options, f"{rule.id}: {resolution.option.path}"


def test_exposure_options_exist(kb: KnowledgeBase) -> None:
    assert [o for o in exposure_options() if not _exists(kb, o)] == []


def test_every_hardening_setting_exists(kb: KnowledgeBase) -> None:
    assert len(hardening_settings(kb)) == len(all_hardening_settings())
    for setting in all_hardening_settings():
        option = kb.resolve_option(setting.path).option
        assert option is not None, setting.dotted
        assert not option.read_only, setting.dotted


def test_fixture_release_agrees_with_full_release(kb: KnowledgeBase) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "policy" / "release" / "options.json"
    for path, entry in json.loads(fixture.read_text(encoding="utf-8")).items():
        option = kb.find_option(path)
        assert option is not None, path
        assert option.type_text == entry["type"], path
        default = entry.get("default")
        if isinstance(default, dict) and "text" in default:
            assert option.default_text == default["text"], path


CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cases_hold_on_full_release(case: Any, kb: KnowledgeBase) -> None:
    codes = {f.code for f in run_case(case, kb)}
    assert (case.rule in codes) == (case.expect == "trigger"), case.why
