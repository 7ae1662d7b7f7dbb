"""evaluate_policy: profiles, accepted risks, not-checked values, order and shape of findings."""

from __future__ import annotations

import pytest
from policy_cases import make_intent

from nixwright.errors import NixwrightError, SourceLocation
from nixwright.findings import FindingSource, Severity
from nixwright.knowledge import KnowledgeBase
from nixwright.nix.read import read_source
from nixwright.policy.engine import evaluate_policy
from nixwright.policy.profiles import choose_profile

ROOT_LOGIN = """{ services.openssh = { enable = true; settings.PermitRootLogin = "yes"; }; }"""


def run(source: str, kb: KnowledgeBase, **kwargs: object):  # type: ignore[no-untyped-def]
    reading = read_source(source, file="configuration.nix")
    return evaluate_policy(reading, kb, system="x86_64-linux", **kwargs)  # type: ignore[arg-type]


def test_finding_shape(small_kb: KnowledgeBase) -> None:
    (finding,) = [f for f in run(ROOT_LOGIN, small_kb) if f.code == "NW-SSH-001"]
    assert finding.source is FindingSource.POLICY
    assert finding.severity is Severity.HIGH
    assert finding.location == SourceLocation("configuration.nix", 1, 39)
    assert finding.option == "services.openssh.settings.PermitRootLogin"
    assert finding.fix is not None
    assert "PermitRootLogin" in finding.fix
    assert finding.message.startswith('`services.openssh.settings.PermitRootLogin` is "yes" (set here).')
    assert finding.references


def test_default_violation_points_at_the_enabling_line(small_kb: KnowledgeBase) -> None:
    source = '{\n  networking.hostName = "box";\n  services.openssh.enable = true;\n}'
    (finding,) = [f for f in run(source, small_kb) if f.code == "NW-SSH-002"]
    assert finding.location == SourceLocation("configuration.nix", 3, 3)
    assert "(the release default)" in finding.message


def test_accepted_risk_stays_explained(small_kb: KnowledgeBase) -> None:
    findings = run(ROOT_LOGIN, small_kb, accepted=["NW-SSH-001"])
    (finding,) = [f for f in findings if f.code == "NW-SSH-001"]
    assert finding.severity is Severity.INFO
    assert finding.title is not None
    assert finding.title.startswith("Accepted risk:")
    assert "Accepted risk (high), confirmed with --accept-risk NW-SSH-001" in finding.message
    others = {f.code: f.severity for f in findings if f.code != "NW-SSH-001"}
    assert others["NW-SSH-002"] is Severity.MEDIUM


def test_accepting_an_unknown_rule_is_an_error(small_kb: KnowledgeBase) -> None:
    with pytest.raises(NixwrightError, match="unknown rule NW-SSH-999"):
        run(ROOT_LOGIN, small_kb, accepted=["NW-SSH-999"])


def test_profile_choice() -> None:
    assert choose_profile(None, None) == "baseline"
    assert choose_profile(None, make_intent(("hardened",))) == "hardened"
    assert choose_profile(None, make_intent(("headless",))) == "baseline"
    assert choose_profile("Hardened", None) == "hardened"
    with pytest.raises(NixwrightError, match="unknown policy profile"):
        choose_profile("paranoid", None)


def test_explicit_baseline_beats_a_hardened_request(small_kb: KnowledgeBase) -> None:
    intent = make_intent(("hardened",))
    assert any(f.code.startswith("NW-HRD") for f in run("{ }", small_kb, intent=intent))
    assert not any(
        f.code.startswith("NW-HRD") for f in run("{ }", small_kb, intent=intent, profile="baseline")
    )


def test_computed_value_is_not_checked_but_said(small_kb: KnowledgeBase) -> None:
    source = "{ config, ... }: { services.openssh = { enable = true; settings.PasswordAuthentication = config.x.y; }; }"
    (finding,) = [f for f in run(source, small_kb) if f.code == "NW-SSH-002"]
    assert finding.severity is Severity.INFO
    assert finding.title is not None
    assert finding.title.startswith("Not checked:")


def test_computed_precondition_claims_nothing(small_kb: KnowledgeBase) -> None:
    source = "{ config, ... }: { services.openssh.enable = config.x.y; }"
    assert not [f for f in run(source, small_kb) if f.code.startswith("NW-SSH")]


def test_conditional_risk_names_its_condition(small_kb: KnowledgeBase) -> None:
    source = (
        "{ config, lib, ... }: { services.openssh.enable = true; "
        'services.openssh.settings.PermitRootLogin = lib.mkIf config.debug.enable "yes"; }'
    )
    (finding,) = [f for f in run(source, small_kb) if f.code == "NW-SSH-001"]
    assert "config.debug.enable" in finding.message


def test_order_is_deterministic(small_kb: KnowledgeBase) -> None:
    source = """{ pkgs, ... }: {
      networking.firewall.enable = false;
      services.openssh.enable = true;
      users.users.a = { isNormalUser = true; password = "x"; extraGroups = [ "docker" ]; };
      virtualisation.docker.enable = true;
      environment.systemPackages = [ pkgs.dcraw ];
    }"""
    first = run(source, small_kb)
    assert first == run(source, small_kb)
    assert list(first) == sorted(first, key=lambda f: f.sort_key())
    assert len({(f.code, f.location, f.message) for f in first}) == len(first)


def test_permission_info_names_the_packages(small_kb: KnowledgeBase) -> None:
    source = "{ pkgs, ... }: { nixpkgs.config.allowUnfree = true; environment.systemPackages = [ pkgs.vim pkgs.unrar ]; }"
    (finding,) = [f for f in run(source, small_kb) if f.code == "NW-PKG-001"]
    assert "the unfree packages it installs: unrar." in finding.message
    source = "{ nixpkgs.config.allowUnfree = true; }"
    (finding,) = [f for f in run(source, small_kb) if f.code == "NW-PKG-001"]
    assert "none of the packages it names directly is unfree" in finding.message
