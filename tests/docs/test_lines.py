"""One definition explained: option, setting inside an option, namespace, unknown, renamed, removed."""

from __future__ import annotations

from docs_release import FakeKnowledge

from nixwright.docs.lines import LineStatus, explain_line
from nixwright.docs.markup import markup_leaks
from nixwright.nix.values import (
    PRIORITY_FORCE,
    PRIORITY_MKDEFAULT,
    Dynamic,
    NixAttrs,
    NixBool,
    NixList,
    NixString,
    PackageRef,
)

KB = FakeKnowledge()


def test_option_gets_reason_and_release_description() -> None:
    line = explain_line(
        ("services", "openssh", "enable"), NixBool(value=True), KB, why="Runs the SSH server."
    )
    assert line.status is LineStatus.OPTION
    assert line.explained
    assert line.shown == "services.openssh.enable = true"
    assert line.text() == ("Runs the SSH server. *NixOS:* Whether to enable the OpenSSH secure shell daemon.")


def test_description_markup_is_converted() -> None:
    line = explain_line(("networking", "hostName"), NixString("pi"), KB)
    assert line.text() == "The name of the machine. See `networking.domain`."
    placeholder = explain_line(("users", "users", "sam", "isNormalUser"), NixBool(value=True), KB)
    assert placeholder.option == "users.users.<name>.isNormalUser"
    assert "`real`" in placeholder.text()
    assert markup_leaks(placeholder.text()) == []


def test_setting_inside_a_freeform_option_names_its_owner_once() -> None:
    path = ("services", "adguardhome", "settings", "dns", "bind_hosts")
    line = explain_line(path, NixList((NixString("::"),)), KB, why="Answers everywhere.")
    assert line.status is LineStatus.SETTING
    assert line.option == "services.adguardhome.settings"
    assert "`dns.bind_hosts`" in line.text()
    assert "https://example.org/wiki" in line.text()
    assert "example.org" not in line.text(repeat=True)
    assert line.text(repeat=True).startswith("Answers everywhere. This is the setting")


def test_namespace_value() -> None:
    line = explain_line(("services", "openssh"), NixAttrs((("enable", NixBool(value=True)),)), KB)
    assert line.status is LineStatus.NAMESPACE
    assert line.explained


def test_unknown_option_is_called_out_with_a_suggestion() -> None:
    line = explain_line(("services", "openssh", "enabel"), NixBool(value=True), KB)
    assert line.status is LineStatus.UNKNOWN
    assert not line.explained
    assert "Not an option of NixOS 24.11" in line.text()
    assert "`services.openssh.enable`" in line.text()


def test_renamed_option_uses_the_new_options_description() -> None:
    line = explain_line(("services", "openssh", "permitRootLogin"), NixString("no"), KB)
    assert line.explained
    assert "old name of `services.openssh.settings.PasswordAuthentication`" in line.text()
    assert "accepts passwords" in line.text()


def test_removed_option_is_not_counted_as_explained() -> None:
    line = explain_line(("sound", "enable"), NixBool(value=True), KB)
    assert line.status is LineStatus.REMOVED
    assert not line.explained
    assert "removed before NixOS 24.11" in line.text()
    assert "`heavily`" in line.text()


def test_option_without_description_or_reason_is_not_explained() -> None:
    assert not explain_line(("services", "emptydoc", "enable"), NixBool(value=True), KB).explained
    assert explain_line(
        ("services", "emptydoc", "enable"), NixBool(value=True), KB, why="Asked for."
    ).explained


def test_priority_condition_and_packages_are_described() -> None:
    line = explain_line(
        ("environment", "systemPackages"),
        NixList((PackageRef("git"), PackageRef("nosuchpkg"))),
        KB,
        priority=PRIORITY_MKDEFAULT,
        condition="config.services.openssh.enable",
    )
    text = line.text()
    assert "`lib.mkDefault`" in text
    assert "Applies only when `config.services.openssh.enable` is true." in text
    assert "`git` — Distributed version control system, version 2.47.0" in text
    assert "`nosuchpkg` (not a package of NixOS 24.11)" in text
    assert line.shown == "environment.systemPackages"
    forced = explain_line(("services", "openssh", "enable"), NixBool(value=True), KB, priority=PRIORITY_FORCE)
    assert forced.shown == "services.openssh.enable = lib.mkForce true"
    assert "wins over every other setting" in forced.text()


def test_values_known_only_at_build_time_are_said_so() -> None:
    line = explain_line(("networking", "hostName"), Dynamic("reads a file", "builtins.readFile ./name"), KB)
    assert "computed when the system is built" in line.text()
    assert "(reads a file)" in line.text()


def test_values_nix_cannot_hold_are_shown_as_an_ellipsis() -> None:
    from nixwright.docs.snippet import snippet
    from nixwright.nix.values import NixFloat, NixInt

    line = explain_line(("networking", "hostName"), NixFloat(float("inf")), KB)
    assert line.shown == "networking.hostName = …"
    text = snippet([(("a", "b"), NixInt(2**70), 100), (("a", "c"), Dynamic("unknown"), 100)])
    assert text == "a.b = …;\na.c = …;"
