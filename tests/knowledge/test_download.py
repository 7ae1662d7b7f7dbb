"""Downloads over real HTTP from a local server: progress, atomic files, truncated and corrupt data."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import brotli
import pytest

from nixwright.errors import NixwrightError
from nixwright.knowledge import open_knowledge, prepare_database
from nixwright.knowledge.download import channel_url, download_channel
from nixwright.net import download

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "knowledge" / "mini"


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        if self.path.endswith("/short.bin"):
            # promises more bytes than it sends: a cut connection
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"x" * 10)
            return
        super().do_GET()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("www")
    good = root / "nixos-24.11"
    good.mkdir()
    for name in ("options.json", "packages.json"):
        (good / f"{name}.br").write_bytes(brotli.compress((MINI / name).read_bytes()))
    truncated = root / "nixos-23.11"
    shutil.copytree(good, truncated)
    data = (truncated / "packages.json.br").read_bytes()
    (truncated / "packages.json.br").write_bytes(data[: len(data) // 2])
    corrupt = root / "nixos-23.05"
    shutil.copytree(good, corrupt)
    (corrupt / "options.json.br").write_bytes(b"this is not brotli" * 50)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


def test_download_with_progress(served: tuple[str, Path], tmp_path: Path) -> None:
    base, root = served
    seen: list[tuple[int, int | None]] = []
    result = download(
        f"{base}/nixos-24.11/options.json.br", tmp_path / "o.br", progress=lambda d, t: seen.append((d, t))
    )
    expected = (root / "nixos-24.11" / "options.json.br").read_bytes()
    assert result.path.read_bytes() == expected
    assert result.size == len(expected)
    assert seen[-1] == (len(expected), len(expected))


def test_http_errors_and_short_reads(served: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = served
    with pytest.raises(NixwrightError, match="HTTP 404"):
        download(f"{base}/nope.br", tmp_path / "x")
    with pytest.raises(NixwrightError, match="cut short"):
        download(f"{base}/short.bin", tmp_path / "short")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(NixwrightError, match="only http and https"):
        download("file:///etc/passwd", tmp_path / "p")


def test_unreachable_server(tmp_path: Path) -> None:
    with pytest.raises(NixwrightError, match="cannot download"):
        download("http://127.0.0.1:9/x", tmp_path / "x", timeout=5)


def test_channel_download_builds_the_database(
    served: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = served
    monkeypatch.setenv("NIXWRIGHT_CHANNEL_URL", base + "/nixos-{release}")
    monkeypatch.delenv("NIXWRIGHT_CHANNEL_DATA", raising=False)
    assert channel_url("24.11") == f"{base}/nixos-24.11"
    steps: list[str] = []
    kb = open_knowledge("24.11", home=tmp_path, progress=lambda what, _d, _t: steps.append(what))
    assert kb.find_package("hello").package is not None
    assert kb.meta["source"] == f"{base}/nixos-24.11"
    assert "downloading packages.json.br" in steps
    kb.close()
    # present now: no second download
    again = prepare_database("24.11", home=tmp_path)
    assert not again.built


@pytest.mark.parametrize("case", [("23.11", "packages", "truncated"), ("23.05", "options", "corrupt")])
def test_bad_downloads_name_the_file_and_keep_the_old_database(
    served: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[str, str, str]
) -> None:
    release, name, words = case
    base, _ = served
    monkeypatch.setenv("NIXWRIGHT_CHANNEL_URL", base + "/nixos-{release}")
    good = prepare_database(release, source_dir=MINI, home=tmp_path)
    before = good.path.read_bytes()
    with pytest.raises(NixwrightError) as info:
        download_channel(release, home=tmp_path)
    assert f"{name}.json.br" in str(info.value)
    assert words in str(info.value)
    with pytest.raises(NixwrightError):
        prepare_database(release, home=tmp_path, download=True)
    assert good.path.read_bytes() == before
    assert not (tmp_path / release / "channel" / f"{name}.json.br").exists()


def test_db_update_verb_downloads(
    served: tuple[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from nixwright.cli.main import main

    base, _ = served
    monkeypatch.setenv("NIXWRIGHT_CHANNEL_URL", base + "/nixos-{release}")
    monkeypatch.setenv("NIXWRIGHT_HOME", str(tmp_path))
    monkeypatch.delenv("NIXWRIGHT_CHANNEL_DATA", raising=False)
    assert main(["db", "update", "--release", "24.11"]) == 0
    captured = capsys.readouterr()
    assert f"source: {base}/nixos-24.11" in captured.out
    assert "status: built" in captured.out
    assert "downloading options.json.br" in captured.err
    assert main(["db", "update", "--release", "23.11"]) == 2
    assert "packages.json.br: truncated brotli stream" in capsys.readouterr().err
