"""explain_reading: an existing configuration (read by the real reader) explained on a tiny release."""

from __future__ import annotations

from pathlib import Path

from docs_release import FakeKnowledge

from nixwright.docs.explain import explain_reading, group_key
from nixwright.docs.markup import markup_leaks
from nixwright.findings import Finding, Severity
from nixwright.nix.read import read_module, read_source
from nixwright.nix.values import ModuleReading

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "docs" / "explain" / "configuration.nix"
KB = FakeKnowledge()


def reading() -> ModuleReading:
    return read_module(FIXTURE)


def test_overview_counts_and_summaries() -> None:
    text = explain_reading(reading(), (), KB)
    assert text.startswith("# `configuration.nix`, explained\n")
    overview = text.split("## Imports", 1)[0]
    assert "sets 12 options in 2 files" in overview
    assert "1 is not an option of this release and 1 was removed from NixOS before it" in overview
    assert "It turns on: `services.openssh`, `services.frobnicator` and `sound`." in overview
    assert "It opens these ports in the firewall: `22/tcp` and `443/tcp`." in overview
    assert "It defines the accounts: `alice`." in overview
    assert "It installs the packages: `git` and `vim`." in overview


def test_imports_local_and_dynamic() -> None:
    text = explain_reading(reading(), (), KB).split("## Imports", 1)[1].split("## Line by line", 1)[0]
    assert "- `./users.nix` (configuration.nix, line 3): a file of your own" in text
    assert "not followed" in text


def test_lines_grouped_by_file_and_program() -> None:
    text = explain_reading(reading(), (), KB).split("## Line by line", 1)[1].split("## What could not", 1)[0]
    assert text.index("### In `configuration.nix`") < text.index("### In `users.nix`")
    assert "#### `services.openssh`" in text
    assert '```nix\nservices.openssh.enable = true;\nservices.openssh.permitRootLogin = "no";\n```' in text
    assert "- `users.users.alice.isNormalUser = true` (line 4):" in text
    assert "old name of `services.openssh.settings.PasswordAuthentication`" in text
    assert '`system.stateVersion = lib.mkDefault "24.11"` (line 16)' in text


def test_what_could_not_be_explained_is_called_out() -> None:
    text = (
        explain_reading(reading(), (), KB)
        .split("## What could not be explained", 1)[1]
        .split("## Checks", 1)[0]
    )
    assert "`services.frobnicator.enable = true` (configuration.nix, line 12): Not an option" in text
    assert "`sound.enable = true` (configuration.nix, line 13): This option was removed" in text
    assert "`networking.hostId` (configuration.nix, line 15): its value is computed" in text
    assert "`services.openssh.enable = true`" not in text


def test_unreadable_parts_are_listed() -> None:
    source = '{ ... }: { disabledModules = [ "x.nix" ]; networking.hostName = "a"; }'
    read = read_source(source, file="/tmp/weird/configuration.nix", follow_imports=False)
    assert len(read.unreadable) == 1
    text = explain_reading(read, (), KB)
    assert "Of the rest, 1 part could not be read" in text
    missing = text.split("## What could not be explained", 1)[1]
    assert "- configuration.nix, line 1: disabledModules is not read (`disabledModules`)" in missing


def test_findings_and_no_markup_leaks() -> None:
    findings = (Finding("NW-OPT-UNKNOWN", Severity.ERROR, "`services.frobnicator.enable` does not exist"),)
    text = explain_reading(reading(), findings, KB)
    assert "- **error** `NW-OPT-UNKNOWN`:" in text
    assert "- **error**: Nix would refuse to build this" in text
    assert markup_leaks(text) == []


def test_empty_configuration() -> None:
    text = explain_reading(read_source("{ }", file="empty.nix"), (), KB)
    assert "sets 0 options" in text
    assert "The reader found no option definitions" in text
    assert "Nothing: every line was read and explained." in text


def test_group_key() -> None:
    assert group_key(("services", "openssh", "enable")) == ("services", "openssh")
    assert group_key(("networking", "hostName")) == ("networking",)
    assert group_key(("time", "timeZone")) == ("time",)
