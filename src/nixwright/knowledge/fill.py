"""Fill a new database file from a release's input files (``build.py`` takes the lock and renames it)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nixwright.knowledge.build import input_signature
from nixwright.knowledge.ingest_options import ingest_options, ingest_options_extra, ingest_options_imports
from nixwright.knowledge.ingest_packages import ingest_packages
from nixwright.knowledge.ingest_packages_extra import ingest_packages_extra
from nixwright.knowledge.option_tree import record_option_tree
from nixwright.knowledge.popularity import record_package_refs
from nixwright.knowledge.progress import Progress
from nixwright.knowledge.reading import FoundInput, InputFile, read_json, sha256_file, wrong_format
from nixwright.knowledge.schema import SCHEMA, SCHEMA_VERSION
from nixwright.knowledge.search import record_common_terms

Ingest = Callable[[sqlite3.Connection, Path, Any], int]
_INGEST: dict[InputFile, Ingest] = {
    InputFile.OPTIONS: ingest_options,
    InputFile.OPTIONS_EXTRA: ingest_options_extra,
    InputFile.OPTIONS_IMPORTS: ingest_options_imports,
    InputFile.PACKAGES: ingest_packages,
    InputFile.PACKAGES_EXTRA: ingest_packages_extra,
}


def fill_database(
    tmp: Path, release: str, inputs: list[FoundInput], progress: Progress, *, source: str, started: float
) -> dict[str, int]:
    counts: dict[str, int] = {}
    hashes = {}
    with contextlib.closing(sqlite3.connect(tmp)) as db:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(SCHEMA)
        total = len(inputs)
        for done, item in enumerate(inputs):
            progress(f"reading {item.path.name}", done, total)
            hashes[item.kind.value] = sha256_file(item.path)
            data = read_json(item.path)
            try:
                counts[item.kind.value] = _INGEST[item.kind](db, item.path, data)
            except (KeyError, TypeError, AttributeError, ValueError) as err:
                # an entry of an unexpected shape deep inside an otherwise valid file
                raise wrong_format(
                    item.path, f"{item.kind.value} entries ({type(err).__name__}: {err})"
                ) from None
            del data
        progress("indexing", total, total)
        db.execute("INSERT INTO options_fts (options_fts) VALUES ('optimize')")
        db.execute("INSERT INTO packages_fts (packages_fts) VALUES ('optimize')")
        record_option_tree(db)
        record_common_terms(db)
        record_package_refs(db)
        db.execute("ANALYZE")
        meta = {
            "release": release,
            "source": source,
            "inputs": json.dumps(hashes, sort_keys=True),
            "input_stats": json.dumps(input_signature(inputs), sort_keys=True),
            "built_at": dt.datetime.now(tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "build_seconds": f"{time.monotonic() - started:.2f}",
            "counts": json.dumps(counts, sort_keys=True),
            "schema_version": str(SCHEMA_VERSION),
        }
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.commit()
    return counts
