"""Effective settings: definitions merged with release defaults, by priority, with conditions."""

from __future__ import annotations

import pytest

from nixwright.knowledge import KnowledgeBase
from nixwright.nix.read import read_source
from nixwright.nix.values import Dynamic, NixBool, NixList, NixString
from nixwright.policy.effective import EffectiveConfig, renamed_path
from nixwright.policy.paths import split_path


def config(source: str, kb: KnowledgeBase) -> EffectiveConfig:
    return EffectiveConfig(read_source(source, file="c.nix"), kb)


def values(cfg: EffectiveConfig, path: str) -> list[tuple[object, str, str | None]]:
    setting = cfg.setting(split_path(path))
    return [(c.value, c.origin, c.condition) for c in setting.candidates]


def test_release_default(small_kb: KnowledgeBase) -> None:
    cfg = config("{ }", small_kb)
    assert values(cfg, "services.openssh.openFirewall") == [(NixBool(value=True), "default", None)]


def test_plain_beats_default_and_mkforce_beats_plain(small_kb: KnowledgeBase) -> None:
    cfg = config(
        "{ lib, ... }: { services.openssh.openFirewall = false; networking.firewall.enable = lib.mkMerge [ false (lib.mkForce true) ]; }",
        small_kb,
    )
    assert values(cfg, "services.openssh.openFirewall") == [(NixBool(value=False), "definition", None)]
    assert values(cfg, "networking.firewall.enable") == [(NixBool(value=True), "definition", None)]


def test_mkdefault_loses_to_plain(small_kb: KnowledgeBase) -> None:
    cfg = config(
        "{ lib, ... }: { users.mutableUsers = lib.mkMerge [ (lib.mkDefault false) true ]; }", small_kb
    )
    assert values(cfg, "users.mutableUsers") == [(NixBool(value=True), "definition", None)]


def test_lists_of_one_priority_concatenate(small_kb: KnowledgeBase) -> None:
    cfg = config(
        '{ lib, ... }: { nix.settings.trusted-users = lib.mkMerge [ [ "root" ] [ "alice" ] ]; }', small_kb
    )
    assert values(cfg, "nix.settings.trusted-users") == [
        (NixList((NixString("root"), NixString("alice"))), "definition", None)
    ]


def test_conditional_definition_is_a_possible_value(small_kb: KnowledgeBase) -> None:
    cfg = config(
        "{ config, lib, ... }: { services.openssh.openFirewall = lib.mkIf config.x false; }", small_kb
    )
    assert values(cfg, "services.openssh.openFirewall") == [
        (NixBool(value=True), "default", None),
        (NixBool(value=False), "definition", "config.x"),
    ]
    held = cfg.setting(split_path("services.openssh.openFirewall"), holding=frozenset({"config.x"}))
    assert [c.value for c in held.candidates] == [NixBool(value=False)]


def test_assumed_default_when_the_release_has_none(small_kb: KnowledgeBase) -> None:
    cfg = config("{ }", small_kb)
    setting = cfg.setting(split_path("nix.settings.trusted-users"), assumed=NixList((NixString("root"),)))
    assert [(c.value, c.origin) for c in setting.candidates] == [(NixList((NixString("root"),)), "assumed")]


def test_computed_parent_hides_the_default(small_kb: KnowledgeBase) -> None:
    cfg = config("{ config, ... }: { services.openssh = config.my.sshSettings; }", small_kb)
    (candidate,) = cfg.setting(split_path("services.openssh.openFirewall")).candidates
    assert isinstance(candidate.value, Dynamic)


def test_names_under_a_placeholder(small_kb: KnowledgeBase) -> None:
    cfg = config(
        '{ users.users.bob.isNormalUser = true; users.users.alice = { isNormalUser = true; extraGroups = [ "wheel" ]; }; }',
        small_kb,
    )
    assert cfg.names(split_path("users.users.<name>.extraGroups")) == ["alice", "bob"]
    assert [d.dotted for d in cfg.definitions_under(split_path("users.users.alice"))] == [
        "users.users.alice.extraGroups",
        "users.users.alice.isNormalUser",
    ]


@pytest.mark.integration
def test_old_option_names_count_under_the_new_ones(kb: KnowledgeBase) -> None:
    cfg = config(
        '{ services.openssh.passwordAuthentication = false; users.extraUsers.bob.password = "x"; }', kb
    )
    assert values(cfg, "services.openssh.settings.PasswordAuthentication") == [
        (NixBool(value=False), "definition", None)
    ]
    assert values(cfg, "users.users.bob.password") == [(NixString("x"), "definition", None)]


def test_renamed_path_carries_names() -> None:
    old = split_path("users.extraUsers.<name>.password")
    new = split_path("users.users.<name>.password")
    assert renamed_path(split_path("users.extraUsers.bob.password"), old, new) == split_path(
        "users.users.bob.password"
    )
    assert renamed_path(("a",), ("a", "b"), ("c",)) is None
    assert renamed_path(("x", "n"), ("x", "<name>"), ("y",)) is None
