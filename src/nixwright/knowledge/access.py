"""``open_knowledge``: the one way later stages get a release's knowledge base."""

from __future__ import annotations

import os
from pathlib import Path

from nixwright.knowledge.build import BuildResult, ensure_database, has_current_schema, previous_inputs
from nixwright.knowledge.home import check_release, db_path, newest_stable, release_from_dir, releases_present
from nixwright.knowledge.progress import Progress
from nixwright.knowledge.reading import declared_release
from nixwright.knowledge.store import KnowledgeBase

CHANNEL_DATA_ENV = "NIXWRIGHT_CHANNEL_DATA"


def channel_data_dir() -> Path | None:
    value = os.environ.get(CHANNEL_DATA_ENV)
    return Path(value) if value else None


def default_release(source_dir: Path | None = None, home: Path | None = None) -> str:
    """The release meant when none is named: the data directory's, else the newest built, else newest stable."""
    directory = source_dir or channel_data_dir()
    if directory is not None:
        named = release_from_dir(directory) or declared_release(directory)
        if named:
            return named
    present = releases_present(home)
    return present[0] if present else newest_stable()


def prepare_database(
    release: str | None = None,
    *,
    source_dir: Path | None = None,
    home: Path | None = None,
    progress: Progress | None = None,
    force: bool = False,
    download: bool = False,
) -> BuildResult:
    """Make sure the release's database exists and matches its inputs; build it when needed.

    Sources, in order: ``source_dir`` (``--from``), ``$NIXWRIGHT_CHANNEL_DATA`` (when it holds this
    release), an existing database, the release channel (downloaded; always when ``download``).
    """
    chosen = check_release(release) if release else default_release(source_dir, home)
    directory = source_dir or _env_dir_for(chosen)
    if directory is not None and not download:
        return ensure_database(chosen, directory, home=home, progress=progress, force=force)
    target = db_path(chosen, home)
    if target.is_file() and not force and not download:
        if has_current_schema(target):
            return BuildResult(target, chosen, built=False)
        # left by another version of nixwright: rebuild from the files it was built from, if still there
        if progress is not None:
            progress("rebuilding the knowledge base (it has an older layout)", 0, None)
        previous = previous_inputs(target)
        if previous is not None:
            return ensure_database(chosen, previous[0], home=home, progress=progress, source=previous[1])
    from nixwright.knowledge.download import download_channel

    fetched, url = download_channel(chosen, home=home, progress=progress)
    return ensure_database(chosen, fetched, home=home, progress=progress, force=force, source=url)


def _env_dir_for(release: str) -> Path | None:
    directory = channel_data_dir()
    if directory is None:
        return None
    named = release_from_dir(directory) or declared_release(directory)
    return directory if named in (None, release) else None


def open_knowledge(
    release: str | None = None,
    *,
    progress: Progress | None = None,
    source_dir: Path | None = None,
    home: Path | None = None,
) -> KnowledgeBase:
    """The knowledge base of ``release`` (default: see ``default_release``), built on first use."""
    result = prepare_database(release, source_dir=source_dir, home=home, progress=progress)
    return KnowledgeBase(result.path)
