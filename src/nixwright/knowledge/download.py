"""Fetch a release's channel files (``options.json.br``, ``packages.json.br``) over HTTP."""

from __future__ import annotations

import os
from pathlib import Path

from nixwright.knowledge.home import release_dir
from nixwright.knowledge.progress import Progress, no_progress
from nixwright.knowledge.reading import InputFile, check_compressed

CHANNEL_URL_ENV = "NIXWRIGHT_CHANNEL_URL"
DEFAULT_CHANNEL_URL = "https://channels.nixos.org/nixos-{release}"
PUBLISHED = (InputFile.OPTIONS, InputFile.PACKAGES)


def channel_url(release: str) -> str:
    """Base URL of a release's channel (``$NIXWRIGHT_CHANNEL_URL`` may hold a ``{release}`` template)."""
    template = os.environ.get(CHANNEL_URL_ENV) or DEFAULT_CHANNEL_URL
    return template.format(release=release).rstrip("/")


def download_channel(
    release: str, *, home: Path | None = None, progress: Progress | None = None
) -> tuple[Path, str]:
    """Download the published files into ``<home>/<release>/channel`` and check that they decode.

    Returns the directory and the base URL. A file that is truncated or corrupt raises (naming
    it) and is removed, so the next attempt downloads it again.
    """
    from nixwright.net import download

    report = progress or no_progress
    base = channel_url(release)
    target = release_dir(release, home) / "channel"
    for kind in PUBLISHED:
        name = f"{kind.value}.br"
        dest = target / name

        def on_bytes(done: int, total: int | None, name: str = name) -> None:
            report(f"downloading {name}", done, total)

        download(f"{base}/{name}", dest, progress=on_bytes)
        try:
            check_compressed(dest)
        except BaseException:
            dest.unlink(missing_ok=True)
            raise
    return target, base
