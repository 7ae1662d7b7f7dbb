"""The hardening settings: well-formed data, and applying them satisfies the hardened profile."""

from __future__ import annotations

from nixwright.findings import Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.model import Binding, Module, Section
from nixwright.nix.read import read_source
from nixwright.nix.render import render_module
from nixwright.nix.values import NixBool
from nixwright.policy.engine import evaluate_policy
from nixwright.policy.hardening import AREAS, all_hardening_settings, hardening_settings


def test_settings_are_explained_and_unique() -> None:
    settings = all_hardening_settings()
    assert len(settings) >= 20
    assert len({s.path for s in settings}) == len(settings)
    assert {s.area for s in settings} == set(AREAS)
    for s in settings:
        assert s.why.endswith(".")
        assert len(s.why) > 30


def test_only_options_of_the_release_are_returned(small_kb: KnowledgeBase) -> None:
    assert hardening_settings(small_kb) == all_hardening_settings()
    sysctl = hardening_settings(small_kb, "sysctl-network")
    assert sysctl
    assert all(s.path[:3] == ("boot", "kernel", "sysctl") for s in sysctl)


def test_applying_every_setting_satisfies_the_hardened_profile(small_kb: KnowledgeBase) -> None:
    bindings = tuple(Binding(s.path, s.value) for s in hardening_settings(small_kb))
    ssh = Binding(("services", "openssh", "enable"), NixBool(value=True))
    source = render_module(Module(sections=(Section("hardening", bindings), Section("ssh", (ssh,)))))
    reading = read_source(source, file="configuration.nix")
    findings = evaluate_policy(reading, small_kb, system="x86_64-linux", profile="hardened")
    hardened_codes = {
        "NW-HRD-001",
        "NW-HRD-002",
        "NW-HRD-003",
        "NW-HRD-004",
        "NW-HRD-005",
        "NW-SSH-008",
        "NW-SSH-009",
    }
    assert not [f.code for f in findings if f.code in hardened_codes]
    # what remains is the baseline advice about SSH passwords, not hardening
    assert {f.code for f in findings if f.severity in {Severity.HIGH, Severity.MEDIUM}} == {
        "NW-SSH-002",
        "NW-SSH-003",
    }


def test_list_settings_name_only_what_is_missing(small_kb: KnowledgeBase) -> None:
    reading = read_source('{ boot.blacklistedKernelModules = [ "dccp" "sctp" ]; }', file="c.nix")
    findings = evaluate_policy(reading, small_kb, system="x86_64-linux", profile="hardened")
    (finding,) = [f for f in findings if f.code == "NW-HRD-002"]
    assert finding.fix is not None
    assert finding.fix.startswith('boot.blacklistedKernelModules = [ "rds" "tipc"')
    assert '"dccp"' not in finding.fix
