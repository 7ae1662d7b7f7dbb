"""Build a release database atomically: lock, ingest into a temp file, rename over the old one."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nixwright.errors import NixwrightError
from nixwright.knowledge.home import db_path
from nixwright.knowledge.progress import Progress, no_progress
from nixwright.knowledge.reading import (
    FoundInput,
    InputFile,
    find_input,
    sha256_file,
)
from nixwright.knowledge.schema import SCHEMA_VERSION


@dataclass(frozen=True)
class BuildResult:
    path: Path
    release: str
    built: bool  # False when the existing database was already up to date
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def local_inputs(directory: Path) -> list[FoundInput]:
    """The channel files in ``directory``; the two published ones are required."""
    if not directory.is_dir():
        raise NixwrightError(
            f"{directory}: no such directory", hint="--from DIR names a directory of channel files"
        )
    found = []
    for kind in InputFile:
        item = find_input(directory, kind)
        if item is None and kind.required:
            raise NixwrightError(
                f"{directory / (kind.value + '.br')}: file not found",
                hint=f"{directory} must hold options.json.br and packages.json.br of a NixOS channel",
            )
        if item is not None:
            found.append(item)
    return found


def input_signature(inputs: list[FoundInput]) -> dict[str, list[int]]:
    """Size and mtime of every input: an unchanged signature skips hashing the inputs again."""
    out = {}
    for item in inputs:
        st = item.path.stat()
        out[item.kind.value] = [st.st_size, st.st_mtime_ns]
    return out


def read_meta(path: Path) -> dict[str, str]:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return dict(db.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        return {}


def has_current_schema(path: Path) -> bool:
    """True when the database at ``path`` has this version's layout (``schema_version`` in its meta)."""
    return read_meta(path).get("schema_version") == str(SCHEMA_VERSION)


def previous_inputs(path: Path) -> tuple[Path, str] | None:
    """Where the database at ``path`` was built from, when those files are still there: its local
    directory, else the channel files downloaded beside it (``<home>/<release>/channel``)."""
    source = read_meta(path).get("source", "")
    candidates = []
    if source.startswith("local "):
        candidates.append((Path(source.removeprefix("local ")), source))
    channel = path.parent / "channel"
    candidates.append((channel, source if source.startswith(("http:", "https:")) else f"local {channel}"))
    for directory, label in candidates:
        if all(find_input(directory, kind) is not None for kind in InputFile if kind.required):
            return directory, label
    return None


def is_current(path: Path, inputs: list[FoundInput]) -> bool:
    """True when the database at ``path`` was built from exactly these inputs (same sha256s)."""
    if not path.is_file():
        return False
    meta = read_meta(path)
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        return False
    if meta.get("input_stats") == json.dumps(input_signature(inputs), sort_keys=True):
        return True
    recorded: dict[str, str] = json.loads(meta.get("inputs", "{}"))
    return recorded == {item.kind.value: sha256_file(item.path) for item in inputs}


@contextlib.contextmanager
def build_lock(path: Path) -> Iterator[None]:
    """One builder per database at a time, across processes (pytest-xdist workers included)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / (path.name + ".lock")).open("a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_database(
    release: str,
    directory: Path,
    *,
    home: Path | None = None,
    progress: Progress | None = None,
    force: bool = False,
    source: str | None = None,
) -> BuildResult:
    """Build the database for ``release`` from ``directory`` unless it is already current."""
    inputs = local_inputs(directory)
    target = db_path(release, home)
    if not force and is_current(target, inputs):
        return BuildResult(target, release, built=False)
    try:
        with build_lock(target):
            if not force and is_current(target, inputs):
                return BuildResult(target, release, built=False)
            return _build(release, inputs, target, progress or no_progress, source or f"local {directory}")
    except (OSError, sqlite3.Error) as err:
        raise NixwrightError(
            f"{target}: cannot build the knowledge base: {err}",
            hint="check free space and permissions, or choose another place with NIXWRIGHT_HOME",
        ) from None


def _build(
    release: str, inputs: list[FoundInput], target: Path, progress: Progress, source: str
) -> BuildResult:
    started = time.monotonic()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    from nixwright.knowledge.fill import fill_database  # the ingest code: needed only when building

    try:
        counts = fill_database(tmp, release, inputs, progress, source=source, started=started)
        tmp.chmod(0o644)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return BuildResult(target, release, built=True, seconds=time.monotonic() - started, counts=counts)
