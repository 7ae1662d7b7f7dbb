"""``nixwright generate`` end to end: files, record, determinism, refusals and exit codes."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from nixwright.cli.main import main
from nixwright.knowledge import KnowledgeBase

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[2]
REQUEST = "A Raspberry Pi 4 with 4 gigs of RAM as a DNS ad blocker for my home network, hostname dnspi. Nothing else."


@pytest.fixture
def env(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Use the knowledge base the ``kb`` fixture built; run in a scratch folder."""
    home = os.environ.get("NIXWRIGHT_TEST_HOME") or str(REPO / "build" / "test-home")
    monkeypatch.setenv("NIXWRIGHT_HOME", home)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_writes_the_output_directory(env: Path) -> None:
    assert main(["generate", "--non-interactive", REQUEST]) == 0
    out = env / "dnspi"
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "README.md",
        "configuration.nix",
        "flake.nix",
        "hardware-configuration.nix",
        "nixwright.json",
    ]
    config = (out / "configuration.nix").read_text()
    assert "imports = [ ./hardware-configuration.nix ];" in config
    assert "services.adguardhome" in config
    assert 'fileSystems."/"' in (out / "hardware-configuration.nix").read_text()
    record = json.loads((out / "nixwright.json").read_text())
    assert record["capabilities"] == ["adguardhome", "ssh"]
    assert [a["key"] for a in record["assumptions"]] == ["dns-filter", "admin", "ssh-key"]
    assert record["intent"]["not_understood"] == []
    origins = {a["provenance"]["origin"] for b in record["plan"]["blocks"] for a in b["assignments"]}
    assert "capability:adguardhome" in origins
    assert str(env) not in "".join(p.read_text() for p in out.iterdir())  # no absolute paths


def test_same_request_gives_byte_identical_output(env: Path) -> None:
    assert main(["generate", "--non-interactive", "-o", "a", REQUEST]) == 0
    assert main(["generate", "--non-interactive", "-o", "b", REQUEST]) == 0
    for name in (
        "configuration.nix",
        "hardware-configuration.nix",
        "flake.nix",
        "README.md",
        "nixwright.json",
    ):
        assert (env / "a" / name).read_bytes() == (env / "b" / name).read_bytes(), name


def test_refuses_a_non_empty_directory_without_force(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env / "out").mkdir()
    (env / "out" / "x").write_text("x")
    assert main(["generate", "--non-interactive", "-o", "out", REQUEST]) == 2
    assert "not empty" in capsys.readouterr().err
    assert main(["generate", "--non-interactive", "--force", "-o", "out", REQUEST]) == 0
    assert not (env / "out" / "x").exists()


def test_answers_file(env: Path) -> None:
    (env / "answers.toml").write_text('admin = "kim"\ndns-filter = "blocky"\nssh-key = "none"\n')
    assert main(["generate", "--answers", "answers.toml", "-o", "o", REQUEST]) == 0
    record = json.loads((env / "o" / "nixwright.json").read_text())
    assert {a["key"]: a["value"] for a in record["answers"]} == {
        "admin": "kim",
        "dns-filter": "blocky",
        "ssh-key": "none",
    }
    assert record["capabilities"][0] == "blocky"
    assert record["assumptions"] == []


def test_open_question_without_terminal_is_an_error(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "-o", "o", REQUEST]) == 2
    assert "--non-interactive" in capsys.readouterr().err


def test_list_questions(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--list-questions", "a mini PC with a VPN"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith('vpn-server = "')
    assert 'admin = "admin"' in out


@pytest.mark.parametrize(
    ("request_text", "message"),
    [
        ("a toaster", "toaster"),
        ("a headless gaming desktop", "headless"),
        ("a Raspberry Pi 4 with Steam", "not available"),
    ],
)
def test_impossible_requests_explain_themselves(
    env: Path, capsys: pytest.CaptureFixture[str], request_text: str, message: str
) -> None:
    assert main(["generate", "--non-interactive", request_text]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert list(env.iterdir()) == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_asks_on_a_terminal(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("blocky\nkim\n\n"))
    assert main(["generate", "-o", "o", REQUEST]) == 0
    err = capsys.readouterr().err
    assert "Which DNS filter should run?" in err
    record = json.loads((env / "o" / "nixwright.json").read_text())
    assert {a["key"]: a["value"] for a in record["answers"]} == {
        "dns-filter": "blocky",
        "admin": "kim",
        "ssh-key": "none",
    }
    assert record["assumptions"] == []


def test_identical_across_processes_and_hash_seeds(env: Path) -> None:
    """Nothing depends on set order or the run: two processes with different hash seeds agree."""
    import subprocess
    import sys

    request = "a hardened mini PC with containers, a VPN, Grafana and Samba, users alex and sam, Wi-Fi"
    for seed in ("1", "2"):
        subprocess.run(
            [
                sys.executable,
                "-c",
                "from nixwright.cli.main import entry; entry()",
                "generate",
                "--non-interactive",
                "-o",
                f"seed{seed}",
                request,
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=env,
        )
    for name in ("configuration.nix", "hardware-configuration.nix", "README.md", "nixwright.json"):
        assert (env / "seed1" / name).read_bytes() == (env / "seed2" / name).read_bytes(), name
