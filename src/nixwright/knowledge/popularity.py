"""A popularity hint for package search, taken from the release itself.

Packages that NixOS option defaults and examples name (``pkgs.firefox``) and packages that have a
module of their own (``programs.firefox``, ``services.nginx``) are the ones configurations use;
the search ranks them above look-alikes that nothing refers to.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

from nixwright.knowledge.ingest_options import SEP

_PKGS = re.compile(r"\bpkgs\.([A-Za-z_][A-Za-z0-9_'-]*(?:\.[A-Za-z_][A-Za-z0-9_'-]*)*)")
MODULE_WEIGHT = 3  # a module of its own counts like three references


def record_package_refs(db: sqlite3.Connection) -> int:
    counts: Counter[str] = Counter()
    for default, example in db.execute("SELECT default_text, example_text FROM options WHERE module = ''"):
        for text in (default, example):
            if text and "pkgs." in text:
                counts.update(_PKGS.findall(text))
    modules = {
        parts.split(SEP)[1]
        for (parts,) in db.execute(
            "SELECT parts FROM options WHERE module = '' AND kind = 'documented'"
            " AND (parts LIKE ? OR parts LIKE ?)",
            (f"services{SEP}%{SEP}%", f"programs{SEP}%{SEP}%"),
        )
    }
    for name in modules:
        counts[name] += MODULE_WEIGHT
    known = {a for (a,) in db.execute("SELECT attr_path FROM packages")}
    rows = sorted((attr, n) for attr, n in counts.items() if attr in known)
    db.executemany("INSERT INTO package_refs VALUES (?, ?)", rows)
    return len(rows)
