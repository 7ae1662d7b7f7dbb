"""Every capability and hardware profile uses only real options and packages of NixOS 24.11."""

from __future__ import annotations

import pytest
from release_check import (
    capability_entries,
    hardware_entries,
    option_problems,
    package_problems,
    packages_in,
    reading_of,
)

from nixwright.catalog.load import load_catalog
from nixwright.catalog.model import Capability, HardwareProfile, OptionSetting
from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase

CATALOG = load_catalog()
pytestmark = pytest.mark.integration


def _validator_errors(
    kb: KnowledgeBase,
    entries: list[tuple[tuple[str, ...], OptionSetting]],
    source: str,
    imported: tuple[str, ...],
    system: str,
) -> list[str]:
    from nixwright.validate import check_reading

    findings = check_reading(reading_of(entries, source, imported), kb, system=system)
    # NW-SYS-* judge a whole system (boot loader, root filesystem); a catalog file is only a fragment,
    # and whole generated systems are checked in tests/test_examples.py and tests/test_stream.py.
    errors = [f for f in findings if f.severity is Severity.ERROR and not f.code.startswith("NW-SYS-")]
    return [f"{f.code} {f.option}: {f.message}" for f in errors]


@pytest.mark.parametrize("cap", CATALOG.capabilities, ids=lambda c: c.id)
def test_capability_options_exist(kb: KnowledgeBase, cap: Capability) -> None:
    imported = tuple(i.module for i in cap.imports)
    problems = option_problems(kb, (*cap.options, *(i.off for i in cap.implied)), imported)
    if cap.proxy is not None:
        host = (*cap.proxy.vhost_prefix, "app.example.org")
        problems += option_problems(kb, (*cap.proxy.settings, *cap.proxy.path_settings), imported, host)
    assert problems == []


@pytest.mark.parametrize("cap", CATALOG.capabilities, ids=lambda c: c.id)
def test_capability_packages_exist_on_its_systems(kb: KnowledgeBase, cap: Capability) -> None:
    attrs = [p.attr for p in cap.packages] + [a for s in cap.options for a in packages_in(s.value)]
    assert package_problems(kb, attrs, cap.systems) == []


@pytest.mark.parametrize("cap", CATALOG.capabilities, ids=lambda c: c.id)
def test_capability_values_have_option_types(kb: KnowledgeBase, cap: Capability) -> None:
    imported = tuple(i.module for i in cap.imports)
    for system in cap.systems:
        assert _validator_errors(kb, capability_entries(cap), cap.source, imported, system) == []


@pytest.mark.parametrize("hw", CATALOG.hardware, ids=lambda h: h.id)
def test_hardware_options_exist(kb: KnowledgeBase, hw: HardwareProfile) -> None:
    imported = tuple(i.module for i in hw.imports)
    settings = [s for _, s in hardware_entries(hw)]
    assert option_problems(kb, settings, imported) == []


@pytest.mark.parametrize("hw", CATALOG.hardware, ids=lambda h: h.id)
def test_hardware_packages_exist(kb: KnowledgeBase, hw: HardwareProfile) -> None:
    attrs = [p.attr for p in hw.packages] + [a for _, s in hardware_entries(hw) for a in packages_in(s.value)]
    assert package_problems(kb, attrs, [hw.system]) == []


@pytest.mark.parametrize("hw", CATALOG.hardware, ids=lambda h: h.id)
def test_hardware_values_have_option_types(kb: KnowledgeBase, hw: HardwareProfile) -> None:
    imported = tuple(i.module for i in hw.imports)
    assert _validator_errors(kb, hardware_entries(hw), hw.source, imported, hw.system) == []
