"""Where databases live and which release is meant when none is named."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from nixwright.errors import NixwrightError

DB_NAME = "knowledge.sqlite"
_RELEASE = re.compile(r"^\d{2}\.(05|11)$")


def nixwright_home() -> Path:
    """``$NIXWRIGHT_HOME``, else ``$XDG_CACHE_HOME/nixwright``, else ``~/.cache/nixwright``."""
    explicit = os.environ.get("NIXWRIGHT_HOME")
    if explicit:
        return Path(explicit)
    cache = os.environ.get("XDG_CACHE_HOME")
    base = Path(cache) if cache else Path.home() / ".cache"
    return base / "nixwright"


def check_release(release: str) -> str:
    text = release.strip()
    if not _RELEASE.match(text):
        raise NixwrightError(
            f"{release!r} is not a NixOS release name",
            hint="releases are named YY.05 or YY.11, e.g. 24.11",
        )
    return text


def release_dir(release: str, home: Path | None = None) -> Path:
    return (home or nixwright_home()) / check_release(release)


def db_path(release: str, home: Path | None = None) -> Path:
    return release_dir(release, home) / DB_NAME


def releases_present(home: Path | None = None) -> list[str]:
    """Releases with a built database, newest first."""
    root = home or nixwright_home()
    if not root.is_dir():
        return []
    found = [p.name for p in root.iterdir() if _RELEASE.match(p.name) and (p / DB_NAME).is_file()]
    return sorted(found, key=release_key, reverse=True)


def release_key(release: str) -> tuple[int, int]:
    year, month = release.split(".")
    return int(year), int(month)


def newest_stable(today: dt.date | None = None) -> str:
    """The newest stable NixOS release on a given day (releases land at the end of May and November)."""
    day = today or dt.datetime.now(tz=dt.UTC).date()
    year = day.year % 100
    if day.month == 12:
        return f"{year:02d}.11"
    if day.month >= 6:
        return f"{year:02d}.05"
    return f"{(year - 1) % 100:02d}.11"


def release_from_dir(directory: Path) -> str | None:
    """A release named by a data directory (``.../nixos/24.11``), if its name is one."""
    name = directory.resolve().name
    return name if _RELEASE.match(name) else None
